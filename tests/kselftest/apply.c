// SPDX-License-Identifier: GPL-2.0
/*
 * wasmctl apply DIR: a directory of three manifests starts three apps; a
 * second apply keeps them (same instances); --dry-run prints and changes
 * nothing; an edited manifest restarts that app only; an app of the
 * directory that was stopped is started again; without --prune a deleted
 * manifest's app stays, with --prune it goes, and an app loaded by hand of
 * any name is never touched; the spec digest LOAD took comes back in LIST.
 * A bad manifest (unknown key, bad grant, syntax) is refused naming its
 * file, line and key, and nothing changes although the others are good.
 */
#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define DIR	"/tmp/apply.d"

static void put(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), DIR "/%s", name);
	f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f))
		abort();
}

/* The applied (or, with !applied, hand-loaded) app named @name. */
static int find_app(int dev, const char *name, bool applied,
		    struct wasmkm_app_info *out)
{
	static struct wasmkm_app_info apps[WK_MAX_APPS];
	int n, i, found = 0;

	n = wk_list_apps(dev, apps, WK_MAX_APPS);
	for (i = 0; i < n && i < WK_MAX_APPS; i++) {
		if (strcmp(apps[i].name, name) || !apps[i].spec_digest[0] != !applied)
			continue;
		*out = apps[i];
		found++;
	}
	return found;
}

/* The running instance of app @name (applied), 0 if none or several. */
static uint32_t running(int dev, const char *name)
{
	static struct wasmkm_inst_info insts[WK_MAX_INSTS];
	struct wasmkm_app_info app;
	uint32_t id = 0;
	int n, i;

	if (find_app(dev, name, true, &app) != 1)
		return 0;
	n = wk_list_insts(dev, insts, WK_MAX_INSTS);
	for (i = 0; i < n && i < WK_MAX_INSTS; i++) {
		if (insts[i].app_id != app.app_id || insts[i].state != WASMKM_INST_RUNNING)
			continue;
		if (id)
			return 0;
		id = insts[i].inst_id;
	}
	return id;
}

static int count_apps(int dev)
{
	static struct wasmkm_app_info apps[WK_MAX_APPS];

	return wk_list_apps(dev, apps, WK_MAX_APPS);
}

FIXTURE(apply)
{
	int dev;
	char out[8192];
};

FIXTURE_SETUP(apply)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
	ASSERT_EQ(0, wk_sh(NULL, 0, "rm -rf " DIR " && mkdir -p " DIR));
	put("a.toml", "file = \"/apps/ticker.wko\"\nargs = [\"one\"]\n");
	put("b.toml", "# b runs under a policy\nfile = \"/apps/ticker.wko\"\n"
	    "args = [\"two\"]\nrestart = \"on-failure\"\n");
	put("c.toml", "name = \"gamma\"\nfile = \"/apps/ticker.wko\"\n"
	    "caps = [\"fs:/tmp:/data:ro\"]\n");
}

FIXTURE_TEARDOWN(apply)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev) < 0);
	close(self->dev);
}

