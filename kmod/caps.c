// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: capabilities granted at load, and the table of their types
 * (caps.h).  LOAD copies the caller's array of struct wasmkm_cap once, looks
 * each kind up in wasmkm_cap_types[] and lets the type take the grant; the
 * app record keeps it until release, and each instance start preopens one
 * descriptor per grant through the type.
 *
 * The type "fs": a directory the loader has open (so the loader's own view
 * of the file system, namespaces included, decides what it names), kept
 * referenced until the app is unloaded and preopened as a WASI directory.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "caps.h"
#include "wasi/fd.h"
#include "wasi/lookup.h"
#include "wasmkm.h"

/* Every capability type, looked up by kind; a new type is one line here. */
static const struct wasmkm_cap_type *const wasmkm_cap_types[] = {
	&wasmkm_cap_fs,
	&wasmkm_cap_net,
	&wasmkm_cap_i2c,	/* dev/i2c.c */
	&wasmkm_cap_gpio,	/* dev/gpio.c */
};

static const struct wasmkm_cap_type *wasmkm_cap_type_find(u32 kind)
{
	u32 i;

	for (i = 0; i < ARRAY_SIZE(wasmkm_cap_types); i++)
		if (wasmkm_cap_types[i]->kind == kind)
			return wasmkm_cap_types[i];
	return NULL;
}

static int wasmkm_cap_fs_get(struct wasmkm_app *app, struct wasmkm_grant *g,
			     const struct wasmkm_cap *cap, char *error)
{
	struct file *file;
	size_t len;

	if (cap->flags & ~WASMKM_CAP_RO || cap->reserved) {
		snprintf(error, WASMKM_ERROR_LEN, "unknown flags");
		return -EINVAL;
	}
	len = strnlen(cap->guest_path, sizeof(cap->guest_path));
	if (!len || len == sizeof(cap->guest_path)) {
		snprintf(error, WASMKM_ERROR_LEN, "guest path empty or longer than %u bytes",
			 WASMKM_PATH_LEN - 1);
		return -EINVAL;
	}
	file = fget_raw(cap->dir_fd);	/* O_PATH descriptors too */
	if (!file) {
		snprintf(error, WASMKM_ERROR_LEN, "bad directory fd");
		return -EBADF;
	}
	if (!d_is_dir(file->f_path.dentry)) {
		fput(file);
		snprintf(error, WASMKM_ERROR_LEN, "%.64s: not a directory", cap->guest_path);
		return -ENOTDIR;
	}
	g->path = file->f_path;
	path_get(&g->path);
	fput(file);
	g->ro = cap->flags & WASMKM_CAP_RO;
	memcpy(g->guest, cap->guest_path, len + 1);
	return 0;
}

static void wasmkm_cap_fs_put(struct wasmkm_grant *g)
{
	path_put(&g->path);
}

static int wasmkm_cap_fs_preopen(struct wasmkm_inst *inst, struct wasmkm_grant *g,
				 struct wasmkm_fd *f)
{
	struct file *file;

	/* Readable for fd_readdir if the loader may read it, else for lookups only. */
	file = file_open_root(&g->path, ".", O_RDONLY | O_DIRECTORY, 0);
	if (IS_ERR(file))
		file = file_open_root(&g->path, ".", O_PATH | O_DIRECTORY, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	f->ops = &wasmkm_fd_dir_ops;
	f->file = file;
	f->ro = g->ro;
	/* Directory rights; files and directories beneath get from both sets. */
	f->rights = WASMKM_RIGHTS_DIR;
	f->rights_inh = WASMKM_RIGHTS_DIR | WASMKM_RIGHTS_FILE;
	if (file->f_mode & FMODE_PATH)
		f->rights &= ~WASI_RIGHT_FD_READDIR;
	if (g->ro) {
		f->rights &= ~WASI_RIGHTS_WRITE;
		f->rights_inh &= ~WASI_RIGHTS_WRITE;
	}
	return 0;
}

const struct wasmkm_cap_type wasmkm_cap_fs = {
	.kind = WASMKM_CAP_FS,
	.name = "fs",
	.get = wasmkm_cap_fs_get,
	.put = wasmkm_cap_fs_put,
	.preopen = wasmkm_cap_fs_preopen,
};

static int wasmkm_grant_get(struct wasmkm_app *app, struct wasmkm_grant *g,
			    const struct wasmkm_cap *cap, u32 i, char *error)
{
	char msg[WASMKM_ERROR_LEN] = "";
	int ret;

	g->type = wasmkm_cap_type_find(cap->kind);
	if (!g->type) {
		snprintf(error, WASMKM_ERROR_LEN, "capability %u: unknown kind %u", i, cap->kind);
		return -EINVAL;
	}
	ret = g->type->get(app, g, cap, msg);
	if (ret)
		snprintf(error, WASMKM_ERROR_LEN, "capability %u (%s): %s", i, g->type->name, msg);
	return ret;
}

int wasmkm_grants_get(struct wasmkm_app *app, struct wasmkm_load *arg)
{
	struct wasmkm_cap *caps;
	u32 i;
	int ret = 0;

	/* The uapi struct keeps its size as kinds add their union members. */
	BUILD_BUG_ON(sizeof(struct wasmkm_cap) != WASMKM_CAP_SIZE);
	BUILD_BUG_ON(offsetof(struct wasmkm_cap, guest_path) != 16);
	if (!arg->ncaps)
		return 0;
	if (arg->ncaps > WASMKM_CAPS_MAX) {
		snprintf(arg->error, WASMKM_ERROR_LEN,
			 "%u capabilities, at most %u", arg->ncaps, WASMKM_CAPS_MAX);
		return -E2BIG;
	}
	/* The array is read once, here; the types see only this copy. */
	caps = memdup_user(u64_to_user_ptr(arg->caps), arg->ncaps * sizeof(*caps));
	if (IS_ERR(caps))
		return PTR_ERR(caps);
	app->grants = kcalloc(arg->ncaps, sizeof(*app->grants), GFP_KERNEL);
	if (!app->grants) {
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < arg->ncaps; i++) {
		ret = wasmkm_grant_get(app, &app->grants[i], &caps[i], i, arg->error);
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

	for (i = 0; i < app->ngrants; i++)
		app->grants[i].type->put(&app->grants[i]);
	kfree(app->grants);
	app->grants = NULL;
	app->ngrants = 0;
}
