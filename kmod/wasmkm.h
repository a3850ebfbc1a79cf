/* SPDX-License-Identifier: GPL-2.0 */
/* wasmkm: internal declarations shared by the files of wasmkm.ko. */
#ifndef _WASMKM_INTERNAL_H
#define _WASMKM_INTERNAL_H

#include <linux/completion.h>
#include <linux/cred.h>
#include <linux/hrtimer.h>
#include <linux/idr.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/path.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/wasmkm.h>
#include <linux/wasmkm_object.h>
#include <wasmkm/rt.h>

#if defined(CONFIG_X86_64)
#include "arch/x86/arch.h"
#elif defined(CONFIG_ARM64)
#include "arch/arm64/arch.h"
#else
#error "wasmkm supports x86-64 and arm64 only"
#endif

#include "compat.h"
#include "wasi/errno.h"

#define WASMKM_SHA256_LEN	32

/*
 * Largest ioctl struct (or list entry) the module reads or writes: a fixed
 * bound, not PAGE_SIZE, so that the ABI is the same on 4K, 16K (Raspberry
 * Pi 5) and 64K page kernels.
 */
#define WASMKM_ARG_SIZE_MAX	4096

/*
 * Bytes of the 16 KiB kernel stack kept below the lowest wasm frame: room
 * for that frame's locals (aotc caps generated frames at 2 KiB), a helper
 * (WASI calls, vmalloc, printk, the scheduler) and interrupts taken on the
 * task stack.  Generated code traps with "call stack exhausted" when a frame
 * would go below stack page + this reserve.  Measured margin: see
 * Documentation/limits.md (module parameter stack_min_free).
 */
#define WASMKM_STACK_RESERVE	(6 * 1024)

/* Open WASI descriptors per instance, preopens and standard streams included. */
#define WASMKM_FD_MAX		1024

extern unsigned int wasmkm_mem_max_default;
extern bool wasmkm_mirror_printk;
/*
 * wasmkm_lock protects the app and instance idrs, every app record, the
 * per-user counts and the life-cycle fields of instances (see the notes in
 * the structs below).  Never held while waiting for an instance's thread.
 */
extern struct mutex wasmkm_lock;

/* Per-user limits (module parameters, Documentation/limits.md). */
extern unsigned int wasmkm_max_apps;
extern unsigned int wasmkm_max_instances;
extern unsigned int wasmkm_log_retain_kb;

struct wasmkm_cap_type;

/*
 * A capability granted at load, of a type of caps.h (a directory tree,
 * preopened for WASI, is the type "fs"); constant after LOAD.
 */
struct wasmkm_grant {
	const struct wasmkm_cap_type *type;
	void *priv;			/* the type's own state */
	/* fs: the directory, read-only or not, its name in the app */
	struct path path;
	bool ro;
	char guest[WASMKM_PATH_LEN];
};

struct wasmkm_user;
struct mem_cgroup;

/*
 * An app record.  Created by LOAD, listed in the app idr until UNLOAD or the
 * removal of its object.  Fields set at LOAD before the record is listed are
 * constant afterwards; "lock:" marks fields that wasmkm_lock protects.
 */
struct wasmkm_app {
	u32 id;
	u32 state;			/* lock: enum wasmkm_app_state */
	struct module *owner;		/* lock: ATTACHED only */
	const struct wasmkm_app_ops *ops;	/* lock: ATTACHED only */
	/*
	 * lock: VERIFIED only: the object LOAD verified, its writers denied
	 * (deny_write_access()) until attach or unload, so that the code that
	 * finit_module() loads is the code verified.
	 */
	struct file *obj_file;
	struct wasmkm_user *user;	/* the loader's uid's counts */
	void *desc;			/* verified descriptor bytes */
	size_t desc_len;
	u8 desc_sha256[WASMKM_SHA256_LEN];
	u8 wasm_sha256[WASMKM_SHA256_LEN];
	char name[WASMKM_NAME_LEN];
	char module_name[WASMKM_NAME_LEN];
	char error[WASMKM_ERROR_LEN];	/* lock */
	char *argv;
	u32 argv_len;
	u32 argc;
	char *env;
	u32 env_len;
	u32 envc;
	u32 mem_min_pages;
	u32 mem_max_pages;
	const struct cred *cred;	/* the loader's */
	struct wasmkm_grant *grants;
	u32 ngrants;
	bool shares_code;		/* holds a reference on owner */
	struct list_head insts;		/* lock: struct wasmkm_inst.node */
	u32 ninstances;			/* lock */
};

