// SPDX-License-Identifier: GPL-2.0
/*
 * File-system capabilities: an app reaches files only beneath the
 * directories granted with --cap fs:, as the user who loaded it, and a
 * read-only grant refuses every write.  tests/apps/wasi_fs.c checks each
 * WASI function from inside; this side sets the stage and checks the
 * outcome on the real file system.
 */
#include <linux/landlock.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define TOP "/tmp/wkfs"
#define DATA TOP "/data"
#define OUTSIDE TOP "/outside"
#define APP WK_APPS "/wasi_fs.wko"
#define RIGHTS_APP WK_APPS "/wasi_rights.wko"
#define OUT_SIZE 65536
/* names, sizes, links, modes, mtime and ctime (ns) of the whole tree */
#define SNAPSHOT "find " DATA " | sort | xargs stat -c '%n %s %h %a %y %z'"

FIXTURE(fs)
{
	int dev;
	char out[OUT_SIZE];
	char buf[OUT_SIZE];
};

static void put_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd >= 0) {
		if (write(fd, text, strlen(text)) < 0)
			perror(path);
		fchmod(fd, mode);
		close(fd);
	}
}

FIXTURE_SETUP(fs)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
	ASSERT_EQ(0, wk_sh(NULL, 0, "rm -rf " TOP " && mkdir -p " DATA " " OUTSIDE));
	chmod(TOP, 0755);
	chmod(DATA, 0777);
	put_file(OUTSIDE "/secret", "outside secret\n", 0644);
	ASSERT_EQ(0, symlink(OUTSIDE "/secret", DATA "/esc_abs"));
	ASSERT_EQ(0, symlink("../outside/secret", DATA "/esc_rel"));
	ASSERT_EQ(0, symlink(OUTSIDE, DATA "/esc_dir"));
}

FIXTURE_TEARDOWN(fs)
{
	chmod(WASMKM_DEVICE, 0600);
	/* wasmctl load leaves its apps loaded: remove them, then check */
	wk_cleanup(self->dev);
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

/* Nothing outside the grant changed: the secret and no stray files. */
static void outside_untouched(struct __test_metadata *_metadata, FIXTURE_DATA(fs) *self)
{
	struct stat st;

	ASSERT_LT(0, wk_read_file(OUTSIDE "/secret", self->buf, sizeof(self->buf)));
	EXPECT_STREQ("outside secret\n", self->buf);
	EXPECT_EQ(0, wk_sh(self->buf, sizeof(self->buf), "ls -A " TOP " | tr '\\n' ' '"));
	EXPECT_STREQ("data outside ", self->buf);
	EXPECT_EQ(0, wk_sh(self->buf, sizeof(self->buf), "ls -A " OUTSIDE " | tr '\\n' ' '"));
	EXPECT_STREQ("secret ", self->buf);
	EXPECT_NE(0, stat("/g.txt", &st));
	EXPECT_NE(0, stat("/etc/passwd.new", &st));
}

TEST_F(fs, every_function_from_the_spec)
{
	int rc = wk_sh(self->out, sizeof(self->out),
		       "wasmctl load " APP " --cap fs:" DATA ":/data --arg rw --wait");

	EXPECT_EQ(0, rc) TH_LOG("wasi_fs rw:\n%s", self->out);
	EXPECT_TRUE(wk_line_with(self->out, "checks, 0 failed", ""));
	EXPECT_EQ(NULL, strstr(self->out, "not ok")) TH_LOG("%s", self->out);
	outside_untouched(_metadata, self);
	/* what the app left behind, as the host sees it */
	ASSERT_LT(0, wk_read_file(DATA "/g.txt", self->buf, sizeof(self->buf)));
	EXPECT_STREQ("0123456789", self->buf);
}

TEST_F(fs, read_only_grant_refuses_every_write)
{
	ASSERT_EQ(0, mkdir(DATA "/sub", 0755));
	put_file(DATA "/r.txt", "readonly", 0666);
	ASSERT_EQ(0, wk_sh(self->buf, sizeof(self->buf), "%s", SNAPSHOT));
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --cap fs:" DATA ":/data:ro --arg ro --wait"))
		TH_LOG("wasi_fs ro:\n%s", self->out);
	EXPECT_EQ(NULL, strstr(self->out, "not ok")) TH_LOG("%s", self->out);
	/* the tree is exactly as it was, times included */
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "%s", SNAPSHOT));
	EXPECT_STREQ(self->buf, self->out);
	outside_untouched(_metadata, self);
}

