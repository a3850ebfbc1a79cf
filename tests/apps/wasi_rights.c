// SPDX-License-Identifier: GPL-2.0
/*
 * The WASI rights model, from inside an app (one read-write grant at fd 3),
 * and the checks the kernel makes for links.  Modes:
 *   rights    what a directory and a file descriptor carry and may do; a
 *             directory reopened as Rust's std does (O_DIRECTORY, with the
 *             rights it was given, or its read rights plus every path right)
 *   hardlink  "rootfile" (root's, mode 0600) cannot be linked by its
 *             non-owner, as with fs.protected_hardlinks=1; its own file can
 *   lsm       run by a loader whose Landlock domain forbids making symlinks
 *             and regular files and removing anything: symlink, link, rmdir
 *             and unlink are refused (EACCES) by the LSM path hooks
 * The values checked are the WASI spec's and, where it leaves a choice,
 * wasmtime's (Documentation/capabilities.md lists both).  Prints "ok"/"not
 * ok" lines; the exit code is the number of failures.
 */
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define DIR 3

#define R(x) __WASI_RIGHTS_##x
#define R_DIR (R(PATH_CREATE_DIRECTORY) | R(PATH_CREATE_FILE) | R(PATH_LINK_SOURCE) | \
	       R(PATH_LINK_TARGET) | R(PATH_OPEN) | R(FD_READDIR) | R(PATH_READLINK) | \
	       R(PATH_RENAME_SOURCE) | R(PATH_RENAME_TARGET) | R(PATH_FILESTAT_GET) | \
	       R(PATH_FILESTAT_SET_SIZE) | R(PATH_FILESTAT_SET_TIMES) | R(FD_FILESTAT_GET) | \
	       R(FD_FILESTAT_SET_TIMES) | R(PATH_SYMLINK) | R(PATH_REMOVE_DIRECTORY) | \
	       R(PATH_UNLINK_FILE))
#define R_FILE (R(FD_DATASYNC) | R(FD_READ) | R(FD_SEEK) | R(FD_FDSTAT_SET_FLAGS) | R(FD_SYNC) | \
		R(FD_TELL) | R(FD_WRITE) | R(FD_ADVISE) | R(FD_ALLOCATE) | R(FD_FILESTAT_GET) | \
		R(FD_FILESTAT_SET_SIZE) | R(FD_FILESTAT_SET_TIMES) | R(POLL_FD_READWRITE))
/* What Rust's std (library/std/src/sys/pal/wasi/fs.rs) asks for a read. */
#define R_RUST (R(FD_READ) | R(FD_READDIR) | R(FD_ADVISE) | R(FD_FDSTAT_SET_FLAGS) | \
		R(FD_FILESTAT_GET) | R(FD_FILESTAT_SET_TIMES) | R(FD_SEEK) | R(FD_SYNC) | \
		R(FD_TELL) | R(PATH_CREATE_DIRECTORY) | R(PATH_CREATE_FILE) | \
		R(PATH_FILESTAT_GET) | R(PATH_LINK_SOURCE) | R(PATH_LINK_TARGET) | R(PATH_OPEN) | \
		R(PATH_READLINK) | R(PATH_REMOVE_DIRECTORY) | R(PATH_RENAME_SOURCE) | \
		R(PATH_RENAME_TARGET) | R(PATH_SYMLINK) | R(PATH_UNLINK_FILE) | \
		R(POLL_FD_READWRITE))
/* ... and adds for a write */
#define R_RUST_W (R(FD_WRITE) | R(FD_DATASYNC) | R(FD_ALLOCATE) | R(FD_FILESTAT_SET_SIZE))

static int failures, n;

static void check(int ok, const char *what, long long got, long long want)
{
	n++;
	if (ok) {
		printf("ok %d %s\n", n, what);
	} else {
		printf("not ok %d %s: got %#llx, want %#llx\n", n, what, got, want);
		failures++;
	}
}

#define EQ(got, want, what) do { long long g_ = (long long)(got), w_ = (long long)(want); \
	check(g_ == w_, what, g_, w_); } while (0)

static __wasi_fdstat_t stat_of(__wasi_fd_t fd)
{
	__wasi_fdstat_t fs;

	memset(&fs, 0xff, sizeof(fs));
	EQ(__wasi_fd_fdstat_get(fd, &fs), 0, "fd_fdstat_get");
	return fs;
}

