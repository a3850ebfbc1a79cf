// SPDX-License-Identifier: GPL-2.0
/*
 * A wasm while(1){} on every CPU must not starve the rest of the system
 * (yield points), must never trigger the soft-lockup detector, and must
 * stop promptly on WASMKM_IOC_STOP, "wasmctl stop" and unload.
 *
 * The guest sets watchdog_thresh=3 (soft lockup after 6 s): the spinners run
 * longer than that.
 */
#include <pthread.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define SPIN_MS		7000
/*
 * Sanity bounds, not timing targets (those are measured, Documentation/
 * limits.md): without yield points a sleeper would wait out the whole spin
 * and a stop would never come.  A loaded host delays a TCG guest by up to
 * a second or so, which these must tolerate.
 */
#define STOP_MAX_MS	5000
#define LATENCY_MAX_MS	(SPIN_MS / 2)
#define TAINT_SOFTLOCKUP	(1UL << 14)

FIXTURE(stop)
{
	int dev;
	struct wasmkm_inst_info info;
};

FIXTURE_SETUP(stop)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
}

FIXTURE_TEARDOWN(stop)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

static unsigned long tainted(void)
{
	char buf[64];

	if (wk_read_file("/proc/sys/kernel/tainted", buf, sizeof(buf)) <= 0)
		return ~0UL;
	return strtoul(buf, NULL, 10);
}

static int timed_stop(int dev, uint32_t inst, uint64_t *ms)
{
	uint64_t t0 = wk_now_ms();
	int ret = wk_stop(dev, inst);

	*ms = wk_now_ms() - t0;
	return ret;
}

TEST_F_TIMEOUT(stop, spin_on_all_cpus_then_stop, 120)
{
	long ncpus = sysconf(_SC_NPROCESSORS_ONLN);
	uint64_t end, t, worst = 0, ms;
	uint32_t inst[8];
	struct wk_app app;
	int i, n;

	n = ncpus < 1 ? 1 : ncpus > 8 ? 8 : ncpus;
	ASSERT_EQ(0, wk_load(self->dev, "spin", NULL, NULL, &app));
	for (i = 0; i < n; i++)
		ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst[i]));

	/* This process must still get the CPU, and soon after each sleep. */
	end = wk_now_ms() + SPIN_MS;
	while ((t = wk_now_ms()) < end) {
		wk_sleep_ms(1);
		t = wk_now_ms() - t;
		if (t > worst)
			worst = t;
	}
	TH_LOG("%d spinners for %d ms: worst 1 ms sleep took %llu ms", n,
	       SPIN_MS, (unsigned long long)worst);
	EXPECT_GT(LATENCY_MAX_MS, worst);

	for (i = 0; i < n; i++) {
		ASSERT_EQ(0, wk_inst_info(self->dev, inst[i], &self->info));
		EXPECT_EQ(WASMKM_INST_RUNNING, self->info.state);
	}
	for (i = 0; i < n; i++) {
		EXPECT_EQ(0, timed_stop(self->dev, inst[i], &ms));
		TH_LOG("stop of instance %u took %llu ms", inst[i],
		       (unsigned long long)ms);
		EXPECT_GT(STOP_MAX_MS, ms);
		ASSERT_EQ(0, wk_inst_info(self->dev, inst[i], &self->info));
		EXPECT_EQ(WASMKM_INST_STOPPED, self->info.state);
		EXPECT_NE(0, self->info.end_ns);
	}
	EXPECT_EQ(0, tainted() & TAINT_SOFTLOCKUP);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/* An instance sleeping in poll_oneoff stops promptly too. */
TEST_F(stop, stop_sleeping_instance)
{
	struct wk_app app;
	uint32_t inst;
	uint64_t ms;

	ASSERT_EQ(0, wk_load(self->dev, "ticker", NULL, NULL, &app));
	ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst));
	wk_sleep_ms(200);
	EXPECT_EQ(0, timed_stop(self->dev, inst, &ms));
	EXPECT_GT(STOP_MAX_MS, ms);
	ASSERT_EQ(0, wk_inst_info(self->dev, inst, &self->info));
	EXPECT_EQ(WASMKM_INST_STOPPED, self->info.state);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/* Stopping an instance that has already ended changes nothing. */
TEST_F(stop, stop_ended_instance)
{
	struct wk_app app;
	uint32_t inst;
	int ret;

	ASSERT_EQ(0, wk_load(self->dev, "exit", NULL, NULL, &app));
	ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst));
	ASSERT_EQ(0, wk_wait_end(self->dev, inst, 30000, &self->info));
	ret = wk_stop(self->dev, inst);
	EXPECT_TRUE(ret == 0 || ret == -ENOENT || ret == -ESRCH)
		TH_LOG("stop of an ended instance: %s", strerror(-ret));
	ASSERT_EQ(0, wk_inst_info(self->dev, inst, &self->info));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(5, self->info.exit_code);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/* Unload stops every running instance and lets the object go. */
TEST_F(stop, unload_running_app)
{
	struct wk_app app;
	uint32_t inst[2];
	uint64_t t0;

	ASSERT_EQ(0, wk_load(self->dev, "spin", NULL, NULL, &app));
	ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst[0]));
	ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst[1]));
	wk_sleep_ms(300);
	t0 = wk_now_ms();
	EXPECT_EQ(0, wk_unload(self->dev, &app));
	EXPECT_GT(STOP_MAX_MS * 2, wk_now_ms() - t0);
	EXPECT_FALSE(wk_module_loaded(app.module_name));
	EXPECT_EQ(-ENOENT, wk_start(self->dev, app.app_id, &inst[0]));
}

