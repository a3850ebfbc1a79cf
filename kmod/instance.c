// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: the instance life cycle.  This file alone changes an instance's
 * phase and owns the resources listed with each step:
 *
 *   START ioctl                 the thread ends          the reap work
 *   --------------> RUNNING ----------------> ENDED ------------------> REAPED
 *   id, memory,     app code runs; a stop     outcome      task and module
 *   thread, module  (SIGKILL + flag) ends it  written      references dropped
 *   reference,                                             memcg put
 *   cgroups joined
 *
 * Each arrow is taken once, by the one place named, under wasmkm_lock:
 * START, ENDED by the thread (a release store after its outcome fields, so
 * that wasmkm_inst_ended() needs no lock), REAPED by the work.
 *
 * Independently, an instance is *listed* (in the idr and its app's list,
 * holding a reference) from START until its app is unloaded, or, once
 * REAPED, until the user's retained ended instances exceed log_retain_kb
 * (oldest first).  Whoever unlists an instance that is not REAPED yet asks
 * it to stop and waits for REAPED before freeing anything the thread uses
 * (the app record, its credentials and grants).
 *
 * The thread queues its own reaping as it ends (wasmkm_end()), so that an
 * ended instance releases its app object's module at once, without waiting
 * for someone to list or start.  The reap work waits for the thread's
 * completion, the point after which no code of the app object runs.
 *
 * Linear memory belongs to the thread once it runs (freed by wasmkm_end()),
 * to START before (freed here if the thread never starts).
 *
 * Restarts (restart.c).  An instance started with a restart policy that
 * applies to how it ended gets its successor prepared by its own thread as
 * it ends (an unlisted instance with a reserved id and a thread created in
 * the same cgroups, not woken), then:
 *
 *   REAPED --(reap work: listed, no stop)--> restart PENDING (delayed work)
 *   PENDING --(delayed work: listed, no stop, app attached, user under
 *              max_instances)--> DONE: the successor is START'ed (RUNNING)
 *   PENDING --(stop or unlist: the work is run at once)--> CANCELLED
 *
 * The delayed work holds a reference on the ended instance and alone
 * launches or discards the successor, under wasmkm_lock; a stop or an
 * unlist marks the restart CANCELLED under the same lock, so that no
 * restart follows a stop.  While PENDING the ended instance is not yet
 * counted among the user's ended instances (which could forget it and so
 * cancel the restart): the work counts it.  Module exit finds no timer
 * pending: every instance was unlisted, which runs the works at once.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/cgroup.h>
#include <linux/cred.h>
#include <linux/idr.h>
#include <linux/kthread.h>
#include <linux/memcontrol.h>
#include <linux/module.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#include "wasmkm.h"

static DEFINE_IDR(wasmkm_insts);	/* wasmkm_lock */
static u32 wasmkm_last_inst_id;		/* wasmkm_lock: IDs are never reused */
static struct workqueue_struct *wasmkm_reap_wq;

/* restart.c: run @inst's restart work after @delay jiffies (it holds a reference). */
void wasmkm_inst_queue_restart(struct wasmkm_inst *inst, unsigned long delay)
{
	queue_delayed_work(wasmkm_reap_wq, &inst->restart_work, delay);
}

static void wasmkm_inst_release(struct kref *ref)
{
	struct wasmkm_inst *inst = container_of(ref, struct wasmkm_inst, ref);

	/* Only if the thread never ran: it frees linear memory itself. */
	wasmkm_mem_free(inst);
	kvfree(inst->ctx.state);
	vfree(inst->log);
	kvfree(inst->own_argv);
	kvfree(inst->own_env);
	mem_cgroup_put(inst->memcg);	/* if never reaped */
	kfree(inst);
}

void wasmkm_inst_put(struct wasmkm_inst *inst)
{
	kref_put(&inst->ref, wasmkm_inst_release);
}

/* Look up a listed instance the caller may see and take a reference. */
struct wasmkm_inst *wasmkm_inst_get(u32 inst_id)
{
	struct wasmkm_inst *inst = NULL;

	if (!inst_id || inst_id > INT_MAX)
		return NULL;
	mutex_lock(&wasmkm_lock);
	inst = idr_find(&wasmkm_insts, inst_id);
	if (inst && wasmkm_may_see(inst->owner_uid))
		kref_get(&inst->ref);
	else
		inst = NULL;
	mutex_unlock(&wasmkm_lock);
	return inst;
}

