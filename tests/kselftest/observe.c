// SPDX-License-Identifier: GPL-2.0
/*
 * Observability, run in the guest: wasmctl trace counts exactly the host
 * calls an app makes, wasmctl top shows a busy instance near 100% CPU and an
 * idle one near 0 (sanity bounds only), a trap with its kind and function,
 * the wasmkm_mem_grow tracepoint carries the new size, both tools refuse an
 * unprivileged user with a message naming the capabilities, and top keeps
 * going while apps are loaded and unloaded under it.
 */
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define OUT	"/tmp/observe.out"
#define ERR	"/tmp/observe.err"
#define BG_OUT	"/tmp/observe-bg.out"	/* of a wasmctl in the background */
#define BG_ERR	"/tmp/observe-bg.err"
#define TRACEFS	"/sys/kernel/tracing"
#define NCALLS	"437"	/* sched_yield calls of the traced instance */

static pid_t spawn_as(const char *const *args, uid_t uid)
{
	return wk_spawn_wasmctl(args, uid, OUT, ERR);
}

static int run(const char *const *args, unsigned int ms)
{
	return wk_reap(spawn_as(args, 0), ms);
}

/*
 * In JSON text @s: the unsigned number of "@key" in the object that holds
 * "inst_id": @inst (the first such key after it), or -1.
 */
static long long json_num(const char *s, uint32_t inst, const char *key)
{
	char pat[64], kpat[64];
	const char *p = s, *end;

	snprintf(pat, sizeof(pat), "\"inst_id\": %u", inst);
	snprintf(kpat, sizeof(kpat), "\"%s\": ", key);
	while ((p = strstr(p, pat))) {
		p += strlen(pat);
		if (*p >= '0' && *p <= '9')
			continue;
		end = strchr(p, '}');
		p = strstr(p, kpat);
		if (!p || (end && p > end))
			return -1;
		return strtoll(p + strlen(kpat), NULL, 10);
	}
	return -1;
}

FIXTURE(observe)
{
	int dev;
	char out[64 * 1024];
	char err[4096];
};

FIXTURE_SETUP(observe)
{
	struct stat st;

	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
	wk_cleanup(self->dev);
	/* The tools find the wasmkm tracepoints through tracefs. */
	if (stat(TRACEFS "/events", &st))
		mount("nodev", TRACEFS, "tracefs", 0, NULL);
	ASSERT_EQ(0, stat(TRACEFS "/events/wasmkm", &st));
}

FIXTURE_TEARDOWN(observe)
{
	if (self->dev >= 0)
		wk_cleanup(self->dev);
	close(self->dev);
}

/*
 * trace APP counts exactly the NCALLS sched_yield calls of an instance
 * started while it traces (the idle one before it makes none).
 */
TEST_F_TIMEOUT(observe, trace_counts, 120)
{
	const char *load_idle[] = { "-q", "load", WK_APPS "/hostcalls.wko", "--name", "obs-calls",
				    "--arg", "idle", NULL };
	const char *trace[] = { "--json", "trace", "obs-calls", NULL };
	const char *start[] = { "-q", "start", "obs-calls", "--arg", NCALLS, NULL };
	uint64_t end;
	pid_t pid;

	ASSERT_EQ(0, run(load_idle, 60000));
	ASSERT_NE(0, wk_wait_inst_state(self->dev, "obs-calls", WASMKM_INST_RUNNING, 10000));
	pid = wk_spawn_wasmctl(trace, 0, BG_OUT, BG_ERR);
	/* Attached once it says so on stderr. */
	end = wk_now_ms() + 30000;
	while (wk_now_ms() < end && (wk_read_file(BG_ERR, self->err, sizeof(self->err)) <= 0 ||
				     !strstr(self->err, "tracing")))
		wk_sleep_ms(20);
	ASSERT_NE(NULL, strstr(self->err, "tracing")) TH_LOG("%s", self->err);
	ASSERT_EQ(0, run(start, 60000));
	ASSERT_NE(0, wk_wait_inst_state(self->dev, "obs-calls", WASMKM_INST_EXITED, 20000));
	kill(pid, SIGINT);
	ASSERT_EQ(0, wk_reap(pid, 20000));
	ASSERT_LE(0, wk_read_file(BG_OUT, self->out, sizeof(self->out)));
	EXPECT_NE(NULL, strstr(self->out, "\"name\": \"sched_yield\", \"calls\": " NCALLS ","))
		TH_LOG("%s", self->out);
}

/* top: a busy instance near 100% CPU, an idle one near 0 (sanity bounds). */
TEST_F_TIMEOUT(observe, top_cpu, 120)
{
	const char *load_idle[] = { "-q", "load", WK_APPS "/hostcalls.wko", "--name", "obs-idle",
				    "--arg", "idle", NULL };
	const char *load_busy[] = { "-q", "load", WK_APPS "/spin.wko", "--name", "obs-busy",
				    NULL };
	const char *top[] = { "top", "--json", "-n", "2", "-d", "1", NULL };
	uint32_t idle, busy;
	long long v;
	char *last;

	ASSERT_EQ(0, run(load_idle, 60000));
	idle = wk_wait_inst_state(self->dev, "obs-idle", WASMKM_INST_RUNNING, 10000);
	ASSERT_NE(0, idle);
	ASSERT_EQ(0, run(load_busy, 60000));
	busy = wk_wait_inst_state(self->dev, "obs-busy", WASMKM_INST_RUNNING, 10000);
	ASSERT_NE(0, busy);
	EXPECT_EQ(0, run(top, 60000));
	ASSERT_LE(0, wk_read_file(OUT, self->out, sizeof(self->out)));
	ASSERT_LE(0, wk_read_file(ERR, self->err, sizeof(self->err)));
	/* The second refresh: a whole interval of both. */
	ASSERT_LT(1, strlen(self->out)) TH_LOG("stderr: %s", self->err);
	self->out[strlen(self->out) - 1] = 0;
	last = strrchr(self->out, '\n');
	ASSERT_NE(NULL, last) TH_LOG("%s", self->out);
	v = json_num(last, busy, "cpu_percent");
	EXPECT_LT(50, v) TH_LOG("%s", last);
	EXPECT_GE(100, v);
	v = json_num(last, idle, "cpu_percent");
	EXPECT_LE(0, v) TH_LOG("%s", last);
	EXPECT_GT(10, v) TH_LOG("%s", last);
	EXPECT_LT(0, json_num(last, busy, "mem_bytes"));
}

