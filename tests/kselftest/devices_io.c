// SPDX-License-Identifier: GPL-2.0
/*
 * The device descriptors' data path (Documentation/devices.md) on the
 * simulator of tests/devsim/: a wasm app (tests/apps/devio.c) reads and
 * writes registers through its I2C descriptor, drives an output, sleeps in
 * poll_oneoff until edges the test raises, is stopped while it waits, and
 * calls every descriptor operation with random arguments.  With no
 * directory grant, grant i is descriptor 3 + i.
 */
#include "devsim.h"

#define WASI_EINVAL 28
#define WASI_EAGAIN 6
#define WASI_ENOTCAPABLE 76
#define LOG_SIZE 65536

/* LOAD devio with @caps and @argv (argv[0] first), attach and start it. */
static int io_start(int dev, const struct wasmkm_cap *caps, uint32_t n,
		    const char *const *argv, struct wk_app *app, uint32_t *inst)
{
	return dev_app_start(dev, WK_APPS "/devio.wko", caps, n, argv, app, inst);
}

/* Wait for the end (@ms at most), read the log; 0 or -errno. */
static int io_finish(int dev, uint32_t inst, unsigned int ms, char *log)
{
	struct wasmkm_inst_info info;
	int ret = wk_wait_end(dev, inst, ms, &info);

	if (ret)
		return ret;
	return wk_logs(dev, inst, log, LOG_SIZE) < 0 ? -EIO : 0;
}

/* Wait until the app's log holds @what; 0 or -ETIMEDOUT. */
static int io_wait_log(int dev, uint32_t inst, const char *what, char *log)
{
	return dev_wait_log(dev, inst, what, log, LOG_SIZE);
}