/* The outcome fields are final (the thread wrote them before ENDED). */
bool wasmkm_inst_ended(struct wasmkm_inst *inst)
{
	/* pairs with the release in wasmkm_inst_queue_reap() */
	return smp_load_acquire(&inst->phase) >= WASMKM_PHASE_ENDED;
}

static bool wasmkm_inst_reaped(struct wasmkm_inst *inst)
{
	return READ_ONCE(inst->phase) == WASMKM_PHASE_REAPED;
}

static void wasmkm_inst_reap_work(struct work_struct *work)
{
	struct wasmkm_inst *inst = container_of(work, struct wasmkm_inst, reap_work);
	struct wasmkm_inst *next = NULL;
	LIST_HEAD(forget);

	/*
	 * After the completion the thread runs only kernel code.  Keep it
	 * completed for good: a later wait on done must not block.
	 */
	wait_for_completion(&inst->done);
	complete_all(&inst->done);
	/* Released before REAPED is seen: a waiter may then remove the module. */
	mutex_lock(&wasmkm_lock);
	put_task_struct(inst->task);
	inst->task = NULL;
	module_put(inst->owner);
	inst->owner = NULL;
	mem_cgroup_put(inst->memcg);
	inst->memcg = NULL;
	WRITE_ONCE(inst->phase, WASMKM_PHASE_REAPED);
	/* a pending restart's work counts the instance as ended (see above) */
	if (!wasmkm_restart_schedule(inst)) {
		wasmkm_restart_release_slot(inst);
		if (inst->listed)
			wasmkm_user_inst_ended(inst->app->user, inst, &forget);
		swap(next, inst->restart_next);
	}
	mutex_unlock(&wasmkm_lock);
	wake_up_all(&inst->wq);
	wasmkm_insts_put_list(&forget);
	if (next)
		wasmkm_inst_discard(next);
	wasmkm_inst_put(inst);		/* the thread's reference */
}

/*
 * Called by the thread in wasmkm_end(), just before it completes done.
 * Taking wasmkm_lock here is safe: no holder of it waits for a thread.
 */
void wasmkm_inst_queue_reap(struct wasmkm_inst *inst)
{
	wasmkm_restart_prepare(inst);
	mutex_lock(&wasmkm_lock);
	/* the outcome fields before the phase: see wasmkm_inst_ended() */
	smp_store_release(&inst->phase, WASMKM_PHASE_ENDED);
	/* a pending restart keeps the slot for the successor (restart.c) */
	if (inst->listed && inst->restart_state == WASMKM_RESTART_PENDING)
		inst->restart_slot = true;
	else if (inst->listed)
		wasmkm_user_inst_stopped_running(inst->app->user);
	mutex_unlock(&wasmkm_lock);
	queue_work(wasmkm_reap_wq, &inst->reap_work);
}

static void wasmkm_inst_request_stop(struct wasmkm_inst *inst)
{
	lockdep_assert_held(&wasmkm_lock);
	if (!inst->stop)
		trace_wasmkm_inst_stop(inst);
	WRITE_ONCE(inst->stop, true);
	/* the next yield point of running wasm code sees stop (runner.c) */
	smp_wmb();
	WRITE_ONCE(inst->ctx.yield, 1);
	wake_up_all(&inst->wq);
	/*
	 * Interrupt a blocking file operation (see wasmkm_runner()).  The task
	 * pointer is valid: the reap work clears it under the lock first.
	 */
	if (inst->task)
		send_sig(SIGKILL, inst->task, 1);
	wasmkm_restart_cancel(inst);
}

/* Under wasmkm_lock: unlist @inst onto @out (its listed reference with it). */
void wasmkm_inst_unlist(struct wasmkm_inst *inst, struct list_head *out)
{
	lockdep_assert_held(&wasmkm_lock);
	if (!inst->listed)
		return;
	wasmkm_restart_release_slot(inst);
	inst->listed = false;
	idr_remove(&wasmkm_insts, inst->id);
	wasmkm_user_inst_unlisted(inst->app->user, inst);
	inst->app->ninstances--;
	list_move_tail(&inst->node, out);
	wasmkm_inst_request_stop(inst);
}

