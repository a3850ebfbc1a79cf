/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device tests' fixture and helpers (devices.c: grants at load;
 * devices_io.c: the descriptors' data path): the simulator of tests/devsim/
 * loaded, its gpiochip open, its I2C bus number known.
 */
#ifndef WASMKM_DEVSIM_TEST_H
#define WASMKM_DEVSIM_TEST_H

#include <sys/mount.h>
#include <linux/capability.h>
#include <linux/gpio.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define SIM_KO WK_APPS "/wasmkm_devsim.ko"
#define SIM_SKIP WK_APPS "/wasmkm_devsim.skip"
#define SIM_LABEL "wasmkm-devsim"
#define SIM_DBG "/sys/kernel/debug/wasmkm_devsim"
#define SIM_ADDR 0x48
#define EDGES 200		/* toggles at about 1 kHz */
#define RANDOM_GRANTS 40	/* a LOAD takes tens of ms under TCG */

FIXTURE(devices)
{
	int dev;
	int chip;		/* /dev/gpiochipN of the simulator */
	unsigned int bus;	/* its I2C bus */
};

static inline int sim_chip(void)
{
	struct gpiochip_info info;
	char path[32];
	int i, fd;

	for (i = 0; i < 64; i++) {
		snprintf(path, sizeof(path), "/dev/gpiochip%d", i);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (!ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &info) && !strcmp(info.label, SIM_LABEL))
			return fd;
		close(fd);
	}
	return -ENODEV;
}

FIXTURE_SETUP(devices)
{
	char buf[96];
	int fd, ret;

	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
	fd = open(SIM_KO, O_RDONLY | O_CLOEXEC);
	/* Only a kernel the simulator cannot be built for says so (SIM_SKIP). */
	if (fd < 0 && wk_read_file(SIM_SKIP, buf, sizeof(buf)) > 0) {
		self->chip = -1;
		/* This harness runs the body after a setup SKIP: exit 255 is a skip. */
		SKIP(_exit(255), "%s", buf);
	}
	ASSERT_LE(0, fd) TH_LOG("no %s (make apps builds it)", SIM_KO);
	ret = wk_finit_module(fd, "");
	close(fd);
	ASSERT_TRUE(ret == 0 || ret == -EEXIST) TH_LOG("insmod %s: %s", SIM_KO, strerror(-ret));
	mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL);
	ASSERT_LT(0, wk_read_file(SIM_DBG "/i2c_bus", buf, sizeof(buf)));
	self->bus = strtoul(buf, NULL, 10);
	self->chip = sim_chip();
	ASSERT_LE(0, self->chip);
}

FIXTURE_TEARDOWN(devices)
{
	if (self->chip >= 0)
		close(self->chip);
	wk_cleanup(self->dev);
	close(self->dev);
}

/* Request lines of the simulator as a native consumer; the line fd or -errno. */
static inline int native_request(int chip, unsigned int line, uint64_t flags, uint32_t value)
{
	struct gpio_v2_line_request req;

	memset(&req, 0, sizeof(req));
	req.offsets[0] = line;
	req.num_lines = 1;
	req.config.flags = flags;
	if (flags & GPIO_V2_LINE_FLAG_OUTPUT) {
		req.config.num_attrs = 1;
		req.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
		req.config.attrs[0].attr.values = value;
		req.config.attrs[0].mask = 1;
	}
	req.event_buffer_size = 2 * EDGES;	/* the default, 16, would drop events */
	snprintf(req.consumer, sizeof(req.consumer), "devices-test");
	if (ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &req) < 0)
		return -errno;
	return req.fd;
}

static inline int sim_set(unsigned int line, int value)
{
	char text[16];
	int fd = open(SIM_DBG "/gpio", O_WRONLY | O_CLOEXEC);
	int len = snprintf(text, sizeof(text), "%u %d", line, value);
	int ret = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, text, len) != len)
		ret = -errno;
	close(fd);
	return ret;
}

/* The level of @line as the simulator sees it: '0' or '1'. */
static inline char sim_level(unsigned int line)
{
	char buf[16];

	if (wk_read_file(SIM_DBG "/gpio", buf, sizeof(buf)) <= (ssize_t)line)
		return '?';
	return buf[line];
}

/* LOAD hello with @n grants (no attach: LOAD alone takes the devices). */
static inline int load_caps(int dev, const struct wasmkm_cap *caps, uint32_t n, struct wk_app *app)
{
	static const char argv0[] = "hello";
	struct wasmkm_load load;
	int ret;

	memset(app, 0, sizeof(*app));
	app->obj_fd = open(WK_APPS "/hello.wko", O_RDONLY | O_CLOEXEC);
	if (app->obj_fd < 0)
		return -errno;
	memset(&load, 0, sizeof(load));
	load.size = sizeof(load);
	load.obj_fd = app->obj_fd;
	load.argv = wk_ptr(argv0);
	load.argv_len = sizeof(argv0);
	load.caps = wk_ptr(caps);
	load.ncaps = n;
	ret = wk_ioctl(dev, WASMKM_IOC_LOAD, &load);
	memcpy(app->error, load.error, sizeof(app->error));
	app->error[sizeof(app->error) - 1] = 0;
	close(app->obj_fd);
	app->obj_fd = -1;
	app->app_id = load.app_id;
	return ret;
}

static inline struct wasmkm_cap i2c_cap(unsigned int bus, unsigned int addr)
{
	struct wasmkm_cap c;

	memset(&c, 0, sizeof(c));
	c.kind = WASMKM_CAP_I2C;
	c.i2c.bus = bus;
	c.i2c.addr = addr;
	return c;
}

static inline struct wasmkm_cap gpio_cap(const char *chip, unsigned int line, unsigned int flags)
{
	struct wasmkm_cap c;

	memset(&c, 0, sizeof(c));
	c.kind = WASMKM_CAP_GPIO;
	snprintf(c.gpio.chip, sizeof(c.gpio.chip), "%s", chip);
	c.gpio.line = line;
	c.gpio.flags = flags;
	return c;
}

/* LOAD the app @wko with @caps and @argv (argv[0] first), attach and start it. */
static inline int dev_app_start(int dev, const char *wko, const struct wasmkm_cap *caps,
				uint32_t n, const char *const *argv, struct wk_app *app,
				uint32_t *inst)
{
	int ret = wk_load_caps(dev, wko, argv, NULL, caps, n, app);

	return ret ? ret : wk_start(dev, app->app_id, inst);
}

/* Wait until the instance's log (read into @log of @size) holds @what; 0 or -ETIMEDOUT. */
static inline int dev_wait_log(int dev, uint32_t inst, const char *what, char *log, size_t size)
{
	uint64_t end = wk_now_ms() + 10000;

	while (wk_now_ms() < end) {
		if (wk_logs(dev, inst, log, size) >= 0 && strstr(log, what))
			return 0;
		wk_sleep_ms(5);
	}
	return -ETIMEDOUT;
}

#endif
