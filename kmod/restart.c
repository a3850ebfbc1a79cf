// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: restart policies (WASMKM_IOC_START), like systemd's Restart=,
 * RestartSec= (doubling, with a cap) and StartLimitBurst=.  The states and
 * the locking are described at the top of instance.c.
 *
 * A restart is a new instance of the same app with the same argv and env,
 * charged to the same memory cgroup and created in the same cgroups: its
 * thread is created by the ending thread, which still sits in them, so that
 * no restart needs a cgroup that may be gone meanwhile.  Per-user limits
 * (max_instances) are checked again when the restart is launched.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cred.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/memcontrol.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "wasmkm.h"

#define WASMKM_RESTART_BURST		5
#define WASMKM_RESTART_BURST_MAX	1000
#define WASMKM_RESTART_INTERVAL_MS	10000
#define WASMKM_RESTART_INTERVAL_MAX_MS	(24 * 3600 * 1000)
#define WASMKM_RESTART_DELAY_MS		100
#define WASMKM_RESTART_DELAY_CAP_MS	30000
#define WASMKM_RESTART_DELAY_MAX_MS	(3600 * 1000)

/* 0 picks @def; otherwise @val must be in 1..@max. */
static int wasmkm_restart_num(u32 val, u32 def, u32 max, u32 *out)
{
	if (val > max)
		return -EINVAL;
	*out = val ?: def;
	return 0;
}

/* START: the policy of @arg, checked, for @inst and the chain it begins. */
int wasmkm_restart_init(struct wasmkm_inst *inst, const struct wasmkm_start *arg)
{
	struct wasmkm_restart *r = &inst->restart;
	int ret;

	if (arg->restart_pad || arg->restart > WASMKM_RESTART_ALWAYS)
		return -EINVAL;
	if (arg->restart == WASMKM_RESTART_NO) {
		if (arg->restart_burst || arg->restart_interval_ms || arg->restart_delay_ms ||
		    arg->restart_delay_max_ms)
			return -EINVAL;
		return 0;
	}
	r->policy = arg->restart;
	ret = wasmkm_restart_num(arg->restart_burst, WASMKM_RESTART_BURST,
				 WASMKM_RESTART_BURST_MAX, &r->burst) ?:
	      wasmkm_restart_num(arg->restart_interval_ms, WASMKM_RESTART_INTERVAL_MS,
				 WASMKM_RESTART_INTERVAL_MAX_MS, &r->interval_ms) ?:
	      wasmkm_restart_num(arg->restart_delay_ms, WASMKM_RESTART_DELAY_MS,
				 WASMKM_RESTART_DELAY_MAX_MS, &r->delay_ms) ?:
	      wasmkm_restart_num(arg->restart_delay_max_ms,
				 max(r->delay_ms, WASMKM_RESTART_DELAY_CAP_MS),
				 WASMKM_RESTART_DELAY_MAX_MS, &r->delay_max_ms);
	if (ret)
		return ret;
	if (r->delay_max_ms < r->delay_ms)
		return -EINVAL;
	r->next_delay_ms = r->delay_ms;
	return 0;
}

/* Does @inst's policy ask for a restart after the way it ended? */
static bool wasmkm_restart_wanted(const struct wasmkm_inst *inst)
{
	if (READ_ONCE(inst->stop) || inst->state == WASMKM_INST_STOPPED)
		return false;
	switch (inst->restart.policy) {
	case WASMKM_RESTART_ALWAYS:
		return true;
	case WASMKM_RESTART_ON_FAILURE:
		return inst->state != WASMKM_INST_EXITED || inst->exit_code != 0;
	default:
		return false;
	}
}

static struct mem_cgroup *wasmkm_memcg_get(struct mem_cgroup *memcg)
{
#ifdef CONFIG_MEMCG
	if (memcg)
		css_get(&memcg->css);
#endif
	return memcg;
}

/* A copy of @inst's own argv or env blob (START's), or NULL for none. */
static int wasmkm_restart_dup(const char *blob, u32 len, char **out)
{
	if (!blob || !len)
		return 0;
	*out = kvmalloc(len, GFP_KERNEL_ACCOUNT);	/* kvmemdup() is newer than 6.1 */
	if (!*out)
		return -ENOMEM;
	memcpy(*out, blob, len);
	return 0;
}