/* Under wasmkm_lock: unlist every instance of @app onto @out, asking them to stop. */
void wasmkm_insts_remove(struct wasmkm_app *app, struct list_head *out)
{
	struct wasmkm_inst *inst, *tmp;

	lockdep_assert_held(&wasmkm_lock);
	list_for_each_entry_safe(inst, tmp, &app->insts, node)
		wasmkm_inst_unlist(inst, out);
}

/* Drop the listed references of unlisted instances that are REAPED. */
void wasmkm_insts_put_list(struct list_head *list)
{
	struct wasmkm_inst *inst, *tmp;

	list_for_each_entry_safe(inst, tmp, list, node) {
		list_del_init(&inst->node);
		inst->app = NULL;
		wasmkm_inst_put(inst);
	}
}

/* Wait until every unlisted instance on @list is REAPED, then drop them. */
void wasmkm_insts_reap_list(struct list_head *list)
{
	struct wasmkm_inst *inst;

	list_for_each_entry(inst, list, node)
		wait_event(inst->wq, wasmkm_inst_reaped(inst));
	wasmkm_insts_put_list(list);
}

/* Everything the instance allocates is charged to @memcg: its starter's. */
struct wasmkm_inst *wasmkm_inst_alloc(struct mem_cgroup *memcg)
{
	struct mem_cgroup *old_memcg = set_active_memcg(memcg);
	struct wasmkm_inst *inst = kzalloc(sizeof(*inst), GFP_KERNEL_ACCOUNT);

	set_active_memcg(old_memcg);
	if (!inst) {
		mem_cgroup_put(memcg);
		return NULL;
	}
	kref_init(&inst->ref);
	INIT_LIST_HEAD(&inst->node);
	INIT_LIST_HEAD(&inst->ended_node);
	INIT_WORK(&inst->reap_work, wasmkm_inst_reap_work);
	init_completion(&inst->done);
	init_waitqueue_head(&inst->wq);
	spin_lock_init(&inst->log_lock);
	inst->ctx.inst = inst;
	inst->trap_func = ~0U;
	inst->memcg = memcg;
	INIT_DELAYED_WORK(&inst->restart_work, wasmkm_restart_work);
	return inst;
}

/*
 * Under wasmkm_lock: reserve @inst's id and create its thread (not woken),
 * in the caller's cgroups (cpu, memory, pids: like vhost's workers).  START
 * does it for a new instance, an ending thread for its successor.
 */
int wasmkm_inst_reserve(struct wasmkm_inst *inst, const char *app_name)
{
	struct task_struct *task;
	int id, ret;

	lockdep_assert_held(&wasmkm_lock);
	id = wasmkm_id_alloc(&wasmkm_insts, NULL, &wasmkm_last_inst_id);
	if (id < 0)
		return id;
	inst->id = id;
	snprintf(inst->name, sizeof(inst->name), "wasm/%s:%u", app_name, id);
	task = kthread_create(wasmkm_runner, inst, "%s", inst->name);
	if (IS_ERR(task)) {
		ret = PTR_ERR(task);
		goto remove_id;
	}
	get_task_struct(task);
	ret = cgroup_attach_task_all(current, task);
	if (ret) {
		/* Never woken: the thread ends without running wasmkm_runner(). */
		kthread_stop(task);
		put_task_struct(task);
		goto remove_id;
	}
	inst->task = task;
	return 0;

remove_id:
	idr_remove(&wasmkm_insts, id);
	inst->id = 0;
	return ret;
}

/* Forget @inst, which was never listed (its thread, if any, never runs). */
void wasmkm_inst_discard(struct wasmkm_inst *inst)
{
	if (inst->id) {
		mutex_lock(&wasmkm_lock);
		idr_remove(&wasmkm_insts, inst->id);
		mutex_unlock(&wasmkm_lock);
	}
	if (inst->task) {
		kthread_stop(inst->task);
		put_task_struct(inst->task);
		inst->task = NULL;
	}
	wasmkm_inst_put(inst);
}

