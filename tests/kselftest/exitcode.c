// SPDX-License-Identifier: GPL-2.0
/*
 * The exit code of an instance: from proc_exit (called by the app, or by
 * wasi-libc when main returns non-zero) and from _start returning.
 * LIST_INSTS and "wasmctl list" report it.
 */
#include "wasmkm_test.h"
#include "kselftest_harness.h"

FIXTURE(exitcode)
{
	int dev;
	struct wasmkm_inst_info info;
};

FIXTURE_SETUP(exitcode)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
}

FIXTURE_TEARDOWN(exitcode)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

static int run_code(int dev, const char *code, bool use_exit,
		    struct wasmkm_inst_info *info)
{
	const char *argv[] = { "exitcode", code, use_exit ? "exit" : NULL, NULL };

	return wk_run(dev, "exitcode", argv, NULL, 30000, info, NULL, 0);
}

/* main returns 0: wasi-libc's _start returns without proc_exit. */
TEST_F(exitcode, main_returns_zero)
{
	ASSERT_EQ(0, run_code(self->dev, "0", false, &self->info));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(0, self->info.exit_code);
	EXPECT_EQ(WASMKM_TRAP_NONE, self->info.trap_kind);
	EXPECT_NE(0, self->info.end_ns);
	EXPECT_LE(self->info.start_ns, self->info.end_ns);
}

/* main returns non-zero: wasi-libc calls proc_exit with it. */
TEST_F(exitcode, main_returns_code)
{
	ASSERT_EQ(0, run_code(self->dev, "7", false, &self->info));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(7, self->info.exit_code);
}

/* exit() from a nested call: proc_exit unwinds the whole instance. */
TEST_F(exitcode, exit_from_nested_call)
{
	ASSERT_EQ(0, run_code(self->dev, "3", true, &self->info));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(3, self->info.exit_code);
}

TEST_F(exitcode, exit_255)
{
	ASSERT_EQ(0, run_code(self->dev, "255", true, &self->info));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(255, self->info.exit_code);
}

/* Hand-written wasm: _start just returns. */
TEST_F(exitcode, wat_start_returns)
{
	ASSERT_EQ(0, wk_run(self->dev, "ret", NULL, NULL, 30000, &self->info,
			    NULL, 0));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(0, self->info.exit_code);
	EXPECT_EQ(0, self->info.log_bytes);
}

/* Hand-written wasm: proc_exit(5) directly. */
TEST_F(exitcode, wat_proc_exit)
{
	ASSERT_EQ(0, wk_run(self->dev, "exit", NULL, NULL, 30000, &self->info,
			    NULL, 0));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state);
	EXPECT_EQ(5, self->info.exit_code);
	EXPECT_EQ(WASMKM_TRAP_NONE, self->info.trap_kind);
}

/* The same exit code as LIST_INSTS reports it, through "wasmctl list". */
TEST_F(exitcode, wasmctl_list_shows_code)
{
	char out[16384];
	struct wk_app app;
	uint32_t inst;
	int st;

	ASSERT_EQ(0, wk_load(self->dev, "exit", NULL, NULL, &app));
	ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst));
	ASSERT_EQ(0, wk_wait_end(self->dev, inst, 30000, &self->info));
	ASSERT_EQ(5, self->info.exit_code);
	st = wk_sh(out, sizeof(out), "wasmctl list");
	EXPECT_EQ(0, st) TH_LOG("wasmctl list: %s", out);
	/* the instance's line names the app and its exit code */
	EXPECT_TRUE(wk_line_with(out, "exit", "5")) TH_LOG("output: %s", out);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

TEST_HARNESS_MAIN
