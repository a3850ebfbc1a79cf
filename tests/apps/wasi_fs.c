// SPDX-License-Identifier: GPL-2.0
/*
 * WASI preview1 file-system checks, written from the WASI spec and POSIX
 * semantics.  Run with one grant, preopened as /data (fd 3).  Modes:
 *   rw       every fd_* and path_* function, escapes, poll, sock, proc
 *   ro       the grant is read-only: reads work, every write is refused
 *   copy     copies big.bin to copy.bin through 1 MiB reads and writes
 *   persist  writes persist.txt and exits
 *   secret   secret.txt must be unreadable (EACCES), open.txt readable
 *   raise    proc_raise(SIGTERM): the default action ends the instance
 *   fifo     blocks reading the FIFO "fifo" until stopped
 * Prints "ok"/"not ok" lines; the exit code is the number of failures.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define DIR 3
#define R_ALL ((__wasi_rights_t)0x3fffffff)
#define R_RD (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL | \
	      __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_READDIR | \
	      __WASI_RIGHTS_POLL_FD_READWRITE | __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS)
#define R_WR (R_RD | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_ALLOCATE | \
	      __WASI_RIGHTS_FD_FILESTAT_SET_SIZE | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES | \
	      __WASI_RIGHTS_FD_SYNC | __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_ADVISE)
/* A file keeps the file rights of what it was opened with (not fd_readdir). */
#define R_WR_FILE (R_WR & ~__WASI_RIGHTS_FD_READDIR)

/* Raw imports, to pass pointers the libc wrappers cannot. */
__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")))
int32_t raw_fd_write(int32_t fd, int32_t iovs, int32_t n, int32_t out);
__attribute__((import_module("wasi_snapshot_preview1"), import_name("path_open")))
int32_t raw_path_open(int32_t fd, int32_t dirflags, int32_t path, int32_t len, int32_t oflags,
		      int64_t base, int64_t inh, int32_t fdflags, int32_t out);
__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise")))
int32_t raw_proc_raise(int32_t sig);

#include "tap.h"


static __wasi_fd_t open_at(const char *path, __wasi_lookupflags_t lf, __wasi_oflags_t of,
			   __wasi_rights_t rights, __wasi_fdflags_t ff, __wasi_errno_t *err)
{
	__wasi_fd_t fd = (__wasi_fd_t)-1;

	*err = __wasi_path_open(DIR, lf, path, of, rights, rights, ff, &fd);
	return fd;
}

static __wasi_errno_t write_str(__wasi_fd_t fd, const char *s, __wasi_size_t *nw)
{
	__wasi_ciovec_t iov = { (const uint8_t *)s, strlen(s) };

	return __wasi_fd_write(fd, &iov, 1, nw);
}

static __wasi_errno_t read_at(__wasi_fd_t fd, char *buf, size_t len, long off, __wasi_size_t *nr)
{
	__wasi_iovec_t iov = { (uint8_t *)buf, len };

	memset(buf, 0, len);
	if (off < 0)
		return __wasi_fd_read(fd, &iov, 1, nr);
	return __wasi_fd_pread(fd, &iov, 1, off, nr);
}

static __wasi_errno_t stat_of(const char *path, int follow, __wasi_filestat_t *st)
{
	return __wasi_path_filestat_get(DIR, follow ? __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW : 0,
					path, st);
}

/* Does a directory listing of @fd contain @name with @type? */
static int listed(__wasi_fd_t fd, const char *name, __wasi_filetype_t type)
{
	static uint8_t buf[4096];
	__wasi_dircookie_t cookie = 0;
	__wasi_size_t used;

	for (;;) {
		size_t off = 0;

		if (__wasi_fd_readdir(fd, buf, sizeof(buf), cookie, &used))
			return 0;
		while (off + sizeof(__wasi_dirent_t) <= used) {
			__wasi_dirent_t d;

			memcpy(&d, buf + off, sizeof(d));
			off += sizeof(d);
			if (off + d.d_namlen > used)
				break;
			if (d.d_namlen == strlen(name) && !memcmp(buf + off, name, d.d_namlen))
				return d.d_type == type;
			off += d.d_namlen;
			cookie = d.d_next;
		}
		if (used < sizeof(buf))
			return 0;
	}
}