/* Under wasmkm_lock: list the reserved @inst among @app's instances. */
static void wasmkm_inst_list(struct wasmkm_inst *inst, struct wasmkm_app *app)
{
	lockdep_assert_held(&wasmkm_lock);
	inst->state = WASMKM_INST_RUNNING;
	inst->phase = WASMKM_PHASE_RUNNING;
	inst->start_ns = ktime_get_ns();
	idr_replace(&wasmkm_insts, inst, inst->id);
	inst->listed = true;
	kref_get(&inst->ref);		/* listed; the caller's becomes the thread's */
	list_add_tail(&inst->node, &app->insts);
	app->ninstances++;
	wasmkm_user_inst_started(app->user);
}

/*
 * Under wasmkm_lock: start @inst (its args and log ready; reserved or not)
 * as an instance of @app, whose caller was allowed to.  On error the caller
 * still owns @inst.
 */
int wasmkm_inst_launch(struct wasmkm_inst *inst, struct wasmkm_app *app, u32 *inst_id)
{
	struct mem_cgroup *old_memcg;
	int ret;

	lockdep_assert_held(&wasmkm_lock);
	if (app->state != WASMKM_APP_ATTACHED)
		return -EAGAIN;
	if (!wasmkm_user_may_start(app->user)) {
		pr_info_ratelimited("uid %u: %u instances running (module parameter max_instances)\n",
				    from_kuid(&init_user_ns, app->cred->euid),
				    wasmkm_max_instances);
		return -EDQUOT;
	}
	if (!try_module_get(app->owner))
		return -ENODEV;
	inst->owner = app->owner;
	inst->owner_uid = app->cred->euid;
	inst->ops = app->ops;
	inst->app = app;
	wasmkm_inst_app_args(inst, app, inst->start_flags);
	ret = -ENOMEM;
	old_memcg = set_active_memcg(inst->memcg);
	if (inst->ops->state_size) {
		inst->ctx.state = kvzalloc(inst->ops->state_size,
					   GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
		if (!inst->ctx.state)
			goto out;
	}
	ret = wasmkm_mem_init(inst, app->mem_min_pages);
	if (!ret && !inst->task)
		ret = wasmkm_inst_reserve(inst, app->name);
out:
	set_active_memcg(old_memcg);
	if (ret) {
		module_put(inst->owner);
		inst->owner = NULL;
		inst->app = NULL;
		return ret;
	}
	wasmkm_inst_list(inst, app);
	*inst_id = inst->id;
	wake_up_process(inst->task);
	return 0;
}

int wasmkm_inst_start(struct wasmkm_start *arg)
{
	struct mem_cgroup *old_memcg;
	struct wasmkm_inst *inst;
	struct wasmkm_app *app;
	int ret;

	inst = wasmkm_inst_alloc(get_mem_cgroup_from_mm(current->mm));
	if (!inst)
		return -ENOMEM;
	inst->start_flags = arg->flags;
	ret = wasmkm_inst_get_args(inst, arg) ?: wasmkm_restart_init(inst, arg);
	if (ret)
		goto free;
	old_memcg = set_active_memcg(inst->memcg);
	ret = wasmkm_log_init(inst);
	set_active_memcg(old_memcg);
	if (ret)
		goto free;

	mutex_lock(&wasmkm_lock);
	app = wasmkm_app_find(arg->app_id);
	ret = -ENOENT;
	if (!app || !wasmkm_may_see(app->cred->euid))
		goto unlock;
	ret = -EPERM;
	if (!wasmkm_may_control(app->cred))
		goto unlock;
	ret = wasmkm_inst_launch(inst, app, &arg->inst_id);
unlock:
	mutex_unlock(&wasmkm_lock);
	if (!ret)
		return 0;
free:
	wasmkm_inst_put(inst);
	return ret;
}

/* Ask the instance to stop; return once it is REAPED (or a fatal signal). */
int wasmkm_inst_stop(u32 inst_id)
{
	struct wasmkm_inst *inst = wasmkm_inst_get(inst_id), *last, *next;
	int ret = 0;

	if (!inst)
		return -ENOENT;
	if (!uid_eq(current_euid(), inst->owner_uid) && !capable(CAP_SYS_ADMIN)) {
		wasmkm_inst_put(inst);
		return -EPERM;
	}
	mutex_lock(&wasmkm_lock);
	wasmkm_inst_request_stop(inst);
	/*
	 * Stopping an instance that was restarted stops its chain for good:
	 * the newest instance too (each instance ever restarts once).
	 */
	last = inst;
	while (READ_ONCE(last->restart_state) == WASMKM_RESTART_DONE) {
		next = idr_find(&wasmkm_insts, last->next_inst_id);
		if (!next)
			break;
		wasmkm_inst_request_stop(next);
		last = next;
	}
	if (last != inst)
		kref_get(&last->ref);
	mutex_unlock(&wasmkm_lock);
	if (wait_event_killable(inst->wq, wasmkm_inst_reaped(inst)) ||
	    wait_event_killable(last->wq, wasmkm_inst_reaped(last)))
		ret = -EINTR;
	if (last != inst)
		wasmkm_inst_put(last);
	wasmkm_inst_put(inst);
	return ret;
}

void wasmkm_inst_fill_info(struct wasmkm_inst *inst, struct wasmkm_inst_info *info)
{
	lockdep_assert_held(&wasmkm_lock);
	memset(info, 0, sizeof(*info));
	info->inst_id = inst->id;
	info->app_id = inst->app ? inst->app->id : 0;
	info->state = READ_ONCE(inst->state);
	info->start_ns = inst->start_ns;
	if (wasmkm_inst_ended(inst)) {
		info->exit_code = inst->exit_code;
		info->trap_kind = inst->trap_kind;
		info->trap_func = inst->trap_func;
		info->end_ns = inst->end_ns;
		strscpy(info->trap_func_name, inst->trap_func_name, sizeof(info->trap_func_name));
		strscpy(info->error, inst->error, sizeof(info->error));
		wasmkm_restart_fill_info(inst, info);
	} else {
		info->state = WASMKM_INST_RUNNING;
		info->trap_func = ~0U;
	}
	/* Under wasmkm_lock, which keeps inst->task valid (see the reap work). */
	if (wasmkm_inst_ended(inst))
		info->cpu_ns = inst->cpu_ns;
	else if (inst->task)
		info->cpu_ns = READ_ONCE(inst->task->se.sum_exec_runtime);
	info->restart = inst->restart.policy;
	info->restarts = inst->restart.restarts;
	info->prev_inst_id = inst->restart.prev_inst_id;
	info->prev_state = inst->restart.prev_state;
	info->prev_exit_code = inst->restart.prev_exit_code;
	info->prev_trap_kind = inst->restart.prev_trap_kind;
	info->mem_bytes = READ_ONCE(inst->mem_bytes);
	spin_lock(&inst->log_lock);
	info->log_bytes = inst->log_head;
	spin_unlock(&inst->log_lock);
	if (inst->app)
		strscpy(info->app_name, inst->app->name, sizeof(info->app_name));
}

/* The instances the caller may see (its own, or all for CAP_SYS_ADMIN). */
int wasmkm_list_insts(struct wasmkm_inst_info **out, u32 cap, u32 *count)
{
	struct wasmkm_inst_info *v = NULL;
	struct wasmkm_inst *inst;
	u32 n = 0;
	int id;

	mutex_lock(&wasmkm_lock);
	idr_for_each_entry(&wasmkm_insts, inst, id)
		if (inst && wasmkm_may_see(inst->owner_uid))
			n++;
	cap = min(cap, n);
	if (cap) {
		v = kvcalloc(cap, sizeof(*v), GFP_KERNEL);
		if (!v) {
			mutex_unlock(&wasmkm_lock);
			return -ENOMEM;
		}
	}
	n = 0;
	idr_for_each_entry(&wasmkm_insts, inst, id) {
		if (!inst || !wasmkm_may_see(inst->owner_uid))
			continue;
		if (n < cap)
			wasmkm_inst_fill_info(inst, &v[n]);
		n++;
	}
	mutex_unlock(&wasmkm_lock);
	*out = v;
	*count = n;
	return 0;
}

int wasmkm_insts_init(void)
{
	wasmkm_reap_wq = alloc_workqueue("wasmkm_reap", WQ_UNBOUND, 0);
	return wasmkm_reap_wq ? 0 : -ENOMEM;
}

/* Module exit, after every app was removed: finish the last reap works. */
void wasmkm_insts_exit(void)
{
	destroy_workqueue(wasmkm_reap_wq);
	idr_destroy(&wasmkm_insts);
}
