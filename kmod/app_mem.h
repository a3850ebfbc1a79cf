/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: the one way a WASI helper takes what an app hands it in linear
 * memory (app_mem.c).
 *
 * The rule every helper follows (Documentation/wasi-helpers.md):
 *
 *  1. Copy each app-supplied structure (an iovec array, a subscription
 *     array, a path, a fixed struct) into kernel memory ONCE, with the
 *     functions below, before doing anything else.
 *  2. Validate the copy (they do: every buffer in bounds, counts and total
 *     length bounded), then use only the copy.  Never read the same app
 *     bytes twice: the app's own data (a read into iov[0]) may overwrite
 *     them in between.
 *  3. Check output pointers early (wasmkm_app_check()) so that an error is
 *     reported before any side effect, but write outputs last, with
 *     wasmkm_app_write(), assuming they overlap every input.
 *  4. Loops over app-sized data call cond_resched(); everything allocated
 *     on the app's behalf is bounded and charged (GFP_KERNEL_ACCOUNT).
 *
 * Data buffers named by a validated iovec (wasmkm_app_buf()) are the only
 * linear memory a helper touches in place, once, as the data of the call.
 */
#ifndef _WASMKM_APP_MEM_H
#define _WASMKM_APP_MEM_H

#include <linux/types.h>
#include <wasmkm/rt.h>

/* Iovecs per call: Linux's UIO_MAXIOV, wasi-libc's IOV_MAX; more is EINVAL. */
#define WASMKM_IOV_MAX		1024
/* Subscriptions per poll_oneoff: every descriptor twice, plus clocks. */
#define WASMKM_SUBS_MAX		(2 * 1024 + 64)

/* A validated iovec: [base, base + len) lies in linear memory. */
struct wasmkm_iov {
	u32 base;
	u32 len;
};

/* A kernel copy of an app's iovec array; total fits a WASI size. */
struct wasmkm_iovs {
	u32 n;
	u32 total;
	struct wasmkm_iov v[];
};

/*
 * Copy the @n iovecs at @iovs (WASI ciovec/iovec, 8 bytes each) and check
 * that each buffer lies in linear memory.  Returns a WASI errno: EINVAL for
 * a negative or too large count or a total above S32_MAX, EFAULT for an
 * array or buffer out of bounds, ENOMEM.  Free *out with kfree().
 */
s32 wasmkm_app_iovs(struct wasmkm_ctx *ctx, s32 iovs, s32 n, struct wasmkm_iovs **out);

/* In-place data of a validated iovec (see the rule above). */
static inline u8 *wasmkm_app_buf(struct wasmkm_ctx *ctx, const struct wasmkm_iov *iov)
{
	return ctx->mem + iov->base;
}

/*
 * Copy an array of @n elements of @size bytes at @off; @n above @max or
 * negative is EINVAL, out of bounds EFAULT.  Free with kvfree().
 */
void *wasmkm_app_array(struct wasmkm_ctx *ctx, s32 off, s32 n, u32 size, u32 max, s32 *err);

/*
 * Copy the path of @len bytes at @path into a new NUL-terminated kernel
 * string.  Errors (in *@err, NULL returned): EFAULT out of bounds,
 * ENAMETOOLONG for @len >= PATH_MAX, EILSEQ for a NUL byte in it, ENOMEM.
 * The caller checks the copy (absolute, "..") and frees it with kfree().
 */
char *wasmkm_app_path(struct wasmkm_ctx *ctx, s32 path, s32 len, s32 *err);

/* Copy the fixed struct of @len bytes at @off into @dst; WASI errno. */
s32 wasmkm_app_read(struct wasmkm_ctx *ctx, s32 off, void *dst, u32 len);

/* Whether [@off, @off + @len) lies in linear memory: WASI 0 or EFAULT. */
s32 wasmkm_app_check(struct wasmkm_ctx *ctx, s32 off, u64 len);

/* Write an output of @len bytes at @off (last, after all inputs are copied). */
s32 wasmkm_app_write(struct wasmkm_ctx *ctx, s32 off, const void *src, u32 len);
s32 wasmkm_app_put_u32(struct wasmkm_ctx *ctx, s32 off, u32 v);
s32 wasmkm_app_put_u64(struct wasmkm_ctx *ctx, s32 off, u64 v);

#endif /* _WASMKM_APP_MEM_H */