static void files(void)
{
	__wasi_prestat_t ps;
	__wasi_filestat_t st;
	__wasi_fdstat_t fs;
	__wasi_errno_t e;
	__wasi_size_t nw, nr;
	__wasi_filesize_t pos;
	char name[16] = {}, buf[64];
	__wasi_fd_t fd, fd2, fd3;

	EQ(__wasi_fd_prestat_get(DIR, &ps), 0, "prestat_get of the preopen");
	EQ(ps.u.dir.pr_name_len, 5, "prestat name length");
	EQ(__wasi_fd_prestat_dir_name(DIR, (uint8_t *)name, sizeof(name)), 0, "prestat_dir_name");
	EQ(strcmp(name, "/data"), 0, "preopen is named /data");
	EQ(__wasi_fd_prestat_get(1, &ps), __WASI_ERRNO_BADF, "prestat_get of stdout: EBADF");
	EQ(__wasi_fd_prestat_dir_name(DIR, (uint8_t *)name, 2), __WASI_ERRNO_NAMETOOLONG,
	   "prestat_dir_name into a short buffer");

	fd = open_at("f.txt", 0, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, R_WR, 0, &e);
	EQ(e, 0, "path_open creat|excl");
	EQ(write_str(fd, "hello world", &nw), 0, "fd_write");
	EQ(nw, 11, "fd_write count");
	EQ(__wasi_fd_tell(fd, &pos), 0, "fd_tell");
	EQ(pos, 11, "position after write");
	EQ(__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos), 0, "fd_seek set");
	EQ(read_at(fd, buf, 5, -1, &nr), 0, "fd_read");
	EQ(nr == 5 && !memcmp(buf, "hello", 5), 1, "fd_read data");
	EQ(__wasi_fd_seek(fd, -2, __WASI_WHENCE_END, &pos), 0, "fd_seek end");
	EQ(pos, 9, "position from end");
	EQ(__wasi_fd_seek(fd, -100, __WASI_WHENCE_CUR, &pos), __WASI_ERRNO_INVAL,
	   "seek before start: EINVAL");
	EQ(read_at(fd, buf, 5, 6, &nr), 0, "fd_pread");
	EQ(nr == 5 && !memcmp(buf, "world", 5), 1, "fd_pread data");
	{
		__wasi_ciovec_t iov = { (const uint8_t *)"W", 1 };

		EQ(__wasi_fd_pwrite(fd, &iov, 1, 6, &nw), 0, "fd_pwrite");
	}
	EQ(read_at(fd, buf, 11, 0, &nr), 0, "pread after pwrite");
	EQ(strcmp(buf, "hello World"), 0, "pwrite data");
	EQ(__wasi_fd_tell(fd, &pos) == 0 && pos == 9, 1, "pread/pwrite keep the position");
	EQ(__wasi_fd_filestat_get(fd, &st), 0, "fd_filestat_get");
	EQ(st.filetype, __WASI_FILETYPE_REGULAR_FILE, "filestat type");
	EQ(st.size, 11, "filestat size");
	EQ(__wasi_fd_allocate(fd, 0, 4096), 0, "fd_allocate");
	EQ(__wasi_fd_filestat_get(fd, &st) == 0 && st.size == 4096, 1, "allocate extends");
	EQ(__wasi_fd_filestat_set_size(fd, 5), 0, "fd_filestat_set_size");
	EQ(__wasi_fd_filestat_get(fd, &st) == 0 && st.size == 5, 1, "size after truncate");
	EQ(__wasi_fd_filestat_set_times(fd, 0, 1000000000000ull, __WASI_FSTFLAGS_MTIM |
					__WASI_FSTFLAGS_ATIM_NOW), 0, "fd_filestat_set_times");
	EQ(__wasi_fd_filestat_get(fd, &st) == 0 && st.mtim == 1000000000000ull, 1,
	   "mtim set exactly");
	EQ(__wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_MTIM_NOW),
	   __WASI_ERRNO_INVAL, "set_times mtim and mtim_now: EINVAL");
	EQ(__wasi_fd_fdstat_get(fd, &fs), 0, "fd_fdstat_get");
	EQ(fs.fs_filetype, __WASI_FILETYPE_REGULAR_FILE, "fdstat type");
	EQ(fs.fs_rights_base, R_WR_FILE, "fdstat rights as opened");
	EQ(__wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND), 0, "fdstat_set_flags append");
	EQ(__wasi_fd_fdstat_get(fd, &fs) == 0 && fs.fs_flags == __WASI_FDFLAGS_APPEND, 1,
	   "append flag shown");
	EQ(__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos), 0, "seek to 0");
	EQ(write_str(fd, "!", &nw), 0, "append write");
	EQ(read_at(fd, buf, 16, 0, &nr), 0, "pread after append");
	EQ(strcmp(buf, "hello!"), 0, "append wrote at the end");
	if (strcmp(buf, "hello!"))
		printf("# read back %lu bytes: %s\n", (unsigned long)nr, buf);
	EQ(__wasi_fd_advise(fd, 0, 0, __WASI_ADVICE_SEQUENTIAL), 0, "fd_advise");
	EQ(__wasi_fd_advise(fd, 0, 0, 9), __WASI_ERRNO_INVAL, "fd_advise bad advice");
	EQ(__wasi_fd_sync(fd), 0, "fd_sync");
	EQ(__wasi_fd_datasync(fd), 0, "fd_datasync");
	EQ(__wasi_fd_fdstat_set_rights(fd, R_RD & ~__WASI_RIGHTS_FD_READDIR, 0), 0, "fdstat_set_rights drops");
	EQ(write_str(fd, "x", &nw), __WASI_ERRNO_NOTCAPABLE, "write without the right");
	EQ(__wasi_fd_fdstat_set_rights(fd, R_WR, 0), __WASI_ERRNO_NOTCAPABLE,
	   "rights cannot be regained");
	EQ(__wasi_fd_close(fd), 0, "fd_close");
	EQ(__wasi_fd_close(fd), __WASI_ERRNO_BADF, "close twice: EBADF");

	open_at("f.txt", 0, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, R_WR, 0, &e);
	EQ(e, __WASI_ERRNO_EXIST, "creat|excl on an existing file: EEXIST");
	open_at("nope.txt", 0, 0, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOENT, "open a missing file: ENOENT");
	open_at("f.txt", 0, __WASI_OFLAGS_DIRECTORY, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOTDIR, "open a file as a directory: ENOTDIR");
	fd = open_at("f.txt", 0, __WASI_OFLAGS_TRUNC, R_WR, 0, &e);
	EQ(e == 0 && __wasi_fd_filestat_get(fd, &st) == 0 && st.size == 0, 1, "open trunc");
	EQ(write_str(fd, "0123456789", &nw), 0, "write after trunc");
	/* a directory call on a file: EBADF, as wasmtime answers (wasi_rights.c) */
	EQ(__wasi_fd_readdir(fd, (uint8_t *)buf, sizeof(buf), 0, &nr), __WASI_ERRNO_BADF,
	   "readdir on a file: EBADF");

	/* every fdflag at open is kept and shown; the sync ones cannot change later */
	fd2 = open_at("f.txt", 0, 0, R_WR, __WASI_FDFLAGS_DSYNC | __WASI_FDFLAGS_SYNC |
		      __WASI_FDFLAGS_RSYNC | __WASI_FDFLAGS_NONBLOCK, &e);
	EQ(e, 0, "open with dsync|sync|rsync|nonblock");
	EQ(__wasi_fd_fdstat_get(fd2, &fs) == 0 && fs.fs_flags == (__WASI_FDFLAGS_DSYNC |
	   __WASI_FDFLAGS_SYNC | __WASI_FDFLAGS_RSYNC | __WASI_FDFLAGS_NONBLOCK), 1,
	   "fdflags shown as opened");
	EQ(__wasi_fd_fdstat_set_flags(fd2, __WASI_FDFLAGS_NONBLOCK), __WASI_ERRNO_NOTSUP,
	   "dropping sync flags: ENOTSUP");
	EQ(__wasi_fd_close(fd2), 0, "close");
	open_at("f.txt", 0, 0, R_RD, 0x20, &e);
	EQ(e, __WASI_ERRNO_INVAL, "unknown fdflag: EINVAL");
	open_at("f.txt", 0, 0x10, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_INVAL, "unknown oflag: EINVAL");
	fd3 = open_at(".", 0, __WASI_OFLAGS_DIRECTORY, R_RD | __WASI_RIGHTS_PATH_OPEN, 0, &e);
	EQ(e, 0, "open . with read rights to inherit");
	EQ(__wasi_path_open(fd3, 0, "f.txt", 0, R_WR, 0, 0, &fd2), __WASI_ERRNO_NOTCAPABLE,
	   "rights beyond the directory's inheriting ones: ENOTCAPABLE");
	EQ(__wasi_fd_close(fd3), 0, "close");

	/* renumber: fd2 replaced by fd, fd closed */
	fd2 = open_at("f.txt", 0, 0, R_RD, 0, &e);
	EQ(__wasi_fd_renumber(fd, fd2), 0, "fd_renumber");
	EQ(__wasi_fd_close(fd), __WASI_ERRNO_BADF, "renumbered-from is closed");
	EQ(__wasi_fd_fdstat_get(fd2, &fs) == 0 && fs.fs_rights_base == R_WR_FILE, 1,
	   "renumbered-to is the moved descriptor");
	EQ(__wasi_fd_renumber(fd2, 200), __WASI_ERRNO_BADF, "renumber to a closed fd: EBADF");
	EQ(__wasi_fd_close(fd2), 0, "close renumbered");

	/* directories */
	EQ(__wasi_path_create_directory(DIR, "d"), 0, "path_create_directory");
	EQ(__wasi_path_create_directory(DIR, "d"), __WASI_ERRNO_EXIST, "mkdir twice: EEXIST");
	fd = open_at("d/g", 0, __WASI_OFLAGS_CREAT, R_WR, 0, &e);
	EQ(e, 0, "create in a subdirectory");
	EQ(__wasi_fd_close(fd), 0, "close");
	EQ(listed(DIR, "f.txt", __WASI_FILETYPE_REGULAR_FILE), 1, "readdir lists f.txt");
	EQ(listed(DIR, "d", __WASI_FILETYPE_DIRECTORY), 1, "readdir lists d as a directory");
	fd = open_at("d", 0, __WASI_OFLAGS_DIRECTORY, R_RD, 0, &e);
	EQ(e, 0, "open a directory");
	EQ(listed(fd, "g", __WASI_FILETYPE_REGULAR_FILE), 1, "readdir of an opened directory");
	open_at("d/../../x", 0, 0, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOTCAPABLE, "d/../../x: ENOTCAPABLE");
	EQ(__wasi_path_open(fd, 0, "..", 0, R_RD, 0, 0, &fd2), __WASI_ERRNO_NOTCAPABLE,
	   ".. above an opened directory: ENOTCAPABLE");
	EQ(__wasi_fd_close(fd), 0, "close");
	EQ(__wasi_path_remove_directory(DIR, "d"), __WASI_ERRNO_NOTEMPTY, "rmdir non-empty");
	EQ(__wasi_path_remove_directory(DIR, "f.txt"), __WASI_ERRNO_NOTDIR, "rmdir a file");
	EQ(__wasi_path_unlink_file(DIR, "d"), __WASI_ERRNO_ISDIR, "unlink a directory: EISDIR");
	EQ(__wasi_path_unlink_file(DIR, "d/g"), 0, "path_unlink_file");
	EQ(__wasi_path_unlink_file(DIR, "d/g"), __WASI_ERRNO_NOENT, "unlink twice: ENOENT");
	EQ(__wasi_path_remove_directory(DIR, "d"), 0, "path_remove_directory");
	EQ(stat_of("d", 0, &st), __WASI_ERRNO_NOENT, "removed directory is gone");

	/* symlinks and links */
	EQ(__wasi_path_symlink("f.txt", DIR, "ln"), 0, "path_symlink");
	nr = 0;
	EQ(__wasi_path_readlink(DIR, "ln", (uint8_t *)buf, sizeof(buf), &nr), 0, "path_readlink");
	EQ(nr == 5 && !memcmp(buf, "f.txt", 5), 1, "readlink content");
	EQ(__wasi_path_readlink(DIR, "f.txt", (uint8_t *)buf, sizeof(buf), &nr),
	   __WASI_ERRNO_INVAL, "readlink of a file: EINVAL");
	EQ(stat_of("ln", 0, &st) == 0 && st.filetype == __WASI_FILETYPE_SYMBOLIC_LINK, 1,
	   "filestat without follow: a symlink");
	EQ(stat_of("ln", 1, &st) == 0 && st.filetype == __WASI_FILETYPE_REGULAR_FILE &&
	   st.size == 10, 1, "filestat with follow: the file");
	open_at("ln", 0, 0, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_LOOP, "open a symlink without follow: ELOOP");
	fd = open_at("ln", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0, R_RD, 0, &e);
	EQ(e, 0, "open a symlink with follow");
	EQ(__wasi_fd_close(fd), 0, "close");
	EQ(__wasi_path_link(DIR, 0, "f.txt", DIR, "hard"), 0, "path_link");
	EQ(stat_of("hard", 0, &st) == 0 && st.nlink == 2, 1, "hard link count");
	EQ(__wasi_path_link(DIR, 0, "f.txt", DIR, "hard"), __WASI_ERRNO_EXIST, "link onto a file");
	EQ(__wasi_path_unlink_file(DIR, "hard"), 0, "unlink the hard link");
	EQ(__wasi_path_unlink_file(DIR, "ln"), 0, "unlink the symlink");
	EQ(__wasi_path_rename(DIR, "f.txt", DIR, "g.txt"), 0, "path_rename");
	EQ(stat_of("f.txt", 0, &st), __WASI_ERRNO_NOENT, "old name gone");
	EQ(stat_of("g.txt", 0, &st) == 0 && st.size == 10, 1, "new name there");
	EQ(__wasi_path_filestat_set_times(DIR, 0, "g.txt", 0, 2000000000000ull,
					  __WASI_FSTFLAGS_MTIM), 0, "path_filestat_set_times");
	EQ(stat_of("g.txt", 0, &st) == 0 && st.mtim == 2000000000000ull, 1, "path mtim set");
}

