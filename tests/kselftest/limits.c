// SPDX-License-Identifier: GPL-2.0
/*
 * Traps and limits: the kernel stack margin under deep recursion with
 * helper calls at the limit, memory.grow against --mem-max, stop latency of
 * busy loops, a 1 ms sleeper's wake-up latency next to busy apps, many
 * instances, many load/unload cycles with slab and vmalloc usage back to
 * baseline, and removal races while instances run.
 *
 * Timings are reported as TAP diagnostics ("#" lines); the only bounds
 * checked on them are generous sanity bounds against the unbounded case
 * (a missing yield point shows up as seconds, not milliseconds).
 */
#include <pthread.h>
#include <sched.h>
#include <signal.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

/*
 * Sanity bounds only: QEMU TCG is slow and machines are noisy (a loaded
 * host has delayed a 1 ms sleeper by over a second).  What they catch is
 * the unbounded case: a 30 s busy app without yield points stalls for all
 * of it, a stop that never comes.
 */
#define SANE_MS			10000
/* Untouched stack an instance must keep: an interrupt frame and more. */
#define STACK_FLOOR		1024
#define TAINT_BAD		((1UL << 5) | (1UL << 7) | (1UL << 9) | (1UL << 14))

FIXTURE(limits)
{
	int dev;
	struct wasmkm_inst_info info;
	char log[WASMKM_LOG_SIZE + 1];
};

FIXTURE_SETUP(limits)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
}

FIXTURE_TEARDOWN(limits)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

static unsigned long env_ul(const char *name, unsigned long def)
{
	const char *v = getenv(name);

	return v && *v ? strtoul(v, NULL, 0) : def;
}

static long read_long(const char *path)
{
	char buf[64];

	if (wk_read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	return strtol(buf, NULL, 10);
}

static unsigned long tainted(void)
{
	long t = read_long("/proc/sys/kernel/tainted");

	return t < 0 ? ~0UL : (unsigned long)t;
}

/* A /proc/meminfo field in KiB, or -1. */
static long meminfo_kb(const char *key)
{
	static char buf[8192];
	size_t n = strlen(key);
	char *p;

	if (wk_read_file("/proc/meminfo", buf, sizeof(buf)) <= 0)
		return -1;
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, key, n) && p[n] == ':')
			return strtol(p + n + 1, NULL, 10);
	return -1;
}

/*
 * wk_load() with a --mem-max (pages) in the manifest and, if @grant is
 * set, that directory granted as the WASI preopen "/data" (fd 3).
 */
static int load_max(int dev, const char *name, const char *const *argv,
		    uint32_t mem_max_pages, const char *grant, struct wk_app *app)
{
	static char abuf[4096];
	struct wasmkm_load load;
	struct wasmkm_cap cap;
	char path[512];
	int ret, dir_fd = -1;

	memset(app, 0, sizeof(*app));
	memset(&cap, 0, sizeof(cap));
	if (grant) {
		dir_fd = open(grant, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (dir_fd < 0)
			return -errno;
		cap.kind = WASMKM_CAP_FS;
		cap.dir_fd = dir_fd;
		snprintf(cap.guest_path, sizeof(cap.guest_path), "/data");
	}
	snprintf(path, sizeof(path), WK_APPS "/%s.wko", name);
	app->obj_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (app->obj_fd < 0) {
		ret = -errno;
		if (dir_fd >= 0)
			close(dir_fd);
		return ret;
	}
	memset(&load, 0, sizeof(load));
	load.size = sizeof(load);
	load.obj_fd = app->obj_fd;
	load.mem_max_pages = mem_max_pages;
	load.argv = wk_ptr(abuf);
	load.argv_len = wk_pack(abuf, sizeof(abuf), argv);
	if (grant) {
		load.caps = wk_ptr(&cap);
		load.ncaps = 1;
	}
	ret = wk_ioctl(dev, WASMKM_IOC_LOAD, &load);
	if (dir_fd >= 0)
		close(dir_fd);
	if (ret) {
		close(app->obj_fd);
		app->obj_fd = -1;
		return ret;
	}
	app->app_id = load.app_id;
	memcpy(app->module_name, load.module_name, sizeof(app->module_name));
	app->module_name[sizeof(app->module_name) - 1] = 0;
	ret = wk_attach_fd(app->obj_fd, app->app_id);
	close(app->obj_fd);
	app->obj_fd = -1;
	if (ret) {
		struct wasmkm_unload u = { sizeof(u), app->app_id };

		wk_ioctl(dev, WASMKM_IOC_UNLOAD, &u);
	}
	return ret;
}

/* Load @name with @argv, @mem_max and @grant, run one instance to its end. */
static int run_max(int dev, const char *name, const char *const *argv,
		   uint32_t mem_max, const char *grant,
		   struct wasmkm_inst_info *info, char *log, size_t size)
{
	struct wk_app app;
	uint32_t inst = 0;
	int ret;

	ret = load_max(dev, name, argv, mem_max, grant, &app);
	if (ret)
		return ret;
	ret = wk_start(dev, app.app_id, &inst);
	if (!ret)
		ret = wk_wait_end(dev, inst, 120000, info);
	if (!ret && log)
		ret = wk_logs(dev, inst, log, size) < 0 ? -EIO : 0;
	if (ret == -ETIMEDOUT)
		wk_stop(dev, inst);
	if (wk_unload(dev, &app) && !ret)
		ret = -EBUSY;
	return ret;
}

static int timed_stop(int dev, uint32_t inst, uint64_t *us)
{
	struct timespec a, b;
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &a);
	ret = wk_stop(dev, inst);
	clock_gettime(CLOCK_MONOTONIC, &b);
	*us = (b.tv_sec - a.tv_sec) * 1000000ULL + (b.tv_nsec - a.tv_nsec) / 1000;
	return ret;
}

