// SPDX-License-Identifier: GPL-2.0
/*
 * Restart policies carried out by wasmkm.ko (WASMKM_IOC_START restart
 * fields): on-failure restarts a trap with doubling delays until the burst
 * limit, always restarts a clean exit, no and on-failure leave one alone,
 * the successor gets the same argv; a stop or an unload during the backoff
 * ends the chain for good and leaves no thread, id or module reference
 * behind; a pending restart holds its max_instances slot and is checked
 * against the limit as its loader.
 *
 * Delays are checked as the kernel reports them (restart_delay_ms), and
 * the time between an end and its restart only against a lower sanity bound.
 */
#include <dirent.h>
#include <grp.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define NOBODY		65534
#define WAIT_MS		60000

FIXTURE(restart)
{
	int dev;
};

FIXTURE_SETUP(restart)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
}

FIXTURE_TEARDOWN(restart)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

struct policy {
	uint32_t restart, burst, delay_ms, delay_max_ms;
};

static int start_policy(int dev, uint32_t app_id, const struct policy *p,
			const char *const *argv, uint32_t *inst_id)
{
	static char abuf[256];
	struct wasmkm_start s = {
		.size = sizeof(s),
		.app_id = app_id,
		.restart = p->restart,
		.restart_burst = p->burst,
		.restart_interval_ms = p->restart ? 60000 : 0,
		.restart_delay_ms = p->delay_ms,
		.restart_delay_max_ms = p->delay_max_ms,
	};
	int ret;

	if (argv) {
		s.flags = WASMKM_START_ARGV;
		s.argv_len = wk_pack(abuf, sizeof(abuf), argv);
		s.argv = wk_ptr(abuf);
	}
	ret = wk_ioctl(dev, WASMKM_IOC_START, &s);
	if (!ret)
		*inst_id = s.inst_id;
	return ret;
}

/* Wait until @id has ended and its restart is decided (not PENDING). */
static int wait_decided(int dev, uint32_t id, struct wasmkm_inst_info *info)
{
	uint64_t end = wk_now_ms() + WAIT_MS;
	int ret;

	for (;;) {
		ret = wk_inst_info(dev, id, info);
		if (ret)
			return ret;
		if (info->state != WASMKM_INST_RUNNING &&
		    info->restart_state != WASMKM_RESTART_PENDING)
			return 0;
		if (wk_now_ms() > end)
			return -ETIMEDOUT;
		wk_sleep_ms(5);
	}
}

/* Wait until @id has ended with a restart PENDING. */
static int wait_pending(int dev, uint32_t id, struct wasmkm_inst_info *info)
{
	int ret = wk_wait_end(dev, id, WAIT_MS, info);

	if (ret)
		return ret;
	return info->restart_state == WASMKM_RESTART_PENDING ? 0 : -ESRCH;
}

