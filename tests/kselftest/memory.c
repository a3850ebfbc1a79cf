// SPDX-License-Identifier: GPL-2.0
/*
 * Linear memory (kmod/memory.c): memory.grow maps new zeroed pages next to
 * the old ones without copying, and must keep every byte the app wrote.
 */
#include "wasmkm_test.h"
#include "kselftest_harness.h"

FIXTURE(memory)
{
	int dev;
	struct wasmkm_inst_info info;
	char log[512];
};

FIXTURE_SETUP(memory)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
}

FIXTURE_TEARDOWN(memory)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

/* Hundreds of grows of 1 to 33 pages: new pages are zero, old ones intact. */
TEST_F_TIMEOUT(memory, grow_keeps_contents, 300)
{
	const char *argv[] = { "growkeep", NULL };

	ASSERT_EQ(0, wk_run(self->dev, "growkeep", argv, NULL, 240000, &self->info,
			    self->log, sizeof(self->log)));
	TH_LOG("%s", self->log);
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(WASMKM_TRAP_NONE, self->info.trap_kind);
	EXPECT_EQ(0, self->info.exit_code);
}

TEST_HARNESS_MAIN
