/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: tracepoints (trace system "wasmkm").  The events and their fields
 * are a stable contract for perf, bpftrace and wasmctl top/trace, documented
 * in Documentation/observability.md: add fields at the end, never change or
 * remove one.  A disabled tracepoint is a patched-out branch (static key);
 * arguments are pointers, dereferenced only when the event is enabled.
 */
#ifndef _WASMKM_TRACE_IDS_H
#define _WASMKM_TRACE_IDS_H

#include <linux/types.h>
#include <linux/wasmkm_imports.h>

/*
 * The function id of a host call: its index in WASMKM_IMPORTS (new imports
 * are appended there, so an id keeps its meaning).
 */
#define WASMKM_FN_ENUM(mod, name, sig, cap)	WASMKM_FN_##name,
enum wasmkm_fn {
	WASMKM_IMPORTS(WASMKM_FN_ENUM)
	WASMKM_FN_COUNT
};

struct wasmkm_app;
struct wasmkm_ctx;
struct wasmkm_inst;

#endif /* _WASMKM_TRACE_IDS_H */

#undef TRACE_SYSTEM
#define TRACE_SYSTEM wasmkm

#if !defined(_WASMKM_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _WASMKM_TRACE_H

#include <linux/tracepoint.h>

#ifdef WASMKM_NO_TRACEPOINTS
/*
 * Only for the baseline of bench/tracecost.sh (Kbuild WASMKM_NO_TRACEPOINTS=1,
 * never shipped): every event an empty inline function, no trace.o, so the
 * benchmark can show what a disabled tracepoint costs against none at all.
 */
#undef TRACE_EVENT
#define TRACE_EVENT(name, proto, args, tstruct, assign, print) \
	static inline void trace_##name(proto) {}
#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)
#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args) \
	static inline void trace_##name(proto) {}
#endif

/* wasmkm_app_load: an app record was created by WASMKM_IOC_LOAD. */
TRACE_EVENT(wasmkm_app_load,
	TP_PROTO(const struct wasmkm_app *app, u32 attached),
	TP_ARGS(app, attached),
	TP_STRUCT__entry(
		__field(u32, app_id)
		__field(u32, uid)
		__field(u32, attached)
		__array(char, name, 64)
	),
	TP_fast_assign(
		__entry->app_id = app->id;
		__entry->uid = from_kuid(&init_user_ns, app->cred->euid);
		__entry->attached = attached;
		strscpy(__entry->name, app->name, sizeof(__entry->name));
	),
	TP_printk("app=%u name=%s uid=%u attached=%u", __entry->app_id,
		  __entry->name, __entry->uid, __entry->attached)
);

/*
 * The events of an app record that carry its id and name only.  Their
 * fields and format are the same by contract (Documentation/
 * observability.md), so they share one class.
 */
DECLARE_EVENT_CLASS(wasmkm_app_event,
	TP_PROTO(const struct wasmkm_app *app),
	TP_ARGS(app),
	TP_STRUCT__entry(
		__field(u32, app_id)
		__array(char, name, 64)
	),
	TP_fast_assign(
		__entry->app_id = app->id;
		strscpy(__entry->name, app->name, sizeof(__entry->name));
	),
	TP_printk("app=%u name=%s", __entry->app_id, __entry->name)
);

/* wasmkm_app_attach: the app's object module attached (its code is live). */
DEFINE_EVENT(wasmkm_app_event, wasmkm_app_attach,
	TP_PROTO(const struct wasmkm_app *app),
	TP_ARGS(app)
);

/* wasmkm_app_unload: the app record is forgotten (unload or module exit). */
DEFINE_EVENT(wasmkm_app_event, wasmkm_app_unload,
	TP_PROTO(const struct wasmkm_app *app),
	TP_ARGS(app)
);

/* wasmkm_inst_start: an instance's thread was created and woken. */
TRACE_EVENT(wasmkm_inst_start,
	TP_PROTO(const struct wasmkm_inst *inst, pid_t pid),
	TP_ARGS(inst, pid),
	TP_STRUCT__entry(
		__field(u32, inst_id)
		__field(u32, app_id)
		__field(s32, pid)
	),
	TP_fast_assign(
		__entry->inst_id = inst->id;
		__entry->app_id = inst->app->id;
		__entry->pid = pid;
	),
	TP_printk("inst=%u app=%u pid=%d", __entry->inst_id, __entry->app_id,
		  __entry->pid)
);

/*
 * wasmkm_inst_exit: the instance's thread ends.  state is enum
 * wasmkm_inst_state; trap_kind and trap_func (~0: none) for a trap.
 */