/* Instance threads alive (kthreads named "wasm/..."), prepared ones included. */
static int wasm_threads(void)
{
	char path[300], comm[32];
	struct dirent *d;
	int n = 0;
	DIR *dir = opendir("/proc");

	if (!dir)
		return -errno;
	while ((d = readdir(dir))) {
		if (d->d_name[0] < '0' || d->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/comm", d->d_name);
		if (wk_read_file(path, comm, sizeof(comm)) > 0 && !strncmp(comm, "wasm/", 5))
			n++;
	}
	closedir(dir);
	return n;
}

/* Poll (the discarding work runs just after the stop) until no thread is left. */
static int wait_no_threads(void)
{
	int i, n = 0;

	for (i = 0; i < 200; i++) {
		n = wasm_threads();
		if (n <= 0)
			return n;
		wk_sleep_ms(10);
	}
	return n;
}

static int count_insts(int dev)
{
	static struct wasmkm_inst_info all[WK_MAX_INSTS];

	return wk_list_insts(dev, all, WK_MAX_INSTS);
}

/*
 * The number of instances, or -1 if one is still running or has a restart
 * pending: after a stop of its chain, none may.
 */
static int chain_live(int dev)
{
	static struct wasmkm_inst_info all[WK_MAX_INSTS];
	int n = wk_list_insts(dev, all, WK_MAX_INSTS), i;

	for (i = 0; i < n && i < WK_MAX_INSTS; i++)
		if (all[i].state == WASMKM_INST_RUNNING ||
		    all[i].restart_state == WASMKM_RESTART_PENDING)
			return -1;
	return n;
}

TEST_F_TIMEOUT(restart, on_failure_backs_off_until_the_burst_limit, 120)
{
	const struct policy p = { WASMKM_RESTART_ON_FAILURE, 3, 20, 50 };
	const uint32_t want_delay[] = { 20, 40, 50 };
	struct wasmkm_inst_info info, next;
	uint32_t id, first;
	struct wk_app app;
	int i;

	ASSERT_EQ(0, wk_load(self->dev, "unreachable", NULL, NULL, &app)) TH_LOG("%s", app.error);
	ASSERT_EQ(0, start_policy(self->dev, app.app_id, &p, NULL, &id));
	first = id;
	for (i = 0; i < 3; i++) {
		ASSERT_EQ(0, wait_decided(self->dev, id, &info));
		ASSERT_EQ(WASMKM_INST_TRAPPED, info.state);
		ASSERT_EQ(WASMKM_RESTART_DONE, info.restart_state)
			TH_LOG("restart %d of %u: state %u", i + 1, id, info.restart_state);
		EXPECT_EQ(want_delay[i], info.restart_delay_ms);
		ASSERT_NE(0, info.next_inst_id);
		ASSERT_EQ(0, wk_inst_info(self->dev, info.next_inst_id, &next));
		EXPECT_EQ(app.app_id, next.app_id);
		EXPECT_EQ(WASMKM_RESTART_ON_FAILURE, next.restart);
		EXPECT_EQ((uint32_t)i + 1, next.restarts);
		EXPECT_EQ(id, next.prev_inst_id);
		EXPECT_EQ(WASMKM_INST_TRAPPED, next.prev_state);
		EXPECT_EQ(WASMKM_TRAP_UNREACHABLE, next.prev_trap_kind);
		/* sanity: not before half the delay (timer granularity) */
		EXPECT_LE(info.end_ns + want_delay[i] * 500000ULL, next.start_ns);
		id = info.next_inst_id;
	}
	/* the 4th end is over the burst of 3: no restart */
	ASSERT_EQ(0, wait_decided(self->dev, id, &info));
	EXPECT_EQ(WASMKM_RESTART_LIMIT, info.restart_state);
	EXPECT_EQ(0, info.next_inst_id);
	EXPECT_EQ(3, info.restarts);
	wk_sleep_ms(100);
	EXPECT_EQ(4, count_insts(self->dev));
	EXPECT_EQ(0, wk_inst_info(self->dev, first, &info));
	EXPECT_EQ(0, wait_no_threads());
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

TEST_F_TIMEOUT(restart, policies_and_clean_exits, 120)
{
	const struct policy always = { WASMKM_RESTART_ALWAYS, 1, 10, 0 };
	const struct policy on_fail = { WASMKM_RESTART_ON_FAILURE, 1, 10, 0 };
	const struct policy no = { 0 };
	const char *const argv3[] = { "exitcode", "3", NULL };
	const char *const argv0[] = { "exitcode", "0", NULL };
	struct wasmkm_inst_info info, next;
	struct wk_app app;
	uint32_t id;

	ASSERT_EQ(0, wk_load(self->dev, "exitcode", NULL, NULL, &app)) TH_LOG("%s", app.error);

	/* always: a clean exit is restarted, with the same argv */
	ASSERT_EQ(0, start_policy(self->dev, app.app_id, &always, argv0, &id));
	ASSERT_EQ(0, wait_decided(self->dev, id, &info));
	EXPECT_EQ(WASMKM_INST_EXITED, info.state);
	EXPECT_EQ(0, info.exit_code);
	ASSERT_EQ(WASMKM_RESTART_DONE, info.restart_state);
	ASSERT_EQ(0, wait_decided(self->dev, info.next_inst_id, &next));
	EXPECT_EQ(WASMKM_INST_EXITED, next.state);
	EXPECT_EQ(1, next.restarts);
	EXPECT_EQ(WASMKM_RESTART_LIMIT, next.restart_state);

	/* on-failure: exit code 3 is a failure, the successor exits 3 too */
	ASSERT_EQ(0, start_policy(self->dev, app.app_id, &on_fail, argv3, &id));
	ASSERT_EQ(0, wait_decided(self->dev, id, &info));
	EXPECT_EQ(3, info.exit_code);
	ASSERT_EQ(WASMKM_RESTART_DONE, info.restart_state);
	ASSERT_EQ(0, wait_decided(self->dev, info.next_inst_id, &next));
	EXPECT_EQ(3, next.exit_code) TH_LOG("the restart did not get the same argv");
	EXPECT_EQ(3, next.prev_exit_code);
	EXPECT_EQ(WASMKM_INST_EXITED, next.prev_state);

	/* on-failure leaves a clean exit alone; no restarts nothing */
	ASSERT_EQ(0, start_policy(self->dev, app.app_id, &on_fail, argv0, &id));
	ASSERT_EQ(0, wait_decided(self->dev, id, &info));
	EXPECT_EQ(WASMKM_RESTART_NONE, info.restart_state);
	ASSERT_EQ(0, start_policy(self->dev, app.app_id, &no, argv3, &id));
	ASSERT_EQ(0, wait_decided(self->dev, id, &info));
	EXPECT_EQ(WASMKM_RESTART_NONE, info.restart_state);
	EXPECT_EQ(0, info.restart);
	EXPECT_EQ(6, count_insts(self->dev));
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/*
 * The successor is prepared by the ending thread, from wherever it ended:
 * here at the bottom of an exhausted stack (the reserve must hold it).
 */
TEST_F_TIMEOUT(restart, stack_exhaustion_restarts, 120)
{
	const struct policy p = { WASMKM_RESTART_ON_FAILURE, 1, 10, 0 };
	struct wasmkm_inst_info info, next;
	struct wk_app app;
	uint32_t id;

	ASSERT_EQ(0, wk_load(self->dev, "recurse", NULL, NULL, &app)) TH_LOG("%s", app.error);
	ASSERT_EQ(0, start_policy(self->dev, app.app_id, &p, NULL, &id));
	ASSERT_EQ(0, wait_decided(self->dev, id, &info));
	EXPECT_EQ(WASMKM_TRAP_STACK, info.trap_kind);
	ASSERT_EQ(WASMKM_RESTART_DONE, info.restart_state);
	ASSERT_EQ(0, wait_decided(self->dev, info.next_inst_id, &next));
	EXPECT_EQ(WASMKM_TRAP_STACK, next.trap_kind);
	EXPECT_EQ(WASMKM_TRAP_STACK, next.prev_trap_kind);
	EXPECT_EQ(WASMKM_RESTART_LIMIT, next.restart_state);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

TEST_F(restart, bad_policies_are_refused)
{
	struct wasmkm_start s;
	struct wk_app app;

	ASSERT_EQ(0, wk_load(self->dev, "ret", NULL, NULL, &app)) TH_LOG("%s", app.error);
#define TRY(field, val)							\
	do {								\
		memset(&s, 0, sizeof(s));				\
		s.size = sizeof(s);					\
		s.app_id = app.app_id;					\
		s.restart = WASMKM_RESTART_ALWAYS;			\
		s.field = val;						\
		EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_START, &s)) \
			TH_LOG(#field " = " #val);			\
	} while (0)
	TRY(restart, 3);
	TRY(restart_pad, 1);
	TRY(restart_burst, 1001);
	TRY(restart_interval_ms, 24 * 3600 * 1000 + 1);
	TRY(restart_delay_ms, 3600 * 1000 + 1);
	TRY(restart_delay_max_ms, 3600 * 1000 + 1);
#undef TRY
	memset(&s, 0, sizeof(s));
	s.size = sizeof(s);
	s.app_id = app.app_id;
	s.restart_delay_ms = 500;
	s.restart_delay_max_ms = 100;
	s.restart = WASMKM_RESTART_ALWAYS;
	EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_START, &s)) TH_LOG("delay over its cap");
	s.restart = WASMKM_RESTART_NO;
	EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_START, &s)) TH_LOG("numbers with no");
	/* an older caller's START (before the restart fields) still starts */
	memset(&s, 0, sizeof(s));
	s.size = offsetof(struct wasmkm_start, restart);
	s.app_id = app.app_id;
	EXPECT_EQ(0, wk_ioctl(self->dev, WASMKM_IOC_START, &s));
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

