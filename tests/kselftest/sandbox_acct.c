// SPDX-License-Identifier: GPL-2.0
/*
 * Accounting and limits, tried as a hostile user would: an instance's
 * memory, CPU time and thread count in its starter's cgroups (memory.max,
 * cpu.max, pids.current), per-user limits and listing visibility for an
 * unprivileged user, IDs that are never reused, and an object that cannot
 * be changed or swapped between LOAD and finit_module().
 *
 * The guest's init mounts cgroup v2 with +memory +cpu +pids; each test that
 * needs a group makes one, limits it and moves itself in (the harness runs
 * each test in its own process).
 */
#include <grp.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define CGROOT		"/sys/fs/cgroup"
#define PARAM(name)	"/sys/module/wasmkm/parameters/" name
#define NOBODY		65534

FIXTURE(acct)
{
	int dev;
	char cg[128];
	struct wasmkm_inst_info info;
};

FIXTURE_SETUP(acct)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
	snprintf(self->cg, sizeof(self->cg), CGROOT "/wk-acct-%d", getpid());
}

static int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, s, strlen(s));
	n = n < 0 ? -errno : n;
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : (n < 0 ? (int)n : -EIO);
}

static int cg_write(const char *cg, const char *file, const char *val)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", cg, file);
	return write_str(path, val);
}

/* A number from a cgroup file: the whole file, or the value after @key. */
static long long cg_read(const char *cg, const char *file, const char *key)
{
	char path[256], buf[4096], *p;

	snprintf(path, sizeof(path), "%s/%s", cg, file);
	if (wk_read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	if (!key)
		return strtoll(buf, NULL, 10);
	for (p = buf; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, key, strlen(key)) && p[strlen(key)] == ' ')
			return strtoll(p + strlen(key) + 1, NULL, 10);
	return -1;
}

FIXTURE_TEARDOWN(acct)
{
	int i;

	/* Out of the test group, forget the apps, then remove the group. */
	write_str(CGROOT "/cgroup.procs", "0");
	if (self->dev >= 0)
		wk_cleanup(self->dev);
	close(self->dev);
	for (i = 0; i < 100 && rmdir(self->cg) && errno == EBUSY; i++)
		wk_sleep_ms(50);
}

/* Make the test's group with the controllers it needs, and move in. */
/*
 * A controller this kernel was built without (the debug lane's defconfig
 * kernel has no memcg, pids or CFS bandwidth) skips its test; one the
 * kernel has but /init did not enable fails it (cg_enter below).
 */
static bool cg_has(const char *file, const char *ctrl)
{
	char have[256], *tok, *save;

	if (wk_read_file(file, have, sizeof(have)) < 0)
		return false;
	for (tok = strtok_r(have, " \n", &save); tok; tok = strtok_r(NULL, " \n", &save))
		if (!strcmp(tok, ctrl))
			return true;
	return false;
}

static bool cg_lacks(const char *ctrl)
{
	return !cg_has(CGROOT "/cgroup.controllers", ctrl);
}

static int cg_enter(const char *cg, const char *ctrl)
{
	if (!cg_has(CGROOT "/cgroup.subtree_control", ctrl))
		return -ENOTSUP;
	if (mkdir(cg, 0755) && errno != EEXIST)
		return -errno;
	return cg_write(cg, "cgroup.procs", "0");
}

/* LOAD an object through an open fd, with a memory limit (pages). */
static int load_fd(int dev, int fd, uint32_t mem_max, struct wasmkm_load *load)
{
	memset(load, 0, sizeof(*load));
	load->size = sizeof(*load);
	load->obj_fd = fd;
	load->mem_max_pages = mem_max;
	return wk_ioctl(dev, WASMKM_IOC_LOAD, load);
}

