// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: resolving WASI paths.  A path is taken relative to a directory
 * descriptor and resolved with that directory as the root, by the kernel's
 * own walk in LOOKUP_IN_ROOT mode (openat2's RESOLVE_IN_ROOT): "..", an
 * absolute symlink or a symlink that climbs stop at the root, and a ".."
 * taken while a rename or a mount changed the tree makes the walk fail
 * with EAGAIN instead of climbing out through a directory moved away (a
 * chroot-style walk would follow it).  The walk is then retried a few
 * times.  Files are opened from the resolved path or, to create one, by
 * its last name beneath the resolved parent, so no walk with a weaker
 * check ever runs.  Paths that say they climb out ("/...", or ".." above
 * the directory) are refused before any lookup with ENOTCAPABLE, as WASI
 * runtimes do.  Documentation/capabilities.md says why.
 */
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/stat.h>

#include "app_mem.h"
#include "compat.h"
#include "wasi/lookup.h"
#include "wasi/fd.h"
#include "wasmkm.h"

/*
 * Copy a path out of linear memory, once (app_mem.c), and check the copy:
 * refuses absolute paths and ".." components that climb above the
 * starting directory.
 */
char *wasmkm_path_get(struct wasmkm_ctx *ctx, s32 path, s32 len, s32 *err)
{
	char *p = wasmkm_app_path(ctx, path, len, err);
	int depth = 0;
	char *s;

	if (!p)
		return NULL;
	if (p[0] == '/') {
		kfree(p);
		*err = WASI_ENOTCAPABLE;
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
	if (!wasmkm_fd_is_dir(f)) {
		*err = WASI_ENOTDIR;
		return NULL;
	}
	if (write && f->ro) {
		*err = WASI_ENOTCAPABLE;
		return NULL;
	}
	return f;
}

/* Walks retried after a racing rename or mount, before EAGAIN reaches the app. */
#define WASMKM_LOOKUP_TRIES	32
#define WASMKM_LOOKUP_SCOPE	LOOKUP_IN_ROOT

/*
 * A scoped walk fails with EAGAIN when a rename or mount raced with a "..",
 * and with EXDEV if it ended outside the root all the same: try again.
 */
static bool wasmkm_lookup_retry(int err, int *tries)
{
	if ((err != -EAGAIN && err != -EXDEV) || ++*tries >= WASMKM_LOOKUP_TRIES)
		return false;
	cond_resched();
	return true;
}

int wasmkm_lookup_parent(const struct path *root, const char *path, struct wasmkm_lookup *lk)
{
	int err, tries = 0;

	memset(lk, 0, sizeof(*lk));
	lk->root = root;
	do {
		lk->name = getname_kernel(path);
		if (IS_ERR(lk->name))
			return PTR_ERR(lk->name);
		err = wasmkm_path_parent_lookup(lk->name, WASMKM_LOOKUP_SCOPE, &lk->parent,
						&lk->last, &lk->type, root);
		if (err)
			putname(lk->name);
	} while (wasmkm_lookup_retry(err, &tries));
	if (err)
		return err;
	lk->trailing_slash = lk->type == WASMKM_LAST_NORM && lk->last.name[lk->last.len];
	return 0;
}

/*
 * For a change: lock the parent and look up the last component (maybe
 * negative).  Under the lock the parent must still be beneath the root: a
 * directory the walk went through and that was then moved out is not
 * changed (EAGAIN, as a walk that saw the rename).
 */
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
	if (!path_is_under(&lk->parent, lk->root))
		d = ERR_PTR(-EAGAIN);
	else
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

/* Resolve a whole path beneath @root, following a final symlink if asked. */
int wasmkm_lookup_path(const struct path *root, const char *path, bool follow,
		       struct path *out)
{
	unsigned int flags = WASMKM_LOOKUP_SCOPE | (follow ? LOOKUP_FOLLOW : 0);
	int err, tries = 0;

	do {
		err = vfs_path_lookup(root->dentry, root->mnt, path, flags, out);
	} while (wasmkm_lookup_retry(err, &tries));
	return err;
}

/*
 * Open the file at @p itself, with the permission checks of open(2): the
 * empty name walks nothing from its own preset root, so file_open_root()
 * only opens (a symlink is ELOOP unless O_PATH).
 */
struct file *wasmkm_open_path(const struct path *p, int flags)
{
	if (flags & O_CREAT) {
		if (flags & O_EXCL)
			return ERR_PTR(-EEXIST);
		if (d_is_dir(p->dentry))
			return ERR_PTR(-EISDIR);
		flags &= ~(O_CREAT | O_EXCL);
	}
	return file_open_root(p, "", flags, 0);
}

/*
 * The path to try next when the last component of @lk (from @path) is a
 * symlink to nothing and O_CREAT follows it: its target, from the root if
 * absolute, else from the directory of the link.
 */
static char *wasmkm_link_next(struct wasmkm_lookup *lk, const char *path, int *err)
{
	DEFINE_DELAYED_CALL(done);
	size_t dir = (const char *)lk->last.name - lk->name->name, tlen;
	const char *target;
	struct path link;
	char *next = NULL;

	*err = vfs_path_lookup(lk->parent.dentry, lk->parent.mnt, lk->last.name, 0, &link);
	if (*err)
		return NULL;
	target = d_is_symlink(link.dentry) ? vfs_get_link(link.dentry, &done) : ERR_PTR(-ELOOP);
	if (IS_ERR(target)) {
		*err = PTR_ERR(target);
		goto out;
	}
	if (target[0] == '/')
		dir = 0;
	tlen = strlen(target);
	*err = -ENAMETOOLONG;
	if (dir + tlen >= PATH_MAX)
		goto out;
	*err = -ENOMEM;
	next = kmalloc(dir + tlen + 1, GFP_KERNEL_ACCOUNT);
	if (!next)
		goto out;
	memcpy(next, path, dir);
	memcpy(next + dir, target, tlen + 1);
	*err = 0;
out:
	do_delayed_call(&done);
	path_put(&link);
	return next;
}

/*
 * Create (O_CREAT) the file @path names beneath @root, which the caller
 * found not to exist: open its last name beneath its resolved parent,
 * without following; a symlink there to nothing is followed by hand, so
 * that each walk is a scoped one.
 */
struct file *wasmkm_create_beneath(const struct path *root, const char *path, int flags,
				   bool follow)
{
	struct wasmkm_lookup lk;
	const char *name = path;
	struct file *file;
	char *next, *cur = NULL;
	int err, hops;

	for (hops = 0; ; hops++) {
		err = wasmkm_lookup_parent(root, name, &lk);
		if (err) {
			file = ERR_PTR(err);
			break;
		}
		if (lk.type != WASMKM_LAST_NORM)
			file = ERR_PTR(-ENOENT);
		else
			file = file_open_root(&lk.parent, lk.last.name, flags | O_NOFOLLOW, 0666);
		if (PTR_ERR(file) != -ELOOP || !follow || flags & O_EXCL || hops >= MAXSYMLINKS) {
			wasmkm_lookup_done(&lk);
			break;
		}
		next = wasmkm_link_next(&lk, name, &err);
		wasmkm_lookup_done(&lk);
		kfree(cur);
		cur = next;
		name = next;
		if (!next) {
			file = ERR_PTR(err);
			break;
		}
	}
	kfree(cur);
	return file;
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
	err = wasmkm_lookup_path(&dir->file->f_path, name, follow, out);
	kfree(name);
	return wasmkm_errno_to_wasi(err);
}
