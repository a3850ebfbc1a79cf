// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace implementation of the wasmkm runtime contract (rt.h) for host
 * tests of generated code: traps and proc_exit longjmp back to the runner,
 * memory.grow reallocs, and the WASI functions a wasi-libc program needs
 * work on the process's stdio, argv and a given environment.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shim.h"
#include <linux/wasmkm.h>

struct shim_state shim;

/* WASI errnos */
#define WASI_EBADF 8
#define WASI_EFAULT 21
#define WASI_EINVAL 28
#define WASI_ENOSYS 52
#define WASI_ESPIPE 70

const char *shim_trap_text(u32 kind)
{
	switch (kind) {
#define SHIM_TRAP_TEXT(name, number, text)	case WASMKM_TRAP_##name: return text;
	WASMKM_TRAPS(SHIM_TRAP_TEXT)
#undef SHIM_TRAP_TEXT
	default: return "unknown trap";
	}
}

void wasmkm_trap(struct wasmkm_ctx *ctx, u32 kind, u32 func_idx)
{
	(void)ctx;
	shim.trap_kind = kind;
	shim.trap_func = func_idx;
	longjmp(shim.jb, SHIM_TRAPPED);
}

/*
 * No timer here: the runner sets ctx->yield before each call, so the first
 * yield point takes the slow path; with SHIM_TICKS set the flag stays set
 * and every yield point does (the tests count them).
 */
void wasmkm_tick(struct wasmkm_ctx *ctx)
{
	shim.ticks++;
	if (!shim.yield_stays)
		ctx->yield = 0;
}

void wasmkm_entry_slow(struct wasmkm_ctx *ctx, u32 func_idx)
{
	if ((unsigned long)__builtin_frame_address(0) < ctx->stack_limit)
		wasmkm_trap(ctx, WASMKM_TRAP_STACK, func_idx);
	wasmkm_tick(ctx);
}

s32 wasmkm_memory_grow(struct wasmkm_ctx *ctx, u32 delta)
{
	u64 old = ctx->mem_size >> 16;
	u8 *m;

	if (old + delta > shim.mem_max_pages)
		return -1;
	if (delta == 0)
		return (s32)old;
	m = realloc(ctx->mem, (old + delta) << 16);
	if (!m)
		return -1;
	memset(m + (old << 16), 0, (u64)delta << 16);
	ctx->mem = m;
	ctx->mem_size = (old + delta) << 16;
	return (s32)old;
}

/* A pointer/length pair inside linear memory? */
static int ok(struct wasmkm_ctx *ctx, s32 ptr, u64 len)
{
	return (u64)(u32)ptr + len <= ctx->mem_size;
}

static void put32(struct wasmkm_ctx *ctx, s32 ptr, u32 v)
{
	memcpy(ctx->mem + (u32)ptr, &v, 4);
}

static void put64(struct wasmkm_ctx *ctx, s32 ptr, u64 v)
{
	memcpy(ctx->mem + (u32)ptr, &v, 8);
}

static s32 strings_sizes(struct wasmkm_ctx *ctx, int n, char **v, s32 count, s32 size)
{
	u64 total = 0;
	int i;

	if (!ok(ctx, count, 4) || !ok(ctx, size, 4))
		return WASI_EFAULT;
	for (i = 0; i < n; i++)
		total += strlen(v[i]) + 1;
	put32(ctx, count, (u32)n);
	put32(ctx, size, (u32)total);
	return 0;
}

static s32 strings_get(struct wasmkm_ctx *ctx, int n, char **v, s32 ptrs, s32 buf)
{
	u32 off = (u32)buf;
	int i;

	if (!ok(ctx, ptrs, (u64)n * 4))
		return WASI_EFAULT;
	for (i = 0; i < n; i++) {
		size_t len = strlen(v[i]) + 1;

		if (!ok(ctx, (s32)off, len))
			return WASI_EFAULT;
		memcpy(ctx->mem + off, v[i], len);
		put32(ctx, ptrs + 4 * i, off);
		off += len;
	}
	return 0;
}

s32 wasmkm_wasi_args_sizes_get(struct wasmkm_ctx *ctx, s32 argc, s32 buf_size)
{
	return strings_sizes(ctx, shim.argc, shim.argv, argc, buf_size);
}

s32 wasmkm_wasi_args_get(struct wasmkm_ctx *ctx, s32 argv, s32 argv_buf)
{
	return strings_get(ctx, shim.argc, shim.argv, argv, argv_buf);
}

s32 wasmkm_wasi_environ_sizes_get(struct wasmkm_ctx *ctx, s32 count, s32 buf_size)
{
	return strings_sizes(ctx, shim.envc, shim.envp, count, buf_size);
}