/* LOAD and attach WK_APPS/@name.wko; returns the app id or -errno. */
static int load_attach(int dev, const char *name, uint32_t mem_max)
{
	struct wasmkm_load load;
	char path[256];
	int fd, ret;

	snprintf(path, sizeof(path), WK_APPS "/%s.wko", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ret = load_fd(dev, fd, mem_max, &load);
	if (!ret && !load.attached)
		ret = wk_attach_fd(fd, load.app_id);
	close(fd);
	return ret ? ret : (int)load.app_id;
}

/*
 * grow doubles its memory until memory.grow fails.  With its loader in a
 * group of memory.max 32M, the linear memory it reaches must stay below
 * 32 MiB and show in the group's memory.peak (it used to be charged to no
 * one: 96 MiB while the group read a few hundred KiB).
 */
TEST_F_TIMEOUT(acct, memory_grow_charged_to_the_loader, 300)
{
	long long peak, pages;
	uint32_t inst;
	int app;

	if (cg_lacks("memory"))
		SKIP(return, "this kernel has no memory controller (CONFIG_MEMCG)");
	ASSERT_EQ(0, cg_enter(self->cg, "memory"));
	ASSERT_EQ(0, cg_write(self->cg, "memory.max", "32M"));
	cg_write(self->cg, "memory.swap.max", "0");
	app = load_attach(self->dev, "grow", 1536);	/* 96 MiB allowed by the manifest */
	ASSERT_LT(0, app) TH_LOG("load grow: %s", strerror(-app));
	ASSERT_EQ(0, wk_start(self->dev, app, &inst));
	ASSERT_EQ(0, wk_wait_end(self->dev, inst, 120000, &self->info));
	ASSERT_EQ(WASMKM_INST_EXITED, self->info.state) TH_LOG("%s", self->info.error);
	pages = self->info.exit_code;
	peak = cg_read(self->cg, "memory.peak", NULL);
	TH_LOG("grew to %lld pages (%lld KiB), group peak %lld KiB", pages, pages * 64,
	       peak / 1024);
	EXPECT_LT(0, pages);
	EXPECT_GT(512, pages) TH_LOG("linear memory not bounded by the group's memory.max");
	if (peak >= 0)	/* memory.peak: 5.19 and later */
		EXPECT_LE(pages * 65536, peak) TH_LOG("linear memory not charged to the group");
	EXPECT_EQ(0, cg_read(self->cg, "memory.events", "oom_kill"))
		TH_LOG("the OOM killer ran: memory.grow must fail instead");
}

/*
 * A busy instance in a group of cpu.max 10%: over 3 s while the test
 * sleeps, the group's CPU time grows by the instance's and is throttled.
 * Sanity bound only: at most half a CPU.
 */
TEST_F_TIMEOUT(acct, cpu_max_bounds_a_busy_instance, 300)
{
	long long usage, throttled;
	uint32_t inst;
	int app;

	if (cg_lacks("cpu"))
		SKIP(return, "this kernel has no cpu controller (CONFIG_CGROUP_SCHED)");
	ASSERT_EQ(0, cg_enter(self->cg, "cpu"));
	{
		char f[300];

		snprintf(f, sizeof(f), "%s/cpu.max", self->cg);
		if (access(f, F_OK))
			SKIP(return, "this kernel has no cpu.max (CONFIG_CFS_BANDWIDTH)");
	}
	ASSERT_EQ(0, cg_write(self->cg, "cpu.max", "10000 100000"));
	app = load_attach(self->dev, "spin", 0);
	ASSERT_LT(0, app) TH_LOG("load spin: %s", strerror(-app));
	ASSERT_EQ(0, wk_start(self->dev, app, &inst));
	/* from here on only the instance runs in the group */
	usage = -cg_read(self->cg, "cpu.stat", "usage_usec");
	throttled = -cg_read(self->cg, "cpu.stat", "nr_throttled");
	wk_sleep_ms(3000);
	usage += cg_read(self->cg, "cpu.stat", "usage_usec");
	throttled += cg_read(self->cg, "cpu.stat", "nr_throttled");
	ASSERT_EQ(0, wk_stop(self->dev, inst));
	TH_LOG("group usage %lld us over 3 s, throttled %lld times", usage, throttled);
	EXPECT_LE(50000, usage) TH_LOG("the instance's CPU time is not the group's");
	EXPECT_LT(0, throttled) TH_LOG("cpu.max did not throttle the instance");
	EXPECT_GE(1500000, usage) TH_LOG("cpu.max 10%% let the instance run unbounded");
}

/* Instance threads count in the starter's group's pids.current. */
TEST_F_TIMEOUT(acct, pids_count_instance_threads, 120)
{
	long long base, with, after = -1;
	uint32_t inst[2];
	int app, i;

	if (cg_lacks("pids"))
		SKIP(return, "this kernel has no pids controller (CONFIG_CGROUP_PIDS)");
	ASSERT_EQ(0, cg_enter(self->cg, "pids"));
	base = cg_read(self->cg, "pids.current", NULL);
	ASSERT_LT(0, base);
	app = load_attach(self->dev, "spin", 0);
	ASSERT_LT(0, app) TH_LOG("load spin: %s", strerror(-app));
	for (i = 0; i < 2; i++)
		ASSERT_EQ(0, wk_start(self->dev, app, &inst[i]));
	with = cg_read(self->cg, "pids.current", NULL);
	for (i = 0; i < 2; i++)
		ASSERT_EQ(0, wk_stop(self->dev, inst[i]));
	for (i = 0; i < 100; i++) {
		after = cg_read(self->cg, "pids.current", NULL);
		if (after == base)
			break;
		wk_sleep_ms(50);
	}
	TH_LOG("pids.current %lld, with two instances %lld, after %lld", base, with, after);
	EXPECT_EQ(base + 2, with);
	EXPECT_EQ(base, after);
}

/* App and instance IDs are not given again while the module is loaded. */
TEST_F(acct, ids_are_never_reused)
{
	uint32_t inst1, inst2;
	int app1, app2;

	app1 = load_attach(self->dev, "spin", 0);
	ASSERT_LT(0, app1) TH_LOG("load spin: %s", strerror(-app1));
	ASSERT_EQ(0, wk_start(self->dev, app1, &inst1));
	ASSERT_EQ(1, wk_cleanup(self->dev));	/* the one app, unloaded */
	app2 = load_attach(self->dev, "spin", 0);
	ASSERT_LT(0, app2) TH_LOG("load spin: %s", strerror(-app2));
	ASSERT_EQ(0, wk_start(self->dev, app2, &inst2));
	TH_LOG("app %d then %d, instance %u then %u", app1, app2, inst1, inst2);
	EXPECT_LT(app1, app2);
	EXPECT_LT(inst1, inst2);
	EXPECT_EQ(0, wk_stop(self->dev, inst2));
}

static int copy_file(const char *from, const char *to)
{
	static char buf[1 << 16];
	int in = open(from, O_RDONLY | O_CLOEXEC), out;
	ssize_t n;

	if (in < 0)
		return -errno;
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0) {
		close(in);
		return -errno;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n) {
			n = -1;
			break;
		}
	close(in);
	close(out);
	return n < 0 ? -EIO : 0;
}

