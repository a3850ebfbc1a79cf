// SPDX-License-Identifier: GPL-2.0
/*
 * Calls every WASI import with random arguments: descriptors that exist or
 * not, flags with unknown bits, paths of random bytes, lengths up to 4 GiB,
 * and pointers that are either inside a scratch buffer or past the end of
 * linear memory.  The kernel must answer each with an errno and never
 * fault; the app must not trap (it never hands the kernel a pointer into
 * its own data, so nothing the kernel writes can corrupt it).
 *
 *   wasi_fuzz [CALLS [SEED]]     run with one writable grant at fd 3
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IMPORT(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(#name)))
typedef int32_t i32;
typedef int64_t i64;

IMPORT(args_get) i32 w_args_get(i32, i32);
IMPORT(args_sizes_get) i32 w_args_sizes_get(i32, i32);
IMPORT(environ_get) i32 w_environ_get(i32, i32);
IMPORT(environ_sizes_get) i32 w_environ_sizes_get(i32, i32);
IMPORT(clock_res_get) i32 w_clock_res_get(i32, i32);
IMPORT(clock_time_get) i32 w_clock_time_get(i32, i64, i32);
IMPORT(random_get) i32 w_random_get(i32, i32);
IMPORT(fd_advise) i32 w_fd_advise(i32, i64, i64, i32);
IMPORT(fd_allocate) i32 w_fd_allocate(i32, i64, i64);
IMPORT(fd_close) i32 w_fd_close(i32);
IMPORT(fd_datasync) i32 w_fd_datasync(i32);
IMPORT(fd_fdstat_get) i32 w_fd_fdstat_get(i32, i32);
IMPORT(fd_fdstat_set_flags) i32 w_fd_fdstat_set_flags(i32, i32);
IMPORT(fd_fdstat_set_rights) i32 w_fd_fdstat_set_rights(i32, i64, i64);
IMPORT(fd_filestat_get) i32 w_fd_filestat_get(i32, i32);
IMPORT(fd_filestat_set_size) i32 w_fd_filestat_set_size(i32, i64);
IMPORT(fd_filestat_set_times) i32 w_fd_filestat_set_times(i32, i64, i64, i32);
IMPORT(fd_pread) i32 w_fd_pread(i32, i32, i32, i64, i32);
IMPORT(fd_prestat_get) i32 w_fd_prestat_get(i32, i32);
IMPORT(fd_prestat_dir_name) i32 w_fd_prestat_dir_name(i32, i32, i32);
IMPORT(fd_pwrite) i32 w_fd_pwrite(i32, i32, i32, i64, i32);
IMPORT(fd_read) i32 w_fd_read(i32, i32, i32, i32);
IMPORT(fd_readdir) i32 w_fd_readdir(i32, i32, i32, i64, i32);
IMPORT(fd_renumber) i32 w_fd_renumber(i32, i32);
IMPORT(fd_seek) i32 w_fd_seek(i32, i64, i32, i32);
IMPORT(fd_sync) i32 w_fd_sync(i32);
IMPORT(fd_tell) i32 w_fd_tell(i32, i32);
IMPORT(fd_write) i32 w_fd_write(i32, i32, i32, i32);
IMPORT(path_create_directory) i32 w_path_create_directory(i32, i32, i32);
IMPORT(path_filestat_get) i32 w_path_filestat_get(i32, i32, i32, i32, i32);
IMPORT(path_filestat_set_times) i32 w_path_filestat_set_times(i32, i32, i32, i32, i64, i64, i32);
IMPORT(path_link) i32 w_path_link(i32, i32, i32, i32, i32, i32, i32);
IMPORT(path_open) i32 w_path_open(i32, i32, i32, i32, i32, i64, i64, i32, i32);
IMPORT(path_readlink) i32 w_path_readlink(i32, i32, i32, i32, i32, i32);
IMPORT(path_remove_directory) i32 w_path_remove_directory(i32, i32, i32);
IMPORT(path_rename) i32 w_path_rename(i32, i32, i32, i32, i32, i32);
IMPORT(path_symlink) i32 w_path_symlink(i32, i32, i32, i32, i32);
IMPORT(path_unlink_file) i32 w_path_unlink_file(i32, i32, i32);
IMPORT(poll_oneoff) i32 w_poll_oneoff(i32, i32, i32, i32);
IMPORT(proc_raise) i32 w_proc_raise(i32);
IMPORT(sched_yield) i32 w_sched_yield(void);
IMPORT(sock_accept) i32 w_sock_accept(i32, i32, i32);
IMPORT(sock_recv) i32 w_sock_recv(i32, i32, i32, i32, i32, i32);
IMPORT(sock_send) i32 w_sock_send(i32, i32, i32, i32, i32);
IMPORT(sock_shutdown) i32 w_sock_shutdown(i32, i32);

#define SCRATCH (64 * 1024)
static uint8_t scratch[SCRATCH] __attribute__((aligned(16)));
static uint64_t state;
static unsigned long errnos[80];

static uint32_t rnd(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state >> 16);
}

static uint32_t mem_end(void)
{
	return (uint32_t)__builtin_wasm_memory_size(0) * 65536u;
}

/* A value where bugs hide: edges, small numbers, descriptors, anything. */
static i32 val(void)
{
	static const i32 edges[] = { 0, 1, -1, 2, 3, 4, 0x7fffffff, (i32)0x80000000, 255, 256,
				     65535, 65536, 1024, 1023 };

	switch (rnd() % 4) {
	case 0:
		return edges[rnd() % (sizeof(edges) / sizeof(edges[0]))];
	case 1:
		return rnd() % 8;
	case 2:
		return rnd() % 40;
	}
	return (i32)rnd();
}