static void escapes(void)
{
	__wasi_filestat_t st;
	__wasi_errno_t e;

	open_at("../outside/secret", 0, 0, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOTCAPABLE, "escape ..: ENOTCAPABLE");
	open_at("/etc/passwd", 0, 0, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOTCAPABLE, "absolute path: ENOTCAPABLE");
	open_at("esc_abs", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOENT, "absolute symlink to outside stays inside");
	open_at("esc_rel", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOENT, "relative symlink ../.. stays inside");
	open_at("esc_dir/secret", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOENT, "directory symlink to outside stays inside");
	EQ(stat_of("esc_dir/secret", 1, &st), __WASI_ERRNO_NOENT, "stat through it too");
	EQ(__wasi_path_symlink("../../outside/secret", DIR, "mine"), 0, "app makes a symlink out");
	open_at("mine", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOENT, "its own symlink stays inside");
	open_at("esc_abs", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW,
		__WASI_OFLAGS_CREAT, R_WR, 0, &e);
	EQ(e == 0 || e == __WASI_ERRNO_NOENT, 1, "creating through a symlink stays inside");
	EQ(__wasi_path_rename(DIR, "g.txt", DIR, "../g.txt"), __WASI_ERRNO_NOTCAPABLE,
	   "rename out: ENOTCAPABLE");
	EQ(__wasi_path_rename(DIR, "g.txt", DIR, "esc_dir/g.txt"), __WASI_ERRNO_NOENT,
	   "rename through a directory symlink stays inside");
	EQ(__wasi_path_link(DIR, 0, "g.txt", DIR, "../h"), __WASI_ERRNO_NOTCAPABLE,
	   "hard link out: ENOTCAPABLE");
	EQ(__wasi_path_link(DIR, 0, "../outside/secret", DIR, "h"), __WASI_ERRNO_NOTCAPABLE,
	   "hard link from outside: ENOTCAPABLE");
	EQ(__wasi_path_create_directory(DIR, "../newdir"), __WASI_ERRNO_NOTCAPABLE,
	   "mkdir out: ENOTCAPABLE");
	EQ(__wasi_path_unlink_file(DIR, "../outside/secret"), __WASI_ERRNO_NOTCAPABLE,
	   "unlink out: ENOTCAPABLE");
}