/*
 * The object LOAD verified is the one that is attached: it cannot be
 * opened for writing until attach, and finit_module() of another file
 * (here an identical copy, which an attacker could have changed) is refused.
 */
TEST_F(acct, attach_only_the_verified_object)
{
	struct wasmkm_app_info ai;
	struct wasmkm_load load;
	int a, b, w;

	ASSERT_EQ(0, copy_file(WK_APPS "/exit.wko", "/tmp/bind-a.wko"));
	ASSERT_EQ(0, copy_file(WK_APPS "/exit.wko", "/tmp/bind-b.wko"));
	a = open("/tmp/bind-a.wko", O_RDONLY | O_CLOEXEC);
	b = open("/tmp/bind-b.wko", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, a);
	ASSERT_LE(0, b);
	ASSERT_EQ(0, load_fd(self->dev, a, 0, &load)) TH_LOG("%s", load.error);
	ASSERT_EQ(0, load.attached);

	w = open("/tmp/bind-a.wko", O_WRONLY | O_CLOEXEC);
	EXPECT_EQ(-1, w) TH_LOG("the verified object could be opened for writing");
	EXPECT_EQ(ETXTBSY, errno);
	if (w >= 0)
		close(w);

	EXPECT_NE(0, wk_attach_fd(b, load.app_id)) TH_LOG("another file was attached");
	ASSERT_EQ(0, wk_app_info(self->dev, load.app_id, &ai));
	EXPECT_EQ(WASMKM_APP_REFUSED, ai.state);
	TH_LOG("refused: %s", ai.error);
	EXPECT_TRUE(strstr(ai.error, "finit_module") != NULL);

	/* Writers are let in again once the app is gone. */
	wk_cleanup(self->dev);
	w = open("/tmp/bind-a.wko", O_WRONLY | O_CLOEXEC);
	EXPECT_LE(0, w) TH_LOG("open for writing after unload: %s", strerror(errno));
	if (w >= 0)
		close(w);

	/* The same file through the same fd still attaches. */
	ASSERT_EQ(0, load_fd(self->dev, a, 0, &load)) TH_LOG("%s", load.error);
	EXPECT_EQ(0, wk_attach_fd(a, load.app_id));
	close(a);
	close(b);
	unlink("/tmp/bind-a.wko");
	unlink("/tmp/bind-b.wko");
}

