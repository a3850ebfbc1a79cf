// SPDX-License-Identifier: GPL-2.0
/*
 * wasmctl as a daily tool, run in the guest: --wait owns its instance
 * (SIGINT/SIGTERM stop it unless --detach, --rm unloads the app), the app's
 * stdout and stderr reach wasmctl's stdout and stderr (the kernel keeps them
 * apart) with nothing of wasmctl's own on stdout, names work where ids do,
 * stop of an ended instance fails, rm/prune/unload --all/list --running
 * clean up, start --arg/--env give an instance its own argv and env, and a
 * wrapped log starts at a whole line.
 */
#include <signal.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define OUT	"/tmp/wasmctl-test.out"
#define ERR	"/tmp/wasmctl-test.err"

static int count_apps(int dev, const char *name)
{
	static struct wasmkm_app_info apps[WK_MAX_APPS];
	int n, i, c = 0;

	n = wk_list_apps(dev, apps, WK_MAX_APPS);
	for (i = 0; i < n && i < WK_MAX_APPS; i++)
		c += !strcmp(apps[i].name, name);
	return c;
}

static uint32_t wait_running(int dev, const char *name, unsigned int ms)
{
	uint64_t end = wk_now_ms() + ms;
	uint32_t id;

	while (wk_now_ms() < end) {
		id = wk_find_inst(dev, name, WASMKM_INST_RUNNING, NULL);
		if (id)
			return id;
		wk_sleep_ms(20);
	}
	return 0;
}

FIXTURE(wasmctl)
{
	int dev;
	char out[WASMKM_LOG_SIZE + 4096];
	char err[8192];
};

FIXTURE_SETUP(wasmctl)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
	wk_cleanup(self->dev);
}

FIXTURE_TEARDOWN(wasmctl)
{
	if (self->dev >= 0)
		wk_cleanup(self->dev);
	close(self->dev);
}

static void read_outputs(struct __test_metadata *_metadata, char *out, size_t osize,
			 char *err, size_t esize)
{
	ASSERT_LE(0, wk_read_file(OUT, out, osize));
	ASSERT_LE(0, wk_read_file(ERR, err, esize));
}

/* The app's stdout, exactly, on stdout; its stderr on stderr; -q: only it. */
TEST_F(wasmctl, wait_streams)
{
	const char *args[] = { "-q", "load", WK_APPS "/echo.wko", "--wait", "--arg", "a",
			       NULL };

	ASSERT_EQ(0, wk_reap(wk_spawn_wasmctl(args, 0, OUT, ERR), 60000));
	read_outputs(_metadata, self->out, sizeof(self->out), self->err, sizeof(self->err));
	EXPECT_STREQ("argc=2\nargv[0]=echo\nargv[1]=a\n", self->out);
	EXPECT_STREQ("done\n", self->err);
}

/*
 * The stream is the descriptor's, not its number: stderr moved onto 1 by
 * fd_renumber (as dup2(2, 1)) still writes to stderr.
 */
TEST_F(wasmctl, renumbered_stderr)
{
	const char *args[] = { "-q", "load", WK_APPS "/echo.wko", "--wait", "--env",
			       "ECHO_STDERR_AS_1=1", NULL };

	ASSERT_EQ(0, wk_reap(wk_spawn_wasmctl(args, 0, OUT, ERR), 60000));
	read_outputs(_metadata, self->out, sizeof(self->out), self->err, sizeof(self->err));
	EXPECT_STREQ("", self->out);
	EXPECT_STREQ("argc=1\nargv[0]=echo\nenv=ECHO_STDERR_AS_1=1\n", self->err);
}

/* Without -q, wasmctl's messages go to stderr, never stdout. */
TEST_F(wasmctl, own_messages_on_stderr)
{
	const char *args[] = { "load", WK_APPS "/echo.wko", "--wait", NULL };

	ASSERT_EQ(0, wk_reap(wk_spawn_wasmctl(args, 0, OUT, ERR), 60000));
	read_outputs(_metadata, self->out, sizeof(self->out), self->err, sizeof(self->err));
	EXPECT_STREQ("argc=1\nargv[0]=echo\n", self->out);
	EXPECT_NE(NULL, strstr(self->err, "loaded, instance"));
	EXPECT_NE(NULL, strstr(self->err, "done\n"));
}

