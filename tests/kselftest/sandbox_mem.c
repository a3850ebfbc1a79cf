// SPDX-License-Identifier: GPL-2.0
/*
 * The sandbox boundary for app memory: WASI calls whose iovec arrays,
 * subscriptions and outputs overlap each other or the data of the call
 * (tests/apps/sandbox_mem.c).  Each must end normally with what the spec
 * gives, and the kernel log must stay clean: a helper that read an iovec
 * array twice wrote past linear memory (an oops in the instance thread).
 */
#include <sys/stat.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define DATA "/tmp/wkmem"
#define APP WK_APPS "/sandbox_mem.wko"
#define OUT_SIZE 16384
#define BAD_LOG "BUG:|WARNING:|Oops|KASAN|general protection|Unable to handle"

FIXTURE(mem)
{
	int dev;
	int bad_before;
	char out[OUT_SIZE];
};

static int bad_log_lines(void)
{
	char buf[32];

	if (wk_sh(buf, sizeof(buf), "dmesg | grep -cE '" BAD_LOG "'") > 1)
		return -1;
	return atoi(buf);
}

FIXTURE_SETUP(mem)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
	ASSERT_EQ(0, wk_sh(NULL, 0, "rm -rf " DATA " && mkdir -p " DATA));
	self->bad_before = bad_log_lines();
	ASSERT_LE(0, self->bad_before);
}

FIXTURE_TEARDOWN(mem)
{
	char log[4096];

	EXPECT_EQ(self->bad_before, bad_log_lines())
		TH_LOG("%s", (wk_sh(log, sizeof(log), "dmesg | tail -40"), log));
	wk_cleanup(self->dev);
	close(self->dev);
}

/* Run one mode; the app's exit code is its number of failed checks. */
static void run_mode(struct __test_metadata *_metadata, FIXTURE_DATA(mem) *self,
		     const char *mode)
{
	int rc = wk_sh(self->out, sizeof(self->out),
		       "timeout 120 wasmctl load " APP " --cap fs:" DATA ":/data --arg %s "
		       "--env GREETING=hello --env PLACE=kernel --wait", mode);

	EXPECT_EQ(0, rc) TH_LOG("sandbox_mem %s:\n%s", mode, self->out);
	EXPECT_TRUE(wk_line_with(self->out, "checks, 0 failed", "")) TH_LOG("%s", self->out);
	EXPECT_EQ(NULL, strstr(self->out, "not ok")) TH_LOG("%s", self->out);
}

TEST_F(mem, fd_read_into_its_own_iovec_array)
{
	run_mode(_metadata, self, "read");
}

TEST_F(mem, fd_pread_into_its_own_iovec_array)
{
	run_mode(_metadata, self, "pread");
}

TEST_F(mem, fd_write_of_its_own_iovec_array)
{
	run_mode(_metadata, self, "write");
	run_mode(_metadata, self, "pwrite");
}

TEST_F(mem, iovec_count_bounded_like_readv)
{
	run_mode(_metadata, self, "iovmax");
}

TEST_F(mem, poll_events_over_the_subscriptions)
{
	run_mode(_metadata, self, "poll");
}

TEST_F(mem, readdir_args_environ_overlapping_outputs)
{
	run_mode(_metadata, self, "readdir");
	run_mode(_metadata, self, "args");
	run_mode(_metadata, self, "environ");
}

TEST_HARNESS_MAIN
