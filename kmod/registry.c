// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: the app registry.  One mutex (wasmkm_lock) protects the app and
 * instance idrs, every app record and the per-user counts (users.c); it is
 * never held while waiting for an instance's thread.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/compat.h>
#include <linux/ptrace.h>
#include <asm/syscall.h>
#include <asm/unistd.h>
#include <linux/cred.h>
#include <linux/ctype.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/idr.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <crypto/sha2.h>

#include "wasmkm.h"

DEFINE_MUTEX(wasmkm_lock);
static DEFINE_IDR(wasmkm_apps);		/* wasmkm_lock */
static u32 wasmkm_last_app_id;		/* wasmkm_lock: IDs are never reused */
/* Only the loader (same effective uid) or an administrator controls an app. */
bool wasmkm_may_control(const struct cred *owner)
{
	return uid_eq(current_euid(), owner->euid) || capable(CAP_SYS_ADMIN);
}


struct wasmkm_app *wasmkm_app_find(u32 app_id)
{
	lockdep_assert_held(&wasmkm_lock);
	if (!app_id || app_id > INT_MAX)
		return NULL;
	return idr_find(&wasmkm_apps, app_id);
}

/* Let the verified object be written again. */
static void wasmkm_app_put_file(struct wasmkm_app *app)
{
	if (!app->obj_file)
		return;
	allow_write_access(app->obj_file);
	fput(app->obj_file);
	app->obj_file = NULL;
}

static void wasmkm_app_free(struct wasmkm_app *app)
{
	if (!app)
		return;
	wasmkm_app_put_file(app);
	kvfree(app->desc);
	kvfree(app->argv);
	kvfree(app->env);
	wasmkm_grants_put(app);
	if (app->shares_code)
		module_put(app->owner);
	if (app->cred)
		put_cred(app->cred);
	kfree(app);
}

/*
 * Copy a NUL-separated string blob (argv or env, of LOAD or START) from
 * userspace, charged to the caller, and count its strings.
 */
int wasmkm_get_blob(u64 uptr, u32 len, char **out, u32 *count, char *error)
{
	char *blob;
	u32 i, n = 0;

	*out = NULL;
	*count = 0;
	if (!len)
		return 0;
	if (len > WASMKM_ARGS_MAX) {
		snprintf(error, WASMKM_ERROR_LEN, "argv/env blob larger than %u bytes",
			 WASMKM_ARGS_MAX);
		return -E2BIG;
	}
	blob = kvmalloc(len, GFP_KERNEL_ACCOUNT);
	if (!blob)
		return -ENOMEM;
	if (copy_from_user(blob, u64_to_user_ptr(uptr), len)) {
		kvfree(blob);
		return -EFAULT;
	}
	if (blob[len - 1]) {
		kvfree(blob);
		snprintf(error, WASMKM_ERROR_LEN, "argv/env blob not NUL-terminated");
		return -EINVAL;
	}
	for (i = 0; i < len; i++)
		if (!blob[i])
			n++;
	*out = blob;
	*count = n;
	return 0;
}