static void others(void)
{
	__wasi_subscription_t subs[2] = {};
	__wasi_event_t ev[2];
	__wasi_timestamp_t t0, t1, res;
	__wasi_size_t nev, nr;
	__wasi_errno_t e;
	__wasi_fd_t fd;
	uint8_t rnd[64] = {};
	int i, zero = 1;

	fd = open_at("g.txt", 0, 0, R_RD, 0, &e);
	subs[0].userdata = 7;
	subs[0].u.tag = __WASI_EVENTTYPE_FD_READ;
	subs[0].u.u.fd_read.file_descriptor = fd;
	subs[1].userdata = 8;
	subs[1].u.tag = __WASI_EVENTTYPE_CLOCK;
	subs[1].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
	subs[1].u.u.clock.timeout = 5000000000ull;
	EQ(__wasi_poll_oneoff(subs, ev, 2, &nev), 0, "poll_oneoff fd + clock");
	EQ(nev == 1 && ev[0].userdata == 7 && ev[0].error == 0 &&
	   ev[0].fd_readwrite.nbytes == 10, 1, "a file is ready at once with its bytes");
	EQ(__wasi_fd_close(fd), 0, "close");
	subs[0] = subs[1];
	subs[0].u.u.clock.timeout = 20000000;
	EQ(__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t0), 0, "clock_time_get");
	EQ(__wasi_poll_oneoff(subs, ev, 1, &nev), 0, "poll_oneoff clock");
	EQ(__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t1), 0, "clock_time_get");
	EQ(nev == 1 && ev[0].userdata == 8 && t1 - t0 >= 20000000, 1, "slept 20 ms");
	subs[0].u.tag = __WASI_EVENTTYPE_FD_WRITE;
	subs[0].u.u.fd_write.file_descriptor = 77;
	EQ(__wasi_poll_oneoff(subs, ev, 1, &nev) == 0 && nev == 1 &&
	   ev[0].error == __WASI_ERRNO_BADF, 1, "poll on a bad fd: EBADF event");

	for (i = 0; i < 4; i++)
		EQ(__wasi_clock_res_get(i, &res) == 0 && res > 0, 1, "clock_res_get");
	EQ(__wasi_clock_time_get(9, 1, &t0), __WASI_ERRNO_INVAL, "unknown clock: EINVAL");
	EQ(__wasi_random_get(rnd, sizeof(rnd)), 0, "random_get");
	for (i = 0; i < (int)sizeof(rnd); i++)
		zero &= !rnd[i];
	EQ(zero, 0, "random bytes are not all zero");
	EQ(__wasi_sched_yield(), 0, "sched_yield");

	EQ(__wasi_sock_accept(DIR, 0, &fd), __WASI_ERRNO_NOTSOCK, "sock_accept: ENOTSOCK");
	EQ(__wasi_sock_shutdown(99, __WASI_SDFLAGS_WR), __WASI_ERRNO_BADF,
	   "sock_shutdown bad fd: EBADF");
	{
		__wasi_iovec_t iov = { rnd, 1 };
		__wasi_roflags_t rof;
		__wasi_ciovec_t ciov = { rnd, 1 };

		EQ(__wasi_sock_recv(1, &iov, 1, 0, &nr, &rof), __WASI_ERRNO_NOTSOCK,
		   "sock_recv: ENOTSOCK");
		EQ(__wasi_sock_send(1, &ciov, 1, 0, &nr), __WASI_ERRNO_NOTSOCK,
		   "sock_send: ENOTSOCK");
	}
	EQ(raw_proc_raise(0), 0, "proc_raise(0)");
	EQ(raw_proc_raise(99), __WASI_ERRNO_INVAL, "proc_raise(99): EINVAL");

	/* Pointers outside linear memory: EFAULT, never a fault. */
	EQ(raw_fd_write(1, 0x7ffffff0, 1, 16), __WASI_ERRNO_FAULT, "fd_write bad iovec: EFAULT");
	EQ(raw_path_open(DIR, 0, 0x7ffffff0, 100, 0, R_RD, 0, 0, 16), __WASI_ERRNO_FAULT,
	   "path_open bad path: EFAULT");
	EQ(raw_path_open(DIR, 0, 16, 4, 0, R_RD, 0, 0, 0x7ffffffe), __WASI_ERRNO_FAULT,
	   "path_open bad result pointer: EFAULT");
}