/*
 * deep recurses with host calls at every level until the stack check traps;
 * the second run also grows the memory (vmalloc + copy) in the last levels,
 * mirrors every fd_write to printk (a serial console write) and has a
 * directory granted, so that every level also opens, writes, syncs and
 * closes a file, and stats and reads the directory.  The module records
 * the least stack any instance thread left untouched.
 */
#define DEEP_DIR	"/tmp/deep"

TEST_F_TIMEOUT(limits, stack_margin_with_helpers_at_the_limit, 300)
{
	char from[16];
	const char *argv[] = { "deep", from, NULL };
	const char *argv0[] = { "deep", NULL };
	long depth, depth2, min_free;
	struct stat st;

	ASSERT_EQ(0, run_max(self->dev, "deep", argv0, 0, NULL, &self->info,
			     self->log, sizeof(self->log)));
	EXPECT_EQ(WASMKM_INST_TRAPPED, self->info.state);
	EXPECT_EQ(WASMKM_TRAP_STACK, self->info.trap_kind);
	depth = strlen(self->log) / 2;
	ASSERT_LT(8, depth) TH_LOG("log: %.200s", self->log);

	snprintf(from, sizeof(from), "%ld", depth - 8);
	ASSERT_EQ(0, wk_write_str(WK_PARAM("mirror_printk"), "1"));
	ASSERT_EQ(0, mkdir(DEEP_DIR, 0755) && errno != EEXIST ? -errno : 0);
	unlink(DEEP_DIR "/f");
	ASSERT_EQ(0, run_max(self->dev, "deep", argv, 0, DEEP_DIR, &self->info,
			     self->log, sizeof(self->log)));
	wk_write_str(WK_PARAM("mirror_printk"), "0");
	EXPECT_EQ(WASMKM_INST_TRAPPED, self->info.state);
	EXPECT_EQ(WASMKM_TRAP_STACK, self->info.trap_kind);
	depth2 = strlen(self->log) / 2;
	/* the levels that grow the memory were reached */
	EXPECT_LT(depth - 8, depth2);
	/* 8 levels grew by a page each: memory is freed at the end */
	EXPECT_EQ(0, self->info.mem_bytes);
	/* the file-system calls ran: the file holds one "d\n" per level */
	EXPECT_EQ(0, stat(DEEP_DIR "/f", &st));
	EXPECT_EQ(2 * depth2, st.st_size);

	min_free = read_long(WK_PARAM("stack_min_free"));
	TH_LOG("recursion depth %ld (%ld with vmalloc and printk at the limit); least untouched stack of any instance so far: %ld bytes",
	       depth, depth2, min_free);
	/* the recursion did reach the reserve: the figure is a measurement */
	EXPECT_GT(8192, min_free);
	EXPECT_LE(STACK_FLOOR, min_free);
}