static int wasmkm_read_file(struct file *file, u8 **out, size_t *out_len, char *error)
{
	loff_t size, pos = 0;
	u8 *buf;

	size = i_size_read(file_inode(file));
	if (size <= 0) {
		snprintf(error, WASMKM_ERROR_LEN, "object file is empty");
		return -ENOEXEC;
	}
	if (size > WASMKM_OBJ_MAX) {
		snprintf(error, WASMKM_ERROR_LEN, "object size %lld larger than %d bytes",
			 size, WASMKM_OBJ_MAX);
		return -EFBIG;
	}
	buf = kvmalloc(size, GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	if (!buf)
		return -ENOMEM;
	while (pos < size) {
		ssize_t n = kernel_read(file, buf + pos, size - pos, &pos);

		if (n < 0) {
			kvfree(buf);
			return n;
		}
		if (n == 0)
			break;
	}
	*out = buf;
	*out_len = pos;
	return 0;
}

/* A name from the caller: NUL-terminated, [A-Za-z0-9._-]+ (log and thread names). */
static int wasmkm_app_name_check(const char *name, char *error)
{
	size_t i, len = strnlen(name, WASMKM_NAME_LEN);

	if (len == WASMKM_NAME_LEN)
		goto bad;
	for (i = 0; i < len; i++)
		if (!isalnum(name[i]) && !strchr("._-", name[i]))
			goto bad;
	return 0;
bad:
	snprintf(error, WASMKM_ERROR_LEN,
		 "app name: 1 to %d letters, digits, '.', '_' or '-'", WASMKM_NAME_LEN - 1);
	return -EINVAL;
}

int wasmkm_load(struct wasmkm_load *arg)
{
	const struct wasmkm_desc *desc;
	struct wasmkm_app *app = NULL, *old;
	size_t len, desc_len;
	struct file *file;
	u8 *buf = NULL;
	u32 max;
	int ret, id;

	if (arg->flags || arg->pad || (!arg->ncaps && arg->caps))
		return -EINVAL;
	arg->attached = 0;
	file = fget(arg->obj_fd);
	if (!file) {
		snprintf(arg->error, WASMKM_ERROR_LEN, "bad object fd");
		return -EBADF;
	}
	if (!S_ISREG(file_inode(file)->i_mode) || !(file->f_mode & FMODE_READ)) {
		fput(file);
		snprintf(arg->error, WASMKM_ERROR_LEN, "object fd is not a readable regular file");
		return -EBADF;
	}
	/*
	 * No writer from here until attach: the bytes finit_module() reads
	 * are the bytes verified below (see wasmkm_attach_file_ok()).
	 */
	if (deny_write_access(file)) {
		fput(file);
		snprintf(arg->error, WASMKM_ERROR_LEN,
			 "object file is open for writing: close the writer and load again");
		return -ETXTBSY;
	}
	ret = -ENOMEM;
	app = kzalloc(sizeof(*app), GFP_KERNEL_ACCOUNT);
	if (!app) {
		allow_write_access(file);
		fput(file);
		goto out;
	}
	app->obj_file = file;
	INIT_LIST_HEAD(&app->insts);
	ret = wasmkm_read_file(file, &buf, &len, arg->error);
	if (ret)
		goto out;
	ret = wasmkm_verify_object(buf, len, &desc, &desc_len, arg->error);
	if (ret)
		goto out;

	ret = -ENOMEM;
	app->desc = kvmalloc(desc_len, GFP_KERNEL_ACCOUNT);
	if (!app->desc)
		goto out;
	memcpy(app->desc, desc, desc_len);
	app->desc_len = desc_len;
	sha256(app->desc, desc_len, app->desc_sha256);
	memcpy(app->wasm_sha256, desc->wasm_sha256, sizeof(app->wasm_sha256));
	strscpy(app->name, desc->app_name, sizeof(app->name));
	if (arg->name[0]) {
		ret = wasmkm_app_name_check(arg->name, arg->error);
		if (ret)
			goto out;
		strscpy(app->name, arg->name, sizeof(app->name));
	}
	strscpy(app->module_name, desc->module_name, sizeof(app->module_name));
	memcpy(app->spec_digest, arg->spec_digest, sizeof(app->spec_digest));
	app->mem_min_pages = le32_to_cpu(desc->mem_min_pages);
	max = le32_to_cpu(desc->mem_max_pages);
	if (arg->mem_max_pages && arg->mem_max_pages < max)
		max = arg->mem_max_pages;
	max = min(max, READ_ONCE(wasmkm_mem_max_default));
	if (max < app->mem_min_pages) {
		snprintf(arg->error, WASMKM_ERROR_LEN,
			 "memory limit %u pages is below the module's minimum %u", max,
			 app->mem_min_pages);
		ret = -E2BIG;
		goto out;
	}
	app->mem_max_pages = max;
	ret = wasmkm_get_blob(arg->argv, arg->argv_len, &app->argv, &app->argc, arg->error);
	if (ret)
		goto out;
	app->argv_len = arg->argv_len;
	ret = wasmkm_get_blob(arg->env, arg->env_len, &app->env, &app->envc, arg->error);
	if (ret)
		goto out;
	app->env_len = arg->env_len;
	ret = wasmkm_grants_get(app, arg);
	if (ret)
		goto out;
	app->cred = get_current_cred();
	app->state = WASMKM_APP_VERIFIED;

	mutex_lock(&wasmkm_lock);
	/* The same code already loaded: share it, no second module. */
	idr_for_each_entry(&wasmkm_apps, old, id) {
		if (old->state == WASMKM_APP_ATTACHED && old->desc_len == desc_len &&
		    !memcmp(old->desc_sha256, app->desc_sha256, WASMKM_SHA256_LEN) &&
		    try_module_get(old->owner)) {
			app->owner = old->owner;
			app->ops = old->ops;
			app->shares_code = true;
			app->state = WASMKM_APP_ATTACHED;
			arg->attached = 1;
			break;
		}
	}
	if (app->shares_code)
		wasmkm_app_put_file(app);
	if (!app->shares_code && !capable(CAP_SYS_MODULE)) {
		mutex_unlock(&wasmkm_lock);
		snprintf(arg->error, WASMKM_ERROR_LEN,
			 "this code is not loaded yet, and loading it needs CAP_SYS_MODULE");
		ret = -EPERM;
		goto out;
	}
	app->user = wasmkm_user_add_app(app->cred->euid, arg->error);
	if (IS_ERR(app->user)) {
		mutex_unlock(&wasmkm_lock);
		ret = PTR_ERR(app->user);
		app->user = NULL;
		goto out;
	}
	id = wasmkm_id_alloc(&wasmkm_apps, app, &wasmkm_last_app_id);
	if (id < 0) {
		wasmkm_user_put_app(app->user);
		app->user = NULL;
		mutex_unlock(&wasmkm_lock);
		ret = id;
		goto out;
	}
	app->id = id;
	arg->app_id = id;
	strscpy(arg->module_name, app->module_name, sizeof(arg->module_name));
	trace_wasmkm_app_load(app, arg->attached);
	mutex_unlock(&wasmkm_lock);
	pr_info("app %u (%s) %s, module %s\n", app->id, app->name,
		arg->attached ? "attached to loaded code" : "verified", app->module_name);
	app = NULL;
	ret = 0;
out:
	wasmkm_app_free(app);
	kvfree(buf);
	return ret;
}

/*
 * The module init runs in the task that called finit_module(fd, ...) for
 * it: the fd it was given must name the file LOAD verified (whose writers
 * have been denied since), so neither another file nor a changed one is
 * attached.  init_module() with a buffer, or a 32-bit caller, is refused.
 */
static bool wasmkm_attach_file_ok(struct wasmkm_app *app)
{
	struct pt_regs *regs = current_pt_regs();
	unsigned long args[6];
	struct file *file;
	bool ok;

	lockdep_assert_held(&wasmkm_lock);
	if (!app->obj_file || in_compat_syscall() ||
	    syscall_get_nr(current, regs) != __NR_finit_module)
		return false;
	syscall_get_arguments(current, regs, args);
	file = fget((unsigned int)args[0]);
	if (!file)
		return false;
	ok = file_inode(file) == file_inode(app->obj_file);
	fput(file);
	return ok;
}

int wasmkm_attach(struct module *owner, const void *desc, size_t desc_len,
		  const struct wasmkm_app_ops *ops, unsigned int app_id)
{
	struct wasmkm_app *app;
	u8 digest[WASMKM_SHA256_LEN] = {};
	int ret = 0;

	if (!owner || !desc || !ops)
		return -EINVAL;
	if (desc_len && desc_len <= WASMKM_DESC_MAX)
		sha256(desc, desc_len, digest);
	mutex_lock(&wasmkm_lock);
	app = wasmkm_app_find(app_id);
	if (!app || app->state != WASMKM_APP_VERIFIED) {
		pr_info("%s: no verified app %u to attach to\n", owner->name, app_id);
		ret = -ENOENT;
		goto out;
	}
	if (ops->abi != WASMKM_RT_ABI) {
		snprintf(app->error, sizeof(app->error),
			 "runtime ABI %u, this wasmkm supports %u", ops->abi, WASMKM_RT_ABI);
		ret = -EPROTO;
	} else if (desc_len != app->desc_len ||
		   memcmp(digest, app->desc_sha256, WASMKM_SHA256_LEN)) {
		snprintf(app->error, sizeof(app->error),
			 "loaded object differs from the verified one (digest mismatch)");
		ret = -EKEYREJECTED;
	} else if (strcmp(owner->name, app->module_name)) {
		snprintf(app->error, sizeof(app->error),
			 "module name %.60s differs from the verified %s", owner->name,
			 app->module_name);
		ret = -EKEYREJECTED;
	} else if (ops->nfuncs && !ops->func_names) {
		snprintf(app->error, sizeof(app->error), "bad app ops");
		ret = -EINVAL;
	} else if (!wasmkm_attach_file_ok(app)) {
		snprintf(app->error, sizeof(app->error),
			 "not loaded with finit_module() of the file LOAD verified: pass the same file");
		ret = -EKEYREJECTED;
	}
	wasmkm_app_put_file(app);
	if (ret) {
		app->state = WASMKM_APP_REFUSED;
		pr_info("app %u: attach refused: %s\n", app->id, app->error);
		goto out;
	}
	app->owner = owner;
	app->ops = ops;
	app->state = WASMKM_APP_ATTACHED;
	trace_wasmkm_app_attach(app);
	pr_info("app %u (%s) attached\n", app->id, app->name);
out:
	mutex_unlock(&wasmkm_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(wasmkm_attach);

/*
 * Under wasmkm_lock: forget @app and unlist its instances onto @list, asking
 * them to stop; the caller waits for them (wasmkm_insts_reap_list()) before
 * freeing the app, whose fields they use until reaped.
 */
static void wasmkm_app_unlist(struct wasmkm_app *app, struct list_head *list)
{
	lockdep_assert_held(&wasmkm_lock);
	trace_wasmkm_app_unload(app);
	idr_remove(&wasmkm_apps, app->id);
	wasmkm_insts_remove(app, list);
	wasmkm_user_put_app(app->user);
	app->user = NULL;
}

/*
 * Forget every app of @owner (every app if NULL) with its instances, one at
 * a time: the lock is never held while waiting for an instance's thread.
 */
static void wasmkm_remove_apps(const struct module *owner)
{
	struct wasmkm_app *app;
	LIST_HEAD(list);
	int id;

	for (;;) {
		mutex_lock(&wasmkm_lock);
		idr_for_each_entry(&wasmkm_apps, app, id)
			if (!owner || app->owner == owner)
				break;
		if (app)
			wasmkm_app_unlist(app, &list);
		mutex_unlock(&wasmkm_lock);
		if (!app)
			return;
		wasmkm_insts_reap_list(&list);
		wasmkm_app_free(app);
	}
}

/*
 * Module exit of an app object.  Every instance holds a reference on the
 * owner until it is reaped, so all instances of its apps have been reaped.
 */
void wasmkm_detach(struct module *owner)
{
	if (owner)
		wasmkm_remove_apps(owner);
}
EXPORT_SYMBOL_GPL(wasmkm_detach);

int wasmkm_unload_app(u32 app_id)
{
	struct wasmkm_app *app;
	LIST_HEAD(list);

	mutex_lock(&wasmkm_lock);
	app = wasmkm_app_find(app_id);
	if (app && !wasmkm_may_see(app->cred->euid))
		app = NULL;
	if (!app || !wasmkm_may_control(app->cred)) {
		mutex_unlock(&wasmkm_lock);
		return app ? -EPERM : -ENOENT;
	}
	wasmkm_app_unlist(app, &list);
	mutex_unlock(&wasmkm_lock);
	wasmkm_insts_reap_list(&list);
	pr_info("app %u (%s) unloaded\n", app->id, app->name);
	wasmkm_app_free(app);
	return 0;
}

static void wasmkm_app_fill_info(struct wasmkm_app *app, struct wasmkm_app_info *info)
{
	lockdep_assert_held(&wasmkm_lock);
	memset(info, 0, sizeof(*info));
	info->app_id = app->id;
	info->state = app->state;
	info->ninstances = app->ninstances;
	info->mem_max_pages = app->mem_max_pages;
	info->uid = from_kuid_munged(current_user_ns(), app->cred->euid);
	info->ncaps = app->ngrants;
	memcpy(info->wasm_sha256, app->wasm_sha256, sizeof(info->wasm_sha256));
	memcpy(info->spec_digest, app->spec_digest, sizeof(info->spec_digest));
	strscpy(info->name, app->name, sizeof(info->name));
	strscpy(info->module_name, app->module_name, sizeof(info->module_name));
	strscpy(info->error, app->error, sizeof(info->error));
}

int wasmkm_list_apps(struct wasmkm_app_info **out, u32 cap, u32 *count)
{
	struct wasmkm_app_info *v = NULL;
	struct wasmkm_app *app;
	u32 n = 0;
	int id;

	mutex_lock(&wasmkm_lock);
	idr_for_each_entry(&wasmkm_apps, app, id)
		if (wasmkm_may_see(app->cred->euid))
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
	idr_for_each_entry(&wasmkm_apps, app, id) {
		if (!wasmkm_may_see(app->cred->euid))
			continue;
		if (n < cap)
			wasmkm_app_fill_info(app, &v[n]);
		n++;
	}
	mutex_unlock(&wasmkm_lock);
	*out = v;
	*count = n;
	return 0;
}

/* APP_INFO: an app the caller may see. */
int wasmkm_app_info(u32 app_id, struct wasmkm_app_info *info)
{
	struct wasmkm_app *app;
	int ret = -ENOENT;

	mutex_lock(&wasmkm_lock);
	app = wasmkm_app_find(app_id);
	if (app && wasmkm_may_see(app->cred->euid)) {
		wasmkm_app_fill_info(app, info);
		ret = 0;
	}
	mutex_unlock(&wasmkm_lock);
	return ret;
}

/* Module exit: no app object is loaded, so no app is attached. */
void wasmkm_registry_exit(void)
{
	wasmkm_remove_apps(NULL);
	idr_destroy(&wasmkm_apps);
}