TEST_F_TIMEOUT(restart, stop_and_unload_end_the_backoff, 120)
{
	const struct policy slow = { WASMKM_RESTART_ON_FAILURE, 5, 60000, 0 };
	const struct policy fast = { WASMKM_RESTART_ALWAYS, 100, 300, 300 };
	struct wasmkm_inst_info info, next;
	struct wk_app app, ret_app;
	uint32_t id, reserved;
	int n;

	ASSERT_EQ(0, wk_load(self->dev, "unreachable", NULL, NULL, &app)) TH_LOG("%s", app.error);

	/* stop during the backoff: the chain ends, the prepared successor goes */
	ASSERT_EQ(0, start_policy(self->dev, app.app_id, &slow, NULL, &id));
	ASSERT_EQ(0, wait_pending(self->dev, id, &info));
	reserved = info.next_inst_id;
	EXPECT_NE(0, reserved);
	EXPECT_EQ(1, wasm_threads()) TH_LOG("the successor's thread is prepared");
	ASSERT_EQ(0, wk_stop(self->dev, id));
	ASSERT_EQ(0, wk_inst_info(self->dev, id, &info));
	EXPECT_EQ(WASMKM_RESTART_CANCELLED, info.restart_state);
	EXPECT_EQ(0, wait_no_threads());
	EXPECT_EQ(-ENOENT, wk_inst_info(self->dev, reserved, &next));
	EXPECT_EQ(-ENOENT, wk_stop(self->dev, reserved));
	EXPECT_EQ(1, count_insts(self->dev));

	/* unload during the backoff: the object module can go at once */
	ASSERT_EQ(0, start_policy(self->dev, app.app_id, &slow, NULL, &id));
	ASSERT_EQ(0, wait_pending(self->dev, id, &info));
	EXPECT_EQ(0, wk_unload(self->dev, &app));
	EXPECT_FALSE(wk_module_loaded(app.module_name));
	EXPECT_EQ(0, wait_no_threads());
	EXPECT_EQ(0, count_insts(self->dev));

	/* a stop of an instance that was restarted stops the newest one too */
	ASSERT_EQ(0, wk_load(self->dev, "ret", NULL, NULL, &ret_app)) TH_LOG("%s", ret_app.error);
	ASSERT_EQ(0, start_policy(self->dev, ret_app.app_id, &fast, NULL, &id));
	ASSERT_EQ(0, wait_decided(self->dev, id, &info));
	ASSERT_EQ(WASMKM_RESTART_DONE, info.restart_state);
	ASSERT_EQ(0, wk_stop(self->dev, id));
	n = chain_live(self->dev);
	EXPECT_LE(2, n);
	wk_sleep_ms(400);
	EXPECT_EQ(n, chain_live(self->dev)) TH_LOG("a restart followed the stop");
	EXPECT_EQ(0, wait_no_threads());
	EXPECT_EQ(0, wk_unload(self->dev, &ret_app));
}