/* A memory bomb gets -1 from memory.grow at --mem-max, never more. */
TEST_F_TIMEOUT(limits, mem_max_bounds_memory_grow, 300)
{
	char out[4096];
	long old;
	int rc;

	ASSERT_EQ(0, run_max(self->dev, "grow", NULL, 256, NULL, &self->info,
			     NULL, 0));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state)
		TH_LOG("grow ended with %s", self->info.error);
	EXPECT_EQ(256, self->info.exit_code);

	/* a limit of the initial size: every grow fails */
	ASSERT_EQ(0, run_max(self->dev, "grow", NULL, 1, NULL, &self->info, NULL, 0));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(1, self->info.exit_code);

	/* the module-wide bound applies without --mem-max */
	old = read_long(WK_PARAM("mem_max_pages"));
	ASSERT_LT(0, old);
	ASSERT_EQ(0, wk_write_str(WK_PARAM("mem_max_pages"), "40"));
	rc = run_max(self->dev, "grow", NULL, 0, NULL, &self->info, NULL, 0);
	snprintf(out, sizeof(out), "%ld", old);
	ASSERT_EQ(0, wk_write_str(WK_PARAM("mem_max_pages"), out));
	ASSERT_EQ(0, rc);
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(40, self->info.exit_code);

	/* the same through the CLI: 2 MiB is 32 pages */
	rc = wk_sh(out, sizeof(out), "wasmctl load /apps/grow.wko --mem-max 2M --wait");
	EXPECT_EQ(32, rc) TH_LOG("wasmctl load --mem-max 2M --wait: %s", out);
	/* wasmctl leaves the app loaded: exactly that one */
	EXPECT_EQ(1, wk_cleanup(self->dev));
	EXPECT_EQ(0, tainted() & TAINT_BAD);
}

/*
 * A while(1){}, a tight float loop and a loop of 16 MiB memory.fill and
 * memory.copy stop within milliseconds.
 */
TEST_F_TIMEOUT(limits, busy_loops_stop_promptly, 300)
{
	const char *names[] = { "spin", "fspin", "fill" };
	uint64_t us, worst[3] = { 0, 0, 0 }, ended[3] = { 0, 0, 0 };
	struct timespec req;
	struct wk_app app;
	uint32_t inst;
	int i, k;

	for (k = 0; k < 3; k++) {
		ASSERT_EQ(0, wk_load(self->dev, names[k], NULL, NULL, &app));
		for (i = 0; i < 10; i++) {
			ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst));
			wk_sleep_ms(50 + 20 * i);
			ASSERT_EQ(0, wk_inst_info(self->dev, inst, &self->info));
			EXPECT_EQ(WASMKM_INST_RUNNING, self->info.state);
			clock_gettime(CLOCK_MONOTONIC, &req);
			ASSERT_EQ(0, timed_stop(self->dev, inst, &us));
			ASSERT_EQ(0, wk_inst_info(self->dev, inst, &self->info));
			EXPECT_EQ(WASMKM_INST_STOPPED, self->info.state);
			if (us > worst[k])
				worst[k] = us;
			/* the thread's own end, without waking the caller */
			us = (self->info.end_ns - (req.tv_sec * 1000000000ULL + req.tv_nsec)) / 1000;
			if (us > ended[k])
				ended[k] = us;
		}
		EXPECT_EQ(0, wk_unload(self->dev, &app));
		TH_LOG("%s: worst of 10 stops took %llu us (the thread ended within %llu us of the request)",
		       names[k], (unsigned long long)worst[k],
		       (unsigned long long)ended[k]);
		EXPECT_GT(SANE_MS * 1000ULL, worst[k]);
	}
}

struct lat {
	uint64_t n, sum, worst, over1, over10;	/* microseconds late */
};