/* The successor of @inst: unlisted, its thread created and not woken. */
static struct wasmkm_inst *wasmkm_restart_new(struct wasmkm_inst *inst)
{
	struct wasmkm_inst *next = wasmkm_inst_alloc(wasmkm_memcg_get(inst->memcg));
	struct mem_cgroup *old_memcg;
	int ret;

	if (!next)
		return ERR_PTR(-ENOMEM);
	next->start_flags = inst->start_flags;
	old_memcg = set_active_memcg(next->memcg);
	ret = 0;
	if (inst->start_flags & WASMKM_START_ARGV) {
		ret = wasmkm_restart_dup(inst->own_argv, inst->argv_len, &next->own_argv);
		next->argv = next->own_argv;
		next->argv_len = inst->argv_len;
		next->argc = inst->argc;
	}
	if (!ret && (inst->start_flags & WASMKM_START_ENV)) {
		ret = wasmkm_restart_dup(inst->own_env, inst->env_len, &next->own_env);
		next->env = next->own_env;
		next->env_len = inst->env_len;
		next->envc = inst->envc;
	}
	if (!ret)
		ret = wasmkm_log_init(next);
	if (!ret) {
		/* the app is valid while this thread runs */
		mutex_lock(&wasmkm_lock);
		ret = wasmkm_inst_reserve(next, inst->app->name);
		mutex_unlock(&wasmkm_lock);
	}
	set_active_memcg(old_memcg);
	if (ret) {
		wasmkm_inst_discard(next);
		return ERR_PTR(ret);
	}
	return next;
}

/*
 * Called by @inst's thread as it ends, before ENDED (so what it writes is
 * seen with the outcome): if the policy asks for a restart and the burst
 * limit allows one, prepare the successor and the delay before it.
 */
void wasmkm_restart_prepare(struct wasmkm_inst *inst)
{
	struct wasmkm_restart *r = &inst->restart;
	u64 interval_ns = (u64)r->interval_ms * NSEC_PER_MSEC;
	struct wasmkm_inst *next;
	u64 now = ktime_get_ns();
	u32 delay;

	if (!wasmkm_restart_wanted(inst))
		return;
	if (!r->window_start_ns || now - r->window_start_ns > interval_ns) {
		r->window_start_ns = now;
		r->window_count = 0;
	}
	if (r->window_count >= r->burst) {
		inst->restart_state = WASMKM_RESTART_LIMIT;
		pr_info_ratelimited("%s: %u restarts within %u ms: not restarted again\n",
				    inst->name, r->window_count, r->interval_ms);
		return;
	}
	/* An instance that ran for a whole interval starts the backoff over. */
	if (inst->end_ns - inst->start_ns >= interval_ns)
		r->next_delay_ms = r->delay_ms;
	delay = r->next_delay_ms;
	next = wasmkm_restart_new(inst);
	if (IS_ERR(next)) {
		/* a stop meanwhile makes kthread_create() fail: that is no failure */
		inst->restart_state = READ_ONCE(inst->stop) ? WASMKM_RESTART_CANCELLED :
							      WASMKM_RESTART_FAILED;
		pr_info_ratelimited("%s: cannot prepare its restart: error %ld\n",
				    inst->name, PTR_ERR(next));
		return;
	}
	next->restart = *r;
	next->restart.restarts++;
	next->restart.window_count++;
	next->restart.next_delay_ms = min_t(u64, (u64)delay * 2, r->delay_max_ms);
	next->restart.prev_inst_id = inst->id;
	next->restart.prev_state = inst->state;
	next->restart.prev_exit_code = inst->exit_code;
	next->restart.prev_trap_kind = inst->trap_kind;
	inst->restart_delay_ms = delay;
	inst->restart_next = next;
	inst->next_inst_id = next->id;
	WRITE_ONCE(inst->restart_state, WASMKM_RESTART_PENDING);
}

/*
 * Under wasmkm_lock, by the reap work of @inst: queue the restart prepared,
 * unless a stop or an unlist came meanwhile.  True if it was queued (the
 * work then owns the successor and counts @inst as ended).
 */
