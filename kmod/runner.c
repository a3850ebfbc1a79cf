// SPDX-License-Identifier: GPL-2.0
/* wasmkm: the instance thread, FPU sections, yields and ending the thread. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cred.h>
#include <linux/hrtimer.h>
#include <linux/memcontrol.h>
#include <linux/sched/mm.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "wasmkm.h"

static const char *const wasmkm_trap_text[] = {
	"none",
	/* uapi's list is numbered 1, 2, ... in order (wasmctl's tests check it) */
#define WASMKM_TRAP_TEXT(name, number, text) text,
	WASMKM_TRAPS(WASMKM_TRAP_TEXT)
#undef WASMKM_TRAP_TEXT
};
/* Every kind up to the largest has its text. */
static_assert(ARRAY_SIZE(wasmkm_trap_text) == WASMKM_TRAP_KIND_MAX + 1);

/*
 * The least kernel stack (bytes) that any instance thread had left untouched
 * at its end, since the module was loaded: the measured margin below the
 * deepest point generated code, helpers, interrupts and the trap report
 * reached.  See Documentation/limits.md.
 */
static unsigned int wasmkm_stack_min_free = THREAD_SIZE;
module_param_named(stack_min_free, wasmkm_stack_min_free, uint, 0444);
MODULE_PARM_DESC(stack_min_free,
		 "Least kernel stack bytes an instance thread left untouched (read-only)");

/*
 * Bytes of this thread's stack never written since the thread was created:
 * the kernel hands out zeroed stacks (THREADINFO_GFP, and cached stacks are
 * cleared), so the lowest non-zero word is the deepest the stack has gone.
 * Skips the end-of-stack canary like stack_not_used() does.  Reads below
 * the stack pointer on purpose: no KASAN.
 */
static __no_sanitize_address unsigned long wasmkm_stack_unused(void)
{
	unsigned long *end = end_of_stack(current);
	unsigned long *n = end + 1;
	unsigned long *top = (unsigned long *)((unsigned long)task_stack_page(current) +
					       THREAD_SIZE);

	while (n < top && !READ_ONCE(*n))
		n++;
	return (unsigned long)n - (unsigned long)end;
}

static void wasmkm_stack_account(struct wasmkm_inst *inst)
{
	unsigned long unused = wasmkm_stack_unused();
	unsigned int old = READ_ONCE(wasmkm_stack_min_free);

	while (unused < old) {
		unsigned int prev = cmpxchg(&wasmkm_stack_min_free, old, unused);

		if (prev == old)
			break;
		old = prev;
	}
	if (inst->trap_kind == WASMKM_TRAP_STACK)
		pr_info("%s: %lu of %lu stack bytes never used (reserve %u)\n",
			inst->name, unused, THREAD_SIZE, WASMKM_STACK_RESERVE);
}

void wasmkm_fpu_leave(struct wasmkm_ctx *ctx)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	if (inst->in_fpu) {
		inst->in_fpu = false;
		wasmkm_arch_fpu_end(&inst->fpu);
	}
}

void wasmkm_fpu_enter(struct wasmkm_ctx *ctx)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	if (!inst->in_fpu) {
		wasmkm_arch_fpu_begin(&inst->fpu);
		inst->in_fpu = true;
	}
}

/*
 * End the instance's thread from wherever it is (possibly deep inside
 * generated code).  The frames above are abandoned: generated code holds no
 * locks and no allocations of its own.  After complete() no code of the app
 * object runs: kthread_complete_and_exit() is in the kernel proper.  The
 * reap work queued here waits for that completion (instance.c).
 */
void __wasmkm_noreturn wasmkm_end(struct wasmkm_inst *inst, u32 state, s32 code,
				  u32 trap_kind, u32 func_idx)
{
	const struct wasmkm_app_ops *ops = inst->ops;

	wasmkm_fpu_leave(&inst->ctx);
	/* no yield point runs after this: nothing re-arms it */
	hrtimer_cancel(&inst->yield_timer);
	inst->exit_code = code;
	if (state == WASMKM_INST_TRAPPED) {
		inst->trap_kind = trap_kind <= WASMKM_TRAP_KIND_MAX ? trap_kind : WASMKM_TRAP_NONE;
		inst->trap_func = func_idx;
		if (ops && ops->func_names && func_idx < ops->nfuncs && ops->func_names[func_idx])
			strscpy(inst->trap_func_name, ops->func_names[func_idx],
				sizeof(inst->trap_func_name));
		snprintf(inst->error, sizeof(inst->error), "trap: %s",
			 wasmkm_trap_text[inst->trap_kind]);
		pr_info("%s: trap: %s in function %u %s\n", inst->name,
			wasmkm_trap_text[inst->trap_kind], func_idx, inst->trap_func_name);
	}
	wasmkm_fds_close(inst);
	wasmkm_mem_free(inst);
	inst->end_ns = ktime_get_ns();
	/* The scheduler's own accounting of this thread (see LIST's cpu_ns). */
	inst->cpu_ns = current->se.sum_exec_runtime;
	WRITE_ONCE(inst->state, state);
	trace_wasmkm_inst_exit(inst, inst->cpu_ns);
	if (inst->old_cred) {
		revert_creds(inst->old_cred);
		inst->old_cred = NULL;
	}
	set_active_memcg(NULL);
	wake_up_all(&inst->wq);
	wasmkm_stack_account(inst);
	wasmkm_inst_queue_reap(inst);
	kthread_complete_and_exit(&inst->done, 0);
}

