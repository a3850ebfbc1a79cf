// SPDX-License-Identifier: GPL-2.0
/*
 * An app's arguments and environment reach it (the app's, or an instance's
 * own from WASMKM_IOC_START), and what it prints to stdout and stderr is in
 * its log, byte for byte and in order.
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

/*
 * WASMKM_IOC_START with @flags and these argv/env (NULL: none given);
 * 0 and the instance's log in @log, else the ioctl's -errno.
 */
static int start_logged(int dev, uint32_t app_id, uint32_t flags, const char *const *argv,
			const char *const *env, char *log, size_t size)
{
	char abuf[256], ebuf[256];
	struct wasmkm_start s = { .size = sizeof(s), .flags = flags, .app_id = app_id };
	struct wasmkm_inst_info info;
	int ret;

	if (argv) {
		s.argv = wk_ptr(abuf);
		s.argv_len = wk_pack(abuf, sizeof(abuf), argv);
	}
	if (env) {
		s.env = wk_ptr(ebuf);
		s.env_len = wk_pack(ebuf, sizeof(ebuf), env);
	}
	ret = wk_ioctl(dev, WASMKM_IOC_START, &s);
	if (ret)
		return ret;
	ret = wk_wait_end(dev, s.inst_id, 30000, &info);
	if (ret)
		return ret;
	return wk_logs(dev, s.inst_id, log, size) < 0 ? -EIO : 0;
}

/* An instance may get its own argv and env instead of the app's. */
TEST_F(app, start_own_args)
{
	const char *argv[] = { "echo", "x", NULL };
	const char *env[] = { "A=1", NULL };
	const char *own_argv[] = { "mine", "y", "", NULL };
	const char *own_env[] = { "B=2", "C=", NULL };
	const char *none[] = { NULL };
	struct wasmkm_start old = { .size = 16 };
	struct wasmkm_inst_info info;
	struct wk_app app;
	int d = self->dev;
	char *log = self->log;
	size_t n = sizeof(self->log);

	ASSERT_EQ(0, wk_load(d, "echo", argv, env, &app));
	/* An older caller's struct: the app's. */
	old.app_id = app.app_id;
	ASSERT_EQ(0, wk_ioctl(d, WASMKM_IOC_START, &old));
	ASSERT_EQ(0, wk_wait_end(d, old.inst_id, 30000, &info));
	ASSERT_LT(0, wk_logs(d, old.inst_id, log, n));
	EXPECT_STREQ("argc=2\nargv[0]=echo\nargv[1]=x\nenv=A=1\ndone\n", log);
	ASSERT_EQ(0, start_logged(d, app.app_id, WASMKM_START_ARGV, own_argv, NULL, log, n));
	EXPECT_STREQ("argc=3\nargv[0]=mine\nargv[1]=y\nargv[2]=\nenv=A=1\ndone\n", log);
	ASSERT_EQ(0, start_logged(d, app.app_id, WASMKM_START_ENV, NULL, own_env, log, n));
	EXPECT_STREQ("argc=2\nargv[0]=echo\nargv[1]=x\nenv=B=2\nenv=C=\ndone\n", log);
	ASSERT_EQ(0, start_logged(d, app.app_id, WASMKM_START_ARGV | WASMKM_START_ENV, own_argv,
				  own_env, log, n));
	EXPECT_STREQ("argc=3\nargv[0]=mine\nargv[1]=y\nargv[2]=\nenv=B=2\nenv=C=\ndone\n",
		     log);
	/* Empty blobs: no arguments at all, no environment. */
	ASSERT_EQ(0, start_logged(d, app.app_id, WASMKM_START_ARGV | WASMKM_START_ENV, none,
				  none, log, n));
	EXPECT_STREQ("argc=0\ndone\n", log);
	/* The app's own are unchanged for the next instance. */
	ASSERT_EQ(0, start_logged(d, app.app_id, 0, NULL, NULL, log, n));
	EXPECT_STREQ("argc=2\nargv[0]=echo\nargv[1]=x\nenv=A=1\ndone\n", log);
	EXPECT_EQ(0, wk_unload(d, &app));
}

/* START's blobs are bounded and checked as LOAD's; a refusal starts nothing. */
TEST_F(app, start_args_refused)
{
	static char big[WASMKM_ARGS_MAX + 1];
	const char *argv[] = { "echo", NULL };
	static struct wasmkm_inst_info infos[WK_MAX_INSTS];
	struct wasmkm_start s;
	struct wk_app app;
	int d = self->dev, before;

	ASSERT_EQ(0, wk_load(d, "echo", argv, NULL, &app));
	before = wk_list_insts(d, infos, WK_MAX_INSTS);
	memset(&s, 0, sizeof(s));
	s.size = sizeof(s);
	s.app_id = app.app_id;
	s.flags = WASMKM_START_ARGV;
	s.argv = wk_ptr(big);
	s.argv_len = sizeof(big);		/* NUL-terminated, one byte too many */
	EXPECT_EQ(-E2BIG, wk_ioctl(d, WASMKM_IOC_START, &s));
	s.flags = WASMKM_START_ENV;
	s.env = s.argv;
	s.env_len = s.argv_len;
	s.argv = 0;
	s.argv_len = 0;
	EXPECT_EQ(-E2BIG, wk_ioctl(d, WASMKM_IOC_START, &s));
	memset(big, 'x', 8);
	s.env_len = 8;				/* not NUL-terminated */
	EXPECT_EQ(-EINVAL, wk_ioctl(d, WASMKM_IOC_START, &s));
	s.env = wk_ptr((void *)8);
	s.env_len = 2;
	EXPECT_EQ(-EFAULT, wk_ioctl(d, WASMKM_IOC_START, &s));
	s.env = wk_ptr(big + 8);		/* zeros: a valid blob ... */
	s.flags = 0;				/* ... without its flag */
	EXPECT_EQ(-EINVAL, wk_ioctl(d, WASMKM_IOC_START, &s));
	s.flags = WASMKM_START_ENV | 4;		/* an unknown flag */
	EXPECT_EQ(-EINVAL, wk_ioctl(d, WASMKM_IOC_START, &s));
	EXPECT_EQ(before, wk_list_insts(d, infos, WK_MAX_INSTS));
	EXPECT_EQ(0, wk_unload(d, &app));
}

TEST_HARNESS_MAIN