TEST_F(fs, no_grant_warns_bad_grants_are_refused_before_the_kernel)
{
	int apps = wk_list_apps(self->dev, NULL, 0);

	/* path_open without a grant: a warning (the app may not need files), and
	 * the app runs seeing no directory: its file tests fail.
	 */
	EXPECT_NE(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --arg rw --wait --rm"));
	EXPECT_TRUE(wk_line_with(self->out, "path_open", "--cap fs:")) TH_LOG("%s", self->out);
	EXPECT_TRUE(wk_line_with(self->out, "warning", "path_open")) TH_LOG("%s", self->out);
	EXPECT_EQ(apps, wk_list_apps(self->dev, NULL, 0));
	/* bad grants: a clear error each, nothing loaded */
	EXPECT_EQ(1, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --cap fs:" TOP "/missing --wait"));
	EXPECT_TRUE(wk_line_with(self->out, TOP "/missing", "No such file")) TH_LOG("%s", self->out);
	EXPECT_EQ(2, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --cap usb:80 --wait"));
	EXPECT_TRUE(wk_line_with(self->out, "usb:80", "fs:HOSTDIR")) TH_LOG("%s", self->out);
	EXPECT_EQ(apps, wk_list_apps(self->dev, NULL, 0));
}

TEST_F(fs, data_persists_after_exit_and_unload)
{
	unsigned int app;

	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --cap fs:" DATA ":/data --arg persist --wait"))
		TH_LOG("%s", self->out);
	ASSERT_EQ(1, sscanf(wk_line_from(self->out, "app "), "app %u", &app)) TH_LOG("%s", self->out);
	ASSERT_LT(0, wk_read_file(DATA "/persist.txt", self->buf, sizeof(self->buf)));
	EXPECT_STREQ("written by a kernel thread\n", self->buf);
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl unload %u", app));
	ASSERT_LT(0, wk_read_file(DATA "/persist.txt", self->buf, sizeof(self->buf)));
	EXPECT_STREQ("written by a kernel thread\n", self->buf);
}

TEST_F(fs, manifest_file_with_flags_overriding)
{
	put_file(TOP "/app.toml",
		 "# a manifest\n"
		 "args = [\"rw\"]\n"
		 "env = [\"MODE=test\"]\n"
		 "caps = [\"fs:" OUTSIDE ":/data\"]\n"
		 "mem-max = \"32M\"\n", 0644);
	/* --arg replaces args, --cap with the same guest path replaces the grant */
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " -m " TOP "/app.toml --arg persist --cap fs:"
			   DATA ":/data --wait"))
		TH_LOG("%s", self->out);
	ASSERT_LT(0, wk_read_file(DATA "/persist.txt", self->buf, sizeof(self->buf)));
	EXPECT_STREQ("written by a kernel thread\n", self->buf);
	unlink(TOP "/app.toml");
	outside_untouched(_metadata, self);
	put_file(TOP "/bad.toml", "caps = \"fs:/data\"\n", 0644);
	EXPECT_EQ(2, wk_sh(self->out, sizeof(self->out), "wasmctl load " APP " -m " TOP "/bad.toml"));
	EXPECT_TRUE(wk_line_with(self->out, "bad.toml:1", "array")) TH_LOG("%s", self->out);
	unlink(TOP "/bad.toml");
}

TEST_F(fs, sixteen_mib_copy_is_byte_exact)
{
	EXPECT_EQ(0, wk_sh(NULL, 0, "head -c 16777216 /dev/urandom > " DATA "/big.bin"));
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --cap fs:" DATA ":/data --arg copy --wait"))
		TH_LOG("%s", self->out);
	EXPECT_TRUE(wk_line_with(self->out, "ok copied 16777216 bytes", ""));
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "cmp " DATA "/big.bin " DATA "/copy.bin"))
		TH_LOG("%s", self->out);
}

