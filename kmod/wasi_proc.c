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