static void signal_stops(struct __test_metadata *_metadata, int dev, int sig, int status)
{
	const char *args[] = { "load", WK_APPS "/spin.wko", "--wait", NULL };
	struct wasmkm_inst_info info;
	pid_t pid = wk_spawn_wasmctl(args, 0, OUT, ERR);
	uint32_t id = wait_running(dev, "spin", 60000);

	ASSERT_NE(0, id);
	kill(pid, sig);
	EXPECT_EQ(status, wk_reap(pid, 60000));
	ASSERT_EQ(id, wk_find_inst(dev, "spin", 0, &info));
	EXPECT_EQ(WASMKM_INST_STOPPED, info.state);
}

TEST_F(wasmctl, sigint_stops_instance)
{
	signal_stops(_metadata, self->dev, SIGINT, 130);
}

TEST_F(wasmctl, sigterm_stops_instance)
{
	signal_stops(_metadata, self->dev, SIGTERM, 143);
}

TEST_F(wasmctl, detach_leaves_it_running)
{
	const char *args[] = { "load", WK_APPS "/spin.wko", "--wait", "--detach", NULL };
	struct wasmkm_inst_info info;
	pid_t pid = wk_spawn_wasmctl(args, 0, OUT, ERR);
	uint32_t id = wait_running(self->dev, "spin", 60000);

	ASSERT_NE(0, id);
	kill(pid, SIGINT);
	EXPECT_EQ(130, wk_reap(pid, 60000));
	ASSERT_EQ(id, wk_find_inst(self->dev, "spin", 0, &info));
	EXPECT_EQ(WASMKM_INST_RUNNING, info.state);
	EXPECT_EQ(0, wk_stop(self->dev, id));
}

TEST_F(wasmctl, rm_unloads_after_end)
{
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl -q load " WK_APPS "/echo.wko --wait --rm"));
	EXPECT_EQ(0, count_apps(self->dev, "echo")) TH_LOG("%s", self->out);
}

TEST_F(wasmctl, names_and_stop_of_ended)
{
	char *o = self->out;
	size_t n = sizeof(self->out);

	ASSERT_EQ(0, wk_sh(o, n, "wasmctl -q load " WK_APPS "/spin.wko --name spinner"))
		TH_LOG("%s", o);
	ASSERT_NE(0, wait_running(self->dev, "spinner", 60000));
	EXPECT_EQ(0, wk_sh(o, n, "wasmctl -j list --app spinner"));
	EXPECT_NE(NULL, strstr(o, "\"name\": \"spinner\"")) TH_LOG("%s", o);
	EXPECT_EQ(0, wk_sh(o, n, "wasmctl stop spinner")) TH_LOG("%s", o);
	EXPECT_EQ(0, wk_find_inst(self->dev, "spinner", WASMKM_INST_RUNNING, NULL));
	/* Stopping it again is a mistake, said as one. */
	EXPECT_EQ(1, wk_sh(o, n, "wasmctl stop spinner"));
	EXPECT_NE(NULL, strstr(o, "already ended")) TH_LOG("%s", o);
	EXPECT_EQ(0, wk_sh(o, n, "wasmctl -q start spinner")) TH_LOG("%s", o);
	ASSERT_NE(0, wait_running(self->dev, "spinner", 60000));
	EXPECT_EQ(0, wk_sh(o, n, "wasmctl -q unload spinner")) TH_LOG("%s", o);
	EXPECT_EQ(0, count_apps(self->dev, "spinner"));
}

TEST_F(wasmctl, stop_of_exited_fails)
{
	uint32_t id;

	ASSERT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl -q load " WK_APPS "/echo.wko --wait"));
	id = wk_find_inst(self->dev, "echo", 0, NULL);
	ASSERT_NE(0, id);
	EXPECT_EQ(1, wk_sh(self->out, sizeof(self->out), "wasmctl stop %u", id));
	EXPECT_NE(NULL, strstr(self->out, "already ended")) TH_LOG("%s", self->out);
}