static i64 val64(void)
{
	return rnd() % 2 ? (i64)val() : ((i64)rnd() << 32 | rnd());
}

/*
 * A pointer for @len bytes: in the scratch buffer (then @len must fit,
 * and the caller gets the length to pass), or past the end of memory.
 */
static i32 ptr(uint32_t *len)
{
	uint32_t end = mem_end();

	if (rnd() % 5 == 0) {
		/* outside: straddling the end, past it, or at the top of 4 GiB */
		switch (rnd() % 3) {
		case 0:
			*len = *len ? *len : 1;
			return (i32)(end - (rnd() % (*len < 16 ? *len : 16)));
		case 1:
			return (i32)(end + rnd() % 4096);
		}
		return (i32)(0xffffffffu - rnd() % 64);
	}
	if (*len > SCRATCH)
		*len = rnd() % SCRATCH;
	return (i32)(uintptr_t)(scratch + rnd() % (SCRATCH - *len + 1));
}

/* Is [at, at + size) inside the scratch buffer?  (No wrap-around.) */
static int in_scratch(i32 at, uint32_t size)
{
	uint32_t off = (uint32_t)at - (uint32_t)(uintptr_t)scratch;

	return (uint32_t)at >= (uint32_t)(uintptr_t)scratch && off <= SCRATCH &&
	       size <= SCRATCH - off;
}

static i32 out(uint32_t size)
{
	return ptr(&size);
}

/* Random bytes for a path, often with slashes, dots and known names. */
static void path(i32 *p, i32 *len)
{
	static const char *const parts[] = { "a", "b", "..", ".", "/", "f", "d", "x/y", "" };
	uint32_t n = rnd() % 4 == 0 ? rnd() % 300 : rnd() % 24;
	uint8_t *s;

	*p = ptr(&n);
	*len = rnd() % 16 == 0 ? val() : (i32)n;
	if (!in_scratch(*p, n))
		return;
	s = (uint8_t *)(uintptr_t)*p;
	for (uint32_t i = 0; i < n; i++) {
		if (rnd() % 3 == 0) {
			const char *part = parts[rnd() % (sizeof(parts) / sizeof(parts[0]))];

			for (; *part && i < n; part++)
				s[i++] = (uint8_t)*part;
			i--;
		} else {
			s[i] = rnd() % 8 ? (uint8_t)("abcdef/."[rnd() % 8]) : (uint8_t)rnd();
		}
	}
}