/* In the unprivileged child: fail with the line number and a message. */
#define CHILD_CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "# line %d: ", __LINE__);	\
			fprintf(stderr, __VA_ARGS__);			\
			fprintf(stderr, "\n");				\
			_exit(1);					\
		}							\
	} while (0)

/*
 * As nobody (with /dev/wasm opened up to it): at most max_apps apps and
 * max_instances running instances, EDQUOT with a reason beyond; only its
 * own apps and instances are listed; the ended instances kept are bounded
 * by log_retain_kb, the oldest forgotten first.
 */
static void nobody_child(int spin_fd, int exit_fd, uint32_t root_app, uint32_t root_inst)
{
	static struct wasmkm_app_info apps[16];
	static struct wasmkm_inst_info insts[16];
	struct wasmkm_inst_info info;
	struct wasmkm_app_info ai;
	struct wasmkm_load load;
	uint32_t app[3], inst[8], ex;
	int dev, ret, n, i;

	CHILD_CHECK(!setgroups(0, NULL) && !setgid(NOBODY) && !setuid(NOBODY), "setuid");
	dev = wk_open_dev();
	CHILD_CHECK(dev >= 0, "open: %s", strerror(-dev));
	for (i = 0; i < 3; i++) {
		ret = load_fd(dev, spin_fd, 0, &load);
		CHILD_CHECK(!ret && load.attached, "load %d: %s %s", i, strerror(-ret), load.error);
		app[i] = load.app_id;
	}
	ret = load_fd(dev, spin_fd, 0, &load);
	CHILD_CHECK(ret == -EDQUOT, "4th load: %s, expected EDQUOT", strerror(-ret));
	CHILD_CHECK(strstr(load.error, "max_apps"), "reason: '%s'", load.error);
	fprintf(stderr, "# 4th load refused: %s\n", load.error);

	CHILD_CHECK(!wk_start(dev, app[0], &inst[0]), "start 1");
	CHILD_CHECK(!wk_start(dev, app[1], &inst[1]), "start 2");
	ret = wk_start(dev, app[2], &inst[2]);
	CHILD_CHECK(ret == -EDQUOT, "3rd start: %s, expected EDQUOT", strerror(-ret));

	n = wk_list_apps(dev, apps, 16);
	CHILD_CHECK(n == 3, "nobody lists %d apps, expected its own 3", n);
	for (i = 0; i < n; i++)
		CHILD_CHECK(apps[i].uid == NOBODY && apps[i].app_id != root_app,
			    "listed app %u of uid %u", apps[i].app_id, apps[i].uid);
	ret = wk_app_info(dev, root_app, &ai);
	CHILD_CHECK(ret == -ENOENT, "APP_INFO of root's app: %s", strerror(-ret));
	n = wk_list_insts(dev, insts, 16);
	CHILD_CHECK(n == 2, "nobody lists %d instances, expected its own 2", n);
	for (i = 0; i < n; i++)
		CHILD_CHECK(insts[i].inst_id != root_inst, "root's instance listed");
	ret = wk_stop(dev, root_inst);
	CHILD_CHECK(ret == -ENOENT || ret == -EPERM, "stop root's instance: %s",
		    strerror(-ret));

	CHILD_CHECK(!wk_stop(dev, inst[0]) && !wk_stop(dev, inst[1]), "stop");
	{
		struct wasmkm_unload u = { sizeof(u), app[2] };

		CHILD_CHECK(!wk_ioctl(dev, WASMKM_IOC_UNLOAD, &u), "unload");
	}
	ret = load_fd(dev, exit_fd, 0, &load);
	CHILD_CHECK(!ret && load.attached, "load exit: %s %s", strerror(-ret), load.error);
	ex = load.app_id;
	/* log_retain_kb is 3 logs: 8 ended instances leave the newest 3 */
	for (i = 0; i < 8; i++) {
		ret = wk_start(dev, ex, &inst[i]);
		CHILD_CHECK(!ret, "start exit %d: %s (ended instances must not count as running)",
			    i, strerror(-ret));
		ret = wk_wait_end(dev, inst[i], 60000, &info);
		CHILD_CHECK(!ret || (ret == -ENOENT && i < 7), "wait %d: %s", i, strerror(-ret));
	}
	/* the two stopped spin instances ended first: forgotten first */
	for (i = 0; i < 100; i++) {	/* the last reap works */
		n = wk_list_insts(dev, insts, 16);
		if (n <= 3)
			break;
		wk_sleep_ms(50);
	}
	CHILD_CHECK(n == 3, "%d ended instances kept, expected the newest 3", n);
	for (i = 0; i < n; i++)
		CHILD_CHECK(insts[i].inst_id != inst[0], "the oldest ended instance is kept");
	CHILD_CHECK(!wk_inst_info(dev, inst[7], &info) && info.state == WASMKM_INST_EXITED,
		    "the newest ended instance is forgotten");
	_exit(0);
}

