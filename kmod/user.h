/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: per-user limits and counts, what a user may see, and IDs
 * (users.c).  struct wasmkm_user is private to users.c; every function
 * below that takes or returns one requires wasmkm_lock held (asserted).
 */
#ifndef _WASMKM_USER_H
#define _WASMKM_USER_H

#include <linux/types.h>
#include <linux/uidgid.h>

struct idr;
struct list_head;
struct wasmkm_inst;
struct wasmkm_user;

/* Per-user limits (module parameters, Documentation/limits.md); read once. */
extern unsigned int wasmkm_max_apps;
extern unsigned int wasmkm_max_instances;
extern unsigned int wasmkm_log_retain_kb;

/* Under wasmkm_lock. */
struct wasmkm_user *wasmkm_user_add_app(kuid_t uid, char *error);
void wasmkm_user_put_app(struct wasmkm_user *user);
bool wasmkm_user_may_start(struct wasmkm_user *user);
void wasmkm_user_inst_started(struct wasmkm_user *user);
void wasmkm_user_inst_stopped_running(struct wasmkm_user *user);
void wasmkm_user_inst_ended(struct wasmkm_user *user, struct wasmkm_inst *inst,
			    struct list_head *forget);
void wasmkm_user_inst_unlisted(struct wasmkm_user *user, struct wasmkm_inst *inst);
int wasmkm_id_alloc(struct idr *idr, void *ptr, u32 *last);

/* No lock: whether the caller may see what @owner loaded. */
bool wasmkm_may_see(kuid_t owner);

#endif /* _WASMKM_USER_H */