/* A trapped instance shows its trap kind and function in top. */
TEST_F(observe, top_shows_trap)
{
	const char *load[] = { "-q", "load", WK_APPS "/trapname.wko", "--name", "obs-trap", NULL };
	const char *top[] = { "top", "--json", "-n", "1", "-d", "0.1", NULL };
	uint32_t id;

	ASSERT_EQ(0, run(load, 60000));
	id = wk_wait_inst_state(self->dev, "obs-trap", WASMKM_INST_TRAPPED, 20000);
	ASSERT_NE(0, id);
	ASSERT_EQ(0, run(top, 30000));
	ASSERT_LE(0, wk_read_file(OUT, self->out, sizeof(self->out)));
	EXPECT_EQ(WASMKM_TRAP_DIV_ZERO, json_num(self->out, id, "trap_kind")) TH_LOG("%s", self->out);
	EXPECT_NE(NULL, strstr(self->out, "\"trap_func_name\": \"divide_by\""))
		TH_LOG("%s", self->out);
}

/* wasmkm_mem_grow carries the old and the new size (tracefs). */
TEST_F(observe, mem_grow_event)
{
	const char *load[] = { "-q", "load", WK_APPS "/hostcalls.wko", "--name", "obs-grow",
			       "--arg", "grow", "--wait", NULL };
	const char *ev = TRACEFS "/events/wasmkm/wasmkm_mem_grow/enable";
	char want[64], *p;
	unsigned int old_pages;

	ASSERT_EQ(0, wk_write_str(TRACEFS "/trace", ""));
	ASSERT_EQ(0, wk_write_str(ev, "1"));
	EXPECT_EQ(0, run(load, 60000));
	ASSERT_EQ(0, wk_write_str(ev, "0"));
	ASSERT_LE(0, wk_read_file(TRACEFS "/trace", self->out, sizeof(self->out)));
	p = strstr(self->out, "wasmkm_mem_grow: ");
	ASSERT_NE(NULL, p) TH_LOG("%s", self->out);
	p = strstr(p, "old_pages=");
	ASSERT_NE(NULL, p);
	old_pages = strtoul(p + strlen("old_pages="), NULL, 10);
	snprintf(want, sizeof(want), "old_pages=%u new_pages=%u ok=1", old_pages, old_pages + 3);
	EXPECT_NE(NULL, strstr(self->out, want)) TH_LOG("%s", self->out);
}

/* Without CAP_BPF and CAP_PERFMON: exit 1 and a message naming them. */
TEST_F(observe, unprivileged)
{
	const char *top[] = { "top", "-n", "1", NULL };
	const char *trace[] = { "trace", "1", "-d", "1", NULL };

	EXPECT_EQ(1, wk_reap(spawn_as(top, 65534), 30000));
	ASSERT_LE(0, wk_read_file(ERR, self->err, sizeof(self->err)));
	EXPECT_NE(NULL, strstr(self->err, "CAP_BPF and CAP_PERFMON")) TH_LOG("%s", self->err);
	EXPECT_EQ(1, wk_reap(spawn_as(trace, 65534), 30000));
	ASSERT_LE(0, wk_read_file(ERR, self->err, sizeof(self->err)));
	EXPECT_NE(NULL, strstr(self->err, "CAP_BPF and CAP_PERFMON")) TH_LOG("%s", self->err);
}

/* top keeps refreshing while apps come and go under it. */
TEST_F_TIMEOUT(observe, top_while_loading, 120)
{
	const char *top[] = { "top", "--json", "-n", "8", "-d", "0.25", NULL };
	const char *load[] = { "-q", "load", WK_APPS "/hostcalls.wko", "--name", "obs-churn",
			       "--arg", "50", NULL };
	const char *unload[] = { "-q", "unload", "obs-churn", NULL };
	int i, lines = 0;
	pid_t pid;
	char *p;

	pid = wk_spawn_wasmctl(top, 0, BG_OUT, BG_ERR);
	for (i = 0; i < 3; i++) {
		ASSERT_EQ(0, run(load, 60000));
		ASSERT_EQ(0, run(unload, 60000));
	}
	ASSERT_EQ(0, wk_reap(pid, 60000));
	ASSERT_LE(0, wk_read_file(BG_OUT, self->out, sizeof(self->out)));
	for (p = self->out; (p = strchr(p, '\n')); p++)
		lines++;
	EXPECT_EQ(8, lines) TH_LOG("%s", self->out);
	EXPECT_EQ(NULL, strstr(self->out, "error")) TH_LOG("%s", self->out);
}

TEST_HARNESS_MAIN
