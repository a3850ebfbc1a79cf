// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI args_* and environ_* from the manifest's string blobs.
 * Nothing is read from app memory; the outputs may overlap each other, and
 * are written in a fixed order: the strings, then the pointers.
 */
#include <linux/sched.h>
#include <linux/string.h>
#include "compat.h"

#include "app_mem.h"
#include "wasi_entry.h"
#include "wasmkm.h"

static s32 wasmkm_blob_sizes(struct wasmkm_ctx *ctx, u32 count, u32 len, s32 pcount, s32 psize)
{
	s32 err = wasmkm_app_check(ctx, pcount, 4) ?: wasmkm_app_check(ctx, psize, 4);

	if (err)
		return err;
	wasmkm_app_put_u32(ctx, pcount, count);
	return wasmkm_app_put_u32(ctx, psize, len);
}

/* Pointers to each string at @pptrs, the strings themselves at @pbuf. */
static s32 wasmkm_blob_get(struct wasmkm_ctx *ctx, const char *blob, u32 count, u32 len,
			   s32 pptrs, s32 pbuf)
{
	u32 i, off = 0;
	s32 err;

	err = wasmkm_app_check(ctx, pptrs, (u64)count * 4) ?: wasmkm_app_check(ctx, pbuf, len);
	if (err)
		return err;
	if (len)
		wasmkm_app_write(ctx, pbuf, blob, len);
	/* Offsets come from the kernel's blob, never from what was written. */
	for (i = 0; i < count; i++) {
		wasmkm_app_put_u32(ctx, pptrs + i * 4, (u32)pbuf + off);
		off += strnlen(blob + off, len - off) + 1;
		if (!(i % 64))
			cond_resched();
	}
	return WASI_ESUCCESS;
}

s32 wasmkm_do_args_sizes_get(struct wasmkm_ctx *ctx, s32 argc, s32 buf_size)
{
	struct wasmkm_app *app = wasmkm_ctx_inst(ctx)->app;

	return wasmkm_blob_sizes(ctx, app->argc, app->argv_len, argc, buf_size);
}

s32 wasmkm_do_args_get(struct wasmkm_ctx *ctx, s32 argv, s32 argv_buf)
{
	struct wasmkm_app *app = wasmkm_ctx_inst(ctx)->app;

	return wasmkm_blob_get(ctx, app->argv, app->argc, app->argv_len, argv, argv_buf);
}

s32 wasmkm_do_environ_sizes_get(struct wasmkm_ctx *ctx, s32 count, s32 buf_size)
{
	struct wasmkm_app *app = wasmkm_ctx_inst(ctx)->app;

	return wasmkm_blob_sizes(ctx, app->envc, app->env_len, count, buf_size);
}

s32 wasmkm_do_environ_get(struct wasmkm_ctx *ctx, s32 env, s32 env_buf)
{
	struct wasmkm_app *app = wasmkm_ctx_inst(ctx)->app;

	return wasmkm_blob_get(ctx, app->env, app->envc, app->env_len, env, env_buf);
}