/* clock_nanosleep(1 ms) in a loop for @secs; how late each wake-up was. */
static void sleeper(unsigned long secs, struct lat *l)
{
	struct timespec t0, t1, req = { 0, 1000000 };
	uint64_t end = wk_now_ms() + secs * 1000, late;

	memset(l, 0, sizeof(*l));
	while (wk_now_ms() < end) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		late = (t1.tv_sec - t0.tv_sec) * 1000000ULL +
		       (t1.tv_nsec - t0.tv_nsec) / 1000;
		late = late > 1000 ? late - 1000 : 0;
		l->worst = late > l->worst ? late : l->worst;
		l->sum += late;
		l->over1 += late > 1000;
		l->over10 += late > 10000;
		l->n++;
	}
}

static void lat_log(struct __test_metadata *_metadata, const char *what,
		    unsigned long secs, const struct lat *l)
{
	TH_LOG("%s, %lu s: %llu sleeps of 1 ms, late by %llu us on average, worst %llu us; %llu late by > 1 ms, %llu by > 10 ms",
	       what, secs, (unsigned long long)l->n,
	       (unsigned long long)(l->n ? l->sum / l->n : 0),
	       (unsigned long long)l->worst, (unsigned long long)l->over1,
	       (unsigned long long)l->over10);
}

/*
 * Four busy apps (two integer, two float loops) on a 2-CPU guest; a 1 ms
 * clock_nanosleep loop measures how late it wakes up.  For comparison,
 * the same with nothing else running and next to four busy user processes.
 */
TEST_F_TIMEOUT(limits, sleeper_latency_next_to_busy_apps, 300)
{
	unsigned long secs = env_ul("WK_LATENCY_SECONDS", 30);
	unsigned long base_secs = env_ul("WK_LATENCY_BASE_SECONDS", 5);
	const char *names[] = { "spin", "fspin" };
	uint64_t us, stop_worst = 0;
	struct wk_app app[2];
	pid_t hog[4];
	uint32_t inst[4];
	struct lat l;
	int i;

	sleeper(base_secs, &l);
	lat_log(_metadata, "idle", base_secs, &l);
	for (i = 0; i < 4; i++) {
		hog[i] = fork();
		ASSERT_LE(0, hog[i]);
		if (!hog[i]) {
			volatile unsigned long x = 0;

			for (;;)
				x++;
		}
	}
	sleeper(base_secs, &l);
	for (i = 0; i < 4; i++) {
		kill(hog[i], SIGKILL);
		waitpid(hog[i], NULL, 0);
	}
	lat_log(_metadata, "4 busy user processes", base_secs, &l);

	for (i = 0; i < 2; i++)
		ASSERT_EQ(0, wk_load(self->dev, names[i], NULL, NULL, &app[i]));
	for (i = 0; i < 4; i++)
		ASSERT_EQ(0, wk_start(self->dev, app[i % 2].app_id, &inst[i]));
	sleeper(secs, &l);
	lat_log(_metadata, "4 busy wasm apps", secs, &l);
	EXPECT_GT(SANE_MS * 1000ULL, l.worst);

	for (i = 0; i < 4; i++) {
		ASSERT_EQ(0, wk_inst_info(self->dev, inst[i], &self->info));
		EXPECT_EQ(WASMKM_INST_RUNNING, self->info.state);
		EXPECT_EQ(0, timed_stop(self->dev, inst[i], &us));
		stop_worst = us > stop_worst ? us : stop_worst;
	}
	TH_LOG("then stopping each took at most %llu us",
	       (unsigned long long)stop_worst);
	EXPECT_GT(SANE_MS * 1000ULL, stop_worst);
	for (i = 0; i < 2; i++)
		EXPECT_EQ(0, wk_unload(self->dev, &app[i]));
	EXPECT_EQ(0, tainted() & TAINT_BAD);
}