/* Every file operation on a directory is EBADF (as in wasmtime). */
static void file_ops_on_dir(__wasi_fd_t d)
{
	char buf[8];
	__wasi_iovec_t iov = { (uint8_t *)buf, sizeof(buf) };
	__wasi_ciovec_t ciov = { (const uint8_t *)"x", 1 };
	__wasi_filesize_t off;
	__wasi_size_t got;

	EQ(__wasi_fd_read(d, &iov, 1, &got), __WASI_ERRNO_BADF, "fd_read on a directory: EBADF");
	EQ(__wasi_fd_write(d, &ciov, 1, &got), __WASI_ERRNO_BADF, "fd_write on a directory: EBADF");
	EQ(__wasi_fd_pread(d, &iov, 1, 0, &got), __WASI_ERRNO_BADF, "fd_pread on a directory");
	EQ(__wasi_fd_seek(d, 0, __WASI_WHENCE_SET, &off), __WASI_ERRNO_BADF,
	   "fd_seek on a directory: EBADF");
	EQ(__wasi_fd_tell(d, &off), __WASI_ERRNO_BADF, "fd_tell on a directory");
	EQ(__wasi_fd_filestat_set_size(d, 0), __WASI_ERRNO_BADF, "set_size on a directory");
	EQ(__wasi_fd_allocate(d, 0, 1), __WASI_ERRNO_BADF, "fd_allocate on a directory");
	EQ(__wasi_fd_advise(d, 0, 0, 0), __WASI_ERRNO_BADF, "fd_advise on a directory");
	EQ(__wasi_fd_fdstat_set_flags(d, __WASI_FDFLAGS_APPEND), __WASI_ERRNO_BADF,
	   "fd_fdstat_set_flags on a directory");
}