/* The app runs with its loader's credentials: DAC applies to that user. */
TEST_F(fs, unprivileged_loader_cannot_read_roots_file)
{
	pid_t pid;
	int st;

	put_file(DATA "/secret.txt", "root only\n", 0600);
	put_file(DATA "/open.txt", "anyone\n", 0644);
	/* root brings the code in; a user may then run it, not load new code */
	ASSERT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --cap fs:" DATA " --no-start"))
		TH_LOG("%s", self->out);
	ASSERT_EQ(0, chmod(WASMKM_DEVICE, 0666));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		char out[4096];
		int rc;

		if (setgid(65534) || setuid(65534))
			_exit(90);
		rc = wk_sh(out, sizeof(out), "wasmctl load " APP " --cap fs:" DATA
			   ":/data --arg secret --wait");
		if (rc)
			fprintf(stderr, "%s", out);
		if (rc)
			_exit(rc);
		rc = wk_sh(out, sizeof(out), "wasmctl load " WK_APPS "/hello.wko");
		if (rc != 1 || !strstr(out, "CAP_SYS_MODULE")) {
			fprintf(stderr, "loading new code as a user: %d %s", rc, out);
			_exit(91);
		}
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &st, 0));
	EXPECT_TRUE(WIFEXITED(st));
	EXPECT_EQ(0, WEXITSTATUS(st));
	chmod(WASMKM_DEVICE, 0600);
	/* the user's app is listed as theirs */
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl list --json"));
	EXPECT_TRUE(wk_line_with(self->out, "\"uid\": 65534", "\"grants\": 1")) TH_LOG("%s", self->out);
	ASSERT_LT(0, wk_read_file(DATA "/secret.txt", self->buf, sizeof(self->buf)));
	EXPECT_STREQ("root only\n", self->buf);
}

/*
 * Every WASI import with random arguments, pointers past the end of
 * memory and random paths: errnos only, no fault, nothing outside touched.
 */
TEST_F(fs, random_arguments_to_every_function)
{
	static const char *const seeds[] = { "1", "0xdecafbad", "20261125" };
	unsigned int i;

	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
				   "wasmctl load " WK_APPS "/wasi_fuzz.wko --cap fs:" DATA
				   " --arg 20000 --arg %s --wait", seeds[i]))
			TH_LOG("%s", self->out);
		EXPECT_TRUE(wk_line_with(self->out, "fuzz: 20000 calls, seed", seeds[i]))
			TH_LOG("%s", self->out);
	}
	outside_untouched(_metadata, self);
}

/* A stop interrupts a helper blocked in the file system (a FIFO). */
TEST_F(fs, stop_interrupts_a_blocking_read)
{
	unsigned int app, inst;
	uint64_t t0;

	ASSERT_EQ(0, mkfifo(DATA "/fifo", 0666));
	ASSERT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " APP " --cap fs:" DATA " --arg fifo"));
	ASSERT_EQ(2, sscanf(wk_line_from(self->out, "app "), "app %u (%*[^)]) loaded, instance %u",
			     &app, &inst))
		TH_LOG("%s", self->out);
	wk_sleep_ms(500);
	t0 = wk_now_ms();
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl stop %u", inst))
		TH_LOG("%s", self->out);
	TH_LOG("stopped in %llu ms", (unsigned long long)(wk_now_ms() - t0));
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl logs %u", inst));
	EXPECT_TRUE(wk_line_with(self->out, "opening the fifo", "")) TH_LOG("%s", self->out);
	EXPECT_EQ(NULL, strstr(self->out, "not ok")) TH_LOG("%s", self->out);
}

/* proc_raise: a terminating signal ends the instance with 128 + signal. */
TEST_F(fs, proc_raise_default_action)
{
	EXPECT_EQ(143, wk_sh(self->out, sizeof(self->out),
			     "wasmctl load " APP " --cap fs:" DATA " --arg raise --wait"));
	EXPECT_TRUE(wk_line_with(self->out, "ok 1 proc_raise(chld) is ignored", ""))
		TH_LOG("%s", self->out);
	EXPECT_TRUE(wk_line_with(self->out, "exited with code 143", "")) TH_LOG("%s", self->out);
	EXPECT_EQ(NULL, strstr(self->out, "not ok")) TH_LOG("%s", self->out);
}