/*
 * Life-cycle phase of an instance (the state machine is described at the
 * top of instance.c).  The outcome (uapi enum wasmkm_inst_state) is
 * separate: it is what the app did, the phase is what the module has done.
 */
enum wasmkm_inst_phase {
	WASMKM_PHASE_RUNNING = 1,	/* thread created; app code may run */
	WASMKM_PHASE_ENDED,		/* outcome written, thread exiting */
	WASMKM_PHASE_REAPED,		/* thread gone, task and module released */
};

/*
 * An instance's restart policy (WASMKM_IOC_START) and the state of its
 * chain, copied from each instance to the one that restarts it (restart.c).
 */
struct wasmkm_restart {
	u32 policy;			/* enum wasmkm_restart_policy */
	u32 burst;
	u32 interval_ms;
	u32 delay_ms;
	u32 delay_max_ms;
	u32 next_delay_ms;		/* the delay of the next restart */
	u32 restarts;			/* restarts of the chain before this one */
	u32 window_count;		/* restarts since window_start_ns */
	u64 window_start_ns;
	u32 prev_inst_id;		/* the ended instance this one restarted */
	u32 prev_state;
	s32 prev_exit_code;
	u32 prev_trap_kind;
};

/*
 * An instance.  References (ref): one while listed in the instance idr,
 * one for the thread (dropped by the reap work), and one per ioctl using
 * it.  "lock:" marks fields that wasmkm_lock protects; "thread:" fields
 * only the instance's own thread touches while it runs.
 */
struct wasmkm_inst {
	u32 id;
	struct kref ref;
	struct wasmkm_app *app;		/* valid until reaped and unlisted */
	struct list_head node;		/* lock: app->insts */
	bool listed;			/* lock: in the idr and app->insts */
	/* lock; RUNNING -> ENDED by the thread (also a release store), REAPED */
	u32 phase;			/* enum wasmkm_inst_phase */
	struct list_head ended_node;	/* lock: the user's ended instances */
	struct work_struct reap_work;	/* queued by the thread as it ends */
	struct mem_cgroup *memcg;	/* the starter's, active in the thread */
	struct module *owner;		/* lock: module ref held until reaped */
	const struct wasmkm_app_ops *ops;
	struct wasmkm_ctx ctx;		/* thread */
	struct task_struct *task;	/* lock: cleared and put when reaped */
	const struct cred *old_cred;	/* thread */
	kuid_t owner_uid;		/* the loader's euid */
	struct completion done;		/* completed by the thread's exit */
	wait_queue_head_t wq;		/* sleeps in helpers, log readers, reaping */
	bool stop;			/* set once, read without the lock */
	bool in_fpu;			/* thread */
	struct hrtimer yield_timer;	/* thread: sets ctx.yield (runner.c) */
	struct wasmkm_arch_fpu fpu;	/* thread: FP registers out of the section */
	char name[WASMKM_NAME_LEN + 16];
	/*
	 * argv and env the app sees, read by its thread only: the app's
	 * (valid while the thread runs, like app), or the instance's own from
	 * WASMKM_IOC_START (own_*, charged to the starter, freed with the
	 * instance).
	 */
	const char *argv;
	const char *env;
	u32 argv_len;
	u32 argc;
	u32 env_len;
	u32 envc;
	char *own_argv;
	char *own_env;
	/* WASI descriptors, used by the instance's thread only */
	struct wasmkm_fd *fds;
	u32 nfds;
	/* outcome, written by the thread before phase ENDED */
	u32 state;
	s32 exit_code;
	u32 trap_kind;
	u32 trap_func;
	char trap_func_name[WASMKM_NAME_LEN];
	char error[WASMKM_ERROR_LEN];
	u64 start_ns;
	u64 end_ns;
	u64 mem_bytes;
	u64 cpu_ns;			/* the thread's CPU time, once ended */
	/* linear memory's pages, mapped at ctx.mem by vmap() (memory.c) */
	struct page **mem_pages;
	unsigned long mem_npages;	/* allocated and mapped */
	unsigned long mem_pages_cap;	/* entries of mem_pages */
	/* log ring */
	spinlock_t log_lock;
	char *log;
	u64 log_head;			/* bytes written since start */
	u64 *log_runs;			/* ring of (start pos << 1 | stderr) */
	u32 log_run_first;
	u32 log_nruns;
	/* restarts (restart.c) */
	struct wasmkm_restart restart;	/* set before START lists it, then thread */
	u32 start_flags;		/* WASMKM_START_ARGV, WASMKM_START_ENV */
	u32 restart_state;		/* lock once ENDED: enum wasmkm_restart_state */
	u32 restart_delay_ms;		/* thread, before ENDED */
	u32 next_inst_id;		/* lock */
	bool restart_slot;		/* lock: ENDED, holds a max_instances slot */
	/* thread, then lock: prepared (thread created, not woken) until launched */
	struct wasmkm_inst *restart_next;
	struct delayed_work restart_work;	/* holds a reference while queued */
};