/*
 * The yield timer sets ctx->yield every WASMKM_YIELD_PERIOD_NS while the
 * thread takes its yield points (rt.h).  A flag still set from the last
 * period means the thread has not run wasm since (it sleeps in a helper or
 * is not scheduled): the timer stops then, so an idle instance costs no
 * interrupts, and the next yield point re-arms it (wasmkm_tick()).  If the
 * thread re-arms while this runs on another CPU, the timer stays queued
 * whatever this returns (__run_hrtimer() enqueues only an unqueued timer).
 */
static enum hrtimer_restart wasmkm_yield_timer_fn(struct hrtimer *t)
{
	struct wasmkm_inst *inst = container_of(t, struct wasmkm_inst, yield_timer);

	if (READ_ONCE(inst->ctx.yield))
		return HRTIMER_NORESTART;
	WRITE_ONCE(inst->ctx.yield, 1);
	hrtimer_forward_now(t, ns_to_ktime(WASMKM_YIELD_PERIOD_NS));
	return HRTIMER_RESTART;
}

int wasmkm_runner(void *data)
{
	struct wasmkm_inst *inst = data;
	struct wasmkm_ctx *ctx = &inst->ctx;
	int ret;

	/* Set: the first yield point arms the timer.  wasmkm_end() cancels it. */
	hrtimer_init(&inst->yield_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	inst->yield_timer.function = wasmkm_yield_timer_fn;
	WRITE_ONCE(ctx->yield, 1);
	trace_wasmkm_inst_start(inst, current->pid);
	inst->old_cred = override_creds(inst->app->cred);
	/*
	 * A kthread has no mm: without this, nothing it allocates with
	 * GFP_KERNEL_ACCOUNT (memory.grow, helpers) would be charged.  The
	 * thread also sits in its starter's cgroups (wasmkm_inst_create()).
	 */
	set_active_memcg(inst->memcg);
	/*
	 * A stop sends SIGKILL, so that a helper blocked in a file operation
	 * (a FIFO, a device) returns instead of holding the instance forever.
	 */
	allow_signal(SIGKILL);
	/* See WASMKM_STACK_RESERVE: the stack grows down towards this page. */
	ctx->stack_limit = (unsigned long)task_stack_page(current) + WASMKM_STACK_RESERVE;
	if (READ_ONCE(inst->stop))
		wasmkm_end(inst, WASMKM_INST_STOPPED, 0, 0, ~0U);
	/* Preopens are opened as the loader, like every later file access. */
	ret = wasmkm_fds_init(inst);
	if (ret) {
		if (!inst->error[0])	/* a net grant says which and why */
			snprintf(inst->error, sizeof(inst->error),
				 "cannot open the granted directories: error %d", ret);
		wasmkm_end(inst, WASMKM_INST_FAILED, 0, 0, ~0U);
	}
	wasmkm_fpu_enter(ctx);
	inst->ops->instantiate(ctx);
	if (inst->ops->run) {
		inst->ops->run(ctx);
	} else {
		/* no _start: the arguments may name exported functions to call */
		wasmkm_fpu_leave(ctx);
		wasmkm_invoke(inst);
	}
	wasmkm_end(inst, WASMKM_INST_EXITED, 0, 0, ~0U);
	return 0;
}

void wasmkm_trap(struct wasmkm_ctx *ctx, u32 kind, u32 func_idx)
{
	wasmkm_end(wasmkm_ctx_inst(ctx), WASMKM_INST_TRAPPED, 0, kind, func_idx);
}
EXPORT_SYMBOL_GPL(wasmkm_trap);

void wasmkm_tick(struct wasmkm_ctx *ctx)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	/*
	 * Clear before reading stop, with a full barrier: a stop sets stop,
	 * then the flag (wasmkm_inst_request_stop()), so either this sees
	 * stop or the flag stays set for the next yield point.
	 */
	smp_store_mb(ctx->yield, 0);
	if (READ_ONCE(inst->stop))
		wasmkm_end(inst, WASMKM_INST_STOPPED, 0, 0, ~0U);
	if (!hrtimer_is_queued(&inst->yield_timer))
		hrtimer_start_range_ns(&inst->yield_timer, ns_to_ktime(WASMKM_YIELD_PERIOD_NS),
				       WASMKM_YIELD_PERIOD_NS / 8, HRTIMER_MODE_REL);
	if (need_resched()) {
		wasmkm_fpu_leave(ctx);
		cond_resched();
		wasmkm_fpu_enter(ctx);
	}
}
EXPORT_SYMBOL_GPL(wasmkm_tick);

void wasmkm_entry_slow(struct wasmkm_ctx *ctx, u32 func_idx)
{
	if ((unsigned long)__builtin_frame_address(0) < ctx->stack_limit)
		wasmkm_trap(ctx, WASMKM_TRAP_STACK, func_idx);	/* no return */
	wasmkm_tick(ctx);
}
EXPORT_SYMBOL_GPL(wasmkm_entry_slow);