/* 64 concurrent instances of one object, all making progress. */
TEST_F_TIMEOUT(limits, sixty_four_instances_of_one_object, 300)
{
	static struct wasmkm_inst_info all[WK_MAX_INSTS];
	struct wasmkm_app_info ai;
	uint64_t before[64];
	uint32_t inst[64];
	struct wk_app app;
	int i, n, progressed = 0;

	ASSERT_EQ(0, wk_load(self->dev, "ticker", NULL, NULL, &app));
	for (i = 0; i < 64; i++)
		ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst[i]));
	ASSERT_EQ(0, wk_app_info(self->dev, app.app_id, &ai));
	EXPECT_EQ(64, ai.ninstances);
	wk_sleep_ms(500);
	for (i = 0; i < 64; i++) {
		ASSERT_EQ(0, wk_inst_info(self->dev, inst[i], &self->info));
		EXPECT_EQ(WASMKM_INST_RUNNING, self->info.state);
		before[i] = self->info.log_bytes;
	}
	wk_sleep_ms(1000);
	n = wk_list_insts(self->dev, all, WK_MAX_INSTS);
	ASSERT_LE(64, n);
	for (i = 0; i < 64; i++) {
		ASSERT_EQ(0, wk_inst_info(self->dev, inst[i], &self->info));
		progressed += self->info.log_bytes > before[i];
	}
	EXPECT_EQ(64, progressed);
	/* stop half one by one, unload takes the rest */
	for (i = 0; i < 64; i += 2)
		EXPECT_EQ(0, wk_stop(self->dev, inst[i]));
	for (i = 0; i < 64; i += 2) {
		ASSERT_EQ(0, wk_inst_info(self->dev, inst[i], &self->info));
		EXPECT_EQ(WASMKM_INST_STOPPED, self->info.state);
	}
	EXPECT_EQ(0, wk_unload(self->dev, &app));
	EXPECT_EQ(0, wk_list_insts(self->dev, all, WK_MAX_INSTS));
}

struct usage {
	long slab_kb;		/* SUnreclaim */
	long vmalloc_kb;	/* VmallocUsed */
};

static void usage_now(struct usage *u)
{
	u->slab_kb = meminfo_kb("SUnreclaim");
	u->vmalloc_kb = meminfo_kb("VmallocUsed");
}

/*
 * Tolerances, KiB.  Thread stacks are freed after an RCU grace period and
 * up to two per CPU are cached; per-CPU slab caches and the idr's layers
 * hold a little.  A leak of one instance struct (~1 KiB of slab) or of any
 * vmalloc area (the log ring, 64 KiB; a linear memory page, 64 KiB; a
 * module) per cycle exceeds these a thousand times over; smaller leaks are
 * kmemleak's job (make check-debug).
 */
#define SLAB_TOLERANCE_KB	1024
#define VMALLOC_TOLERANCE_KB	1024

static int one_cycle(int dev, const char *name)
{
	struct wk_app app;
	uint32_t inst;
	int ret;

	ret = wk_load(dev, name, NULL, NULL, &app);
	if (ret)
		return ret;
	ret = wk_start(dev, app.app_id, &inst);
	if (!ret)
		ret = wk_stop(dev, inst);
	if (wk_unload(dev, &app) && !ret)
		ret = -EBUSY;
	return ret;
}

TEST_F_TIMEOUT(limits, load_start_stop_unload_cycles_leave_no_usage, 1800)
{
	unsigned long cycles = env_ul("WK_CYCLES", 1000), i;
	bool debug = access("/sys/kernel/debug/kmemleak", F_OK) == 0;
	struct usage base, after;
	uint64_t t0, ms;
	int tries;

	/* warm up: first-use allocations (idr layers, sysfs, caches) */
	for (i = 0; i < 5; i++)
		ASSERT_EQ(0, one_cycle(self->dev, "spin"));
	wk_sleep_ms(500);
	usage_now(&base);
	ASSERT_LT(0, base.slab_kb);
	ASSERT_LE(0, base.vmalloc_kb);

	t0 = wk_now_ms();
	for (i = 0; i < cycles; i++)
		ASSERT_EQ(0, one_cycle(self->dev, "spin")) TH_LOG("cycle %lu", i);
	ms = wk_now_ms() - t0;

	/* deferred frees (RCU, workqueues) settle within a few seconds */
	for (tries = 0; tries < 20; tries++) {
		wk_sleep_ms(500);
		usage_now(&after);
		if (after.slab_kb - base.slab_kb <= SLAB_TOLERANCE_KB &&
		    after.vmalloc_kb - base.vmalloc_kb <= VMALLOC_TOLERANCE_KB)
			break;
	}
	TH_LOG("%lu load/start/stop/unload cycles in %llu ms (%llu us each); SUnreclaim %ld -> %ld KiB, VmallocUsed %ld -> %ld KiB",
	       cycles, (unsigned long long)ms,
	       (unsigned long long)(cycles ? ms * 1000 / cycles : 0),
	       base.slab_kb, after.slab_kb, base.vmalloc_kb, after.vmalloc_kb);
	EXPECT_GE(VMALLOC_TOLERANCE_KB, after.vmalloc_kb - base.vmalloc_kb);
	/*
	 * KASAN's quarantine holds freed slab objects back: on the debug
	 * kernel kmemleak checks the slab side instead.
	 */
	if (!debug)
		EXPECT_GE(SLAB_TOLERANCE_KB, after.slab_kb - base.slab_kb);
}