bool wasmkm_restart_schedule(struct wasmkm_inst *inst)
{
	lockdep_assert_held(&wasmkm_lock);
	if (inst->restart_state != WASMKM_RESTART_PENDING)
		return false;
	if (!inst->listed || READ_ONCE(inst->stop)) {
		WRITE_ONCE(inst->restart_state, WASMKM_RESTART_CANCELLED);
		WRITE_ONCE(inst->next_inst_id, 0);
		return false;
	}
	kref_get(&inst->ref);		/* the work's */
	wasmkm_inst_queue_restart(inst, msecs_to_jiffies(inst->restart_delay_ms));
	return true;
}

/*
 * Under wasmkm_lock, from a stop or an unlist: end a pending restart for
 * good.  The work runs at once; it finds the restart CANCELLED and discards
 * the successor.  If the work is running already, it waits for the lock and
 * finds the same.
 */
void wasmkm_restart_cancel(struct wasmkm_inst *inst)
{
	lockdep_assert_held(&wasmkm_lock);
	if (inst->restart_state != WASMKM_RESTART_PENDING)
		return;
	WRITE_ONCE(inst->restart_state, WASMKM_RESTART_CANCELLED);
	if (cancel_delayed_work(&inst->restart_work))
		wasmkm_inst_queue_restart(inst, 0);
}

/*
 * Under wasmkm_lock: give back the max_instances slot that an ended @inst
 * kept for its successor while the restart was pending (so that pending
 * restarts, each with a prepared thread, are bounded like running ones).
 */
void wasmkm_restart_release_slot(struct wasmkm_inst *inst)
{
	lockdep_assert_held(&wasmkm_lock);
	if (!inst->restart_slot)
		return;
	inst->restart_slot = false;
	wasmkm_user_inst_stopped_running(inst->app->user);
}

/* The delayed work of a PENDING restart: launch or discard the successor. */
void wasmkm_restart_work(struct work_struct *work)
{
	struct wasmkm_inst *inst = container_of(to_delayed_work(work), struct wasmkm_inst,
						restart_work);
	const struct cred *old_cred;
	struct wasmkm_inst *next;
	LIST_HEAD(forget);
	u32 id;
	int ret;

	mutex_lock(&wasmkm_lock);
	next = inst->restart_next;
	inst->restart_next = NULL;
	wasmkm_restart_release_slot(inst);	/* the successor takes it again */
	if (inst->restart_state == WASMKM_RESTART_PENDING && inst->listed &&
	    !READ_ONCE(inst->stop)) {
		/* per-user limits hold as for the loader starting it (not the kworker) */
		old_cred = override_creds(inst->app->cred);
		ret = wasmkm_inst_launch(next, inst->app, &id);
		revert_creds(old_cred);
		if (!ret) {
			next = NULL;
			WRITE_ONCE(inst->restart_state, WASMKM_RESTART_DONE);
		} else {
			WRITE_ONCE(inst->restart_state, WASMKM_RESTART_FAILED);
			WRITE_ONCE(inst->next_inst_id, 0);
			pr_info_ratelimited("%s: cannot restart: error %d\n", inst->name, ret);
		}
	} else {
		WRITE_ONCE(inst->restart_state, WASMKM_RESTART_CANCELLED);
		WRITE_ONCE(inst->next_inst_id, 0);
	}
	if (inst->listed)
		wasmkm_user_inst_ended(inst->app->user, inst, &forget);
	mutex_unlock(&wasmkm_lock);
	wasmkm_insts_put_list(&forget);
	if (next)
		wasmkm_inst_discard(next);
	wasmkm_inst_put(inst);		/* the work's */
}

/* The restart fields of an ended @inst's listing. */
void wasmkm_restart_fill_info(struct wasmkm_inst *inst, struct wasmkm_inst_info *info)
{
	lockdep_assert_held(&wasmkm_lock);
	info->restart_state = READ_ONCE(inst->restart_state);
	info->restart_delay_ms = inst->restart_delay_ms;
	info->next_inst_id = READ_ONCE(inst->next_inst_id);
}
