// SPDX-License-Identifier: GPL-2.0
/* wasmkm: WASI args_* and environ_* from the manifest's string blobs. */
#include <linux/string.h>
#include "compat.h"

#include "wasmkm.h"

static s32 wasmkm_blob_sizes(struct wasmkm_ctx *ctx, u32 count, u32 len, s32 pcount, s32 psize)
{
	u8 *c, *s;

	wasmkm_fpu_leave(ctx);
	c = wasmkm_mem_ptr(ctx, pcount, 4);
	s = wasmkm_mem_ptr(ctx, psize, 4);
	if (c && s) {
		put_unaligned_le32(count, c);
		put_unaligned_le32(len, s);
	}
	wasmkm_fpu_enter(ctx);
	return c && s ? WASI_ESUCCESS : WASI_EFAULT;
}

/* Pointers to each string at @pptrs, the strings themselves at @pbuf. */
static s32 wasmkm_blob_get(struct wasmkm_ctx *ctx, const char *blob, u32 count, u32 len,
			   s32 pptrs, s32 pbuf)
{
	u8 *ptrs, *buf;
	u32 i, off = 0;
	s32 ret = WASI_EFAULT;

	wasmkm_fpu_leave(ctx);
	ptrs = wasmkm_mem_ptr(ctx, pptrs, (u64)count * 4);
	buf = wasmkm_mem_ptr(ctx, pbuf, len);
	if (ptrs && buf) {
		if (len)
			memcpy(buf, blob, len);
		for (i = 0; i < count; i++) {
			put_unaligned_le32((u32)pbuf + off, ptrs + i * 4);
			off += strnlen(blob + off, len - off) + 1;
		}
		ret = WASI_ESUCCESS;
	}
	wasmkm_fpu_enter(ctx);
	return ret;
}

s32 wasmkm_wasi_args_sizes_get(struct wasmkm_ctx *ctx, s32 argc, s32 buf_size)
{
	struct wasmkm_app *app = wasmkm_ctx_inst(ctx)->app;

	return wasmkm_blob_sizes(ctx, app->argc, app->argv_len, argc, buf_size);
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_args_sizes_get);

s32 wasmkm_wasi_args_get(struct wasmkm_ctx *ctx, s32 argv, s32 argv_buf)
{
	struct wasmkm_app *app = wasmkm_ctx_inst(ctx)->app;

	return wasmkm_blob_get(ctx, app->argv, app->argc, app->argv_len, argv, argv_buf);
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_args_get);

s32 wasmkm_wasi_environ_sizes_get(struct wasmkm_ctx *ctx, s32 count, s32 buf_size)
{
	struct wasmkm_app *app = wasmkm_ctx_inst(ctx)->app;

	return wasmkm_blob_sizes(ctx, app->envc, app->env_len, count, buf_size);
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_environ_sizes_get);

s32 wasmkm_wasi_environ_get(struct wasmkm_ctx *ctx, s32 env, s32 env_buf)
{
	struct wasmkm_app *app = wasmkm_ctx_inst(ctx)->app;

	return wasmkm_blob_get(ctx, app->env, app->envc, app->env_len, env, env_buf);
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_environ_get);
