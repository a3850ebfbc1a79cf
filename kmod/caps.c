// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: capabilities granted at load.  A file-system grant is taken as a
 * directory the loader has open (so the loader's own view of the file
 * system, namespaces included, decides what it names); the app record
 * keeps a reference on that directory until it is unloaded.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "wasmkm.h"

static int wasmkm_grant_get(struct wasmkm_grant *g, const struct wasmkm_cap *cap, u32 i,
			    char *error)
{
	struct file *file;
	size_t len;

	if (cap->kind == WASMKM_CAP_NET)
		return wasmkm_net_grant_get(g, cap, i, error);
	if (cap->kind != WASMKM_CAP_FS) {
		snprintf(error, WASMKM_ERROR_LEN, "capability %u: unknown kind %u", i, cap->kind);
		return -EINVAL;
	}
	if (cap->flags & ~WASMKM_CAP_RO || cap->reserved) {
		snprintf(error, WASMKM_ERROR_LEN, "capability %u: unknown flags", i);
		return -EINVAL;
	}
	len = strnlen(cap->guest_path, sizeof(cap->guest_path));
	if (!len || len == sizeof(cap->guest_path)) {
		snprintf(error, WASMKM_ERROR_LEN,
			 "capability %u: guest path empty or longer than %u bytes", i,
			 WASMKM_PATH_LEN - 1);
		return -EINVAL;
	}
	file = fget_raw(cap->dir_fd);	/* O_PATH descriptors too */
	if (!file) {
		snprintf(error, WASMKM_ERROR_LEN, "capability %u: bad directory fd", i);
		return -EBADF;
	}
	if (!d_is_dir(file->f_path.dentry)) {
		fput(file);
		snprintf(error, WASMKM_ERROR_LEN, "capability %u (%.64s): not a directory", i,
			 cap->guest_path);
		return -ENOTDIR;
	}
	g->path = file->f_path;
	path_get(&g->path);
	fput(file);
	g->kind = WASMKM_CAP_FS;
	g->ro = cap->flags & WASMKM_CAP_RO;
	memcpy(g->guest, cap->guest_path, len + 1);
	return 0;
}

int wasmkm_grants_get(struct wasmkm_app *app, struct wasmkm_load *arg)
{
	struct wasmkm_cap *caps;
	u32 i;
	int ret = 0;

	if (!arg->ncaps)
		return 0;
	if (arg->ncaps > WASMKM_CAPS_MAX) {
		snprintf(arg->error, WASMKM_ERROR_LEN,
			 "%u capabilities, at most %u", arg->ncaps, WASMKM_CAPS_MAX);
		return -E2BIG;
	}
	caps = memdup_user(u64_to_user_ptr(arg->caps), arg->ncaps * sizeof(*caps));
	if (IS_ERR(caps))
		return PTR_ERR(caps);
	app->grants = kcalloc(arg->ncaps, sizeof(*app->grants), GFP_KERNEL);
	if (!app->grants) {
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < arg->ncaps; i++) {
		ret = wasmkm_grant_get(&app->grants[i], &caps[i], i, arg->error);
		if (ret)
			break;
		app->ngrants++;
	}
out:
	kfree(caps);
	return ret;
}

void wasmkm_grants_put(struct wasmkm_app *app)
{
	u32 i;

	for (i = 0; i < app->ngrants; i++) {
		if (app->grants[i].kind == WASMKM_CAP_NET)
			wasmkm_net_grant_put(&app->grants[i]);
		else
			path_put(&app->grants[i].path);
	}
	kfree(app->grants);
	app->grants = NULL;
	app->ngrants = 0;
}