TEST_F(wasmctl, cleanup_commands)
{
	char *o = self->out;
	size_t n = sizeof(self->out);

	ASSERT_EQ(0, wk_sh(o, n, "wasmctl -q load " WK_APPS "/echo.wko --wait"));
	ASSERT_EQ(0, wk_sh(o, n, "wasmctl -q load " WK_APPS "/spin.wko"));
	ASSERT_NE(0, wait_running(self->dev, "spin", 60000));
	EXPECT_EQ(0, wk_sh(o, n, "wasmctl -j list --running"));
	EXPECT_NE(NULL, strstr(o, "\"spin\"")) TH_LOG("%s", o);
	EXPECT_EQ(NULL, strstr(o, "\"echo\"")) TH_LOG("%s", o);
	/* rm refuses a running app, prune keeps it, unload --all takes it. */
	EXPECT_EQ(1, wk_sh(o, n, "wasmctl rm spin"));
	EXPECT_EQ(0, wk_sh(o, n, "wasmctl -q prune")) TH_LOG("%s", o);
	EXPECT_EQ(0, count_apps(self->dev, "echo"));
	EXPECT_EQ(1, count_apps(self->dev, "spin"));
	EXPECT_EQ(0, wk_sh(o, n, "wasmctl -q unload --all")) TH_LOG("%s", o);
	EXPECT_EQ(0, count_apps(self->dev, "spin"));
}

/* start --arg/--env: the instance's own, instead of the app's (load's). */
TEST_F(wasmctl, start_own_args)
{
	const char *own[] = { "-q", "start", "echo", "--arg", "b", "--arg", "", "--env", "B=2",
			      "--wait", NULL };
	const char *env_only[] = { "-q", "start", "echo", "--env", "X=1", "--wait", NULL };

	ASSERT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl -q load " WK_APPS
			   "/echo.wko --no-start --arg a --env A=1"))
		TH_LOG("%s", self->out);
	ASSERT_EQ(0, wk_reap(wk_spawn_wasmctl(own, 0, OUT, ERR), 60000));
	read_outputs(_metadata, self->out, sizeof(self->out), self->err, sizeof(self->err));
	EXPECT_STREQ("argc=3\nargv[0]=echo\nargv[1]=b\nargv[2]=\nenv=B=2\n", self->out);
	EXPECT_STREQ("done\n", self->err);
	ASSERT_EQ(0, wk_reap(wk_spawn_wasmctl(env_only, 0, OUT, ERR), 60000));
	read_outputs(_metadata, self->out, sizeof(self->out), self->err, sizeof(self->err));
	EXPECT_STREQ("argc=2\nargv[0]=echo\nargv[1]=a\nenv=X=1\n", self->out);
	EXPECT_STREQ("done\n", self->err);
}

/* Arguments over the kernel's limit: one clear line, nothing started. */
TEST_F(wasmctl, start_args_too_large)
{
	static char big[WASMKM_ARGS_MAX + 1];
	const char *args[] = { "start", "echo", "--arg", big, NULL };
	uint32_t before;
	char *nl;

	memset(big, 'x', sizeof(big) - 1);
	ASSERT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl -q load " WK_APPS "/echo.wko --wait"));
	before = wk_find_inst(self->dev, "echo", 0, NULL);
	ASSERT_NE(0, before);
	EXPECT_EQ(1, wk_reap(wk_spawn_wasmctl(args, 0, OUT, ERR), 60000));
	read_outputs(_metadata, self->out, sizeof(self->out), self->err, sizeof(self->err));
	EXPECT_STREQ("", self->out);
	EXPECT_NE(NULL, strstr(self->err, "--arg: arguments exceed 65536 bytes"))
		TH_LOG("%s", self->err);
	nl = strchr(self->err, '\n');
	EXPECT_TRUE(nl && !nl[1]) TH_LOG("not one line: %s", self->err);
	EXPECT_EQ(before, wk_find_inst(self->dev, "echo", 0, NULL));
}

/* More than the ring keeps: the copy starts at a whole line. */
TEST_F(wasmctl, wrapped_log_starts_at_a_line)
{
	static char cmd[100000];
	struct wasmkm_inst_info info;
	char big[30001];
	uint32_t id;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	snprintf(cmd, sizeof(cmd),
		 "wasmctl -q load " WK_APPS "/echo.wko --arg %s --arg y%s --env E=%s",
		 big, big, big);
	ASSERT_EQ(0, system(cmd));
	id = wk_find_inst(self->dev, "echo", 0, NULL);
	ASSERT_NE(0, id);
	ASSERT_EQ(0, wk_wait_end(self->dev, id, 60000, &info));
	snprintf(cmd, sizeof(cmd), "wasmctl -q logs %u >" OUT " 2>" ERR, id);
	ASSERT_EQ(0, system(cmd));
	read_outputs(_metadata, self->out, sizeof(self->out), self->err, sizeof(self->err));
	EXPECT_EQ(0, strncmp(self->out, "argv[2]=y", 9)) TH_LOG("%.40s", self->out);
	EXPECT_STREQ("done\n", self->err);
}

TEST_HARNESS_MAIN