struct file;
/* ioctl.c */
long wasmkm_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/* wasi/clock.c: nanoseconds on a WASI clock; false if the clock id is unknown. */
bool wasmkm_clock_now(u32 clock, u64 *now);

/* verify.c */
int wasmkm_verify_object(const u8 *buf, size_t len, const struct wasmkm_desc **desc,
			 size_t *desc_len, char *error);

/* registry.c */
int wasmkm_load(struct wasmkm_load *arg);
int wasmkm_get_blob(u64 uptr, u32 len, char **out, u32 *count, char *error);
int wasmkm_unload_app(u32 app_id);
struct wasmkm_app *wasmkm_app_find(u32 app_id);
bool wasmkm_may_control(const struct cred *owner);
int wasmkm_app_info(u32 app_id, struct wasmkm_app_info *info);
int wasmkm_list_apps(struct wasmkm_app_info **out, u32 cap, u32 *count);
void wasmkm_registry_exit(void);
/* users.c: per-user counts, under wasmkm_lock */
struct wasmkm_user *wasmkm_user_add_app(kuid_t uid, char *error);
void wasmkm_user_put_app(struct wasmkm_user *user);
bool wasmkm_user_may_start(struct wasmkm_user *user);
void wasmkm_user_inst_started(struct wasmkm_user *user);
void wasmkm_user_inst_stopped_running(struct wasmkm_user *user);
void wasmkm_user_inst_ended(struct wasmkm_user *user, struct wasmkm_inst *inst,
			    struct list_head *forget);
void wasmkm_user_inst_unlisted(struct wasmkm_user *user, struct wasmkm_inst *inst);
bool wasmkm_may_see(kuid_t owner);
int wasmkm_id_alloc(struct idr *idr, void *ptr, u32 *last);

/* instance.c */
int wasmkm_insts_init(void);
void wasmkm_insts_exit(void);
int wasmkm_inst_start(struct wasmkm_start *arg);
int wasmkm_inst_stop(u32 inst_id);
struct wasmkm_inst *wasmkm_inst_get(u32 inst_id);
void wasmkm_inst_put(struct wasmkm_inst *inst);
bool wasmkm_inst_ended(struct wasmkm_inst *inst);
void wasmkm_inst_fill_info(struct wasmkm_inst *inst, struct wasmkm_inst_info *info);
int wasmkm_list_insts(struct wasmkm_inst_info **out, u32 cap, u32 *count);
void wasmkm_insts_remove(struct wasmkm_app *app, struct list_head *out);
void wasmkm_inst_unlist(struct wasmkm_inst *inst, struct list_head *out);
void wasmkm_insts_reap_list(struct list_head *list);
void wasmkm_insts_put_list(struct list_head *list);
void wasmkm_inst_queue_reap(struct wasmkm_inst *inst);