TEST_F_TIMEOUT(acct, per_user_limits_and_visibility, 300)
{
	int spin_fd, exit_fd, st, root_app;
	uint32_t root_inst;
	pid_t pid;

	root_app = load_attach(self->dev, "spin", 0);
	ASSERT_LT(0, root_app) TH_LOG("load spin: %s", strerror(-root_app));
	ASSERT_LT(0, load_attach(self->dev, "exit", 0));
	ASSERT_EQ(0, wk_start(self->dev, root_app, &root_inst));
	spin_fd = open(WK_APPS "/spin.wko", O_RDONLY | O_CLOEXEC);
	exit_fd = open(WK_APPS "/exit.wko", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, spin_fd);
	ASSERT_LE(0, exit_fd);
	ASSERT_EQ(0, write_str(PARAM("max_apps"), "3"));
	ASSERT_EQ(0, write_str(PARAM("max_instances"), "2"));
	ASSERT_EQ(0, write_str(PARAM("log_retain_kb"), "192"));
	ASSERT_EQ(0, chmod(WASMKM_DEVICE, 0666));

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		nobody_child(spin_fd, exit_fd, root_app, root_inst);
	ASSERT_EQ(pid, waitpid(pid, &st, 0));

	chmod(WASMKM_DEVICE, 0600);
	write_str(PARAM("max_apps"), "64");
	write_str(PARAM("max_instances"), "64");
	write_str(PARAM("log_retain_kb"), "8192");
	close(spin_fd);
	close(exit_fd);
	EXPECT_EQ(0, wk_stop(self->dev, root_inst));
	EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) TH_LOG("the unprivileged checks failed");
}

TEST_HARNESS_MAIN
