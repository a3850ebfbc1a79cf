/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: the app record (registry.c) and its grants (caps.c).
 *
 * Locking: "lock:" fields are protected by wasmkm_lock; "const:" fields are
 * written by LOAD before the record is listed in the app idr and never
 * change afterwards, so they are read without a lock by anyone holding the
 * app (an instance of it, or wasmkm_lock while it is listed).
 */
#ifndef _WASMKM_APP_H
#define _WASMKM_APP_H

#include <linux/list.h>
#include <linux/path.h>
#include <linux/types.h>
#include <linux/wasmkm.h>

#define WASMKM_SHA256_LEN	32

struct cred;
struct file;
struct module;
struct wasmkm_app_ops;
struct wasmkm_cap_type;
struct wasmkm_user;

/*
 * A capability granted at load, of a type of caps.h (a directory tree,
 * preopened for WASI, is the type "fs").  const: the whole grant, from
 * LOAD until the app record is freed.
 */
struct wasmkm_grant {
	const struct wasmkm_cap_type *type;
	void *priv;			/* the type's own state */
	/* fs: the directory, read-only or not, its name in the app */
	struct path path;
	bool ro;
	char guest[WASMKM_PATH_LEN];
};

/*
 * An app record.  Created by LOAD, listed in the app idr until UNLOAD or the
 * removal of its object; freed by registry.c once unlisted and without
 * instances.
 */
struct wasmkm_app {
	u32 id;				/* const */
	u32 state;			/* lock: enum wasmkm_app_state */
	struct module *owner;		/* lock: ATTACHED only */
	const struct wasmkm_app_ops *ops;	/* lock: ATTACHED only */
	/*
	 * lock: VERIFIED only: the object LOAD verified, its writers denied
	 * (deny_write_access()) until attach or unload, so that the code that
	 * finit_module() loads is the code verified.
	 */
	struct file *obj_file;
	struct wasmkm_user *user;	/* const: the loader's uid's counts */
	void *desc;			/* const: verified descriptor bytes */
	size_t desc_len;		/* const */
	u8 desc_sha256[WASMKM_SHA256_LEN];	/* const */
	u8 wasm_sha256[WASMKM_SHA256_LEN];	/* const */
	u8 spec_digest[WASMKM_SPEC_DIGEST_LEN];	/* const: the loader's, opaque */
	char name[WASMKM_NAME_LEN];	/* const */
	char module_name[WASMKM_NAME_LEN];	/* const */
	char error[WASMKM_ERROR_LEN];	/* lock */
	/* const: the default argv and env of its instances (wasi/args.c) */
	char *argv;
	u32 argv_len;
	u32 argc;
	char *env;
	u32 env_len;
	u32 envc;
	u32 mem_min_pages;		/* const */
	u32 mem_max_pages;		/* const */
	const struct cred *cred;	/* const: the loader's */
	struct wasmkm_grant *grants;	/* const: caps.c */
	u32 ngrants;			/* const */
	bool shares_code;		/* const: holds a reference on owner */
	struct list_head insts;		/* lock: struct wasmkm_inst.node */
	u32 ninstances;			/* lock */
};

/* registry.c: the app idr. */
int wasmkm_load(struct wasmkm_load *arg);		/* takes wasmkm_lock */
int wasmkm_get_blob(u64 uptr, u32 len, char **out, u32 *count, char *error);
int wasmkm_unload_app(u32 app_id);			/* takes wasmkm_lock */
/* Caller holds wasmkm_lock; the record is valid while it does. */
struct wasmkm_app *wasmkm_app_find(u32 app_id);
bool wasmkm_may_control(const struct cred *owner);
int wasmkm_app_info(u32 app_id, struct wasmkm_app_info *info);	/* takes the lock */
int wasmkm_list_apps(struct wasmkm_app_info **out, u32 cap, u32 *count);	/* takes it */
void wasmkm_registry_exit(void);

/*
 * caps.c: take the grants LOAD asks for, in the loader's context, before the
 * record is listed; put them when it is freed.  No lock: the record is not
 * shared then.
 */
int wasmkm_grants_get(struct wasmkm_app *app, struct wasmkm_load *arg);
void wasmkm_grants_put(struct wasmkm_app *app);

#endif /* _WASMKM_APP_H */
