// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: resolving WASI paths.  A path is taken relative to a directory
 * descriptor and resolved with that directory as the root (the kernel's
 * own walk with a preset root, as chroot does), so neither "..", nor an
 * absolute path, nor a symlink can reach outside it.  Paths that say so
 * outright ("/...", or ".." above the directory) are refused before any
 * lookup with ENOTCAPABLE, as WASI runtimes do.
 */
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/stat.h>

#include "compat.h"
#include "wasi_lookup.h"
#include "wasmkm.h"

/*
 * Copy a path out of linear memory.  Refuses NUL bytes, absolute paths and
 * ".." components that climb above the starting directory.
 */
char *wasmkm_path_get(struct wasmkm_ctx *ctx, s32 path, s32 len, s32 *err)
{
	const char *src = wasmkm_mem_ptr(ctx, path, (u32)len);
	int depth = 0;
	char *p, *s;

	if (!src) {
		*err = WASI_EFAULT;
		return NULL;
	}
	if ((u32)len >= PATH_MAX) {
		*err = WASI_ENAMETOOLONG;
		return NULL;
	}
	if (memchr(src, 0, len)) {
		*err = WASI_EILSEQ;
		return NULL;
	}
	if (len && src[0] == '/') {
		*err = WASI_ENOTCAPABLE;
		return NULL;
	}
	p = kmemdup_nul(src, len, GFP_KERNEL);
	if (!p) {
		*err = WASI_ENOMEM;
		return NULL;
	}
	for (s = p; *s; ) {
		size_t n = strchrnul(s, '/') - s;

		if (n == 2 && s[0] == '.' && s[1] == '.')
			depth--;
		else if (n && !(n == 1 && s[0] == '.'))
			depth++;
		if (depth < 0) {
			kfree(p);
			*err = WASI_ENOTCAPABLE;
			return NULL;
		}
		s += n;
		while (*s == '/')
			s++;
	}
	return p;
}

/* A directory descriptor with @rights (a read-only grant has no write rights). */
struct wasmkm_fd *wasmkm_dir_get(struct wasmkm_inst *inst, s32 fd, u64 rights, bool write,
				 s32 *err)
{
	struct wasmkm_fd *f = wasmkm_fd_get(inst, fd, rights, err);

	if (!f)
		return NULL;
	if (f->type != WASMKM_FD_DIR) {
		*err = WASI_ENOTDIR;
		return NULL;
	}
	if (write && f->ro) {
		*err = WASI_ENOTCAPABLE;
		return NULL;
	}
	return f;
}


int wasmkm_lookup_parent(const struct path *root, const char *path, struct wasmkm_lookup *lk)
{
	int err;

	memset(lk, 0, sizeof(*lk));
	lk->name = getname_kernel(path);
	if (IS_ERR(lk->name))
		return PTR_ERR(lk->name);
	err = wasmkm_path_parent_lookup(lk->name, 0, &lk->parent, &lk->last, &lk->type, root);
	if (err) {
		putname(lk->name);
		return err;
	}
	lk->trailing_slash = lk->type == WASMKM_LAST_NORM && lk->last.name[lk->last.len];
	return 0;
}

/* For a change: lock the parent and look up the last component (maybe negative). */
int wasmkm_lookup_lock(struct wasmkm_lookup *lk, unsigned int flags)
{
	struct dentry *d;
	int err;

	if (lk->type != WASMKM_LAST_NORM)
		return lk->type == WASMKM_LAST_DOTDOT ? -ENOTEMPTY : -EINVAL;
	err = mnt_want_write(lk->parent.mnt);
	if (err)
		return err;
	inode_lock_nested(d_inode(lk->parent.dentry), I_MUTEX_PARENT);
	d = lookup_one_qstr_excl(&lk->last, lk->parent.dentry, flags);
	if (IS_ERR(d)) {
		inode_unlock(d_inode(lk->parent.dentry));
		mnt_drop_write(lk->parent.mnt);
		return PTR_ERR(d);
	}
	lk->dentry = d;
	return 0;
}

void wasmkm_lookup_done(struct wasmkm_lookup *lk)
{
	if (lk->dentry) {
		dput(lk->dentry);
		inode_unlock(d_inode(lk->parent.dentry));
		mnt_drop_write(lk->parent.mnt);
	}
	path_put(&lk->parent);
	putname(lk->name);
}

/*
 * Resolve a whole path beneath @dir (following a final symlink if asked):
 * an O_PATH open is the exported walk with a preset root.
 */
int wasmkm_lookup_path(struct wasmkm_fd *dir, const char *path, bool follow, struct path *out)
{
	struct file *file;

	file = file_open_root(&dir->file->f_path, path,
			      O_PATH | (follow ? 0 : O_NOFOLLOW), 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	*out = file->f_path;
	path_get(out);
	fput(file);
	return 0;
}

/* The parent of a path beneath directory descriptor @fd, which needs @right. */
s32 wasmkm_parent_at(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, u64 right,
		     struct wasmkm_lookup *lk)
{
	struct wasmkm_fd *dir;
	char *name;
	s32 werr;
	int err;

	dir = wasmkm_dir_get(wasmkm_ctx_inst(ctx), fd, right, true, &werr);
	if (!dir)
		return werr;
	name = wasmkm_path_get(ctx, path, len, &werr);
	if (!name)
		return werr;
	err = wasmkm_lookup_parent(&dir->file->f_path, name, lk);
	kfree(name);
	return wasmkm_errno_to_wasi(err);
}

/* A whole path beneath directory descriptor @fd, which needs @right. */
s32 wasmkm_resolve_at(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, u64 right,
		      bool write, bool follow, struct path *out)
{
	struct wasmkm_fd *dir;
	char *name;
	s32 werr;
	int err;

	dir = wasmkm_dir_get(wasmkm_ctx_inst(ctx), fd, right, write, &werr);
	if (!dir)
		return werr;
	name = wasmkm_path_get(ctx, path, len, &werr);
	if (!name)
		return werr;
	err = wasmkm_lookup_path(dir, name, follow, out);
	kfree(name);
	return wasmkm_errno_to_wasi(err);
}
