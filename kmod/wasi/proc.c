// SPDX-License-Identifier: GPL-2.0
/* wasmkm: WASI proc_exit, sched_yield and random_get. */
#include <linux/random.h>
#include <linux/sched.h>

#include "wasi/entry.h"
#include "wasmkm.h"

void __wasmkm_noreturn wasmkm_do_proc_exit(struct wasmkm_ctx *ctx, s32 code)
{
	wasmkm_end(wasmkm_ctx_inst(ctx), WASMKM_INST_EXITED, code, 0, ~0U);
}

/* The entry path checks for a stop on the way back to the app. */
s32 wasmkm_do_sched_yield(struct wasmkm_ctx *ctx)
{
	cond_resched();
	return WASI_ESUCCESS;
}

/* The buffer is the data of the call: filled in place, in steps. */
s32 wasmkm_do_random_get(struct wasmkm_ctx *ctx, s32 buf, s32 len)
{
	u32 off = 0, n;
	u8 *p;

	p = wasmkm_mem_ptr(ctx, buf, (u32)len);
	if (!p)
		return WASI_EFAULT;
	while (off < (u32)len) {
		n = min_t(u32, (u32)len - off, 4096);
		get_random_bytes(p + off, n);
		off += n;
		cond_resched();
	}
	return WASI_ESUCCESS;
}

/*
 * proc_raise: no handlers exist, so a signal takes its default action:
 * ignored (chld, cont, urg, winch), not supported (the stop signals), or
 * the end of the instance, reported as exit code 128 + the signal number.
 */
s32 wasmkm_do_proc_raise(struct wasmkm_ctx *ctx, s32 sig)
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
