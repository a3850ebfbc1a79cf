// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: the app registry.  One mutex (wasmkm_lock) protects the app and
 * instance idrs and every app record; it is never held while waiting for an
 * instance's thread.
 */
#include <linux/capability.h>
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
static DEFINE_IDR(wasmkm_apps);

/* Only the loader (same effective uid) or an administrator controls an app. */
bool wasmkm_may_control(const struct cred *owner)
{
	return uid_eq(current_euid(), owner->euid) || capable(CAP_SYS_ADMIN);
}

struct wasmkm_app *wasmkm_app_find(u32 app_id)
{
	if (!app_id || app_id > INT_MAX)
		return NULL;
	return idr_find(&wasmkm_apps, app_id);
}

static void wasmkm_app_free(struct wasmkm_app *app)
{
	if (!app)
		return;
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

/* Copy a NUL-separated string blob from userspace and count its strings. */
static int wasmkm_get_blob(u64 uptr, u32 len, char **out, u32 *count, char *error)
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
	blob = kvmalloc(len, GFP_KERNEL);
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

	if (!S_ISREG(file_inode(file)->i_mode) || !(file->f_mode & FMODE_READ)) {
		snprintf(error, WASMKM_ERROR_LEN, "object fd is not a readable regular file");
		return -EBADF;
	}
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
	buf = kvmalloc(size, GFP_KERNEL | __GFP_NOWARN);
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
	ret = wasmkm_read_file(file, &buf, &len, arg->error);
	fput(file);
	if (ret)
		return ret;
	ret = wasmkm_verify_object(buf, len, &desc, &desc_len, arg->error);
	if (ret)
		goto out;

	ret = -ENOMEM;
	app = kzalloc(sizeof(*app), GFP_KERNEL);
	if (!app)
		goto out;
	INIT_LIST_HEAD(&app->insts);
	app->desc = kvmalloc(desc_len, GFP_KERNEL);
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
	if (!app->shares_code && !capable(CAP_SYS_MODULE)) {
		mutex_unlock(&wasmkm_lock);
		snprintf(arg->error, WASMKM_ERROR_LEN,
			 "this code is not loaded yet, and loading it needs CAP_SYS_MODULE");
		ret = -EPERM;
		goto out;
	}
	id = idr_alloc(&wasmkm_apps, app, 1, 0, GFP_KERNEL);
	if (id < 0) {
		mutex_unlock(&wasmkm_lock);
		ret = id;
		goto out;
	}
	app->id = id;
	arg->app_id = id;
	strscpy(arg->module_name, app->module_name, sizeof(arg->module_name));
	mutex_unlock(&wasmkm_lock);
	pr_info("wasmkm: app %u (%s) %s, module %s\n", app->id, app->name,
		arg->attached ? "attached to loaded code" : "verified", app->module_name);
	app = NULL;
	ret = 0;
out:
	wasmkm_app_free(app);
	kvfree(buf);
	return ret;
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
		pr_info("wasmkm: %s: no verified app %u to attach to\n", owner->name, app_id);
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
	}
	if (ret) {
		app->state = WASMKM_APP_REFUSED;
		pr_info("wasmkm: app %u: attach refused: %s\n", app->id, app->error);
		goto out;
	}
	app->owner = owner;
	app->ops = ops;
	app->state = WASMKM_APP_ATTACHED;
	pr_info("wasmkm: app %u (%s) attached\n", app->id, app->name);
out:
	mutex_unlock(&wasmkm_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(wasmkm_attach);

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
		if (app) {
			idr_remove(&wasmkm_apps, id);
			wasmkm_insts_remove(app, &list);
		}
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
	if (!app || !wasmkm_may_control(app->cred)) {
		mutex_unlock(&wasmkm_lock);
		return app ? -EPERM : -ENOENT;
	}
	idr_remove(&wasmkm_apps, app->id);
	wasmkm_insts_remove(app, &list);
	mutex_unlock(&wasmkm_lock);
	/* Instances may use app fields until reaped. */
	wasmkm_insts_reap_list(&list);
	pr_info("wasmkm: app %u (%s) unloaded\n", app->id, app->name);
	wasmkm_app_free(app);
	return 0;
}

void wasmkm_app_fill_info(struct wasmkm_app *app, struct wasmkm_app_info *info)
{
	memset(info, 0, sizeof(*info));
	info->app_id = app->id;
	info->state = app->state;
	info->ninstances = app->ninstances;
	info->mem_max_pages = app->mem_max_pages;
	info->uid = from_kuid_munged(current_user_ns(), app->cred->euid);
	info->ncaps = app->ngrants;
	memcpy(info->wasm_sha256, app->wasm_sha256, sizeof(info->wasm_sha256));
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

	wasmkm_reap_finished();
	mutex_lock(&wasmkm_lock);
	idr_for_each_entry(&wasmkm_apps, app, id)
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
		if (n < cap)
			wasmkm_app_fill_info(app, &v[n]);
		n++;
	}
	mutex_unlock(&wasmkm_lock);
	*out = v;
	*count = n;
	return 0;
}

/* Module exit: no app object is loaded, so no app is attached. */
void wasmkm_registry_exit(void)
{
	wasmkm_remove_apps(NULL);
	idr_destroy(&wasmkm_apps);
}
