// SPDX-License-Identifier: GPL-2.0
/*
 * An app's arguments and environment reach it, and what it prints to
 * stdout and stderr is in its log, byte for byte and in order.
 */
#include "wasmkm_test.h"
#include "kselftest_harness.h"

FIXTURE(app)
{
	int dev;
	char log[WASMKM_LOG_SIZE + 1];
};

FIXTURE_SETUP(app)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
}

FIXTURE_TEARDOWN(app)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

TEST_F(app, args_and_env)
{
	const char *argv[] = { "echo", "hello world", "-x", "", "ünïcödé", NULL };
	const char *env[] = { "GREETING=Hello", "EMPTY=", "A=b=c", NULL };
	const char *expected =
		"argc=5\n"
		"argv[0]=echo\n"
		"argv[1]=hello world\n"
		"argv[2]=-x\n"
		"argv[3]=\n"
		"argv[4]=ünïcödé\n"
		"env=GREETING=Hello\n"
		"env=EMPTY=\n"
		"env=A=b=c\n"
		"done\n";
	struct wasmkm_inst_info info;

	ASSERT_EQ(0, wk_run(self->dev, "echo", argv, env, 30000, &info,
			    self->log, sizeof(self->log)));
	EXPECT_EQ(WASMKM_INST_EXITED, info.state);
	EXPECT_EQ(0, info.exit_code);
	EXPECT_EQ(strlen(expected), info.log_bytes);
	EXPECT_STREQ(expected, self->log);
}

TEST_F(app, no_args_no_env)
{
	struct wasmkm_inst_info info;

	ASSERT_EQ(0, wk_run(self->dev, "echo", NULL, NULL, 30000, &info,
			    self->log, sizeof(self->log)));
	EXPECT_EQ(WASMKM_INST_EXITED, info.state);
	/* argv[0] may be supplied by the kernel, but nothing else. */
	EXPECT_EQ(NULL, strstr(self->log, "env="));
	EXPECT_NE(NULL, strstr(self->log, "done\n"));
}

TEST_F(app, example_hello)
{
	const char *argv[] = { "hello", "wasm", "kernel", NULL };
	const char *env[] = { "GREETING=Hello", NULL };
	struct wasmkm_inst_info info;

	ASSERT_EQ(0, wk_run(self->dev, "hello", argv, env, 30000, &info,
			    self->log, sizeof(self->log)));
	EXPECT_EQ(WASMKM_INST_EXITED, info.state);
	EXPECT_EQ(2, info.exit_code);
	EXPECT_STREQ("Hello from a WebAssembly kernel thread!\n"
		     "arg 1: wasm\n"
		     "arg 2: kernel\n", self->log);
}

/* One object serves many instances, each with its own state and log. */
TEST_F(app, many_instances)
{
	const char *argv[] = { "echo", "x", NULL };
	struct wasmkm_inst_info info;
	struct wk_app app;
	uint32_t inst[4];
	int i;

	ASSERT_EQ(0, wk_load(self->dev, "echo", argv, NULL, &app));
	for (i = 0; i < 4; i++)
		ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst[i]));
	for (i = 0; i < 4; i++) {
		if (i)
			EXPECT_NE(inst[i - 1], inst[i]);
		ASSERT_EQ(0, wk_wait_end(self->dev, inst[i], 30000, &info));
		EXPECT_EQ(WASMKM_INST_EXITED, info.state);
		EXPECT_EQ(app.app_id, info.app_id);
		ASSERT_LT(0, wk_logs(self->dev, inst[i], self->log,
				     sizeof(self->log)));
		EXPECT_STREQ("argc=2\nargv[0]=echo\nargv[1]=x\ndone\n",
			     self->log);
	}
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/* Reading the log in small pieces gives the same bytes. */
TEST_F(app, logs_in_pieces)
{
	const char *argv[] = { "echo", "0123456789abcdef", NULL };
	struct wasmkm_inst_info info;
	struct wasmkm_logs l;
	struct wk_app app;
	char piece[3], all[256] = "";
	uint64_t pos = 0;
	uint32_t inst;

	ASSERT_EQ(0, wk_load(self->dev, "echo", argv, NULL, &app));
	ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst));
	ASSERT_EQ(0, wk_wait_end(self->dev, inst, 30000, &info));
	for (;;) {
		memset(&l, 0, sizeof(l));
		l.size = sizeof(l);
		l.inst_id = inst;
		l.pos = pos;
		l.buf = wk_ptr(piece);
		l.buf_len = sizeof(piece);
		ASSERT_EQ(0, wk_ioctl(self->dev, WASMKM_IOC_LOGS, &l));
		ASSERT_GE(sizeof(piece), l.len);
		if (!l.len)
			break;
		EXPECT_EQ(pos + l.len, l.next);
		strncat(all, piece, l.len);
		pos = l.next;
		ASSERT_GT(sizeof(all) - 8, strlen(all));
	}
	EXPECT_EQ(WASMKM_INST_EXITED, l.state);
	EXPECT_STREQ("argc=2\nargv[0]=echo\nargv[1]=0123456789abcdef\ndone\n",
		     all);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

TEST_HARNESS_MAIN