/*
 * An iovec array whose buffers are in the scratch buffer or out of bounds.
 * When the kernel writes to them (@filled), the count is exact: entries past
 * the array could name any of the app's memory.
 */
static i32 iovs(i32 *n, int filled)
{
	uint32_t count = rnd() % 4, size = count * 8;
	i32 at = ptr(&size);
	uint32_t *v = (uint32_t *)(uintptr_t)at;

	*n = !filled && rnd() % 16 == 0 ? val() : (i32)(size / 8);
	if (!in_scratch(at, count * 8))
		return at;
	count = size / 8;
	for (uint32_t i = 0; i < count; i++) {
		uint32_t len = rnd() % 3 ? rnd() % 512 : rnd();
		uint32_t buf = (uint32_t)ptr(&len);

		memcpy(&v[2 * i], &buf, 4);
		memcpy(&v[2 * i + 1], &len, 4);
	}
	return at;
}

/* Subscriptions whose clocks wait at most a millisecond. */
static i32 subs(i32 *n)
{
	uint32_t count = 1 + rnd() % 3, size = count * 48;
	i32 at = ptr(&size);
	uint8_t *s = (uint8_t *)(uintptr_t)at;

	*n = rnd() % 16 == 0 ? val() : (i32)count;
	if (!in_scratch(at, count * 48))
		return at;
	count = size / 48;
	for (uint32_t i = 0; i < count; i++) {
		uint64_t timeout = rnd() % 1000000;
		uint16_t flags = rnd() % 2;

		for (int k = 0; k < 48; k++)
			s[i * 48 + k] = (uint8_t)rnd();
		s[i * 48 + 8] = rnd() % 4;
		if (s[i * 48 + 8] == 0 || rnd() % 2) {
			s[i * 48 + 8] = 0;
			memcpy(s + i * 48 + 24, &timeout, 8);
			memcpy(s + i * 48 + 40, &flags, 2);	/* abstime in the past: at once */
		}
	}
	if (*n > (i32)count)
		*n = (i32)count;
	return at;
}