/*
 * As nobody, whose limit is one running instance: a pending restart keeps
 * its slot (START of another instance meanwhile: EDQUOT), so that pending
 * restarts, each with a prepared thread, are bounded; and the restart is
 * checked against the limit as the loader (root lowers it to 0 meanwhile),
 * not as the kworker that launches it, which is exempt.
 */
static int nobody_child(int to_parent, int from_parent)
{
	const struct policy p = { WASMKM_RESTART_ON_FAILURE, 5, 2000, 0 };
	struct wasmkm_inst_info info;
	struct wasmkm_load load = { .size = sizeof(load) };
	uint32_t trap_app, spin_app, id, spin;
	int dev, fd, ret;
	char c = 0;

	if (setgroups(0, NULL) || setgid(NOBODY) || setuid(NOBODY))
		return 10;
	dev = wk_open_dev();
	if (dev < 0)
		return 11;
	fd = open(WK_APPS "/unreachable.wko", O_RDONLY | O_CLOEXEC);
	load.obj_fd = fd;
	if (fd < 0 || wk_ioctl(dev, WASMKM_IOC_LOAD, &load) || !load.attached)
		return 12;
	trap_app = load.app_id;
	close(fd);
	memset(&load, 0, sizeof(load));
	load.size = sizeof(load);
	fd = open(WK_APPS "/spin.wko", O_RDONLY | O_CLOEXEC);
	load.obj_fd = fd;
	if (fd < 0 || wk_ioctl(dev, WASMKM_IOC_LOAD, &load) || !load.attached)
		return 13;
	spin_app = load.app_id;
	close(fd);
	if (start_policy(dev, trap_app, &p, NULL, &id))
		return 14;
	if (wait_pending(dev, id, &info))
		return 15;
	ret = wk_start(dev, spin_app, &spin);
	fprintf(stderr, "# START while a restart is pending: %s\n", strerror(-ret));
	if (ret != -EDQUOT)
		return 16;
	if (write(to_parent, &c, 1) != 1 || read(from_parent, &c, 1) != 1)
		return 17;
	if (wait_decided(dev, id, &info))
		return 18;
	fprintf(stderr, "# restart with max_instances 0: state %u\n", info.restart_state);
	if (info.restart_state != WASMKM_RESTART_FAILED)
		return 19;
	return 0;
}

