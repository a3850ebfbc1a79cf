/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: the instance (instance.c) and the resources it owns: linear
 * memory (memory.c), the log (log.c), argv/env (wasi/args.c) and the WASI
 * descriptor table (wasi/fdtable.c; descriptors in wasi/fd.h).
 *
 * Locking, per field below:
 *   lock:    protected by wasmkm_lock.
 *   const:   written before the thread is created, then only read.
 *   thread:  touched only by the instance's own thread while it runs.
 *   outcome: written by the thread before phase ENDED (a release store);
 *            read by others after wasmkm_inst_ended() returned true.
 *   log_lock: the instance's own spinlock (log.c).
 * wasmkm_lock is never held while waiting for an instance's thread.
 */
#ifndef _WASMKM_INST_H
#define _WASMKM_INST_H

#include <linux/completion.h>
#include <linux/cred.h>
#include <linux/hrtimer.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/wasmkm.h>
#include <wasmkm/rt.h>

#if defined(CONFIG_X86_64)
#include "arch/x86/arch.h"
#elif defined(CONFIG_ARM64)
#include "arch/arm64/arch.h"
#else
#error "wasmkm supports x86-64 and arm64 only"
#endif

#include "restart.h"

struct mem_cgroup;
struct module;
struct page;
struct task_struct;
struct wasmkm_app;
struct wasmkm_app_ops;
struct wasmkm_fd;

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
 * An instance.  References (ref): one while listed in the instance idr,
 * one for the thread (dropped by the reap work), and one per ioctl using
 * it; freed by instance.c on the last put.
 */
struct wasmkm_inst {
	u32 id;				/* lock: reserved, then const */
	struct kref ref;
	struct wasmkm_app *app;		/* const: valid until reaped and unlisted */
	struct list_head node;		/* lock: app->insts */
	bool listed;			/* lock: in the idr and app->insts */
	/* lock; RUNNING -> ENDED by the thread (also a release store), REAPED */
	u32 phase;			/* enum wasmkm_inst_phase */
	struct list_head ended_node;	/* lock: the user's ended instances */
	struct work_struct reap_work;	/* queued by the thread as it ends */
	struct mem_cgroup *memcg;	/* lock: the starter's, active in the thread */
	struct module *owner;		/* lock: module ref held until reaped */
	const struct wasmkm_app_ops *ops;	/* const */
	struct wasmkm_ctx ctx;		/* thread */
	struct task_struct *task;	/* lock: cleared and put when reaped */
	const struct cred *old_cred;	/* thread */
	kuid_t owner_uid;		/* const: the loader's euid */
	struct completion done;		/* completed by the thread's exit */
	wait_queue_head_t wq;		/* sleeps in helpers, log readers, reaping */
	bool stop;			/* set once under lock, read without it */
	bool in_fpu;			/* thread */
	struct hrtimer yield_timer;	/* thread: sets ctx.yield (runner.c) */
	struct wasmkm_arch_fpu fpu;	/* thread: FP registers out of the section */
	char name[WASMKM_NAME_LEN + 16];	/* const */
	/*
	 * const, read by the thread only: the argv and env the app sees, its
	 * app's (valid while the thread runs, like app) or the instance's own
	 * from WASMKM_IOC_START (own_*, charged to the starter, freed with the
	 * instance).  wasi/args.c.
	 */
	const char *argv;
	const char *env;
	u32 argv_len;
	u32 argc;
	u32 env_len;
	u32 envc;
	char *own_argv;
	char *own_env;
	/* thread: WASI descriptors (wasi/fdtable.c) */
	struct wasmkm_fd *fds;
	u32 nfds;
	/* outcome */
	u32 state;			/* also RUNNING, written under lock at launch */
	s32 exit_code;
	u32 trap_kind;
	u32 trap_func;
	char trap_func_name[WASMKM_NAME_LEN];
	char error[WASMKM_ERROR_LEN];
	u64 start_ns;			/* lock: set when listed, then const */
	u64 end_ns;
	u64 mem_bytes;			/* thread, WRITE_ONCE; LIST reads it meanwhile */
	u64 cpu_ns;			/* the thread's CPU time, once ended */
	/*
	 * thread (set up at launch before the thread is woken): linear
	 * memory's pages, mapped at ctx.mem by vmap() (memory.c)
	 */
	struct page **mem_pages;
	unsigned long mem_npages;	/* allocated and mapped */
	unsigned long mem_pages_cap;	/* entries of mem_pages */
	/* log ring (log.c): log_lock */
	spinlock_t log_lock;
	char *log;			/* const: the buffer, freed with the instance */
	u64 log_head;			/* bytes written since start */
	u64 *log_runs;			/* ring of (start pos << 1 | stderr) */
	u32 log_run_first;
	u32 log_nruns;
	/* restarts (restart.c) */
	struct wasmkm_restart restart;	/* set before START lists it, then thread */
	u32 start_flags;		/* const: WASMKM_START_ARGV, WASMKM_START_ENV */
	u32 restart_state;		/* lock once ENDED: enum wasmkm_restart_state */
	u32 restart_delay_ms;		/* thread, before ENDED */
	u32 next_inst_id;		/* lock */
	bool restart_slot;		/* lock: ENDED, holds a max_instances slot */
	/* thread, then lock: prepared (thread created, not woken) until launched */
	struct wasmkm_inst *restart_next;
	struct delayed_work restart_work;	/* holds a reference while queued */
};

