// SPDX-License-Identifier: GPL-2.0
/*
 * Adversarial WASI calls whose app-supplied structures overlap the outputs
 * or the data of the call (tests/kselftest/sandbox_mem.c runs each mode).
 * The kernel must copy each structure once, use only the copy and write
 * outputs last; the results below are what the WASI spec (POSIX readv,
 * writev, poll semantics) gives for that order.  Run with one writable grant
 * preopened as /data (fd 3).  Modes:
 *   read, pread    iov[0]'s buffer covers iov[1] and the data read into it
 *                  names a buffer past the end of linear memory
 *   write, pwrite  iov[0]'s buffer is the iovec array itself
 *   iovmax         more iovecs than IOV_MAX: EINVAL, IOV_MAX of them: fine
 *   poll           the events output overlaps the subscriptions
 *   readdir        bufused lies inside the dirent buffer
 *   args, environ  the pointer array overlaps the string buffer
 * Prints "ok"/"not ok" lines; the exit code is the number of failures.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define DIR 3
#define R_WR (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK | \
	      __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_READDIR)
#define IMPORT(name) __attribute__((import_module("wasi_snapshot_preview1"), \
				    import_name(#name)))

/* Raw imports: the pointers are offsets chosen by the test. */
IMPORT(fd_read) int32_t raw_fd_read(int32_t fd, int32_t iovs, int32_t n, int32_t out);
IMPORT(fd_write) int32_t raw_fd_write(int32_t fd, int32_t iovs, int32_t n, int32_t out);
IMPORT(fd_pread) int32_t raw_fd_pread(int32_t fd, int32_t iovs, int32_t n, int64_t off,
				      int32_t out);
IMPORT(fd_pwrite) int32_t raw_fd_pwrite(int32_t fd, int32_t iovs, int32_t n, int64_t off,
					int32_t out);
IMPORT(poll_oneoff) int32_t raw_poll_oneoff(int32_t in, int32_t out, int32_t n, int32_t nev);
IMPORT(fd_readdir) int32_t raw_fd_readdir(int32_t fd, int32_t buf, int32_t len, int64_t cookie,
					  int32_t used);
IMPORT(args_get) int32_t raw_args_get(int32_t argv, int32_t buf);
IMPORT(args_sizes_get) int32_t raw_args_sizes_get(int32_t argc, int32_t size);
IMPORT(environ_get) int32_t raw_environ_get(int32_t env, int32_t buf);
IMPORT(environ_sizes_get) int32_t raw_environ_sizes_get(int32_t count, int32_t size);

#include "tap.h"
static uint8_t area[8192] __attribute__((aligned(16)));


static int32_t at(uint32_t off)
{
	return (int32_t)(uintptr_t)(area + off);
}

static void put32(uint32_t off, uint32_t v)
{
	memcpy(area + off, &v, 4);
}

static uint32_t get32(uint32_t off)
{
	uint32_t v;

	memcpy(&v, area + off, 4);
	return v;
}

static uint64_t get64(uint32_t off)
{
	uint64_t v;

	memcpy(&v, area + off, 8);
	return v;
}

static __wasi_fd_t open_file(const char *path, __wasi_oflags_t of)
{
	__wasi_fd_t fd = (__wasi_fd_t)-1;
	__wasi_errno_t e = __wasi_path_open(DIR, 0, path, of, R_WR, R_WR, 0, &fd);

	EQ(e, 0, "open the file in the grant");
	return fd;
}

/*
 * The file holds an iovec {end of linear memory, 4096} then "ABCDEFGH".
 * iov[0] = {&iov[1], 8}, iov[1] = {area + 64, 8}: the read puts the evil
 * iovec over iov[1] in linear memory; the kernel's copy must still say
 * area + 64.  A short read (only iov[0]) is allowed by the spec.
 */
static void overlap_read(int positioned)
{
	uint32_t end = __builtin_wasm_memory_size(0) * 65536;
	__wasi_ciovec_t out = { area + 256, 16 };
	__wasi_fd_t fd;
	__wasi_size_t nw;
	int32_t e;
	uint32_t nr;

	memcpy(area + 256, &end, 4);
	put32(260, 4096);
	memcpy(area + 264, "ABCDEFGH", 8);
	fd = open_file("evil", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC);
	EQ(__wasi_fd_write(fd, &out, 1, &nw), 0, "write the evil iovec");
	EQ(__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &(__wasi_filesize_t){0}), 0, "seek to 0");

	memset(area, 0, 256);
	put32(0, at(8));	/* iov[0].buf = &iov[1] */
	put32(4, 8);
	put32(8, at(64));	/* iov[1].buf */
	put32(12, 8);
	/* nread lands on iov[0].len: outputs are written last */
	if (positioned)
		e = raw_fd_pread(fd, at(0), 2, 0, at(4));
	else
		e = raw_fd_read(fd, at(0), 2, at(4));
	EQ(e, 0, positioned ? "fd_pread: success" : "fd_read: success");
	nr = get32(4);
	check(nr == 16 || nr == 8, "nread is 16, or 8 (a short read)", nr, 16);
	EQ(get32(8), end, "iov[0]'s data: the evil base");
	EQ(get32(12), 4096, "iov[0]'s data: the evil length");
	if (nr == 16)
		EQ(memcmp(area + 64, "ABCDEFGH", 8), 0, "iov[1]'s data went where the copy said");
	EQ(__wasi_fd_close(fd), 0, "close");
}

