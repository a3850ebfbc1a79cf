// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: an instance's argv and env (its own from WASMKM_IOC_START, else
 * the app's manifest ones) and WASI args_* and environ_* from them.
 * Nothing is read from app memory; the outputs may overlap each other, and
 * are written in a fixed order: the strings, then the pointers.
 */
#include <linux/sched.h>
#include <linux/string.h>
#include "compat.h"

#include "app_mem.h"
#include "wasi/entry.h"
#include "wasmkm.h"

/* START's own argv and env, validated and bounded as LOAD's (registry.c). */
int wasmkm_inst_get_args(struct wasmkm_inst *inst, const struct wasmkm_start *arg)
{
	char error[WASMKM_ERROR_LEN];
	int ret;

	if (arg->flags & ~(WASMKM_START_ARGV | WASMKM_START_ENV))
		return -EINVAL;
	if ((!(arg->flags & WASMKM_START_ARGV) && (arg->argv || arg->argv_len)) ||
	    (!(arg->flags & WASMKM_START_ENV) && (arg->env || arg->env_len)))
		return -EINVAL;
	ret = wasmkm_get_blob(arg->argv, arg->argv_len, &inst->own_argv, &inst->argc, error);
	if (ret)
		return ret;
	inst->argv_len = arg->argv_len;
	ret = wasmkm_get_blob(arg->env, arg->env_len, &inst->own_env, &inst->envc, error);
	if (ret)
		return ret;
	inst->env_len = arg->env_len;
	inst->argv = inst->own_argv;
	inst->env = inst->own_env;
	return 0;
}

/* Under wasmkm_lock: what START did not give, the instance takes from @app. */
void wasmkm_inst_app_args(struct wasmkm_inst *inst, const struct wasmkm_app *app, u32 flags)
{
	if (!(flags & WASMKM_START_ARGV)) {
		inst->argv = app->argv;
		inst->argv_len = app->argv_len;
		inst->argc = app->argc;
	}
	if (!(flags & WASMKM_START_ENV)) {
		inst->env = app->env;
		inst->env_len = app->env_len;
		inst->envc = app->envc;
	}
}

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
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	return wasmkm_blob_sizes(ctx, inst->argc, inst->argv_len, argc, buf_size);
}

s32 wasmkm_do_args_get(struct wasmkm_ctx *ctx, s32 argv, s32 argv_buf)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	return wasmkm_blob_get(ctx, inst->argv, inst->argc, inst->argv_len, argv, argv_buf);
}

s32 wasmkm_do_environ_sizes_get(struct wasmkm_ctx *ctx, s32 count, s32 buf_size)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	return wasmkm_blob_sizes(ctx, inst->envc, inst->env_len, count, buf_size);
}

s32 wasmkm_do_environ_get(struct wasmkm_ctx *ctx, s32 env, s32 env_buf)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	return wasmkm_blob_get(ctx, inst->env, inst->envc, inst->env_len, env, env_buf);
}
