// SPDX-License-Identifier: GPL-2.0
/*
 * Traps end the instance that trapped, with the kind the Wasm spec names,
 * and leave every other instance running.
 */
#include "wasmkm_test.h"
#include "kselftest_harness.h"

FIXTURE(trap)
{
	int dev;
	struct wasmkm_inst_info info;
	char log[WASMKM_LOG_SIZE + 1];
};

FIXTURE_SETUP(trap)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
}

FIXTURE_TEARDOWN(trap)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

static uint64_t log_bytes(int dev, uint32_t inst)
{
	struct wasmkm_inst_info info;

	if (wk_inst_info(dev, inst, &info))
		return 0;
	return info.log_bytes;
}

TEST_F(trap, oob_store_ends_only_its_instance)
{
	struct wk_app ticker, oob;
	uint32_t t_inst, o_inst;
	uint64_t before;

	/* A long-running app, printing "tick N" every 10 ms. */
	ASSERT_EQ(0, wk_load(self->dev, "ticker", NULL, NULL, &ticker));
	ASSERT_EQ(0, wk_start(self->dev, ticker.app_id, &t_inst));
	wk_sleep_ms(300);
	ASSERT_EQ(0, wk_inst_info(self->dev, t_inst, &self->info));
	ASSERT_EQ(WASMKM_INST_RUNNING, self->info.state);

	ASSERT_EQ(0, wk_load(self->dev, "oob", NULL, NULL, &oob));
	ASSERT_EQ(0, wk_start(self->dev, oob.app_id, &o_inst));
	ASSERT_EQ(0, wk_wait_end(self->dev, o_inst, 30000, &self->info));
	EXPECT_EQ(WASMKM_INST_TRAPPED, self->info.state);
	EXPECT_EQ(WASMKM_TRAP_MEM_OOB, self->info.trap_kind);
	/* func 0 is the import fd_write, func 1 the store helper */
	EXPECT_EQ(1, self->info.trap_func);
	/* wasmctl names the kind with the text the Wasm spec tests use. */
	EXPECT_EQ(0, wk_sh(self->log, sizeof(self->log), "wasmctl list"));
	EXPECT_TRUE(wk_line_with(self->log, "oob", "out of bounds memory access"))
		TH_LOG("wasmctl list: %s", self->log);
	/* What it wrote before the trap stays readable. */
	ASSERT_LT(0, wk_logs(self->dev, o_inst, self->log, sizeof(self->log)));
	EXPECT_STREQ("before\n", self->log);

	/* The other instance is untouched and still making progress. */
	before = log_bytes(self->dev, t_inst);
	wk_sleep_ms(500);
	ASSERT_EQ(0, wk_inst_info(self->dev, t_inst, &self->info));
	EXPECT_EQ(WASMKM_INST_RUNNING, self->info.state);
	EXPECT_LT(before, self->info.log_bytes);
	ASSERT_LT(0, wk_logs(self->dev, t_inst, self->log, sizeof(self->log)));
	EXPECT_EQ(0, strncmp(self->log, "tick 0\ntick 1\n", 14));

	EXPECT_EQ(0, wk_stop(self->dev, t_inst));
	ASSERT_EQ(0, wk_inst_info(self->dev, t_inst, &self->info));
	EXPECT_EQ(WASMKM_INST_STOPPED, self->info.state);
	EXPECT_EQ(0, wk_unload(self->dev, &oob));
	EXPECT_EQ(0, wk_unload(self->dev, &ticker));
}

static void expect_trap(struct __test_metadata *_metadata, int dev,
			const char *app, uint32_t kind,
			struct wasmkm_inst_info *info)
{
	ASSERT_EQ(0, wk_run(dev, app, NULL, NULL, 60000, info, NULL, 0));
	EXPECT_EQ(WASMKM_INST_TRAPPED, info->state);
	EXPECT_EQ(kind, info->trap_kind);
}

TEST_F(trap, unreachable)
{
	expect_trap(_metadata, self->dev, "unreachable", WASMKM_TRAP_UNREACHABLE,
		    &self->info);
}

TEST_F(trap, divide_by_zero)
{
	expect_trap(_metadata, self->dev, "div0", WASMKM_TRAP_DIV_ZERO,
		    &self->info);
}

/* Unbounded recursion traps before the kernel stack overflows. */
TEST_F(trap, call_stack_exhausted)
{
	expect_trap(_metadata, self->dev, "recurse", WASMKM_TRAP_STACK,
		    &self->info);
}

/*
 * A trap names the wasm function it happened in, from the module's name
 * section (clang writes it; -Wl,--strip-debug keeps it), in the instance
 * info, in `wasmctl list` and after the output in `wasmctl logs`.
 */
TEST_F(trap, reports_function_name)
{
	struct wk_app app;
	uint32_t inst;
	char want[128];

	ASSERT_EQ(0, wk_load(self->dev, "trapname", NULL, NULL, &app));
	ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst));
	ASSERT_EQ(0, wk_wait_end(self->dev, inst, 30000, &self->info));
	EXPECT_EQ(WASMKM_INST_TRAPPED, self->info.state);
	EXPECT_EQ(WASMKM_TRAP_DIV_ZERO, self->info.trap_kind);
	EXPECT_NE(~0u, self->info.trap_func);
	EXPECT_STREQ("divide_by", self->info.trap_func_name);
	snprintf(want, sizeof(want), "integer divide by zero in function %u divide_by",
		 self->info.trap_func);
	EXPECT_EQ(0, wk_sh(self->log, sizeof(self->log), "wasmctl list"));
	EXPECT_TRUE(wk_line_with(self->log, "trapname", want))
		TH_LOG("wasmctl list: %s", self->log);
	EXPECT_EQ(0, wk_sh(self->log, sizeof(self->log), "wasmctl logs %u", inst));
	EXPECT_TRUE(wk_line_with(self->log, "dividing", "dividing"))
		TH_LOG("wasmctl logs: %s", self->log);
	EXPECT_TRUE(wk_line_with(self->log, "trapped:", want))
		TH_LOG("wasmctl logs: %s", self->log);
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/* Many traps in a row leak nothing that stops the next one. */
TEST_F(trap, repeated)
{
	int i;

	for (i = 0; i < 20; i++) {
		ASSERT_EQ(0, wk_run(self->dev, "oob", NULL, NULL, 30000,
				    &self->info, NULL, 0));
		ASSERT_EQ(WASMKM_TRAP_MEM_OOB, self->info.trap_kind);
	}
}

TEST_HARNESS_MAIN
