// SPDX-License-Identifier: GPL-2.0
/*
 * Device grants (Documentation/devices.md) on simulated hardware: the
 * test-only module tests/devsim/ (an I2C adapter with a register-file
 * sensor at 0x48, a gpiochip labelled "wasmkm-devsim" whose inputs debugfs
 * toggles).  The simulator is checked first through the kernel's own GPIO
 * character device; then LOAD takes, refuses and releases devices.
 */
#include "devsim.h"

/* The simulator itself: edges raised at ~1 kHz reach a native consumer in order. */
TEST_F(devices, sim_edges_in_order)
{
	struct gpio_v2_line_event ev;
	uint32_t seq = 0;
	int fd, i;

	ASSERT_EQ(0, sim_set(0, 0));
	fd = native_request(self->chip, 0, GPIO_V2_LINE_FLAG_INPUT |
			    GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING, 0);
	ASSERT_LE(0, fd);
	for (i = 0; i < EDGES; i++) {
		ASSERT_EQ(0, sim_set(0, !(i & 1)));
		usleep(1000);
	}
	for (i = 0; i < EDGES; i++) {
		ASSERT_EQ(sizeof(ev), read(fd, &ev, sizeof(ev))) TH_LOG("event %d", i);
		EXPECT_EQ(i & 1 ? GPIO_V2_LINE_EVENT_FALLING_EDGE : GPIO_V2_LINE_EVENT_RISING_EDGE,
			  ev.id);
		EXPECT_EQ(seq + 1, ev.line_seqno);
		seq = ev.line_seqno;
	}
	close(fd);
}

/* The simulator: an output a consumer drives shows in debugfs. */
TEST_F(devices, sim_output_seen)
{
	int fd = native_request(self->chip, 5, GPIO_V2_LINE_FLAG_OUTPUT, 1);

	ASSERT_LE(0, fd);
	EXPECT_EQ('1', sim_level(5));
	close(fd);
}

TEST_F(devices, i2c_missing_bus_refused)
{
	struct wasmkm_cap c = i2c_cap(9999, SIM_ADDR);
	struct wk_app app;

	EXPECT_EQ(-ENODEV, load_caps(self->dev, &c, 1, &app));
	EXPECT_NE(NULL, strstr(app.error, "i2c:9999:0x48")) TH_LOG("%s", app.error);
	c = i2c_cap(self->bus, 0x03);
	EXPECT_EQ(-EINVAL, load_caps(self->dev, &c, 1, &app));
	c = i2c_cap(self->bus, 0x78);
	EXPECT_EQ(-EINVAL, load_caps(self->dev, &c, 1, &app));
	c = i2c_cap(self->bus, SIM_ADDR);
	c.i2c.reserved = 1;
	EXPECT_EQ(-EINVAL, load_caps(self->dev, &c, 1, &app));
}

/* One app at a time holds an address; unloading releases it. */
TEST_F(devices, i2c_busy_until_unload)
{
	struct wasmkm_cap c = i2c_cap(self->bus, SIM_ADDR);
	struct wk_app a, b;

	ASSERT_EQ(0, load_caps(self->dev, &c, 1, &a)) TH_LOG("%s", a.error);
	EXPECT_EQ(-EBUSY, load_caps(self->dev, &c, 1, &b));
	EXPECT_NE(NULL, strstr(b.error, "in use")) TH_LOG("%s", b.error);
	ASSERT_EQ(0, wk_unload(self->dev, &a));
	ASSERT_EQ(0, load_caps(self->dev, &c, 1, &b)) TH_LOG("%s", b.error);
	EXPECT_EQ(0, wk_unload(self->dev, &b));
}

TEST_F(devices, gpio_missing_chip_refused)
{
	struct wasmkm_cap c = gpio_cap("no-such-chip", 1, 0);
	struct wk_app app;

	EXPECT_EQ(-ENODEV, load_caps(self->dev, &c, 1, &app));
	EXPECT_NE(NULL, strstr(app.error, "gpio:no-such-chip:1")) TH_LOG("%s", app.error);
	c = gpio_cap(SIM_LABEL, 8, 0);		/* the chip has lines 0-7 */
	EXPECT_EQ(-EINVAL, load_caps(self->dev, &c, 1, &app));
	c = gpio_cap(SIM_LABEL, 1, WASMKM_GPIO_OUT | WASMKM_GPIO_EDGE_RISING);
	EXPECT_EQ(-EINVAL, load_caps(self->dev, &c, 1, &app));
	c = gpio_cap(SIM_LABEL, 1, 8);
	EXPECT_EQ(-EINVAL, load_caps(self->dev, &c, 1, &app));
	memset(c.gpio.chip, 'a', sizeof(c.gpio.chip));	/* not NUL-terminated */
	EXPECT_EQ(-EINVAL, load_caps(self->dev, &c, 1, &app));
}