/* The same through the CLI: wasmctl stop <instance>. */
TEST_F(stop, wasmctl_stop)
{
	struct wk_app app;
	char out[4096];
	uint32_t inst;
	uint64_t t0;

	ASSERT_EQ(0, wk_load(self->dev, "spin", NULL, NULL, &app));
	ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst));
	wk_sleep_ms(300);
	t0 = wk_now_ms();
	EXPECT_EQ(0, wk_sh(out, sizeof(out), "wasmctl stop %u", inst))
		TH_LOG("wasmctl stop: %s", out);
	EXPECT_GT(STOP_MAX_MS + 500, wk_now_ms() - t0);
	ASSERT_EQ(0, wk_inst_info(self->dev, inst, &self->info));
	EXPECT_EQ(WASMKM_INST_STOPPED, self->info.state);
	if (self->info.state == WASMKM_INST_RUNNING)
		wk_stop(self->dev, inst);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/*
 * STOP, LIST, APP_INFO, LOGS and the instances' own ends (and their reaping)
 * racing from several threads for a while: a stop must never touch a task
 * that reaping has released (run it under the debug kernel: make
 * check-debug).  Only "no such instance" is an expected error.
 */
#define RACE_THREADS	4

struct race {
	int dev;
	uint32_t spin, exit;
	uint64_t end;
	unsigned long ops[RACE_THREADS];
	int bad[RACE_THREADS];
	volatile uint32_t last;		/* the latest instance started */
};

static bool race_ok(int ret)
{
	return !ret || ret == -ENOENT;
}

struct race_arg {
	struct race *r;
	int idx;
};

static void *race_run(void *p)
{
	struct race_arg *a = p;
	struct race *r = a->r;
	struct wasmkm_inst_info *infos = calloc(WK_MAX_INSTS, sizeof(*infos));
	struct wasmkm_app_info ai;
	char buf[256];
	uint32_t inst;
	int ret, n, i;

	while (infos && wk_now_ms() < r->end) {
		switch (a->idx) {
		case 0:		/* start a spinner, stop it at once */
		case 1:		/* start an instance that ends by itself, stop it */
			ret = wk_start(r->dev, a->idx ? r->exit : r->spin, &inst);
			if (ret) {
				r->bad[a->idx] = ret;
				break;
			}
			r->last = inst;
			ret = wk_stop(r->dev, inst);
			if (!race_ok(ret))
				r->bad[a->idx] = ret;
			break;
		case 2:		/* list, and stop whatever is listed */
			n = wk_list_insts(r->dev, infos, WK_MAX_INSTS);
			if (n < 0) {
				r->bad[2] = n;
				break;
			}
			for (i = 0; i < n && i < WK_MAX_INSTS; i++) {
				ret = wk_stop(r->dev, infos[i].inst_id);
				if (!race_ok(ret))
					r->bad[2] = ret;
			}
			ret = wk_app_info(r->dev, r->spin, &ai);
			if (ret)
				r->bad[2] = ret;
			break;
		default: {	/* read the log of the latest instance */
			struct wasmkm_logs l = {
				.size = sizeof(l), .inst_id = r->last,
				.buf = wk_ptr(buf), .buf_len = sizeof(buf),
			};

			ret = wk_ioctl(r->dev, WASMKM_IOC_LOGS, &l);
			if (!race_ok(ret))
				r->bad[a->idx] = ret;
			break;
		}
		}
		r->ops[a->idx]++;
	}
	free(infos);
	return NULL;
}

TEST_F_TIMEOUT(stop, stop_list_reap_race, 300)
{
	const char *ms = getenv("WK_RACE_MS");
	struct race_arg args[RACE_THREADS];
	pthread_t th[RACE_THREADS];
	struct wk_app spin, ex;
	struct race r;
	int i;

	memset(&r, 0, sizeof(r));
	ASSERT_EQ(0, wk_load(self->dev, "spin", NULL, NULL, &spin));
	ASSERT_EQ(0, wk_load(self->dev, "exit", NULL, NULL, &ex));
	r.dev = self->dev;
	r.spin = spin.app_id;
	r.exit = ex.app_id;
	r.end = wk_now_ms() + (ms ? strtoul(ms, NULL, 0) : 20000);
	for (i = 0; i < RACE_THREADS; i++) {
		args[i].r = &r;
		args[i].idx = i;
		ASSERT_EQ(0, pthread_create(&th[i], NULL, race_run, &args[i]));
	}
	for (i = 0; i < RACE_THREADS; i++)
		pthread_join(th[i], NULL);
	TH_LOG("operations: start+stop %lu, start+stop of exiting %lu, list+stop %lu, logs %lu",
	       r.ops[0], r.ops[1], r.ops[2], r.ops[3]);
	for (i = 0; i < RACE_THREADS; i++) {
		EXPECT_EQ(0, r.bad[i]) TH_LOG("thread %d: %s", i, strerror(-r.bad[i]));
		EXPECT_LT(0, r.ops[i]);
	}
	EXPECT_EQ(0, wk_unload(self->dev, &spin));
	EXPECT_EQ(0, wk_unload(self->dev, &ex));
	EXPECT_EQ(0, tainted() & ((1UL << 5) | (1UL << 7) | (1UL << 9) | (1UL << 14)));
}

TEST_HARNESS_MAIN
