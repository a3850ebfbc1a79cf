// SPDX-License-Identifier: GPL-2.0
/*
 * poll_oneoff on the kernel's wait queues (tests/apps/poll_fifo.c): an
 * empty FIFO in a grant is not ready, a regular file is; a poll on the FIFO
 * alone sleeps until a byte arrives, and a stop ends it promptly.
 */
#include <sys/stat.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define DATA "/tmp/wkpoll"
#define APP WK_APPS "/poll_fifo.wko"
#define OUT_SIZE 8192
/* Sanity bound only: a wake-up lost is a hang, not a slow run. */
#define WAIT_MS 60000

FIXTURE(poll)
{
	int dev;
	int writer;
	char out[OUT_SIZE];
};

FIXTURE_SETUP(poll)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
	ASSERT_EQ(0, wk_sh(NULL, 0, "rm -rf " DATA " && mkdir -p " DATA));
	ASSERT_EQ(0, mkfifo(DATA "/fifo", 0666));
	ASSERT_EQ(0, wk_sh(NULL, 0, "printf abcd >" DATA "/file"));
	/* a writer that stays: the app's open does not block, no hangup */
	self->writer = open(DATA "/fifo", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, self->writer);
}

FIXTURE_TEARDOWN(poll)
{
	close(self->writer);
	wk_cleanup(self->dev);
	close(self->dev);
}

/* Start a mode without waiting; returns the instance id. */
static unsigned int start(struct __test_metadata *_metadata, FIXTURE_DATA(poll) *self,
			  const char *mode)
{
	unsigned int app = 0, inst = 0;

	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --cap fs:" DATA ":/data --arg %s", mode));
	EXPECT_EQ(2, sscanf(self->out, "app %u (%*[^)]) loaded, instance %u", &app, &inst))
		TH_LOG("%s", self->out);
	return inst;
}

/* Wait until the instance's log has @text (it is polling). */
static void wait_log(struct __test_metadata *_metadata, FIXTURE_DATA(poll) *self,
		     unsigned int inst, const char *text)
{
	uint64_t t0 = wk_now_ms();

	do {
		wk_sleep_ms(50);
		wk_sh(self->out, sizeof(self->out), "wasmctl logs %u", inst);
	} while (!strstr(self->out, text) && wk_now_ms() - t0 < WAIT_MS);
	ASSERT_NE(NULL, strstr(self->out, text)) TH_LOG("%s", self->out);
}

TEST_F(poll, empty_fifo_is_not_ready_a_file_is)
{
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --cap fs:" DATA ":/data --arg idle --wait"))
		TH_LOG("%s", self->out);
	EXPECT_TRUE(wk_line_with(self->out, "checks, 0 failed", "")) TH_LOG("%s", self->out);
}

TEST_F(poll, a_byte_in_the_fifo_wakes_the_poll)
{
	unsigned int inst = start(_metadata, self, "wait");

	wait_log(_metadata, self, inst, "polling the fifo");
	wk_sleep_ms(300);
	/* still asleep: nothing was written */
	wk_sh(self->out, sizeof(self->out), "wasmctl logs %u", inst);
	EXPECT_EQ(NULL, strstr(self->out, "checks,")) TH_LOG("%s", self->out);
	ASSERT_EQ(1, write(self->writer, "x", 1));
	wait_log(_metadata, self, inst, "checks,");
	EXPECT_TRUE(wk_line_with(self->out, "checks, 0 failed", "")) TH_LOG("%s", self->out);
}

TEST_F(poll, stop_ends_a_poll_on_an_empty_fifo)
{
	unsigned int inst = start(_metadata, self, "stop");
	uint64_t t0;

	wait_log(_metadata, self, inst, "polling the fifo");
	wk_sleep_ms(300);
	t0 = wk_now_ms();
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl stop %u", inst))
		TH_LOG("%s", self->out);
	EXPECT_GT(WAIT_MS, wk_now_ms() - t0);
	wk_sh(self->out, sizeof(self->out), "wasmctl logs %u", inst);
	EXPECT_EQ(NULL, strstr(self->out, "ok 2")) TH_LOG("%s", self->out);
	EXPECT_EQ(NULL, strstr(self->out, "not ok")) TH_LOG("%s", self->out);
}

TEST_HARNESS_MAIN