/*
 * The rights model (tests/apps/wasi_rights.c): a directory carries
 * directory rights, reopens as Rust's std does, file calls on it are EBADF.
 */
TEST_F(fs, rights_model_directories_and_files)
{
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " RIGHTS_APP " --cap fs:" DATA ":/data --arg rights --wait"))
		TH_LOG("%s", self->out);
	EXPECT_TRUE(wk_line_with(self->out, "checks, 0 failed", "")) TH_LOG("%s", self->out);
	EXPECT_EQ(NULL, strstr(self->out, "not ok")) TH_LOG("%s", self->out);
	outside_untouched(_metadata, self);
}

/* Run wasi_rights as user nobody (its code loaded by root first). */
static int rights_app_as_nobody(const char *mode, char *out, size_t size)
{
	pid_t pid;
	int st;

	if (wk_sh(out, size, "wasmctl load " RIGHTS_APP " --cap fs:" DATA " --no-start"))
		return -1;
	if (chmod(WASMKM_DEVICE, 0666))
		return -1;
	fflush(NULL);
	pid = fork();
	if (!pid) {
		int rc;

		if (setgid(65534) || setuid(65534))
			_exit(90);
		rc = wk_sh(out, size, "wasmctl load " RIGHTS_APP " --cap fs:" DATA
			   ":/data --arg %s --wait", mode);
		fprintf(stderr, "%s", out);
		_exit(rc);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	chmod(WASMKM_DEVICE, 0600);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* path_link applies may_linkat(): fs.protected_hardlinks=1 semantics. */
TEST_F(fs, hardlink_to_another_users_file_is_refused)
{
	struct stat st;

	put_file(DATA "/rootfile", "root only\n", 0600);
	EXPECT_EQ(0, wk_sh(NULL, 0, "echo 1 > /proc/sys/fs/protected_hardlinks"));
	EXPECT_EQ(0, rights_app_as_nobody("hardlink", self->out, sizeof(self->out)))
		TH_LOG("%s", self->out);
	EXPECT_NE(0, lstat(DATA "/l1", &st));
	EXPECT_EQ(0, lstat(DATA "/l2", &st));
	EXPECT_EQ(1, stat(DATA "/rootfile", &st) ? 0 : (int)st.st_nlink);
}

/*
 * The LSM path hooks: a loader in a Landlock domain that forbids making
 * symlinks and files and removing anything gets EACCES from the app's
 * symlink, link, rmdir and unlink, as from its own syscalls.
 */
TEST_F(fs, lsm_path_hooks_for_symlink_link_rmdir)
{
	struct landlock_ruleset_attr attr = {
		.handled_access_fs = LANDLOCK_ACCESS_FS_MAKE_SYM | LANDLOCK_ACCESS_FS_MAKE_REG |
				     LANDLOCK_ACCESS_FS_REMOVE_DIR |
				     LANDLOCK_ACCESS_FS_REMOVE_FILE,
	};
	struct stat st;
	pid_t pid;
	int ruleset, status;

	ruleset = syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);
	if (ruleset < 0)
		SKIP(return, "no Landlock in this kernel: %s", strerror(errno));
	ASSERT_EQ(0, mkdir(DATA "/dir", 0755));
	put_file(DATA "/file", "a file\n", 0644);
	/* the app's code is loaded before the domain forbids anything */
	ASSERT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " RIGHTS_APP " --cap fs:" DATA " --no-start"))
		TH_LOG("%s", self->out);
	fflush(NULL);
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		int rc;

		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
		    syscall(SYS_landlock_restrict_self, ruleset, 0))
			_exit(90);
		/* the loader itself is confined */
		if (!symlink("file", DATA "/native") || errno != EACCES)
			_exit(91);
		rc = wk_sh(self->out, sizeof(self->out), "wasmctl load " RIGHTS_APP " --cap fs:"
			   DATA ":/data --arg lsm --wait");
		fprintf(stderr, "%s", self->out);
		_exit(rc);
	}
	close(ruleset);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	EXPECT_NE(0, lstat(DATA "/s", &st));
	EXPECT_NE(0, lstat(DATA "/l", &st));
	EXPECT_EQ(0, stat(DATA "/dir", &st));
	EXPECT_EQ(0, stat(DATA "/file", &st));
}

TEST_HARNESS_MAIN
