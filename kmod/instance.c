// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: instance lifecycle.  An instance is listed (registry reference)
 * until its app is unloaded; its thread holds no reference: whoever removes
 * it first waits for the thread's completion (reaping), which is the point
 * after which no app code runs, then drops the task and the app object's
 * module reference.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/idr.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "wasmkm.h"

static DEFINE_IDR(wasmkm_insts);

static void wasmkm_inst_release(struct kref *ref)
{
	struct wasmkm_inst *inst = container_of(ref, struct wasmkm_inst, ref);

	wasmkm_mem_free(inst);
	kvfree(inst->ctx.state);
	vfree(inst->log);
	kfree(inst);
}

void wasmkm_inst_put(struct wasmkm_inst *inst)
{
	kref_put(&inst->ref, wasmkm_inst_release);
}

/* Look up a listed instance and take a reference. */
struct wasmkm_inst *wasmkm_inst_get(u32 inst_id)
{
	struct wasmkm_inst *inst = NULL;

	if (!inst_id || inst_id > INT_MAX)
		return NULL;
	mutex_lock(&wasmkm_lock);
	inst = idr_find(&wasmkm_insts, inst_id);
	if (inst)
		kref_get(&inst->ref);
	mutex_unlock(&wasmkm_lock);
	return inst;
}

/*
 * The thread completes inst->done exactly once, and a wait consumes it:
 * re-signal it for good so that later waiters (stop after reap, listing)
 * see it done too.
 */
static int wasmkm_inst_wait(struct wasmkm_inst *inst, bool killable)
{
	if (!inst->task)
		return 0;
	if (!killable)
		wait_for_completion(&inst->done);
	else if (wait_for_completion_killable(&inst->done))
		return -EINTR;
	complete_all(&inst->done);
	return 0;
}

/* Wait for the thread to end, then release what it pinned.  Idempotent. */
void wasmkm_inst_reap(struct wasmkm_inst *inst)
{
	struct task_struct *task = NULL;
	struct module *owner = NULL;

	wasmkm_inst_wait(inst, false);
	mutex_lock(&wasmkm_lock);
	if (!inst->reaped) {
		inst->reaped = true;
		task = inst->task;
		owner = inst->owner;
		inst->task = NULL;
		inst->owner = NULL;
	}
	mutex_unlock(&wasmkm_lock);
	if (task)
		put_task_struct(task);
	module_put(owner);
}

static void wasmkm_inst_request_stop(struct wasmkm_inst *inst)
{
	WRITE_ONCE(inst->stop, true);
	wake_up_all(&inst->wq);
	/* Interrupt a blocking file operation (see wasmkm_runner()). */
	if (inst->task)
		send_sig(SIGKILL, inst->task, 1);
}

/* Under wasmkm_lock: unlist every instance of @app onto @out, asking them to stop. */
void wasmkm_insts_remove(struct wasmkm_app *app, struct list_head *out)
{
	struct wasmkm_inst *inst;

	lockdep_assert_held(&wasmkm_lock);
	list_for_each_entry(inst, &app->insts, node) {
		idr_remove(&wasmkm_insts, inst->id);
		wasmkm_inst_request_stop(inst);
	}
	list_splice_init(&app->insts, out);
	app->ninstances = 0;
}

void wasmkm_insts_reap_list(struct list_head *list)
{
	struct wasmkm_inst *inst, *tmp;

	list_for_each_entry_safe(inst, tmp, list, node) {
		list_del_init(&inst->node);
		wasmkm_inst_reap(inst);
		inst->app = NULL;
		wasmkm_inst_put(inst);
	}
}

/* Release the module references of instances that have ended by themselves. */
void wasmkm_reap_finished(void)
{
	struct wasmkm_inst *inst;
	int id;

	for (;;) {
		mutex_lock(&wasmkm_lock);
		idr_for_each_entry(&wasmkm_insts, inst, id)
			if (!inst->reaped && inst->task && completion_done(&inst->done))
				break;
		if (inst)
			kref_get(&inst->ref);
		mutex_unlock(&wasmkm_lock);
		if (!inst)
			return;
		wasmkm_inst_reap(inst);
		wasmkm_inst_put(inst);
	}
}

