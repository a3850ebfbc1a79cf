// SPDX-License-Identifier: GPL-2.0
/*
 * Apps from the Rust, C++, AssemblyScript and Go toolchains
 * (tests/toolchains/) run unchanged: each gets a file-system grant, args and
 * env, and must print, leave behind and exit with exactly what the same
 * source did outside wasmkm (<apps>/tc-<name>.{stdout,tree,code}, made at
 * build time by tests/toolchains/expect.sh, whose stage this one repeats).
 */
#include <sys/stat.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define TOP "/tmp/wktc"
#define OUT_SIZE 65536
/* The instance may take long under QEMU TCG (Go's runtime starts first). */
#define RUN_MS 300000
/*
 * Where a Rust panic traps: std's panic_abort runs `unreachable` in
 * __rust_start_panic (as Node's and wasmtime's traces name it).
 */
#define TC_PANIC_FUNC "__rust_start_panic"
/* The granted tree as expect.sh dumps it: every path, each file's bytes. */
#define TREE_DUMP "cd %s && find . | sort | while read -r f; do " \
	"if [ -d \"$f\" ]; then echo \"$f/\"; else echo \"$f:\"; cat \"$f\"; fi; done"

FIXTURE(toolchains)
{
	int dev;
	struct wasmkm_inst_info info;
	char log[OUT_SIZE];
	char want[OUT_SIZE];
	char dir[256];
};

FIXTURE_SETUP(toolchains)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
}

FIXTURE_TEARDOWN(toolchains)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

/* WASMKM_IOC_LOAD with one read-write grant of @hostdir as /data. */
static int load_with_grant(int dev, const char *name, const char *hostdir,
			   const char *const *argv, const char *const *env,
			   struct wk_app *app)
{
	static char abuf[WASMKM_ARGS_MAX], ebuf[WASMKM_ARGS_MAX];
	struct wasmkm_cap cap;
	struct wasmkm_load load;
	char path[512];
	int ret;