static void read_only(void)
{
	__wasi_errno_t e;
	__wasi_fd_t fd;
	__wasi_size_t nr;
	char buf[32];

	fd = open_at("r.txt", 0, 0, R_RD, 0, &e);
	EQ(e, 0, "ro: open for reading");
	EQ(read_at(fd, buf, sizeof(buf), 0, &nr) == 0 && nr == 8 && !memcmp(buf, "readonly", 8),
	   1, "ro: read");
	EQ(__wasi_fd_close(fd), 0, "close");
	EQ(listed(DIR, "r.txt", __WASI_FILETYPE_REGULAR_FILE), 1, "ro: readdir");
	open_at("r.txt", 0, 0, R_WR, 0, &e);
	EQ(e, __WASI_ERRNO_NOTCAPABLE, "ro: open for writing");
	open_at("new.txt", 0, __WASI_OFLAGS_CREAT, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOTCAPABLE, "ro: create");
	open_at("r.txt", 0, __WASI_OFLAGS_TRUNC, R_RD, 0, &e);
	EQ(e, __WASI_ERRNO_NOTCAPABLE, "ro: truncate");
	open_at("r.txt", 0, 0, R_RD, __WASI_FDFLAGS_APPEND, &e);
	EQ(e, __WASI_ERRNO_NOTCAPABLE, "ro: append");
	EQ(__wasi_path_create_directory(DIR, "d"), __WASI_ERRNO_NOTCAPABLE, "ro: mkdir");
	EQ(__wasi_path_remove_directory(DIR, "sub"), __WASI_ERRNO_NOTCAPABLE, "ro: rmdir");
	EQ(__wasi_path_unlink_file(DIR, "r.txt"), __WASI_ERRNO_NOTCAPABLE, "ro: unlink");
	EQ(__wasi_path_rename(DIR, "r.txt", DIR, "s.txt"), __WASI_ERRNO_NOTCAPABLE, "ro: rename");
	EQ(__wasi_path_link(DIR, 0, "r.txt", DIR, "s.txt"), __WASI_ERRNO_NOTCAPABLE, "ro: link");
	EQ(__wasi_path_symlink("r.txt", DIR, "s.txt"), __WASI_ERRNO_NOTCAPABLE, "ro: symlink");
	EQ(__wasi_path_filestat_set_times(DIR, 0, "r.txt", 0, 0, __WASI_FSTFLAGS_MTIM_NOW),
	   __WASI_ERRNO_NOTCAPABLE, "ro: set times");
	fd = open_at("sub", 0, __WASI_OFLAGS_DIRECTORY, R_RD, 0, &e);
	EQ(e, 0, "ro: open a subdirectory");
	EQ(__wasi_path_open(fd, 0, "x", __WASI_OFLAGS_CREAT, R_RD, 0, 0, &fd),
	   __WASI_ERRNO_NOTCAPABLE, "ro: create beneath a subdirectory");
}