int wasmkm_inst_start(u32 app_id, u32 *inst_id)
{
	struct wasmkm_inst *inst;
	struct wasmkm_app *app;
	struct task_struct *task;
	int id, ret;

	wasmkm_reap_finished();
	inst = kzalloc(sizeof(*inst), GFP_KERNEL);
	if (!inst)
		return -ENOMEM;
	kref_init(&inst->ref);
	INIT_LIST_HEAD(&inst->node);
	init_completion(&inst->done);
	init_waitqueue_head(&inst->wq);
	spin_lock_init(&inst->log_lock);
	inst->ctx.inst = inst;
	inst->trap_func = ~0U;
	ret = wasmkm_log_init(inst);
	if (ret)
		goto free;

	mutex_lock(&wasmkm_lock);
	app = wasmkm_app_find(app_id);
	ret = -ENOENT;
	if (!app)
		goto unlock;
	ret = -EPERM;
	if (!wasmkm_may_control(app->cred))
		goto unlock;
	ret = -EAGAIN;
	if (app->state != WASMKM_APP_ATTACHED)
		goto unlock;
	ret = -ENODEV;
	if (!try_module_get(app->owner))
		goto unlock;
	inst->owner = app->owner;
	inst->owner_uid = app->cred->euid;
	inst->ops = app->ops;
	inst->app = app;
	ret = -ENOMEM;
	if (inst->ops->state_size) {
		inst->ctx.state = kvzalloc(inst->ops->state_size, GFP_KERNEL | __GFP_NOWARN);
		if (!inst->ctx.state)
			goto put_module;
	}
	ret = wasmkm_mem_init(inst, app->mem_min_pages);
	if (ret)
		goto put_module;
	id = idr_alloc(&wasmkm_insts, inst, 1, 0, GFP_KERNEL);
	if (id < 0) {
		ret = id;
		goto put_module;
	}
	inst->id = id;
	snprintf(inst->name, sizeof(inst->name), "wasm/%s:%u", app->name, id);
	inst->state = WASMKM_INST_RUNNING;
	inst->start_ns = ktime_get_ns();
	task = kthread_create(wasmkm_runner, inst, "%s", inst->name);
	if (IS_ERR(task)) {
		idr_remove(&wasmkm_insts, id);
		ret = PTR_ERR(task);
		goto put_module;
	}
	get_task_struct(task);
	inst->task = task;
	list_add_tail(&inst->node, &app->insts);
	app->ninstances++;
	*inst_id = id;
	wake_up_process(task);
	mutex_unlock(&wasmkm_lock);
	return 0;

put_module:
	module_put(inst->owner);
unlock:
	mutex_unlock(&wasmkm_lock);
free:
	wasmkm_inst_put(inst);
	return ret;
}

int wasmkm_inst_stop(u32 inst_id)
{
	struct wasmkm_inst *inst = wasmkm_inst_get(inst_id);
	int ret = 0;

	if (!inst)
		return -ENOENT;
	if (!uid_eq(current_euid(), inst->owner_uid) && !capable(CAP_SYS_ADMIN)) {
		wasmkm_inst_put(inst);
		return -EPERM;
	}
	wasmkm_inst_request_stop(inst);
	ret = wasmkm_inst_wait(inst, true);
	if (!ret)
		wasmkm_inst_reap(inst);
	wasmkm_inst_put(inst);
	return ret;
}

void wasmkm_inst_fill_info(struct wasmkm_inst *inst, struct wasmkm_inst_info *info)
{
	memset(info, 0, sizeof(*info));
	info->inst_id = inst->id;
	info->app_id = inst->app ? inst->app->id : 0;
	info->state = READ_ONCE(inst->state);
	info->start_ns = inst->start_ns;
	/* The outcome is complete only once the thread has signalled done. */
	if (completion_done(&inst->done)) {
		info->exit_code = inst->exit_code;
		info->trap_kind = inst->trap_kind;
		info->trap_func = inst->trap_func;
		info->end_ns = inst->end_ns;
		strscpy(info->trap_func_name, inst->trap_func_name, sizeof(info->trap_func_name));
		strscpy(info->error, inst->error, sizeof(info->error));
	} else {
		info->state = WASMKM_INST_RUNNING;
		info->trap_func = ~0U;
	}
	info->mem_bytes = READ_ONCE(inst->mem_bytes);
	spin_lock(&inst->log_lock);
	info->log_bytes = inst->log_head;
	spin_unlock(&inst->log_lock);
	if (inst->app)
		strscpy(info->app_name, inst->app->name, sizeof(info->app_name));
}

int wasmkm_list_insts(struct wasmkm_inst_info **out, u32 cap, u32 *count)
{
	struct wasmkm_inst_info *v = NULL;
	struct wasmkm_inst *inst;
	u32 n = 0;
	int id;

	wasmkm_reap_finished();
	mutex_lock(&wasmkm_lock);
	idr_for_each_entry(&wasmkm_insts, inst, id)
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
		if (n < cap)
			wasmkm_inst_fill_info(inst, &v[n]);
		n++;
	}
	mutex_unlock(&wasmkm_lock);
	*out = v;
	*count = n;
	return 0;
}