static void rights(void)
{
	__wasi_fdstat_t fs = stat_of(DIR);
	__wasi_fd_t d, f, f2;
	__wasi_ciovec_t ciov = { (const uint8_t *)"x", 1 };
	__wasi_size_t got;
	char buf[16];

	EQ(fs.fs_filetype, __WASI_FILETYPE_DIRECTORY, "preopen: a directory");
	EQ(fs.fs_rights_base, R_DIR, "preopen: directory rights only");
	EQ(fs.fs_rights_inheriting, R_DIR | R_FILE, "preopen: inherits directory and file rights");
	file_ops_on_dir(DIR);
	EQ(__wasi_path_create_directory(DIR, "sub"), 0, "mkdir sub");

	/* Rust's std: read_dir opens O_DIRECTORY with its read rights */
	EQ(__wasi_path_open(DIR, 0, "sub", __WASI_OFLAGS_DIRECTORY, R_RUST, R_RUST, 0, &d), 0,
	   "open a directory as Rust's read_dir does");
	fs = stat_of(d);
	EQ(fs.fs_filetype, __WASI_FILETYPE_DIRECTORY, "reopened: a directory");
	EQ(fs.fs_rights_base, R_RUST & R_DIR, "reopened: only the directory rights asked");
	EQ(fs.fs_rights_inheriting, R_RUST, "reopened: inherits what was asked");
	file_ops_on_dir(d);
	EQ(__wasi_fd_readdir(d, (uint8_t *)buf, sizeof(buf), 0, &got), 0, "fd_readdir works");
	EQ(__wasi_fd_close(d), 0, "close");

	/* reopened with the rights it was given (fdstat of the preopen) */
	fs = stat_of(DIR);
	EQ(__wasi_path_open(DIR, 0, ".", __WASI_OFLAGS_DIRECTORY, fs.fs_rights_base,
			    fs.fs_rights_inheriting, 0, &d), 0,
	   "reopen . with the rights it was given");
	EQ(__wasi_path_open(d, 0, "w.txt", __WASI_OFLAGS_CREAT, R_RUST | R_RUST_W,
			    R_RUST | R_RUST_W, 0, &f), 0,
	   "a file beneath it opens for writing (Rust's File::create)");
	fs = stat_of(f);
	EQ(fs.fs_filetype, __WASI_FILETYPE_REGULAR_FILE, "a regular file");
	EQ(fs.fs_rights_base, (R_RUST | R_RUST_W) & R_FILE, "file: only the file rights asked");
	EQ(fs.fs_rights_inheriting, 0, "file: inherits nothing");
	EQ(__wasi_fd_write(f, &ciov, 1, &got), 0, "fd_write on it");
	EQ(__wasi_path_open(f, 0, "x", 0, 0, 0, 0, &f2), __WASI_ERRNO_NOTDIR,
	   "path_open beneath a file: ENOTDIR");
	EQ(__wasi_fd_readdir(f, (uint8_t *)buf, sizeof(buf), 0, &got), __WASI_ERRNO_BADF,
	   "fd_readdir on a file: EBADF");
	EQ(__wasi_fd_fdstat_set_rights(f, R(FD_READ) | R(FD_WRITE), 0), 0, "drop rights");
	EQ(__wasi_fd_fdstat_set_rights(f, R(FD_READ) | R(FD_WRITE) | R(FD_SEEK), 0),
	   __WASI_ERRNO_NOTCAPABLE, "rights cannot be added back");
	EQ(stat_of(f).fs_rights_base, R(FD_READ) | R(FD_WRITE), "fdstat shows the drop");
	EQ(__wasi_fd_close(f), 0, "close");
	EQ(__wasi_path_open(d, 0, "w.txt", 0, R(FD_READ), 0, 0, &f), 0, "open read-only");
	EQ(__wasi_fd_write(f, &ciov, 1, &got), __WASI_ERRNO_NOTCAPABLE,
	   "fd_write without the right: ENOTCAPABLE");
	EQ(__wasi_fd_close(f), 0, "close");
	EQ(__wasi_fd_close(d), 0, "close");

	/* a directory is never opened for writing */
	EQ(__wasi_path_open(DIR, 0, "sub", __WASI_OFLAGS_DIRECTORY, R(FD_WRITE), 0, 0, &d),
	   __WASI_ERRNO_ISDIR, "fd_write right on a directory: EISDIR");
	EQ(__wasi_path_open(DIR, 0, "sub", 0, R(FD_READ) | R(FD_WRITE), 0, 0, &d),
	   __WASI_ERRNO_ISDIR, "read-write open of a directory: EISDIR");
	EQ(__wasi_path_open(DIR, 0, "sub", __WASI_OFLAGS_DIRECTORY,
			    R(FD_READDIR) | R(FD_ALLOCATE) | R(FD_FILESTAT_SET_SIZE), 0, 0, &d), 0,
	   "other file rights on a directory are dropped");
	EQ(stat_of(d).fs_rights_base, R(FD_READDIR), "only readdir is left");
	EQ(__wasi_fd_close(d), 0, "close");
	EQ(__wasi_path_open(DIR, 0, "sub", __WASI_OFLAGS_DIRECTORY | __WASI_OFLAGS_CREAT, 0, 0, 0,
			    &d), __WASI_ERRNO_INVAL, "directory | creat: EINVAL");
	EQ(__wasi_path_open(DIR, 0, "sub", __WASI_OFLAGS_DIRECTORY | __WASI_OFLAGS_TRUNC, 0, 0, 0,
			    &d), __WASI_ERRNO_INVAL, "directory | trunc: EINVAL");
	EQ(__wasi_path_open(DIR, 0, "sub", __WASI_OFLAGS_CREAT, 0, 0, 0, &d), __WASI_ERRNO_ISDIR,
	   "creat on an existing directory: EISDIR");
	EQ(__wasi_fd_fdstat_set_rights(DIR, R_DIR | R(FD_READ), R_DIR), __WASI_ERRNO_NOTCAPABLE,
	   "a directory cannot gain a file right");

	/* symlinks: a relative target is kept, an absolute one refused */
	EQ(__wasi_path_symlink("/etc/passwd", DIR, "abs"), __WASI_ERRNO_PERM,
	   "symlink with an absolute target: EPERM");
	EQ(__wasi_path_symlink("../x", DIR, "up"), 0, "symlink with a relative target");
	EQ(__wasi_path_readlink(DIR, "up", (uint8_t *)buf, sizeof(buf), &got) == 0 && got == 4 &&
	   !memcmp(buf, "../x", 4), 1, "readlink gives it back");
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	__wasi_fd_t fd;

	if (!strcmp(mode, "rights")) {
		rights();
	} else if (!strcmp(mode, "hardlink")) {
		EQ(__wasi_path_link(DIR, 0, "rootfile", DIR, "l1"), __WASI_ERRNO_PERM,
		   "link to another user's file: EPERM");
		EQ(__wasi_path_open(DIR, 0, "mine", __WASI_OFLAGS_CREAT, R(FD_WRITE), 0, 0, &fd), 0,
		   "create its own file");
		EQ(__wasi_path_link(DIR, 0, "mine", DIR, "l2"), 0, "link to its own file");
	} else if (!strcmp(mode, "lsm")) {
		EQ(__wasi_path_symlink("file", DIR, "s"), __WASI_ERRNO_ACCES, "lsm: symlink");
		EQ(__wasi_path_link(DIR, 0, "file", DIR, "l"), __WASI_ERRNO_ACCES, "lsm: link");
		EQ(__wasi_path_remove_directory(DIR, "dir"), __WASI_ERRNO_ACCES, "lsm: rmdir");
		EQ(__wasi_path_unlink_file(DIR, "file"), __WASI_ERRNO_ACCES, "lsm: unlink");
		EQ(__wasi_path_open(DIR, 0, "file", 0, R(FD_READ), 0, 0, &fd), 0,
		   "lsm: reading is allowed");
	} else {
		printf("usage: wasi_rights rights|hardlink|lsm\n");
		return 100;
	}
	printf("%d checks, %d failed\n", n, failures);
	return failures > 99 ? 99 : failures;
}