/* A line a native consumer holds is refused at load, and free after. */
TEST_F(devices, gpio_busy_line_refused)
{
	struct wasmkm_cap c = gpio_cap(SIM_LABEL, 2, 0);
	struct wk_app app;
	int fd = native_request(self->chip, 2, GPIO_V2_LINE_FLAG_INPUT, 0);

	ASSERT_LE(0, fd);
	EXPECT_EQ(-EBUSY, load_caps(self->dev, &c, 1, &app));
	EXPECT_NE(NULL, strstr(app.error, "in use")) TH_LOG("%s", app.error);
	close(fd);
	ASSERT_EQ(0, load_caps(self->dev, &c, 1, &app)) TH_LOG("%s", app.error);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/*
 * The app holds its lines (an output driven low, an edge input with its
 * interrupt) until it is unloaded; then a native consumer gets them.
 */
TEST_F(devices, gpio_unload_releases)
{
	struct wasmkm_cap c[2] = {
		gpio_cap(SIM_LABEL, 3, WASMKM_GPIO_OUT),
		gpio_cap(SIM_LABEL, 4, WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING),
	};
	struct wk_app app;
	int fd, i;

	ASSERT_EQ(0, load_caps(self->dev, c, 2, &app)) TH_LOG("%s", app.error);
	EXPECT_EQ('0', sim_level(3));
	EXPECT_EQ(-EBUSY, native_request(self->chip, 3, GPIO_V2_LINE_FLAG_INPUT, 0));
	EXPECT_EQ(-EBUSY, native_request(self->chip, 4, GPIO_V2_LINE_FLAG_INPUT, 0));
	for (i = 0; i < 100; i++)	/* more edges than the ring keeps */
		ASSERT_EQ(0, sim_set(4, !(i & 1)));
	ASSERT_EQ(0, wk_unload(self->dev, &app));
	fd = native_request(self->chip, 3, GPIO_V2_LINE_FLAG_OUTPUT, 1);
	ASSERT_LE(0, fd);
	EXPECT_EQ('1', sim_level(3));
	close(fd);
	fd = native_request(self->chip, 4, GPIO_V2_LINE_FLAG_INPUT |
			    GPIO_V2_LINE_FLAG_EDGE_RISING, 0);
	ASSERT_LE(0, fd);
	close(fd);
}

/* Without CAP_SYS_ADMIN no device grant, with a message that says why. */
TEST_F(devices, unprivileged_refused)
{
	struct wasmkm_cap c[2] = { i2c_cap(self->bus, SIM_ADDR), gpio_cap(SIM_LABEL, 6, 0) };
	int status, k;
	pid_t pid = fork();

	ASSERT_LE(0, pid);
	if (!pid) {
		struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
		struct __user_cap_data_struct data[2];
		struct wk_app app;

		if (syscall(SYS_capget, &hdr, data))
			_exit(10);
		data[0].effective &= ~(1u << CAP_SYS_ADMIN);
		if (syscall(SYS_capset, &hdr, data))
			_exit(11);
		for (k = 0; k < 2; k++) {
			if (load_caps(self->dev, &c[k], 1, &app) != -EPERM)
				_exit(20 + k);
			if (!strstr(app.error, "CAP_SYS_ADMIN"))
				_exit(30 + k);
		}
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* Random device grants: an errno or a grant, never a crash or a leak. */
TEST_F(devices, random_grants)
{
	struct wasmkm_cap c;
	struct wk_app app;
	int i, ret, granted = 0;

	srand(16);
	for (i = 0; i < RANDOM_GRANTS; i++) {
		unsigned char *p = (unsigned char *)&c;
		size_t k;

		for (k = 0; k < sizeof(c); k++)
			p[k] = rand() & (rand() & 1 ? 0x0f : 0xff);
		c.kind = i & 1 ? WASMKM_CAP_I2C : WASMKM_CAP_GPIO;
		if (i % 4 < 2) {	/* often a real chip or bus, so some succeed */
			c.flags = c.dir_fd = c.reserved = 0;
			if (c.kind == WASMKM_CAP_GPIO) {
				snprintf(c.gpio.chip, sizeof(c.gpio.chip), SIM_LABEL);
				c.gpio.line &= 15;
				c.gpio.flags &= 7;
			} else {
				c.i2c.bus = self->bus;
				c.i2c.reserved = 0;
				c.i2c.addr &= 0x7f;
			}
		}
		ret = load_caps(self->dev, &c, 1, &app);
		if (!ret) {
			granted++;
			ASSERT_EQ(0, wk_unload(self->dev, &app));
			continue;
		}
		ASSERT_TRUE(ret == -EINVAL || ret == -ENODEV || ret == -EBUSY ||
			    ret == -ENXIO) TH_LOG("%d: %s", ret, app.error);
		ASSERT_NE(0, app.error[0]);
	}
	TH_LOG("%d of %d random grants taken", granted, RANDOM_GRANTS);
}

TEST_HARNESS_MAIN