struct hammer {
	int dev;
	uint32_t app_id;
	const char *module;
	volatile bool done;
	unsigned long calls;
};

/* List, read logs, stop and remove, all the time, ignoring the errors. */
static void *hammer_thread(void *arg)
{
	static struct wasmkm_inst_info all[WK_MAX_INSTS];
	struct hammer *h = arg;
	char buf[256];
	int i, n;

	while (!h->done) {
		n = wk_list_insts(h->dev, all, WK_MAX_INSTS);
		for (i = 0; i < n && i < WK_MAX_INSTS; i++) {
			struct wasmkm_logs l = {
				.size = sizeof(l), .inst_id = all[i].inst_id,
				.buf = wk_ptr(buf), .buf_len = sizeof(buf),
			};

			wk_ioctl(h->dev, WASMKM_IOC_LOGS, &l);
			if (all[i].inst_id % 3 == 0)
				wk_stop(h->dev, all[i].inst_id);
		}
		wk_delete_module(h->module, O_NONBLOCK);
		wk_delete_module("wasmkm", O_NONBLOCK);
		h->calls++;
	}
	return NULL;
}

/*
 * Removing the app object or wasmkm.ko while instances run is refused;
 * unloading the app stops them; none of it races into a use-after-free
 * (KASAN in make check-debug) while another thread lists, reads logs,
 * stops and tries to remove the modules.
 */
TEST_F_TIMEOUT(limits, removal_while_instances_run, 300)
{
	struct hammer h = { 0 };
	struct wk_app app;
	pthread_t th;
	uint32_t inst[6];
	int i, round, ret;

	for (round = 0; round < 5; round++) {
		ASSERT_EQ(0, wk_load(self->dev, round % 2 ? "ticker" : "spin",
				     NULL, NULL, &app));
		for (i = 0; i < 6; i++)
			ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst[i]));
		ret = wk_delete_module(app.module_name, O_NONBLOCK);
		EXPECT_TRUE(ret == -EWOULDBLOCK || ret == -EBUSY)
			TH_LOG("delete_module(%s) while running: %s",
			       app.module_name, strerror(-ret));
		ret = wk_delete_module("wasmkm", O_NONBLOCK);
		EXPECT_TRUE(ret == -EWOULDBLOCK || ret == -EBUSY)
			TH_LOG("delete_module(wasmkm) while running: %s",
			       strerror(-ret));

		h.dev = self->dev;
		h.app_id = app.app_id;
		h.module = app.module_name;
		h.done = false;
		ASSERT_EQ(0, pthread_create(&th, NULL, hammer_thread, &h));
		wk_sleep_ms(100 + 50 * round);
		/* the hammer may remove the object before wk_unload() does */
		ret = wk_unload(self->dev, &app);
		EXPECT_TRUE(ret == 0 || ret == -ENOENT) TH_LOG("unload: %s", strerror(-ret));
		h.done = true;
		pthread_join(th, NULL);
		EXPECT_FALSE(wk_module_loaded(app.module_name));
		EXPECT_TRUE(wk_module_loaded("wasmkm"));
		EXPECT_EQ(-ENOENT, wk_start(self->dev, app.app_id, &inst[0]));
	}
	TH_LOG("hammer thread made %lu rounds of calls", h.calls);
	EXPECT_EQ(0, tainted() & TAINT_BAD);
}

TEST_HARNESS_MAIN
