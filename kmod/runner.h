/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: an instance's thread (runner.c) and the entry and exit of every
 * WASI helper it calls.  Everything here runs in that thread, without
 * wasmkm_lock; only wasmkm_end() takes it (through wasmkm_inst_queue_reap()).
 */
#ifndef _WASMKM_RUNNER_H
#define _WASMKM_RUNNER_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <wasmkm/rt.h>

#include "compat.h"
#include "inst.h"

int wasmkm_runner(void *data);
/* Leave and re-enter the FPU section that generated code runs in. */
void wasmkm_fpu_leave(struct wasmkm_ctx *ctx);
void wasmkm_fpu_enter(struct wasmkm_ctx *ctx);
/*
 * Never returns: the thread queues its reaping and ends in
 * kthread_complete_and_exit().  A caller in another file that ends with
 * this call is itself declared __wasmkm_noreturn (compat.h says why).
 */
void __wasmkm_noreturn wasmkm_end(struct wasmkm_inst *inst, u32 state, s32 code,
				  u32 trap_kind, u32 func_idx);

static inline struct wasmkm_inst *wasmkm_ctx_inst(struct wasmkm_ctx *ctx)
{
	return ctx->inst;
}

/*
 * The entry and exit of every WASI helper (wasi/entry.c generates the
 * exported wrappers from the import list; WASMKM_CALL() is the same for
 * the helpers still written by hand).  Helpers run outside the FPU section:
 * they may sleep, and kernel code must not touch FP state.  A stop asked
 * meanwhile (which also interrupts a blocking file operation) ends the
 * instance on the way out rather than at the next yield point, so the app
 * never sees the interrupted call.  The host-call tracepoints (trace.h)
 * are here too: fn is the import's enum wasmkm_fn.
 */
#include "trace.h"

static inline void wasmkm_helper_enter(struct wasmkm_ctx *ctx, u32 fn)
{
	wasmkm_fpu_leave(ctx);
	trace_wasmkm_hostcall_enter(ctx, fn);
}

static inline void wasmkm_helper_leave(struct wasmkm_ctx *ctx, u32 fn, s32 err)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	trace_wasmkm_hostcall_exit(ctx, fn, err);
	if (unlikely(READ_ONCE(inst->stop)))
		wasmkm_end(inst, WASMKM_INST_STOPPED, 0, 0, ~0U);
	wasmkm_fpu_enter(ctx);
}

#define WASMKM_CALL(ctx, name, call)					\
	({								\
		s32 __ret;						\
		wasmkm_helper_enter(ctx, WASMKM_FN_##name);		\
		__ret = (call);						\
		wasmkm_helper_leave(ctx, WASMKM_FN_##name, __ret);	\
		__ret;							\
	})

#endif /* _WASMKM_RUNNER_H */