/*
 * instance.c: the steps restart.c reuses.  wasmkm_inst_alloc() takes over
 * the caller's reference on @memcg.
 */
struct wasmkm_inst *wasmkm_inst_alloc(struct mem_cgroup *memcg);
int wasmkm_inst_reserve(struct wasmkm_inst *inst, const char *app_name);
int wasmkm_inst_launch(struct wasmkm_inst *inst, struct wasmkm_app *app, u32 *inst_id);
void wasmkm_inst_discard(struct wasmkm_inst *inst);
void wasmkm_inst_queue_restart(struct wasmkm_inst *inst, unsigned long delay);

/* restart.c: restart policies, carried out by the reap work queue */
int wasmkm_restart_init(struct wasmkm_inst *inst, const struct wasmkm_start *arg);
void wasmkm_restart_prepare(struct wasmkm_inst *inst);
bool wasmkm_restart_schedule(struct wasmkm_inst *inst);
void wasmkm_restart_cancel(struct wasmkm_inst *inst);
void wasmkm_restart_release_slot(struct wasmkm_inst *inst);
void wasmkm_restart_work(struct work_struct *work);
void wasmkm_restart_fill_info(struct wasmkm_inst *inst, struct wasmkm_inst_info *info);

/* runner.c */
int wasmkm_runner(void *data);
void wasmkm_fpu_leave(struct wasmkm_ctx *ctx);
void wasmkm_fpu_enter(struct wasmkm_ctx *ctx);
/*
 * Never returns: the thread queues its reaping and ends in
 * kthread_complete_and_exit().
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

/* wasi/path.c */
struct kstat;
void wasmkm_put_filestat(u8 *p, const struct kstat *st);
s32 wasmkm_set_times(const struct path *path, u64 atim, u64 mtim, u32 fstflags);

/* memory.c */
void *wasmkm_mem_ptr(struct wasmkm_ctx *ctx, u32 off, u64 len);
int wasmkm_mem_init(struct wasmkm_inst *inst, u32 pages);
void wasmkm_mem_free(struct wasmkm_inst *inst);

/* caps.c */
int wasmkm_grants_get(struct wasmkm_app *app, struct wasmkm_load *arg);
void wasmkm_grants_put(struct wasmkm_app *app);

/* wasi/fdtable.c: the descriptor table; descriptors in wasi/fd.h */
struct wasmkm_fd;
int wasmkm_fds_init(struct wasmkm_inst *inst);
void wasmkm_fds_close(struct wasmkm_inst *inst);

/* wasi/args.c: an instance's argv and env, its own from START or its app's. */
int wasmkm_inst_get_args(struct wasmkm_inst *inst, const struct wasmkm_start *arg);
void wasmkm_inst_app_args(struct wasmkm_inst *inst, const struct wasmkm_app *app, u32 flags);

/* invoke.c: call the exports an argv names (apps without _start). */
void wasmkm_invoke(struct wasmkm_inst *inst);

/* log.c */
int wasmkm_log_init(struct wasmkm_inst *inst);
void wasmkm_log_write(struct wasmkm_inst *inst, u32 fd, const char *data, size_t len);
/* The instance's stdout. */
static inline void wasmkm_log_append(struct wasmkm_inst *inst, const char *data, size_t len)
{
	wasmkm_log_write(inst, 1, data, len);
}

/* The caller has checked that it may read @inst's log. */
int wasmkm_logs_read(struct wasmkm_inst *inst, struct wasmkm_logs *arg);

#endif /* _WASMKM_INTERNAL_H */
