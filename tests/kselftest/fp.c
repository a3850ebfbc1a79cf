// SPDX-License-Identifier: GPL-2.0
/*
 * Floating point in a wasm app gives exactly what native code gives, also
 * with two instances on two CPUs at once, and leaves the FPU state of user
 * processes alone.
 */
#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define EXPECTED WK_APPS "/matmul.expected"

FIXTURE(fp)
{
	int dev;
	char expected[8192];
	char log[WASMKM_LOG_SIZE + 1];
};

FIXTURE_SETUP(fp)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
	ASSERT_LT(0, wk_read_file(EXPECTED, self->expected,
				  sizeof(self->expected)));
}

FIXTURE_TEARDOWN(fp)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

TEST_F(fp, matmul_matches_native)
{
	struct wasmkm_inst_info info;

	ASSERT_EQ(0, wk_run(self->dev, "matmul", NULL, NULL, 60000, &info,
			    self->log, sizeof(self->log)));
	EXPECT_EQ(WASMKM_INST_EXITED, info.state);
	EXPECT_EQ(0, info.exit_code);
	EXPECT_STREQ(self->expected, self->log);
}

/* A user FP loop whose result is known; volatile keeps it in registers. */
static double user_fp(unsigned int n)
{
	volatile double x = 1.0;
	double acc = 0.0;
	unsigned int i;

	for (i = 1; i <= n; i++)
		acc += x / i;
	return acc;
}

TEST_F(fp, concurrent_and_user_fp_untouched)
{
	struct wasmkm_inst_info info;
	double want = user_fp(200000), got;
	struct wk_app app;
	uint32_t inst[4];
	int i, bad = 0;

	ASSERT_EQ(0, wk_load(self->dev, "matmul", NULL, NULL, &app));
	for (i = 0; i < 4; i++)
		ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst[i]));
	/* Compute in user space while the kthreads use the FPU. */
	for (i = 0; i < 20; i++) {
		got = user_fp(200000);
		if (memcmp(&got, &want, sizeof(got)))
			bad++;
	}
	EXPECT_EQ(0, bad);
	for (i = 0; i < 4; i++) {
		ASSERT_EQ(0, wk_wait_end(self->dev, inst[i], 60000, &info));
		EXPECT_EQ(WASMKM_INST_EXITED, info.state);
		ASSERT_LT(0, wk_logs(self->dev, inst[i], self->log,
				     sizeof(self->log)));
		EXPECT_STREQ(self->expected, self->log);
	}
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

TEST_HARNESS_MAIN