static int regs_rw(const void *buf, size_t len, off_t off, bool write)
{
	int fd = open(SIM_DBG "/regs", (write ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
	ssize_t ret;

	if (fd < 0)
		return -errno;
	ret = write ? pwrite(fd, buf, len, off) : pread(fd, (void *)buf, len, off);
	close(fd);
	return ret == (ssize_t)len ? 0 : -EIO;
}

static char log_buf[LOG_SIZE];

/* Register reads and writes of 1, 2 and N bytes, byte-exact both ways. */
TEST_F(devices, i2c_registers)
{
	static const char *const argv[] = {
		"devio", "r:3:0x10:1", "r:3:0x20:2", "r:3:0x40:32", "w:3:0x50:a5",
		"w:3:0x60:1234", "w:3:0x70:0102030405", "R:3:4", "W:3:80dead",
		"r:3:256:1", "r:3:0:33", "r:3:0:0", NULL,
	};
	struct wasmkm_cap c = i2c_cap(self->bus, SIM_ADDR);
	uint8_t regs[256], want[256];
	char line[160], *p;
	struct wk_app app;
	uint32_t inst;
	int i;

	for (i = 0; i < 256; i++)
		regs[i] = i * 7 + 3;
	ASSERT_EQ(0, regs_rw(regs, sizeof(regs), 0, true));
	ASSERT_EQ(0, io_start(self->dev, &c, 1, argv, &app, &inst)) TH_LOG("%s", app.error);
	ASSERT_EQ(0, io_finish(self->dev, inst, 20000, log_buf));
	TH_LOG("app log:\n%s", log_buf);
	snprintf(line, sizeof(line), "r 16 = %02x\n", regs[0x10]);
	EXPECT_NE(NULL, strstr(log_buf, line)) TH_LOG("want %s", line);
	snprintf(line, sizeof(line), "r 32 = %02x %02x\n", regs[0x20], regs[0x21]);
	EXPECT_NE(NULL, strstr(log_buf, line)) TH_LOG("want %s", line);
	p = line + snprintf(line, sizeof(line), "r 64 =");
	for (i = 0; i < 32; i++)
		p += sprintf(p, " %02x", regs[0x40 + i]);
	strcpy(p, "\n");
	EXPECT_NE(NULL, strstr(log_buf, line)) TH_LOG("want %s", line);
	EXPECT_NE(NULL, strstr(log_buf, "w 80 = 1\n"));
	EXPECT_NE(NULL, strstr(log_buf, "w 96 = 2\n"));
	EXPECT_NE(NULL, strstr(log_buf, "w 112 = 5\n"));
	/* The raw read goes on from the register pointer the last write left. */
	snprintf(line, sizeof(line), "R = %02x %02x %02x %02x\n",
		 regs[0x75], regs[0x76], regs[0x77], regs[0x78]);
	EXPECT_NE(NULL, strstr(log_buf, line)) TH_LOG("want %s", line);
	EXPECT_NE(NULL, strstr(log_buf, "W = 3\n"));
	snprintf(line, sizeof(line), "r 256 err %d\n", WASI_EINVAL);
	EXPECT_NE(NULL, strstr(log_buf, line));
	snprintf(line, sizeof(line), "r 0 err %d\n", WASI_EINVAL);
	EXPECT_NE(NULL, strstr(log_buf, line));	/* 33 bytes and 0 bytes */
	EXPECT_EQ(0, wk_unload(self->dev, &app));

	memcpy(want, regs, sizeof(want));
	want[0x50] = 0xa5;
	want[0x60] = 0x12;
	want[0x61] = 0x34;
	for (i = 0; i < 5; i++)
		want[0x70 + i] = i + 1;
	want[0x80] = 0xde;
	want[0x81] = 0xad;
	ASSERT_EQ(0, regs_rw(regs, sizeof(regs), 0, false));
	for (i = 0; i < 256; i++)
		EXPECT_EQ(want[i], regs[i]) TH_LOG("register %#x", i);
}

/* An output the app writes is seen through the chip; an input read; no offsets. */
TEST_F(devices, gpio_output_input)
{
	static const char *const argv[] = {
		"devio", "o:3:1", "o:4:1", "o:3:2", "r:3:0:1", "R:4:1", "n:5:16", NULL,
	};
	struct wasmkm_cap c[3] = {
		gpio_cap(SIM_LABEL, 3, WASMKM_GPIO_OUT), gpio_cap(SIM_LABEL, 6, 0),
		gpio_cap(SIM_LABEL, 7, WASMKM_GPIO_EDGE_RISING),
	};
	char line[64];
	struct wk_app app;
	uint32_t inst;

	ASSERT_EQ(0, sim_set(6, 1));
	ASSERT_EQ(0, io_start(self->dev, c, 3, argv, &app, &inst)) TH_LOG("%s", app.error);
	ASSERT_EQ(0, io_finish(self->dev, inst, 10000, log_buf)) wk_stop(self->dev, inst);
	TH_LOG("app log:\n%s", log_buf);
	EXPECT_EQ('1', sim_level(3));	/* held until unload */
	EXPECT_NE(NULL, strstr(log_buf, "o = 1\n"));
	snprintf(line, sizeof(line), "o err %d\n", WASI_ENOTCAPABLE);
	EXPECT_NE(NULL, strstr(log_buf, line));	/* an input: no write right */
	snprintf(line, sizeof(line), "o err %d\n", WASI_EINVAL);
	EXPECT_NE(NULL, strstr(log_buf, line));	/* the byte 2 */
	snprintf(line, sizeof(line), "r 0 err %d\n", WASI_ENOTCAPABLE);
	EXPECT_NE(NULL, strstr(log_buf, line));	/* no seek right: no offsets */
	/* NONBLOCK set by the app holds: no edge queued, EAGAIN (not a wait). */
	snprintf(line, sizeof(line), "n err %d\n", WASI_EAGAIN);
	EXPECT_NE(NULL, strstr(log_buf, line));
	EXPECT_NE(NULL, strstr(log_buf, "R = 01\n"));
	EXPECT_EQ(0, wk_unload(self->dev, &app));
	EXPECT_EQ(0, sim_set(6, 0));
}

/*
 * Edges raised at about 1 kHz reach the app in poll_oneoff in order, none
 * lost; the first wakes it from a sleep (the latency is logged).
 */
TEST_F(devices, gpio_edges_to_app)
{
	static const char *const argv[] = { "devio", "e:3:201", NULL };
	struct wasmkm_cap c = gpio_cap(SIM_LABEL, 4, WASMKM_GPIO_EDGE_RISING |
				       WASMKM_GPIO_EDGE_FALLING);
	unsigned long long wake = 0;
	unsigned int seq, rising, want = 1;
	struct wk_app app;
	uint32_t inst;
	char *p;
	int i;

	ASSERT_EQ(0, sim_set(4, 0));
	ASSERT_EQ(0, io_start(self->dev, &c, 1, argv, &app, &inst)) TH_LOG("%s", app.error);
	ASSERT_EQ(0, io_wait_log(self->dev, inst, "waiting", log_buf));
	wk_sleep_ms(100);	/* into poll_oneoff */
	ASSERT_EQ(0, sim_set(4, 1));
	ASSERT_EQ(0, io_wait_log(self->dev, inst, "ev 1 1\n", log_buf));
	for (i = 1; i <= EDGES; i++) {
		ASSERT_EQ(0, sim_set(4, !(i & 1)));
		usleep(1000);
	}
	ASSERT_EQ(0, io_finish(self->dev, inst, 15000, log_buf)) {
		wk_stop(self->dev, inst);
		wk_logs(self->dev, inst, log_buf, LOG_SIZE);
		TH_LOG("app log:\n%s", log_buf);
	}
	p = strstr(log_buf, "wake ");
	ASSERT_NE(NULL, p);
	wake = strtoull(p + 5, NULL, 10);
	TH_LOG("edge to app awake in poll_oneoff: %llu us", wake / 1000);
	EXPECT_GT(2000000000ULL, wake);
	for (p = strstr(log_buf, "ev "); p; p = strstr(p + 1, "\nev ")) {
		if (*p == '\n')
			p++;
		ASSERT_EQ(2, sscanf(p, "ev %u %u", &seq, &rising));
		ASSERT_EQ(want, seq) TH_LOG("log:\n%s", log_buf);
		EXPECT_EQ(seq & 1, rising);
		want++;
	}
	EXPECT_EQ(EDGES + 2, want);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/* A stop ends an app that waits for an edge, promptly. */
TEST_F(devices, gpio_stop_while_waiting)
{
	static const char *const argv[] = { "devio", "e:3:1000", NULL };
	struct wasmkm_cap c = gpio_cap(SIM_LABEL, 5, WASMKM_GPIO_EDGE_RISING);
	struct wasmkm_inst_info info;
	struct wk_app app;
	uint32_t inst;
	uint64_t t0;

	ASSERT_EQ(0, io_start(self->dev, &c, 1, argv, &app, &inst)) TH_LOG("%s", app.error);
	ASSERT_EQ(0, io_wait_log(self->dev, inst, "waiting", log_buf));
	wk_sleep_ms(100);
	t0 = wk_now_ms();
	ASSERT_EQ(0, wk_stop(self->dev, inst));
	ASSERT_EQ(0, wk_wait_end(self->dev, inst, 2000, &info));
	TH_LOG("stopped in %llu ms", (unsigned long long)(wk_now_ms() - t0));
	EXPECT_NE(WASMKM_INST_RUNNING, info.state);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/* Random arguments to every operation of every descriptor type: errnos only. */
TEST_F(devices, random_io)
{
	static const char *const argv[] = {
		"devio", "f:3:300", "f:4:300", "f:5:300", "f:6:300", NULL,
	};
	struct wasmkm_cap c[4] = {
		i2c_cap(self->bus, SIM_ADDR),
		gpio_cap(SIM_LABEL, 3, WASMKM_GPIO_OUT),
		gpio_cap(SIM_LABEL, 4, WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING),
		gpio_cap(SIM_LABEL, 6, 0),
	};
	struct wk_app app;
	uint32_t inst;
	char *p;
	int lines = 0;

	ASSERT_EQ(0, io_start(self->dev, c, 4, argv, &app, &inst)) TH_LOG("%s", app.error);
	ASSERT_EQ(0, sim_set(4, 1));	/* an event queued for the edge descriptor */
	ASSERT_EQ(0, io_finish(self->dev, inst, 20000, log_buf)) wk_stop(self->dev, inst);
	TH_LOG("app log:\n%s", log_buf);
	EXPECT_EQ(NULL, strstr(log_buf, "nonblock refused"));
	for (p = log_buf; (p = strstr(p, "fuzz 300 errnos ")); p++)
		lines++;
	EXPECT_EQ(4, lines);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
	EXPECT_EQ(0, sim_set(4, 0));
}

TEST_HARNESS_MAIN