static int copy(void)
{
	static uint8_t buf[1 << 20];
	__wasi_size_t nr, nw;
	__wasi_errno_t e1, e2;
	__wasi_fd_t in, out;
	unsigned long total = 0;

	in = open_at("big.bin", 0, 0, R_RD, 0, &e1);
	out = open_at("copy.bin", 0, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC, R_WR, 0, &e2);
	if (e1 || e2)
		return printf("not ok copy: open %d %d\n", e1, e2), 1;
	for (;;) {
		__wasi_iovec_t iov = { buf, sizeof(buf) };
		__wasi_ciovec_t ciov = { buf, 0 };

		if (__wasi_fd_read(in, &iov, 1, &nr))
			return printf("not ok copy: read\n"), 1;
		if (!nr)
			break;
		ciov.buf_len = nr;
		if (__wasi_fd_write(out, &ciov, 1, &nw) || nw != nr)
			return printf("not ok copy: write\n"), 1;
		total += nr;
	}
	printf("ok copied %lu bytes\n", total);
	return __wasi_fd_close(out) != 0;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	__wasi_errno_t e;
	__wasi_size_t nw;
	__wasi_fd_t fd;

	if (!strcmp(mode, "rw")) {
		files();
		escapes();
		others();
	} else if (!strcmp(mode, "ro")) {
		read_only();
	} else if (!strcmp(mode, "copy")) {
		return copy();
	} else if (!strcmp(mode, "persist")) {
		fd = open_at("persist.txt", 0, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC, R_WR, 0, &e);
		EQ(e, 0, "persist: create");
		EQ(write_str(fd, "written by a kernel thread\n", &nw), 0, "persist: write");
		EQ(__wasi_fd_close(fd), 0, "persist: close");
	} else if (!strcmp(mode, "fifo")) {
		char c;

		printf("opening the fifo\n");
		fflush(stdout);
		fd = open_at("fifo", 0, 0, R_RD, 0, &e);
		EQ(e, 0, "fifo: open");
		read_at(fd, &c, 1, -1, &nw);
		printf("not ok: the fifo read returned\n");
		return 97;
	} else if (!strcmp(mode, "raise")) {
		EQ(raw_proc_raise(16), 0, "proc_raise(chld) is ignored");
		fflush(stdout);
		raw_proc_raise(15);
		printf("not ok: still running after proc_raise(term)\n");
		return 98;
	} else if (!strcmp(mode, "secret")) {
		open_at("secret.txt", 0, 0, R_RD, 0, &e);
		EQ(e, __WASI_ERRNO_ACCES, "root's 0600 file: EACCES");
		fd = open_at("open.txt", 0, 0, R_RD, 0, &e);
		EQ(e, 0, "a world-readable file opens");
	} else {
		printf("usage: wasi_fs rw|ro|copy|persist|secret\n");
		return 100;
	}
	printf("%d checks, %d failed\n", n, failures);
	return failures > 99 ? 99 : failures;
}