static i32 call(unsigned int which)
{
	i32 p1, l1, p2, l2, n;
	uint32_t len;

	switch (which) {
	case 0: return w_args_get(out(256), out(4096));
	case 1: return w_args_sizes_get(out(4), out(4));
	case 2: return w_environ_get(out(256), out(4096));
	case 3: return w_environ_sizes_get(out(4), out(4));
	case 4: return w_clock_res_get(val(), out(8));
	case 5: return w_clock_time_get(val(), val64(), out(8));
	case 6: len = rnd() % 3 ? rnd() % 4096 : rnd(); p1 = ptr(&len); return w_random_get(p1, len);
	case 7: return w_fd_advise(val(), val64(), val64(), val());
	case 8: return w_fd_allocate(val(), rnd() % 65536, rnd() % 65536);
	case 9: return rnd() % 4 ? -1 : w_fd_close(3 + rnd() % 40);
	case 10: return w_fd_datasync(val());
	case 11: return w_fd_fdstat_get(val(), out(24));
	case 12: return w_fd_fdstat_set_flags(val(), val());
	case 13: return w_fd_fdstat_set_rights(3 + (i32)(rnd() % 40), val64(), val64());
	case 14: return w_fd_filestat_get(val(), out(64));
	case 15: return w_fd_filestat_set_size(val(), rnd() % 100000);
	case 16: return w_fd_filestat_set_times(val(), val64(), val64(), val());
	case 17: p1 = iovs(&n, 1); return w_fd_pread(val(), p1, n, val64(), out(4));
	case 18: return w_fd_prestat_get(val(), out(8));
	case 19: len = rnd() % 64; p1 = ptr(&len); return w_fd_prestat_dir_name(val(), p1, len);
	case 20: p1 = iovs(&n, 0); return w_fd_pwrite(val(), p1, n, rnd() % 100000, out(4));
	case 21: p1 = iovs(&n, 1); return w_fd_read(val(), p1, n, out(4));
	case 22: len = rnd() % 2048; p1 = ptr(&len);
		return w_fd_readdir(val(), p1, len, val64(), out(4));
	/* stdout keeps its place and rights: the summary goes there */
	case 23: return w_fd_renumber(rnd() % 8 ? 3 + (i32)(rnd() % 40) : val() | 0x100,
				      rnd() % 8 ? 3 + (i32)(rnd() % 40) : val() | 0x100);
	case 24: return w_fd_seek(val(), val64(), val(), out(8));
	case 25: return w_fd_sync(val());
	case 26: return w_fd_tell(val(), out(8));
	case 27: p1 = iovs(&n, 0); return w_fd_write(3 + rnd() % 40, p1, n, out(4));
	case 28: path(&p1, &l1); return w_path_create_directory(val(), p1, l1);
	case 29: path(&p1, &l1); return w_path_filestat_get(val(), val(), p1, l1, out(64));
	case 30: path(&p1, &l1);
		return w_path_filestat_set_times(val(), val(), p1, l1, val64(), val64(), val());
	case 31: path(&p1, &l1); path(&p2, &l2);
		return w_path_link(val(), val(), p1, l1, val(), p2, l2);
	case 32: path(&p1, &l1);
		return w_path_open(rnd() % 2 ? 3 : val(), val(), p1, l1, val() & 0x1f, val64(),
				   val64(), val() & 0x3f, out(4));
	case 33: path(&p1, &l1); len = rnd() % 512; p2 = ptr(&len);
		return w_path_readlink(val(), p1, l1, p2, len, out(4));
	case 34: path(&p1, &l1); return w_path_remove_directory(val(), p1, l1);
	case 35: path(&p1, &l1); path(&p2, &l2); return w_path_rename(val(), p1, l1, val(), p2, l2);
	case 36: path(&p1, &l1); path(&p2, &l2); return w_path_symlink(p1, l1, val(), p2, l2);
	case 37: path(&p1, &l1); return w_path_unlink_file(val(), p1, l1);
	case 38: p1 = subs(&n); return w_poll_oneoff(p1, out(3 * 32), n, out(4));
	case 39: return w_proc_raise(rnd() % 2 ? 0 : 16 + (rnd() % 2) * 11);
	case 40: return w_sched_yield();
	case 41: return w_sock_accept(val(), val(), out(4));
	case 42: p1 = iovs(&n, 1); return w_sock_recv(val(), p1, n, val(), out(4), out(2));
	case 43: p1 = iovs(&n, 0); return w_sock_send(val(), p1, n, val(), out(4));
	case 44: return w_sock_shutdown(val(), val());
	}
	return -1;
}

int main(int argc, char **argv)
{
	unsigned long calls = argc > 1 ? strtoul(argv[1], NULL, 0) : 20000;
	unsigned long i;
	unsigned int e;

	state = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x9e3779b97f4a7c15ull;
	if (!state)
		state = 1;
	for (i = 0; i < calls; i++) {
		i32 r = call(rnd() % 45);

		if (r >= 0 && r < 80)
			errnos[r]++;
	}
	printf("fuzz: %lu calls, seed %s\n", calls, argc > 2 ? argv[2] : "default");
	for (e = 0; e < 80; e++)
		if (errnos[e])
			printf("  errno %u: %lu\n", e, errnos[e]);
	return 0;
}
