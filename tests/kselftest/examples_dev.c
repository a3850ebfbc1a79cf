// SPDX-License-Identifier: GPL-2.0
/*
 * The device examples (examples/thermostat.c, examples/button.c) against
 * the simulator of tests/devsim/, with the grants their headers document:
 * the thermostat switches its output with hysteresis as the test moves the
 * simulated temperature and logs to its granted directory; the button app,
 * asleep in poll_oneoff, counts the presses the test raises.
 */
#include <sys/stat.h>

#include "devsim.h"

#define LOG_SIZE 65536
#define THERMO_DIR "/tmp/wkthermo"
#define THERMO_LOG THERMO_DIR "/thermostat.log"
#define HEATER_LINE 0
#define BUTTON_LINE 1

static char log_buf[LOG_SIZE];

/* Register 0-1 of the simulated sensor: 1/256 degrees C, big-endian. */
static int sim_temp(double celsius)
{
	int16_t v = (int16_t)(celsius * 256);
	uint8_t b[2] = { (uint16_t)v >> 8, v & 0xff };
	int fd = open(SIM_DBG "/regs", O_WRONLY | O_CLOEXEC);
	int ret = 0;

	if (fd < 0)
		return -errno;
	if (pwrite(fd, b, 2, 0) != 2)
		ret = -errno;
	close(fd);
	return ret;
}

/* Wait until the thermostat's log file holds @what; 0 or -ETIMEDOUT. */
static int wait_file(const char *what)
{
	uint64_t end = wk_now_ms() + 10000;

	while (wk_now_ms() < end) {
		if (wk_read_file(THERMO_LOG, log_buf, sizeof(log_buf)) > 0 &&
		    strstr(log_buf, what))
			return 0;
		wk_sleep_ms(20);
	}
	return -ETIMEDOUT;
}

/*
 * Set point 21.0 with 0.5 of hysteresis: below 20.5 the heater (an output
 * seen through the chip) goes on, above 21.5 off, in between it stays.
 */
TEST_F(devices, thermostat)
{
	static const char *const argv[] = { "thermostat", "21.0", "0", NULL };
	static const struct {
		double temp;
		const char *line;	/* in the log: "N T C heater S" */
		char level;
	} steps[] = {
		{ 25.0, " 25.00 C heater off\n", '0' },
		{ -5.5, " -5.50 C heater on\n", '1' },	/* a negative reading */
		{ 21.25, " 21.25 C heater on\n", '1' },	/* between: stays on */
		{ 23.0, " 23.00 C heater off\n", '0' },
		{ 20.75, " 20.75 C heater off\n", '0' },	/* between: stays off */
	};
	struct wasmkm_cap c[3];
	struct wasmkm_inst_info info;
	struct wk_app app;
	uint32_t inst;
	unsigned int i;

	ASSERT_EQ(0, wk_sh(NULL, 0, "rm -rf " THERMO_DIR " && mkdir -p " THERMO_DIR));
	memset(&c[0], 0, sizeof(c[0]));
	c[0].kind = WASMKM_CAP_FS;
	c[0].dir_fd = open(THERMO_DIR, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, c[0].dir_fd);
	snprintf(c[0].guest_path, sizeof(c[0].guest_path), "/log");
	c[1] = i2c_cap(self->bus, SIM_ADDR);
	c[2] = gpio_cap(SIM_LABEL, HEATER_LINE, WASMKM_GPIO_OUT);
	ASSERT_EQ(0, sim_temp(steps[0].temp));
	ASSERT_EQ(0, dev_app_start(self->dev, WK_APPS "/thermostat.wko", c, 3, argv, &app,
				   &inst)) TH_LOG("%s", app.error);
	close(c[0].dir_fd);
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		ASSERT_EQ(0, sim_temp(steps[i].temp));
		/* The app switches the line before it logs the reading. */
		EXPECT_EQ(0, wait_file(steps[i].line)) {
			wk_logs(self->dev, inst, log_buf, sizeof(log_buf));
			TH_LOG("no \"%.*s\"; app output:\n%s",
			       (int)strlen(steps[i].line) - 1, steps[i].line, log_buf);
			break;
		}
		EXPECT_EQ(steps[i].level, sim_level(HEATER_LINE)) TH_LOG("at %.2f C", steps[i].temp);
	}
	EXPECT_EQ(0, wk_stop(self->dev, inst));
	EXPECT_EQ(0, wk_wait_end(self->dev, inst, 5000, &info));
	EXPECT_EQ(0, wk_unload(self->dev, &app));
	ASSERT_LT(0, wk_read_file(THERMO_LOG, log_buf, sizeof(log_buf)));
	TH_LOG("%s (tail):\n%s", THERMO_LOG,
	       log_buf + (strlen(log_buf) > 400 ? strlen(log_buf) - 400 : 0));
}

/* Asleep in poll_oneoff until an edge: rising edges count, falling ones not. */
TEST_F(devices, button)
{
	static const char *const argv[] = { "button", "3", NULL };
	struct wasmkm_cap c = gpio_cap(SIM_LABEL, BUTTON_LINE,
				       WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING);
	struct wasmkm_inst_info info;
	struct wk_app app;
	char want[32];
	uint32_t inst;
	int i;

	ASSERT_EQ(0, sim_set(BUTTON_LINE, 0));
	ASSERT_EQ(0, dev_app_start(self->dev, WK_APPS "/button.wko", &c, 1, argv, &app, &inst))
		TH_LOG("%s", app.error);
	wk_sleep_ms(200);	/* into poll_oneoff: no press yet, no output */
	ASSERT_EQ(0, wk_inst_info(self->dev, inst, &info));
	EXPECT_EQ(WASMKM_INST_RUNNING, info.state);
	ASSERT_LE(0, wk_logs(self->dev, inst, log_buf, sizeof(log_buf)));
	EXPECT_STREQ("", log_buf);
	for (i = 1; i <= 3; i++) {
		/* A press: a rising then a falling edge. */
		ASSERT_EQ(0, sim_set(BUTTON_LINE, 1));
		ASSERT_EQ(0, sim_set(BUTTON_LINE, 0));
		snprintf(want, sizeof(want), "press %d at ", i);
		ASSERT_EQ(0, dev_wait_log(self->dev, inst, want, log_buf, sizeof(log_buf)))
			TH_LOG("app output:\n%s", log_buf);
		if (i < 3) {
			/* Four edges so far: had falling ones counted, it would be done. */
			ASSERT_EQ(0, wk_inst_info(self->dev, inst, &info));
			EXPECT_EQ(WASMKM_INST_RUNNING, info.state) TH_LOG("after press %d", i);
		}
	}
	ASSERT_EQ(0, wk_wait_end(self->dev, inst, 5000, &info));
	ASSERT_LE(0, wk_logs(self->dev, inst, log_buf, sizeof(log_buf)));
	TH_LOG("app output:\n%s", log_buf);
	EXPECT_EQ(WASMKM_INST_EXITED, info.state);
	EXPECT_EQ(0, info.exit_code);
	EXPECT_EQ(NULL, strstr(log_buf, "missed"));
	EXPECT_EQ(NULL, strstr(log_buf, "press 4"));
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

TEST_HARNESS_MAIN
