// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: per-user limits and counts, what a user may see, and IDs.  A
 * user is a loader's effective uid; everything here is under wasmkm_lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/hashtable.h>
#include <linux/idr.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "wasmkm.h"

/*
 * What a user may have at once (CAP_SYS_RESOURCE lifts the first two):
 * apps loaded, instances running, and the logs of ended instances kept
 * (each WASMKM_LOG_SIZE; beyond it the oldest ended instance is forgotten).
 */
unsigned int wasmkm_max_apps = 64;
module_param_named(max_apps, wasmkm_max_apps, uint, 0644);
MODULE_PARM_DESC(max_apps, "Apps one user may have loaded at once");
unsigned int wasmkm_max_instances = 64;
module_param_named(max_instances, wasmkm_max_instances, uint, 0644);
MODULE_PARM_DESC(max_instances, "Instances of one user's apps running at once");
unsigned int wasmkm_log_retain_kb = 8192;
module_param_named(log_retain_kb, wasmkm_log_retain_kb, uint, 0644);
MODULE_PARM_DESC(log_retain_kb,
		 "KiB of logs of ended instances kept per user; the oldest are forgotten first");

/* The counts of one loader uid; exists while it has an app loaded. */
struct wasmkm_user {
	struct hlist_node node;		/* lock: wasmkm_users */
	kuid_t uid;
	u32 apps;			/* lock: apps listed */
	u32 running;			/* lock: listed instances not ENDED */
	u32 ended;			/* lock: listed REAPED instances */
	struct list_head ended_list;	/* lock: those, oldest first (ended_node) */
};

static DEFINE_HASHTABLE(wasmkm_users, 6);	/* wasmkm_lock */

static struct wasmkm_user *wasmkm_user_get(kuid_t uid)
{
	u32 key = from_kuid(&init_user_ns, uid);
	struct wasmkm_user *user;

	lockdep_assert_held(&wasmkm_lock);
	hash_for_each_possible(wasmkm_users, user, node, key)
		if (uid_eq(user->uid, uid))
			return user;
	user = kzalloc(sizeof(*user), GFP_KERNEL_ACCOUNT);
	if (!user)
		return NULL;
	user->uid = uid;
	INIT_LIST_HEAD(&user->ended_list);
	hash_add(wasmkm_users, &user->node, key);
	return user;
}

/* Free @user once nothing of it is listed (instances go before their app). */
static void wasmkm_user_forget_unused(struct wasmkm_user *user)
{
	lockdep_assert_held(&wasmkm_lock);
	if (user->apps || user->running || user->ended)
		return;
	hash_del(&user->node);
	kfree(user);
}

static bool wasmkm_exempt(void)
{
	return capable(CAP_SYS_RESOURCE);
}

/*
 * Count one more app of @uid: its user, or ERR_PTR(-EDQUOT) with the reason
 * in @error (WASMKM_ERROR_LEN) if @uid has max_apps already.
 */
struct wasmkm_user *wasmkm_user_add_app(kuid_t uid, char *error)
{
	struct wasmkm_user *user = wasmkm_user_get(uid);

	if (!user)
		return ERR_PTR(-ENOMEM);
	if (user->apps >= READ_ONCE(wasmkm_max_apps) && !wasmkm_exempt()) {
		snprintf(error, WASMKM_ERROR_LEN,
			 "uid %u has %u apps loaded (module parameter max_apps): unload one first",
			 from_kuid(&init_user_ns, uid), user->apps);
		wasmkm_user_forget_unused(user);
		return ERR_PTR(-EDQUOT);
	}
	user->apps++;
	return user;
}

void wasmkm_user_put_app(struct wasmkm_user *user)
{
	lockdep_assert_held(&wasmkm_lock);
	user->apps--;
	wasmkm_user_forget_unused(user);
}

bool wasmkm_user_may_start(struct wasmkm_user *user)
{
	lockdep_assert_held(&wasmkm_lock);
	return user->running < READ_ONCE(wasmkm_max_instances) || wasmkm_exempt();
}

void wasmkm_user_inst_started(struct wasmkm_user *user)
{
	lockdep_assert_held(&wasmkm_lock);
	user->running++;
}

/* A listed instance's thread ended (phase ENDED). */
void wasmkm_user_inst_stopped_running(struct wasmkm_user *user)
{
	lockdep_assert_held(&wasmkm_lock);
	user->running--;
}

/*
 * A listed instance was reaped: count it as ended and forget the user's
 * oldest ended instances beyond log_retain_kb (onto @forget, whose
 * references the caller drops after unlocking).
 */
void wasmkm_user_inst_ended(struct wasmkm_user *user, struct wasmkm_inst *inst,
			    struct list_head *forget)
{
	u64 keep = (u64)READ_ONCE(wasmkm_log_retain_kb) * 1024 / WASMKM_LOG_SIZE;
	struct wasmkm_inst *old;

	lockdep_assert_held(&wasmkm_lock);
	user->ended++;
	list_add_tail(&inst->ended_node, &user->ended_list);
	while (user->ended > keep) {
		old = list_first_entry(&user->ended_list, struct wasmkm_inst, ended_node);
		wasmkm_inst_unlist(old, forget);
	}
}

/* A listed instance is unlisted: it no longer counts. */
void wasmkm_user_inst_unlisted(struct wasmkm_user *user, struct wasmkm_inst *inst)
{
	lockdep_assert_held(&wasmkm_lock);
	if (inst->phase == WASMKM_PHASE_RUNNING) {
		user->running--;
	} else if (!list_empty(&inst->ended_node)) {
		list_del_init(&inst->ended_node);
		user->ended--;
	}
}

/*
 * The next ID above every ID given since the module was loaded: a script
 * holding an old ID never reaches another app or instance (ENOSPC after
 * 2^31 - 1 of them).
 */
int wasmkm_id_alloc(struct idr *idr, void *ptr, u32 *last)
{
	int id;

	lockdep_assert_held(&wasmkm_lock);
	if (*last >= INT_MAX)
		return -ENOSPC;
	id = idr_alloc(idr, ptr, *last + 1, 0, GFP_KERNEL);
	if (id >= 0)
		*last = id;
	return id;
}

/*
 * Listings and lookups show a user only its own apps and instances; an
 * administrator sees all (Documentation/ioctl-abi.md).  Not audited: a
 * listing by a user is no attempt to use the capability.
 */
bool wasmkm_may_see(kuid_t owner)
{
	return uid_eq(current_euid(), owner) || ns_capable_noaudit(&init_user_ns, CAP_SYS_ADMIN);
}