s32 wasmkm_wasi_environ_get(struct wasmkm_ctx *ctx, s32 env, s32 env_buf)
{
	return strings_get(ctx, shim.envc, shim.envp, env, env_buf);
}

s32 wasmkm_wasi_clock_res_get(struct wasmkm_ctx *ctx, s32 clock, s32 res)
{
	if (clock < 0 || clock > 3)
		return WASI_EINVAL;
	if (!ok(ctx, res, 8))
		return WASI_EFAULT;
	put64(ctx, res, 1);
	return 0;
}

s32 wasmkm_wasi_clock_time_get(struct wasmkm_ctx *ctx, s32 clock, s64 precision, s32 time)
{
	struct timespec ts;

	(void)precision;
	if (clock < 0 || clock > 3)
		return WASI_EINVAL;
	if (!ok(ctx, time, 8))
		return WASI_EFAULT;
	clock_gettime(clock == 0 ? CLOCK_REALTIME : CLOCK_MONOTONIC, &ts);
	put64(ctx, time, (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec);
	return 0;
}

s32 wasmkm_wasi_random_get(struct wasmkm_ctx *ctx, s32 buf, s32 len)
{
	static u64 x = 0x9e3779b97f4a7c15ull;
	u32 i;

	if (!ok(ctx, buf, (u32)len))
		return WASI_EFAULT;
	for (i = 0; i < (u32)len; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		ctx->mem[(u32)buf + i] = (u8)x;
	}
	return 0;
}

s32 wasmkm_wasi_fd_write(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nwritten)
{
	FILE *f = fd == 1 ? stdout : fd == 2 ? stderr : NULL;
	u32 total = 0;
	s32 i;

	if (!f)
		return WASI_EBADF;
	if (!ok(ctx, iovs, (u64)(u32)iovs_len * 8) || !ok(ctx, nwritten, 4))
		return WASI_EFAULT;
	for (i = 0; i < iovs_len; i++) {
		u32 buf, len;

		memcpy(&buf, ctx->mem + (u32)iovs + 8 * i, 4);
		memcpy(&len, ctx->mem + (u32)iovs + 8 * i + 4, 4);
		if (!ok(ctx, (s32)buf, len))
			return WASI_EFAULT;
		fwrite(ctx->mem + buf, 1, len, f);
		total += len;
	}
	fflush(f);
	put32(ctx, nwritten, total);
	return 0;
}

s32 wasmkm_wasi_fd_read(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nread)
{
	(void)iovs;
	(void)iovs_len;
	if (fd != 0)
		return WASI_EBADF;
	if (!ok(ctx, nread, 4))
		return WASI_EFAULT;
	put32(ctx, nread, 0);	/* stdin is always at EOF */
	return 0;
}

s32 wasmkm_wasi_fd_close(struct wasmkm_ctx *ctx, s32 fd)
{
	(void)ctx;
	return fd >= 0 && fd <= 2 ? 0 : WASI_EBADF;
}

s32 wasmkm_wasi_fd_seek(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s32 whence, s32 newoffset)
{
	(void)ctx;
	(void)offset;
	(void)whence;
	(void)newoffset;
	return fd >= 0 && fd <= 2 ? WASI_ESPIPE : WASI_EBADF;
}

s32 wasmkm_wasi_fd_fdstat_get(struct wasmkm_ctx *ctx, s32 fd, s32 stat)
{
	if (fd < 0 || fd > 2)
		return WASI_EBADF;
	if (!ok(ctx, stat, 24))
		return WASI_EFAULT;
	memset(ctx->mem + (u32)stat, 0, 24);
	ctx->mem[(u32)stat] = 2;	/* character device */
	put64(ctx, stat + 8, fd == 0 ? 0x2 : 0x40);	/* fd_read or fd_write */
	return 0;
}

s32 wasmkm_wasi_fd_prestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 prestat)
{
	(void)ctx;
	(void)fd;
	(void)prestat;
	return WASI_EBADF;	/* no preopened directories */
}

s32 wasmkm_wasi_fd_prestat_dir_name(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	(void)ctx;
	(void)fd;
	(void)path;
	(void)len;
	return WASI_EBADF;
}

s32 wasmkm_wasi_sched_yield(struct wasmkm_ctx *ctx)
{
	(void)ctx;
	return 0;
}

s32 wasmkm_wasi_poll_oneoff(struct wasmkm_ctx *ctx, s32 in, s32 out, s32 nsubs, s32 nevents)
{
	(void)ctx;
	(void)in;
	(void)out;
	(void)nsubs;
	(void)nevents;
	return WASI_ENOSYS;
}

void wasmkm_wasi_proc_exit(struct wasmkm_ctx *ctx, s32 code)
{
	(void)ctx;
	shim.exit_code = code;
	longjmp(shim.jb, SHIM_EXITED);
}