/*
 * instance.c.  wasmkm_inst_get() takes wasmkm_lock and a reference, which
 * wasmkm_inst_put() drops (no lock needed); the "Under wasmkm_lock"
 * functions assert it.
 */
int wasmkm_insts_init(void);
void wasmkm_insts_exit(void);
int wasmkm_inst_start(struct wasmkm_start *arg);	/* takes wasmkm_lock */
int wasmkm_inst_stop(u32 inst_id);			/* takes wasmkm_lock */
struct wasmkm_inst *wasmkm_inst_get(u32 inst_id);
void wasmkm_inst_put(struct wasmkm_inst *inst);
/* No lock: true once the outcome fields are final (acquire load). */
bool wasmkm_inst_ended(struct wasmkm_inst *inst);
/* Under wasmkm_lock. */
void wasmkm_inst_fill_info(struct wasmkm_inst *inst, struct wasmkm_inst_info *info);
int wasmkm_list_insts(struct wasmkm_inst_info **out, u32 cap, u32 *count);	/* takes it */
/* Under wasmkm_lock: unlist onto @out, whose references the caller puts after unlocking. */
void wasmkm_insts_remove(struct wasmkm_app *app, struct list_head *out);
void wasmkm_inst_unlist(struct wasmkm_inst *inst, struct list_head *out);
/* Without wasmkm_lock: these wait for threads or drop references. */
void wasmkm_insts_reap_list(struct list_head *list);
void wasmkm_insts_put_list(struct list_head *list);
/* The thread as it ends (takes wasmkm_lock itself). */
void wasmkm_inst_queue_reap(struct wasmkm_inst *inst);

/*
 * instance.c: the steps restart.c reuses.  wasmkm_inst_alloc() takes over
 * the caller's reference on @memcg.  reserve and launch: under wasmkm_lock;
 * alloc and discard: without it.
 */
struct wasmkm_inst *wasmkm_inst_alloc(struct mem_cgroup *memcg);
int wasmkm_inst_reserve(struct wasmkm_inst *inst, const char *app_name);
int wasmkm_inst_launch(struct wasmkm_inst *inst, struct wasmkm_app *app, u32 *inst_id);
void wasmkm_inst_discard(struct wasmkm_inst *inst);
void wasmkm_inst_queue_restart(struct wasmkm_inst *inst, unsigned long delay);

/* memory.c: linear memory, allocated at start and freed by the thread as it ends. */
void *wasmkm_mem_ptr(struct wasmkm_ctx *ctx, u32 off, u64 len);	/* thread */
int wasmkm_mem_init(struct wasmkm_inst *inst, u32 pages);
void wasmkm_mem_free(struct wasmkm_inst *inst);

/* wasi/fdtable.c: the descriptor table, opened at start, closed by the thread. */
int wasmkm_fds_init(struct wasmkm_inst *inst);
void wasmkm_fds_close(struct wasmkm_inst *inst);

/* wasi/args.c: an instance's argv and env, its own from START or its app's; before listing. */
int wasmkm_inst_get_args(struct wasmkm_inst *inst, const struct wasmkm_start *arg);
void wasmkm_inst_app_args(struct wasmkm_inst *inst, const struct wasmkm_app *app, u32 flags);

/* invoke.c: call the exports an argv names (apps without _start); thread. */
void wasmkm_invoke(struct wasmkm_inst *inst);

/* log.c: the log ring, under the instance's log_lock (taken inside). */
int wasmkm_log_init(struct wasmkm_inst *inst);
void wasmkm_log_write(struct wasmkm_inst *inst, u32 fd, const char *data, size_t len);
/* The instance's stdout. */
static inline void wasmkm_log_append(struct wasmkm_inst *inst, const char *data, size_t len)
{
	wasmkm_log_write(inst, 1, data, len);
}

/* The caller has checked that it may read @inst's log. */
int wasmkm_logs_read(struct wasmkm_inst *inst, struct wasmkm_logs *arg);

#endif /* _WASMKM_INST_H */
