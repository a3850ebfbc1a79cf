// SPDX-License-Identifier: GPL-2.0
/* wasmkm: WASI proc_exit, sched_yield and random_get. */
#include <linux/random.h>
#include <linux/sched.h>

#include "wasmkm.h"

void wasmkm_wasi_proc_exit(struct wasmkm_ctx *ctx, s32 code)
{
	wasmkm_end(wasmkm_ctx_inst(ctx), WASMKM_INST_EXITED, code, 0, ~0U);
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_proc_exit);

s32 wasmkm_wasi_sched_yield(struct wasmkm_ctx *ctx)
{
	wasmkm_fpu_leave(ctx);
	cond_resched();
	wasmkm_fpu_enter(ctx);
	wasmkm_tick(ctx);
	return WASI_ESUCCESS;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_sched_yield);

s32 wasmkm_wasi_random_get(struct wasmkm_ctx *ctx, s32 buf, s32 len)
{
	u32 off = 0, n;
	u8 *p;

	wasmkm_fpu_leave(ctx);
	p = wasmkm_mem_ptr(ctx, buf, (u32)len);
	while (p && off < (u32)len) {
		n = min_t(u32, (u32)len - off, 4096);
		get_random_bytes(p + off, n);
		off += n;
		cond_resched();
	}
	wasmkm_fpu_enter(ctx);
	return p ? WASI_ESUCCESS : WASI_EFAULT;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_random_get);

/*
 * proc_raise: no handlers exist, so a signal takes its default action:
 * ignored (chld, cont, urg, winch), not supported (the stop signals), or
 * the end of the instance, reported as exit code 128 + the signal number.
 */
s32 wasmkm_wasi_proc_raise(struct wasmkm_ctx *ctx, s32 sig)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	switch (sig) {
	case 0:
	case 16:	/* chld */
	case 17:	/* cont */
	case 22:	/* urg */
	case 27:	/* winch */
		return WASI_ESUCCESS;
	case 18 ... 21:	/* stop, tstp, ttin, ttou */
		return WASI_ENOTSUP;
	case 1 ... 15:
	case 23 ... 26:
	case 28 ... 30:
		snprintf(inst->error, sizeof(inst->error), "terminated by signal %d", sig);
		wasmkm_end(inst, WASMKM_INST_EXITED, 128 + sig, 0, ~0U);
		return WASI_ESUCCESS;	/* not reached */
	}
	return WASI_EINVAL;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_proc_raise);
