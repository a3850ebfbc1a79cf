// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm.ko cannot be removed while an app object is loaded (the object
 * uses its symbols), and can once the app is unloaded.  Runs last; it puts
 * wasmkm.ko back afterwards.
 */
#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define WASMKM_KO	"/lib/wasmkm/wasmkm.ko"

static int reinsert(void)
{
	int fd, ret;

	if (wk_module_loaded("wasmkm"))
		return 0;
	fd = open(WASMKM_KO, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ret = wk_finit_module(fd, "");
	close(fd);
	return ret;
}

FIXTURE(unload)
{
	int dev;
};

FIXTURE_SETUP(unload)
{
	ASSERT_EQ(0, reinsert());
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
}

FIXTURE_TEARDOWN(unload)
{
	if (self->dev >= 0) {
		wk_cleanup(self->dev);
		close(self->dev);
	}
	EXPECT_EQ(0, reinsert());
}

static void rmmod_busy_then_ok(struct __test_metadata *_metadata,
			       FIXTURE_DATA(unload) *self, const char *name,
			       bool start)
{
	struct wk_app app;
	uint32_t inst = 0;
	int ret, dev;

	ASSERT_EQ(0, wk_load(self->dev, name, NULL, NULL, &app));
	if (start)
		ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst));
	/* Our own open /dev/wasm also pins the module: close it first. */
	close(self->dev);
	self->dev = -1;

	ret = wk_delete_module("wasmkm", O_NONBLOCK);
	EXPECT_TRUE(ret == -EWOULDBLOCK || ret == -EBUSY)
		TH_LOG("rmmod wasmkm with %s loaded: %s", app.module_name,
		       strerror(-ret));
	ASSERT_TRUE(wk_module_loaded("wasmkm"));
	ASSERT_TRUE(wk_module_loaded(app.module_name));

	/* The app is unaffected. */
	dev = wk_open_dev();
	ASSERT_LE(0, dev);
	self->dev = dev;
	if (start) {
		struct wasmkm_inst_info info;

		ASSERT_EQ(0, wk_inst_info(dev, inst, &info));
		EXPECT_EQ(WASMKM_INST_RUNNING, info.state);
	}
	EXPECT_EQ(0, wk_unload(dev, &app));
	EXPECT_FALSE(wk_module_loaded(app.module_name));
	close(dev);
	self->dev = -1;

	EXPECT_EQ(0, wk_delete_module("wasmkm", O_NONBLOCK));
	EXPECT_FALSE(wk_module_loaded("wasmkm"));
	EXPECT_NE(0, access(WASMKM_DEVICE, F_OK));

	ASSERT_EQ(0, reinsert());
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
}

TEST_F(unload, rmmod_with_app_loaded)
{
	rmmod_busy_then_ok(_metadata, self, "ret", false);
}

TEST_F(unload, rmmod_with_app_running)
{
	rmmod_busy_then_ok(_metadata, self, "ticker", true);
}

/* The same through the CLI: wasmctl unload removes the object. */
TEST_F(unload, wasmctl_unload)
{
	struct wk_app app;
	char out[4096];

	ASSERT_EQ(0, wk_load(self->dev, "ret", NULL, NULL, &app));
	close(self->dev);
	self->dev = -1;
	EXPECT_NE(0, wk_delete_module("wasmkm", O_NONBLOCK));
	EXPECT_EQ(0, wk_sh(out, sizeof(out), "wasmctl unload %u", app.app_id))
		TH_LOG("wasmctl unload: %s", out);
	EXPECT_FALSE(wk_module_loaded(app.module_name));
	EXPECT_EQ(0, wk_delete_module("wasmkm", O_NONBLOCK));
	ASSERT_EQ(0, reinsert());
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
}

/* Load, run and unload many times: the module still unloads cleanly. */
TEST_F(unload, many_cycles)
{
	struct wasmkm_inst_info info;
	int i;

	for (i = 0; i < 10; i++)
		ASSERT_EQ(0, wk_run(self->dev, "exit", NULL, NULL, 30000, &info,
				    NULL, 0));
	close(self->dev);
	self->dev = -1;
	EXPECT_EQ(0, wk_delete_module("wasmkm", O_NONBLOCK));
}

TEST_HARNESS_MAIN