/* iov[0] = the iovec array itself (16 bytes), iov[1] = "WXYZ". */
static void overlap_write(int positioned)
{
	uint8_t expect[20];
	__wasi_iovec_t in = { area + 512, sizeof(expect) };
	__wasi_size_t nr;
	__wasi_fd_t fd;
	int32_t e;

	memset(area, 0, 512);
	put32(0, at(0));
	put32(4, 16);
	put32(8, at(32));
	put32(12, 4);
	memcpy(area + 32, "WXYZ", 4);
	memcpy(expect, area, 16);
	memcpy(expect + 16, "WXYZ", 4);
	fd = open_file("written", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC);
	if (positioned)
		e = raw_fd_pwrite(fd, at(0), 2, 0, at(4));
	else
		e = raw_fd_write(fd, at(0), 2, at(4));
	EQ(e, 0, positioned ? "fd_pwrite: success" : "fd_write: success");
	EQ(get32(4), 20, "nwritten (over iov[0].len) is 20");
	EQ(__wasi_fd_pread(fd, &in, 1, 0, &nr), 0, "read back");
	EQ(nr, 20, "20 bytes in the file");
	EQ(memcmp(area + 512, expect, 20), 0, "the file holds the array, then WXYZ");
	EQ(__wasi_fd_close(fd), 0, "close");
}

static void iov_max(void)
{
	uint32_t i;

	memset(area, 0, 8192);
	for (i = 0; i < 1025; i++)
		put32(i * 8, at(0));	/* {area, 0}: empty buffers */
	EQ(raw_fd_write(1, at(0), 1025, at(8200 - 8)), __WASI_ERRNO_INVAL,
	   "1025 iovecs: EINVAL");
	EQ(raw_fd_write(1, at(0), 1024, at(8200 - 8)), 0, "1024 iovecs: fine");
	EQ(raw_fd_write(1, at(0), -1, at(8200 - 8)), __WASI_ERRNO_INVAL, "-1 iovecs: EINVAL");
}

/*
 * Two clock subscriptions due now, userdata 0x1111 and 0x2222; the events
 * start 32 bytes in, so event 0 covers the head of subscription 1.
 */
static void overlap_poll(void)
{
	uint64_t ud[2] = { 0x1111, 0x2222 };
	int i;

	memset(area, 0, 256);
	for (i = 0; i < 2; i++) {
		memcpy(area + i * 48, &ud[i], 8);	/* userdata, tag 0: clock */
		put32(i * 48 + 16, __WASI_CLOCKID_MONOTONIC);
	}
	/* nevents over subscription 0's timeout */
	EQ(raw_poll_oneoff(at(0), at(32), 2, at(24)), 0, "poll_oneoff: success");
	EQ(get32(24), 2, "two events");
	EQ(get64(32), 0x1111, "event 0: userdata of subscription 0");
	EQ(get64(64), 0x2222, "event 1: userdata of subscription 1");
	EQ(area[32 + 8] | area[32 + 9] << 8, 0, "event 0: no error");
	EQ(area[64 + 8] | area[64 + 9] << 8, 0, "event 1: no error");
	EQ(area[32 + 10], __WASI_EVENTTYPE_CLOCK, "event 0: clock");
	EQ(area[64 + 10], __WASI_EVENTTYPE_CLOCK, "event 1: clock");
}

/* bufused inside the dirent buffer: written last, so it reads right. */
static void overlap_readdir(void)
{
	__wasi_fd_t fd = open_file("evil", __WASI_OFLAGS_CREAT);
	uint32_t used;

	EQ(__wasi_fd_close(fd), 0, "close");
	memset(area, 0xee, 4096);
	EQ(raw_fd_readdir(DIR, at(0), 4096, 0, at(0)), 0, "fd_readdir: success");
	used = get32(0);
	check(used > 24 && used < 4096, "bufused: entries, not the whole buffer", used, 24);
	EQ(area[used], 0xee, "nothing written past bufused");
}

/*
 * args/environ: the pointer array overlaps the strings.  The strings go
 * first, then the pointers (outputs last), so the pointers read right and
 * the strings after the array are intact.
 */
static void overlap_blob(int env)
{
	uint32_t count, size, i;

	EQ(env ? raw_environ_sizes_get(at(0), at(4)) : raw_args_sizes_get(at(0), at(4)), 0,
	   "sizes: success");
	count = get32(0);
	size = get32(4);
	check(count >= 2 && count * 4 <= size && size < 2048, "two strings at least", count, 2);
	/* the reference: pointers at 2048, strings at 4096 */
	EQ(env ? raw_environ_get(at(2048), at(4096)) : raw_args_get(at(2048), at(4096)), 0,
	   "get: success");
	memset(area, 0xee, 2048);
	EQ(env ? raw_environ_get(at(0), at(0)) : raw_args_get(at(0), at(0)), 0,
	   "get over its own strings: success");
	for (i = 0; i < count; i++)
		EQ(get32(i * 4), get32(2048 + i * 4) - at(4096) + at(0), "a pointer to its string");
	EQ(memcmp(area + count * 4, area + 4096 + count * 4, size - count * 4), 0,
	   "the strings after the array");
	EQ(area[size], 0xee, "nothing written past the buffer");
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "read") || !strcmp(mode, "pread"))
		overlap_read(mode[0] == 'p');
	else if (!strcmp(mode, "write") || !strcmp(mode, "pwrite"))
		overlap_write(mode[0] == 'p');
	else if (!strcmp(mode, "iovmax"))
		iov_max();
	else if (!strcmp(mode, "poll"))
		overlap_poll();
	else if (!strcmp(mode, "readdir"))
		overlap_readdir();
	else if (!strcmp(mode, "args") || !strcmp(mode, "environ"))
		overlap_blob(mode[0] == 'e');
	else
		check(0, "a known mode", 0, 1);
	printf("%d checks, %d failed\n", n, failures);
	return failures;
}