TRACE_EVENT(wasmkm_inst_exit,
	TP_PROTO(const struct wasmkm_inst *inst, u64 cpu_ns),
	TP_ARGS(inst, cpu_ns),
	TP_STRUCT__entry(
		__field(u32, inst_id)
		__field(u32, app_id)
		__field(u32, state)
		__field(s32, exit_code)
		__field(u32, trap_kind)
		__field(u32, trap_func)
		__field(u64, cpu_ns)
		__array(char, trap_func_name, 64)
	),
	TP_fast_assign(
		__entry->inst_id = inst->id;
		__entry->app_id = inst->app->id;
		__entry->state = inst->state;
		__entry->exit_code = inst->exit_code;
		__entry->trap_kind = inst->trap_kind;
		__entry->trap_func = inst->trap_func;
		__entry->cpu_ns = cpu_ns;
		strscpy(__entry->trap_func_name, inst->trap_func_name,
			sizeof(__entry->trap_func_name));
	),
	TP_printk("inst=%u app=%u state=%u exit_code=%d trap_kind=%u trap_func=%u trap_func_name=%s cpu_ns=%llu",
		  __entry->inst_id, __entry->app_id, __entry->state, __entry->exit_code,
		  __entry->trap_kind, __entry->trap_func, __entry->trap_func_name,
		  (unsigned long long)__entry->cpu_ns)
);

/* wasmkm_inst_stop: a stop was requested (WASMKM_IOC_STOP or unload). */
TRACE_EVENT(wasmkm_inst_stop,
	TP_PROTO(const struct wasmkm_inst *inst),
	TP_ARGS(inst),
	TP_STRUCT__entry(
		__field(u32, inst_id)
	),
	TP_fast_assign(
		__entry->inst_id = inst->id;
	),
	TP_printk("inst=%u", __entry->inst_id)
);

/*
 * wasmkm_mem_grow: memory.grow by a nonzero delta; new_pages is the size
 * asked for, ok 0 if it failed (memory.grow returned -1).
 */
TRACE_EVENT(wasmkm_mem_grow,
	TP_PROTO(const struct wasmkm_inst *inst, u32 old_pages, u32 new_pages, u32 ok),
	TP_ARGS(inst, old_pages, new_pages, ok),
	TP_STRUCT__entry(
		__field(u32, inst_id)
		__field(u32, old_pages)
		__field(u32, new_pages)
		__field(u32, ok)
	),
	TP_fast_assign(
		__entry->inst_id = inst->id;
		__entry->old_pages = old_pages;
		__entry->new_pages = new_pages;
		__entry->ok = ok;
	),
	TP_printk("inst=%u old_pages=%u new_pages=%u ok=%u", __entry->inst_id,
		  __entry->old_pages, __entry->new_pages, __entry->ok)
);

/*
 * wasmkm_hostcall_enter: a WASI host call begins (fn: enum wasmkm_fn).  Not
 * a class shared with wasmkm_hostcall_exit: a class has one field list, and
 * the documented fields of enter have no err.
 */
TRACE_EVENT(wasmkm_hostcall_enter,
	TP_PROTO(struct wasmkm_ctx *ctx, u32 fn),
	TP_ARGS(ctx, fn),
	TP_STRUCT__entry(
		__field(u32, inst_id)
		__field(u32, fn)
	),
	TP_fast_assign(
		__entry->inst_id = wasmkm_ctx_inst(ctx)->id;
		__entry->fn = fn;
	),
	TP_printk("inst=%u fn=%u", __entry->inst_id, __entry->fn)
);

/*
 * wasmkm_hostcall_exit: a WASI host call returns errno (a WASI errno, 0 for
 * success and for functions without a result).  Not emitted when the call
 * ends the instance (proc_exit, a stop): wasmkm_inst_exit follows instead.
 */
TRACE_EVENT(wasmkm_hostcall_exit,
	TP_PROTO(struct wasmkm_ctx *ctx, u32 fn, s32 err),
	TP_ARGS(ctx, fn, err),
	TP_STRUCT__entry(
		__field(u32, inst_id)
		__field(u32, fn)
		__field(s32, err)
	),
	TP_fast_assign(
		__entry->inst_id = wasmkm_ctx_inst(ctx)->id;
		__entry->fn = fn;
		__entry->err = err;
	),
	TP_printk("inst=%u fn=%u errno=%d", __entry->inst_id, __entry->fn,
		  __entry->err)
);

#endif /* _WASMKM_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