TEST_F_TIMEOUT(apply, reconcile, 300)
{
	struct wasmkm_app_info hand, info;
	uint32_t a, b, c, b2;
	char *o = self->out;

	/* Loaded by hand with a declared name: apply must leave it alone. */
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl load /apps/ticker.wko --name a"))
		TH_LOG("%s", o);
	ASSERT_EQ(1, find_app(self->dev, "a", false, &hand));
	for (size_t i = 0; i < sizeof(hand.spec_digest); i++)
		ASSERT_EQ(0, hand.spec_digest[i]);

	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl apply " DIR)) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "warning", "not loaded by apply")) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "start a", "")) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "start b", "")) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "start gamma", "")) TH_LOG("%s", o);
	a = running(self->dev, "a");
	b = running(self->dev, "b");
	c = running(self->dev, "gamma");
	ASSERT_NE(0, a);
	ASSERT_NE(0, b);
	ASSERT_NE(0, c);
	ASSERT_EQ(1, find_app(self->dev, "b", true, &info));
	EXPECT_EQ(1, info.spec_digest[0]);	/* apply's format byte */

	/* Again: nothing to do. */
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl apply " DIR)) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "keep a", "")) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "keep b", "")) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "keep gamma", "")) TH_LOG("%s", o);
	EXPECT_EQ(a, running(self->dev, "a"));
	EXPECT_EQ(b, running(self->dev, "b"));
	EXPECT_EQ(c, running(self->dev, "gamma"));
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl --json apply " DIR));
	EXPECT_NE(NULL, strstr(o, "{\"action\": \"keep\", \"name\": \"gamma\""))
		TH_LOG("%s", o);

	/* b's args edited: --dry-run says so and changes nothing. */
	put("b.toml", "file = \"/apps/ticker.wko\"\nargs = [\"three\"]\n"
	    "restart = \"on-failure\"\n");
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl apply --dry-run " DIR));
	EXPECT_TRUE(wk_line_with(o, "restart b", "(args changed)")) TH_LOG("%s", o);
	EXPECT_EQ(b, running(self->dev, "b"));
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl apply " DIR)) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "restart b", "(args changed)")) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "keep a", "")) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "keep gamma", "")) TH_LOG("%s", o);
	b2 = running(self->dev, "b");
	EXPECT_NE(0, b2);
	EXPECT_NE(b, b2);
	EXPECT_EQ(a, running(self->dev, "a"));
	EXPECT_EQ(c, running(self->dev, "gamma"));

	/* A declared app that was stopped is started again. */
	ASSERT_EQ(0, wk_stop(self->dev, a));
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl apply " DIR)) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "start a", "(not running)")) TH_LOG("%s", o);
	EXPECT_NE(0, running(self->dev, "a"));

	/* c's manifest deleted: kept without --prune, gone with it. */
	ASSERT_EQ(0, unlink(DIR "/c.toml"));
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl apply " DIR)) TH_LOG("%s", o);
	EXPECT_FALSE(wk_line_with(o, "gamma", "")) TH_LOG("%s", o);
	EXPECT_EQ(c, running(self->dev, "gamma"));
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl apply --prune --dry-run " DIR));
	EXPECT_TRUE(wk_line_with(o, "prune gamma", "")) TH_LOG("%s", o);
	EXPECT_EQ(c, running(self->dev, "gamma"));
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl apply --prune " DIR)) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "prune gamma", "")) TH_LOG("%s", o);
	EXPECT_EQ(0, find_app(self->dev, "gamma", true, &info));
	/* The hand-loaded app of the same code: untouched, still running. */
	ASSERT_EQ(0, wk_app_info(self->dev, hand.app_id, &info));
	EXPECT_EQ(1, info.ninstances);
	EXPECT_TRUE(wk_module_loaded(hand.module_name));
	EXPECT_EQ(3, count_apps(self->dev));	/* a, b, the hand-loaded a */
}

TEST_F_TIMEOUT(apply, bad_manifest_changes_nothing, 120)
{
	char *o = self->out;

	put("b.toml", "file = \"/apps/ticker.wko\"\n\nrestrat = \"always\"\n");
	EXPECT_EQ(1, wk_sh(o, sizeof(self->out), "wasmctl apply " DIR));
	EXPECT_TRUE(wk_line_with(o, DIR "/b.toml:3:", "unknown key restrat")) TH_LOG("%s", o);
	EXPECT_TRUE(wk_line_with(o, "nothing was changed", "")) TH_LOG("%s", o);
	EXPECT_EQ(0, count_apps(self->dev));

	put("b.toml", "file = \"/apps/ticker.wko\"\ncaps = [\n \"fs:/tmp\",\n"
	    " \"fs:/no/such/dir\"]\n");
	EXPECT_EQ(1, wk_sh(o, sizeof(self->out), "wasmctl apply --prune " DIR));
	EXPECT_TRUE(wk_line_with(o, DIR "/b.toml:4: caps", "/no/such/dir")) TH_LOG("%s", o);
	EXPECT_EQ(0, count_apps(self->dev));

	put("b.toml", "file = \"/apps/ticker.wko\"\ncaps = [\"usb:1\"]\n");
	EXPECT_EQ(1, wk_sh(o, sizeof(self->out), "wasmctl apply " DIR));
	EXPECT_TRUE(wk_line_with(o, DIR "/b.toml:2: caps", "unknown capability kind"))
		TH_LOG("%s", o);
	EXPECT_EQ(0, count_apps(self->dev));

	/* Once applied, a later bad directory leaves what runs alone. */
	put("b.toml", "file = \"/apps/ticker.wko\"\n");
	ASSERT_EQ(0, wk_sh(o, sizeof(self->out), "wasmctl apply " DIR)) TH_LOG("%s", o);
	EXPECT_EQ(3, count_apps(self->dev));
	put("a.toml", "file = \"/apps/ticker.wko\"\nargs = [\"changed\"]\n");
	put("d.toml", "file = \"/apps/ticker.wko\"\nname = \"gamma\"\n");
	EXPECT_EQ(1, wk_sh(o, sizeof(self->out), "wasmctl apply --prune " DIR));
	EXPECT_TRUE(wk_line_with(o, DIR "/d.toml", "name gamma is already declared by"))
		TH_LOG("%s", o);
	EXPECT_FALSE(wk_line_with(o, "restart a", "")) TH_LOG("%s", o);
	EXPECT_EQ(3, count_apps(self->dev));
	put("d.toml", "file = \"/apps/ticker.wko\"\nargs = [\"x\"\n");
	EXPECT_EQ(1, wk_sh(o, sizeof(self->out), "wasmctl apply " DIR));
	EXPECT_TRUE(wk_line_with(o, DIR "/d.toml:2:", "")) TH_LOG("%s", o);
	EXPECT_EQ(3, count_apps(self->dev));
}

TEST_HARNESS_MAIN