	memset(app, 0, sizeof(*app));
	snprintf(path, sizeof(path), WK_APPS "/%s.wko", name);
	app->obj_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (app->obj_fd < 0)
		return -errno;
	memset(&cap, 0, sizeof(cap));
	cap.kind = WASMKM_CAP_FS;
	cap.dir_fd = open(hostdir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (cap.dir_fd < 0) {
		ret = -errno;
		close(app->obj_fd);
		return ret;
	}
	snprintf(cap.guest_path, sizeof(cap.guest_path), "/data");
	memset(&load, 0, sizeof(load));
	load.size = sizeof(load);
	load.obj_fd = app->obj_fd;
	load.argv = wk_ptr(abuf);
	load.argv_len = wk_pack(abuf, sizeof(abuf), argv);
	load.env = wk_ptr(ebuf);
	load.env_len = wk_pack(ebuf, sizeof(ebuf), env);
	load.caps = wk_ptr(&cap);
	load.ncaps = 1;
	ret = wk_ioctl(dev, WASMKM_IOC_LOAD, &load);
	close(cap.dir_fd);
	memcpy(app->error, load.error, sizeof(app->error));
	app->error[sizeof(app->error) - 1] = 0;
	if (!ret) {
		app->app_id = load.app_id;
		memcpy(app->module_name, load.module_name, sizeof(app->module_name));
		app->module_name[sizeof(app->module_name) - 1] = 0;
		ret = wk_attach_fd(app->obj_fd, app->app_id);
		if (ret) {
			struct wasmkm_unload u = { sizeof(u), app->app_id };

			wk_ioctl(dev, WASMKM_IOC_UNLOAD, &u);
		}
	}
	close(app->obj_fd);
	app->obj_fd = -1;
	return ret;
}

/*
 * Stage expect.sh's directory for @name, run the app with @extra as its
 * last argument (NULL: none) to its end; its log in self->log.
 */
static int run_app(FIXTURE_DATA(toolchains) *self, const char *name, const char *extra)
{
	const char *argv[] = { name, "/data", "3", "two words", "h\xc3\xa9llo", extra, NULL };
	const char *env[] = { "WK_GREETING=hello wasmkm", "WK_EMPTY=", NULL };
	struct wk_app app;
	uint32_t inst = 0;
	int ret;

	snprintf(self->dir, sizeof(self->dir), TOP "/%s", name);
	ret = wk_sh(NULL, 0, "rm -rf %s && mkdir -p %s && printf 'line one\\nline two\\n' >%s/input.txt",
		    self->dir, self->dir, self->dir);
	if (ret)
		return -EIO;
	ret = load_with_grant(self->dev, name, self->dir, argv, env, &app);
	if (ret) {
		fprintf(stderr, "# load %s: %s: %s\n", name, strerror(-ret), app.error);
		return ret;
	}
	ret = wk_start(self->dev, app.app_id, &inst);
	if (!ret)
		ret = wk_wait_end(self->dev, inst, RUN_MS, &self->info);
	if (!ret)
		ret = wk_logs(self->dev, inst, self->log, sizeof(self->log)) < 0 ? -EIO : 0;
	if (ret == -ETIMEDOUT)
		wk_stop(self->dev, inst);
	if (wk_unload(self->dev, &app) && !ret)
		ret = -EBUSY;
	return ret;
}

static void check_app(struct __test_metadata *_metadata, FIXTURE_DATA(toolchains) *self,
		      const char *name)
{
	char path[512], skip[512], tree[OUT_SIZE];
	int code;

	/* not built, and the build said why (tc-go without Go >= 1.21) */
	snprintf(path, sizeof(path), WK_APPS "/%s.wko", name);
	snprintf(skip, sizeof(skip), WK_APPS "/%s.skip", name);
	if (access(path, F_OK) && !access(skip, F_OK)) {
		char note[256] = "";

		wk_read_file(skip, note, sizeof(note));
		SKIP(return, "%s", note);
	}
	ASSERT_EQ(0, run_app(self, name, NULL));
	EXPECT_EQ(WASMKM_INST_EXITED, self->info.state)
		TH_LOG("%s ended in state %u, trap %u in function %u %s:\n%s", name,
		       self->info.state, self->info.trap_kind, self->info.trap_func,
		       self->info.trap_func_name, self->log);
	snprintf(path, sizeof(path), WK_APPS "/%s.code", name);
	ASSERT_LT(0, wk_read_file(path, self->want, sizeof(self->want)));
	code = atoi(self->want);
	EXPECT_EQ(code, self->info.exit_code);
	snprintf(path, sizeof(path), WK_APPS "/%s.stdout", name);
	ASSERT_LE(0, wk_read_file(path, self->want, sizeof(self->want)));
	EXPECT_STREQ(self->want, self->log);
	snprintf(path, sizeof(path), WK_APPS "/%s.tree", name);
	ASSERT_LE(0, wk_read_file(path, self->want, sizeof(self->want)));
	ASSERT_EQ(0, wk_sh(tree, sizeof(tree), TREE_DUMP, self->dir));
	EXPECT_STREQ(self->want, tree);
}

TEST_F(toolchains, rust_std)
{
	check_app(_metadata, self, "tc-rust");
}

TEST_F(toolchains, cxx_no_exceptions)
{
	check_app(_metadata, self, "tc-cxx");
}

TEST_F(toolchains, assemblyscript_wasi_shim)
{
	check_app(_metadata, self, "tc-as");
}

TEST_F(toolchains, go_wasip1)
{
	check_app(_metadata, self, "tc-go");
}

/* A Rust panic (panic=abort on wasm32-wasi) is a trap naming its function. */
TEST_F(toolchains, rust_panic_is_a_named_trap)
{
	ASSERT_EQ(0, run_app(self, "tc-rust", "panic"));
	EXPECT_EQ(WASMKM_INST_TRAPPED, self->info.state);
	EXPECT_EQ(WASMKM_TRAP_UNREACHABLE, self->info.trap_kind);
	EXPECT_STRNE("", self->info.trap_func_name);
	EXPECT_NE(NULL, strstr(self->info.trap_func_name, TC_PANIC_FUNC))
		TH_LOG("trapped in function %u %s", self->info.trap_func, self->info.trap_func_name);
	/* std's panic message went out on stderr first */
	EXPECT_NE(NULL, strstr(self->log, "panicked at 'asked to panic: by its arguments'"))
		TH_LOG("%s", self->log);
}

TEST_HARNESS_MAIN
