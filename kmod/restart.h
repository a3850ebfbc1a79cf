/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: restart policies (restart.c), carried out by the reap work queue.
 * The state machine of a chain is described at the top of instance.c.
 */
#ifndef _WASMKM_RESTART_H
#define _WASMKM_RESTART_H

#include <linux/types.h>

struct wasmkm_inst;
struct wasmkm_inst_info;
struct wasmkm_start;
struct work_struct;

/*
 * An instance's restart policy (WASMKM_IOC_START) and the state of its
 * chain, copied from each instance to the one that restarts it.  Written
 * before START lists the instance (or by restart.c before the successor
 * is launched), then by the instance's thread only.
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

/* START, before the instance is listed: no lock. */
int wasmkm_restart_init(struct wasmkm_inst *inst, const struct wasmkm_start *arg);
/* The instance's thread as it ends, before it takes wasmkm_lock. */
void wasmkm_restart_prepare(struct wasmkm_inst *inst);
/* Under wasmkm_lock (asserted). */
bool wasmkm_restart_schedule(struct wasmkm_inst *inst);
void wasmkm_restart_cancel(struct wasmkm_inst *inst);
void wasmkm_restart_release_slot(struct wasmkm_inst *inst);
/* The delayed work: takes wasmkm_lock itself. */
void wasmkm_restart_work(struct work_struct *work);
/* Under wasmkm_lock (asserted), for LIST. */
void wasmkm_restart_fill_info(struct wasmkm_inst *inst, struct wasmkm_inst_info *info);

#endif /* _WASMKM_RESTART_H */