TEST_F_TIMEOUT(restart, restarts_count_against_max_instances, 120)
{
	struct wk_app trap, spin;
	int up[2], down[2], st;
	pid_t pid;
	char c;

	/* root loads and attaches the objects; nobody's apps share them */
	ASSERT_EQ(0, wk_load(self->dev, "unreachable", NULL, NULL, &trap)) TH_LOG("%s", trap.error);
	ASSERT_EQ(0, wk_load(self->dev, "spin", NULL, NULL, &spin)) TH_LOG("%s", spin.error);
	ASSERT_EQ(0, wk_write_str(WK_PARAM("max_instances"), "1"));
	ASSERT_EQ(0, chmod(WASMKM_DEVICE, 0666));
	ASSERT_EQ(0, pipe(up));
	ASSERT_EQ(0, pipe(down));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(nobody_child(up[1], down[0]));
	close(up[1]);
	close(down[0]);
	/* the restart is pending: lower the limit under it */
	if (read(up[0], &c, 1) == 1) {
		EXPECT_EQ(0, wk_write_str(WK_PARAM("max_instances"), "0"));
		EXPECT_EQ(1, write(down[1], &c, 1));
	}
	ASSERT_EQ(pid, waitpid(pid, &st, 0));
	close(up[0]);
	close(down[1]);
	chmod(WASMKM_DEVICE, 0600);
	wk_write_str(WK_PARAM("max_instances"), "64");
	EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0)
		TH_LOG("nobody's check failed: status %d", WEXITSTATUS(st));
	EXPECT_EQ(4, wk_cleanup(self->dev)) TH_LOG("root's 2 apps and nobody's 2");
}

TEST_HARNESS_MAIN
