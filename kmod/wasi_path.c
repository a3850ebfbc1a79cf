// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI path_* functions.  A path is taken relative to a directory
 * descriptor and resolved with that directory as the root (the kernel's
 * own walk with a preset root, as chroot does), so neither "..", nor an
 * absolute path, nor a symlink can reach outside it.  Paths that say so
 * outright ("/...", or ".." above the directory) are refused before any
 * lookup with ENOTCAPABLE, as WASI runtimes do.  Every operation runs with
 * the loader's credentials, so permissions and LSM hooks apply to that
 * user; a read-only grant refuses every operation that would write.
 */
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <asm/unaligned.h>

#include "compat.h"
#include "wasmkm.h"

void wasmkm_put_filestat(u8 *p, const struct kstat *st)
{
	memset(p, 0, WASI_FILESTAT_SIZE);
	put_unaligned_le64(new_encode_dev(st->dev), p);
	put_unaligned_le64(st->ino, p + 8);
	p[16] = wasmkm_filetype(st->mode);
	put_unaligned_le64(st->nlink, p + 24);
	put_unaligned_le64(st->size, p + 32);
	put_unaligned_le64(timespec64_to_ns(&st->atime), p + 40);
	put_unaligned_le64(timespec64_to_ns(&st->mtime), p + 48);
	put_unaligned_le64(timespec64_to_ns(&st->ctime), p + 56);
}

s32 wasmkm_set_times(const struct path *path, u64 atim, u64 mtim, u32 fst)
{
	struct inode *inode = d_inode(path->dentry);
	struct iattr attr = { .ia_valid = ATTR_CTIME };
	int err;

	if (fst & ~(WASI_FSTFLAG_ATIM | WASI_FSTFLAG_ATIM_NOW | WASI_FSTFLAG_MTIM |
		    WASI_FSTFLAG_MTIM_NOW) ||
	    (fst & WASI_FSTFLAG_ATIM && fst & WASI_FSTFLAG_ATIM_NOW) ||
	    (fst & WASI_FSTFLAG_MTIM && fst & WASI_FSTFLAG_MTIM_NOW))
		return WASI_EINVAL;
	if (fst & (WASI_FSTFLAG_ATIM | WASI_FSTFLAG_ATIM_NOW))
		attr.ia_valid |= ATTR_ATIME;
	if (fst & WASI_FSTFLAG_ATIM) {
		attr.ia_valid |= ATTR_ATIME_SET;
		attr.ia_atime = ns_to_timespec64(atim);
	}
	if (fst & (WASI_FSTFLAG_MTIM | WASI_FSTFLAG_MTIM_NOW))
		attr.ia_valid |= ATTR_MTIME;
	if (fst & WASI_FSTFLAG_MTIM) {
		attr.ia_valid |= ATTR_MTIME_SET;
		attr.ia_mtime = ns_to_timespec64(mtim);
	}
	/* As utimensat(): explicit times need ownership, "now" write access. */
	if (fst & (WASI_FSTFLAG_ATIM | WASI_FSTFLAG_MTIM))
		attr.ia_valid |= ATTR_TIMES_SET;
	else
		attr.ia_valid |= ATTR_TOUCH;
	err = mnt_want_write(path->mnt);
	if (err)
		return wasmkm_errno_to_wasi(err);
	inode_lock(inode);
	err = notify_change(wasmkm_mnt_map(path->mnt), path->dentry, &attr, NULL);
	inode_unlock(inode);
	mnt_drop_write(path->mnt);
	return wasmkm_errno_to_wasi(err);
}

/*
 * Copy a path out of linear memory.  Refuses NUL bytes, absolute paths and
 * ".." components that climb above the starting directory.
 */
static char *wasmkm_path_get(struct wasmkm_ctx *ctx, s32 path, s32 len, s32 *err)
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
static struct wasmkm_fd *wasmkm_dir_get(struct wasmkm_inst *inst, s32 fd, u64 rights,
					bool write, s32 *err)
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

/* A parent directory and the last component of a path, resolved beneath a root. */
struct wasmkm_lookup {
	struct filename *name;
	struct path parent;
	struct qstr last;
	int type;
	bool trailing_slash;
	struct dentry *dentry;	/* set by wasmkm_lookup_lock() */
};

static int wasmkm_lookup_parent(const struct path *root, const char *path,
				struct wasmkm_lookup *lk)
{
	int err;

	memset(lk, 0, sizeof(*lk));
	lk->name = getname_kernel(path);
	if (IS_ERR(lk->name))
		return PTR_ERR(lk->name);
	err = vfs_path_parent_lookup(lk->name, 0, &lk->parent, &lk->last, &lk->type, root);
	if (err) {
		putname(lk->name);
		return err;
	}
	lk->trailing_slash = lk->type == LAST_NORM && lk->last.name[lk->last.len];
	return 0;
}

/* For a change: lock the parent and look up the last component (maybe negative). */
static int wasmkm_lookup_lock(struct wasmkm_lookup *lk, unsigned int flags)
{
	struct dentry *d;
	int err;

	if (lk->type != LAST_NORM)
		return lk->type == LAST_DOTDOT ? -ENOTEMPTY : -EINVAL;
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

static void wasmkm_lookup_done(struct wasmkm_lookup *lk)
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
static int wasmkm_lookup_path(struct wasmkm_fd *dir, const char *path, bool follow,
			      struct path *out)
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

enum wasmkm_create { WASMKM_MKDIR, WASMKM_SYMLINK };

static s32 wasmkm_path_create(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, u64 right,
			      enum wasmkm_create what, const char *target)
{
	struct wasmkm_lookup lk;
	struct wasmkm_fd *dir;
	struct inode *pdir;
	char *name;
	s32 werr;
	int err;

	dir = wasmkm_dir_get(wasmkm_ctx_inst(ctx), fd, right, true, &werr);
	if (!dir)
		return werr;
	name = wasmkm_path_get(ctx, path, len, &werr);
	if (!name)
		return werr;
	err = wasmkm_lookup_parent(&dir->file->f_path, name, &lk);
	kfree(name);
	if (err)
		return wasmkm_errno_to_wasi(err);
	if (lk.type != LAST_NORM) {
		err = -EEXIST;
		goto out;
	}
	if (lk.trailing_slash && what != WASMKM_MKDIR) {
		err = -ENOENT;
		goto out;
	}
	err = wasmkm_lookup_lock(&lk, LOOKUP_CREATE | LOOKUP_EXCL);
	if (err)
		goto out;
	if (d_is_positive(lk.dentry)) {
		err = -EEXIST;
		goto out;
	}
	pdir = d_inode(lk.parent.dentry);
	if (what == WASMKM_MKDIR) {
		err = security_path_mkdir(&lk.parent, lk.dentry, 0777);
		if (!err)
			err = vfs_mkdir(wasmkm_mnt_map(lk.parent.mnt), pdir, lk.dentry,
					0777 & ~current_umask());
	} else {
		err = vfs_symlink(wasmkm_mnt_map(lk.parent.mnt), pdir, lk.dentry, target);
	}
out:
	wasmkm_lookup_done(&lk);
	return wasmkm_errno_to_wasi(err);
}

s32 wasmkm_wasi_path_create_directory(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	return WASMKM_CALL(ctx, wasmkm_path_create(ctx, fd, path, len,
						   WASI_RIGHT_PATH_CREATE_DIRECTORY,
						   WASMKM_MKDIR, NULL));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_create_directory);

static s32 wasmkm_path_symlink(struct wasmkm_ctx *ctx, s32 old_path, s32 old_len, s32 fd,
			       s32 new_path, s32 new_len)
{
	const char *src = wasmkm_mem_ptr(ctx, old_path, (u32)old_len);
	char *target;
	s32 ret;

	if (!src)
		return WASI_EFAULT;
	if ((u32)old_len >= PATH_MAX)
		return WASI_ENAMETOOLONG;
	if (!old_len || memchr(src, 0, old_len))
		return old_len ? WASI_EILSEQ : WASI_ENOENT;
	target = kmemdup_nul(src, old_len, GFP_KERNEL);
	if (!target)
		return WASI_ENOMEM;
	ret = wasmkm_path_create(ctx, fd, new_path, new_len, WASI_RIGHT_PATH_SYMLINK,
				 WASMKM_SYMLINK, target);
	kfree(target);
	return ret;
}

s32 wasmkm_wasi_path_symlink(struct wasmkm_ctx *ctx, s32 old_path, s32 old_len, s32 fd,
			     s32 new_path, s32 new_len)
{
	return WASMKM_CALL(ctx, wasmkm_path_symlink(ctx, old_path, old_len, fd, new_path,
						    new_len));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_symlink);

static s32 wasmkm_path_remove(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, bool rmdir)
{
	u64 right = rmdir ? WASI_RIGHT_PATH_REMOVE_DIRECTORY : WASI_RIGHT_PATH_UNLINK_FILE;
	struct wasmkm_lookup lk;
	struct wasmkm_fd *dir;
	struct inode *pdir;
	char *name;
	s32 werr;
	int err;

	dir = wasmkm_dir_get(wasmkm_ctx_inst(ctx), fd, right, true, &werr);
	if (!dir)
		return werr;
	name = wasmkm_path_get(ctx, path, len, &werr);
	if (!name)
		return werr;
	err = wasmkm_lookup_parent(&dir->file->f_path, name, &lk);
	kfree(name);
	if (err)
		return wasmkm_errno_to_wasi(err);
	if (!rmdir && lk.type != LAST_NORM) {
		err = -EISDIR;
		goto out;
	}
	err = wasmkm_lookup_lock(&lk, 0);
	if (err)
		goto out;
	pdir = d_inode(lk.parent.dentry);
	if (d_is_negative(lk.dentry)) {
		err = -ENOENT;
	} else if (rmdir) {
		err = vfs_rmdir(wasmkm_mnt_map(lk.parent.mnt), pdir, lk.dentry);
	} else if (lk.trailing_slash) {
		err = d_is_dir(lk.dentry) ? -EISDIR : -ENOTDIR;
	} else {
		err = security_path_unlink(&lk.parent, lk.dentry);
		if (!err)
			err = vfs_unlink(wasmkm_mnt_map(lk.parent.mnt), pdir, lk.dentry, NULL);
	}
out:
	wasmkm_lookup_done(&lk);
	return wasmkm_errno_to_wasi(err);
}

s32 wasmkm_wasi_path_unlink_file(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	return WASMKM_CALL(ctx, wasmkm_path_remove(ctx, fd, path, len, false));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_unlink_file);

s32 wasmkm_wasi_path_remove_directory(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	return WASMKM_CALL(ctx, wasmkm_path_remove(ctx, fd, path, len, true));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_remove_directory);

static s32 wasmkm_path_stat(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 path, s32 len,
			    s32 buf, bool set, u64 atim, u64 mtim, u32 fst)
{
	u64 right = set ? WASI_RIGHT_PATH_FILESTAT_SET_TIMES : WASI_RIGHT_PATH_FILESTAT_GET;
	struct wasmkm_fd *dir;
	struct path p;
	struct kstat st;
	char *name;
	u8 *out = NULL;
	s32 werr;
	int err;

	dir = wasmkm_dir_get(wasmkm_ctx_inst(ctx), fd, right, set, &werr);
	if (!dir)
		return werr;
	if (!set) {
		out = wasmkm_mem_ptr(ctx, buf, WASI_FILESTAT_SIZE);
		if (!out)
			return WASI_EFAULT;
	}
	name = wasmkm_path_get(ctx, path, len, &werr);
	if (!name)
		return werr;
	err = wasmkm_lookup_path(dir, name, flags & WASI_LOOKUP_SYMLINK_FOLLOW, &p);
	kfree(name);
	if (err)
		return wasmkm_errno_to_wasi(err);
	if (set) {
		werr = wasmkm_set_times(&p, atim, mtim, fst);
	} else {
		err = vfs_getattr(&p, &st, STATX_BASIC_STATS, AT_STATX_SYNC_AS_STAT);
		if (!err)
			wasmkm_put_filestat(out, &st);
		werr = wasmkm_errno_to_wasi(err);
	}
	path_put(&p);
	return werr;
}

s32 wasmkm_wasi_path_filestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 path, s32 len,
				  s32 buf)
{
	return WASMKM_CALL(ctx, wasmkm_path_stat(ctx, fd, flags, path, len, buf, false, 0, 0, 0));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_filestat_get);

s32 wasmkm_wasi_path_filestat_set_times(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 path,
					s32 len, s64 atim, s64 mtim, s32 fstflags)
{
	return WASMKM_CALL(ctx, wasmkm_path_stat(ctx, fd, flags, path, len, 0, true, atim, mtim,
						 fstflags));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_filestat_set_times);

static s32 wasmkm_path_readlink(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, s32 buf,
				s32 buf_len, s32 bufused)
{
	DEFINE_DELAYED_CALL(done);
	struct wasmkm_fd *dir;
	const char *target;
	struct path p;
	u8 *out, *used;
	char *name;
	size_t n;
	s32 werr;
	int err;

	dir = wasmkm_dir_get(wasmkm_ctx_inst(ctx), fd, WASI_RIGHT_PATH_READLINK, false, &werr);
	if (!dir)
		return werr;
	out = wasmkm_mem_ptr(ctx, buf, (u32)buf_len);
	used = wasmkm_mem_ptr(ctx, bufused, 4);
	if (!out || !used)
		return WASI_EFAULT;
	name = wasmkm_path_get(ctx, path, len, &werr);
	if (!name)
		return werr;
	err = wasmkm_lookup_path(dir, name, false, &p);
	kfree(name);
	if (err)
		return wasmkm_errno_to_wasi(err);
	target = vfs_get_link(p.dentry, &done);
	if (IS_ERR(target)) {
		werr = wasmkm_errno_to_wasi(PTR_ERR(target));
	} else {
		n = min_t(size_t, strlen(target), (u32)buf_len);
		memcpy(out, target, n);
		put_unaligned_le32(n, used);
		werr = WASI_ESUCCESS;
	}
	do_delayed_call(&done);
	path_put(&p);
	return werr;
}

s32 wasmkm_wasi_path_readlink(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, s32 buf,
			      s32 buf_len, s32 bufused)
{
	return WASMKM_CALL(ctx, wasmkm_path_readlink(ctx, fd, path, len, buf, buf_len, bufused));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_readlink);

static s32 wasmkm_path_link(struct wasmkm_ctx *ctx, s32 old_fd, s32 old_flags, s32 old_path,
			    s32 old_len, s32 new_fd, s32 new_path, s32 new_len)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	struct wasmkm_fd *odir, *ndir;
	struct wasmkm_lookup lk;
	struct path old;
	char *name;
	s32 werr;
	int err;

	odir = wasmkm_dir_get(inst, old_fd, WASI_RIGHT_PATH_LINK_SOURCE, true, &werr);
	ndir = odir ? wasmkm_dir_get(inst, new_fd, WASI_RIGHT_PATH_LINK_TARGET, true, &werr) :
	       NULL;
	if (!ndir)
		return werr;
	name = wasmkm_path_get(ctx, old_path, old_len, &werr);
	if (!name)
		return werr;
	err = wasmkm_lookup_path(odir, name, old_flags & WASI_LOOKUP_SYMLINK_FOLLOW, &old);
	kfree(name);
	if (err)
		return wasmkm_errno_to_wasi(err);
	name = wasmkm_path_get(ctx, new_path, new_len, &werr);
	if (!name) {
		path_put(&old);
		return werr;
	}
	err = wasmkm_lookup_parent(&ndir->file->f_path, name, &lk);
	kfree(name);
	if (err) {
		path_put(&old);
		return wasmkm_errno_to_wasi(err);
	}
	if (lk.type != LAST_NORM || lk.trailing_slash) {
		err = lk.type != LAST_NORM ? -EEXIST : -ENOENT;
		goto out;
	}
	if (old.mnt != lk.parent.mnt) {
		err = -EXDEV;
		goto out;
	}
	err = wasmkm_lookup_lock(&lk, LOOKUP_CREATE | LOOKUP_EXCL);
	if (err)
		goto out;
	if (d_is_positive(lk.dentry))
		err = -EEXIST;
	else
		err = vfs_link(old.dentry, wasmkm_mnt_map(lk.parent.mnt),
			       d_inode(lk.parent.dentry), lk.dentry, NULL);
out:
	wasmkm_lookup_done(&lk);
	path_put(&old);
	return wasmkm_errno_to_wasi(err);
}

s32 wasmkm_wasi_path_link(struct wasmkm_ctx *ctx, s32 old_fd, s32 old_flags, s32 old_path,
			  s32 old_len, s32 new_fd, s32 new_path, s32 new_len)
{
	return WASMKM_CALL(ctx, wasmkm_path_link(ctx, old_fd, old_flags, old_path, old_len,
						 new_fd, new_path, new_len));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_link);

static int wasmkm_do_rename(struct wasmkm_lookup *o, struct wasmkm_lookup *n)
{
	struct dentry *trap, *od, *nd;
	struct renamedata rd = {};
	int err;

	if (o->type != LAST_NORM || n->type != LAST_NORM)
		return -EBUSY;
	if (o->parent.mnt != n->parent.mnt)
		return -EXDEV;
	err = mnt_want_write(o->parent.mnt);
	if (err)
		return err;
	trap = lock_rename(n->parent.dentry, o->parent.dentry);
	od = lookup_one_qstr_excl(&o->last, o->parent.dentry, 0);
	err = PTR_ERR(od);
	if (IS_ERR(od))
		goto unlock;
	err = -ENOENT;
	if (d_is_negative(od))
		goto put_old;
	nd = lookup_one_qstr_excl(&n->last, n->parent.dentry, LOOKUP_RENAME_TARGET);
	err = PTR_ERR(nd);
	if (IS_ERR(nd))
		goto put_old;
	err = -EINVAL;
	if (od == trap)
		goto put_new;
	err = -ENOTEMPTY;
	if (nd == trap)
		goto put_new;
	err = -ENOTDIR;
	if (!d_is_dir(od) && (o->trailing_slash || n->trailing_slash))
		goto put_new;
	err = security_path_rename(&o->parent, od, &n->parent, nd, 0);
	if (err)
		goto put_new;
	WASMKM_RENAME_MAPS(&rd, wasmkm_mnt_map(o->parent.mnt), wasmkm_mnt_map(n->parent.mnt));
	rd.old_dir = d_inode(o->parent.dentry);
	rd.old_dentry = od;
	rd.new_dir = d_inode(n->parent.dentry);
	rd.new_dentry = nd;
	err = vfs_rename(&rd);
put_new:
	dput(nd);
put_old:
	dput(od);
unlock:
	unlock_rename(n->parent.dentry, o->parent.dentry);
	mnt_drop_write(o->parent.mnt);
	return err;
}

static s32 wasmkm_path_rename(struct wasmkm_ctx *ctx, s32 fd, s32 old_path, s32 old_len,
			      s32 new_fd, s32 new_path, s32 new_len)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	struct wasmkm_lookup o, n;
	struct wasmkm_fd *odir, *ndir;
	char *name;
	s32 werr;
	int err;

	odir = wasmkm_dir_get(inst, fd, WASI_RIGHT_PATH_RENAME_SOURCE, true, &werr);
	ndir = odir ? wasmkm_dir_get(inst, new_fd, WASI_RIGHT_PATH_RENAME_TARGET, true, &werr) :
	       NULL;
	if (!ndir)
		return werr;
	name = wasmkm_path_get(ctx, old_path, old_len, &werr);
	if (!name)
		return werr;
	err = wasmkm_lookup_parent(&odir->file->f_path, name, &o);
	kfree(name);
	if (err)
		return wasmkm_errno_to_wasi(err);
	name = wasmkm_path_get(ctx, new_path, new_len, &werr);
	if (!name) {
		wasmkm_lookup_done(&o);
		return werr;
	}
	err = wasmkm_lookup_parent(&ndir->file->f_path, name, &n);
	kfree(name);
	if (!err) {
		err = wasmkm_do_rename(&o, &n);
		wasmkm_lookup_done(&n);
	}
	wasmkm_lookup_done(&o);
	return wasmkm_errno_to_wasi(err);
}

s32 wasmkm_wasi_path_rename(struct wasmkm_ctx *ctx, s32 fd, s32 old_path, s32 old_len,
			    s32 new_fd, s32 new_path, s32 new_len)
{
	return WASMKM_CALL(ctx, wasmkm_path_rename(ctx, fd, old_path, old_len, new_fd, new_path,
						   new_len));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_rename);

/* Which rights make a descriptor open its file for reading or for writing. */
#define WASMKM_READ_RIGHTS	(WASI_RIGHT_FD_READ | WASI_RIGHT_FD_READDIR)
#define WASMKM_WRITE_RIGHTS	(WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ALLOCATE | \
				 WASI_RIGHT_FD_FILESTAT_SET_SIZE)

static s32 wasmkm_path_open(struct wasmkm_ctx *ctx, s32 fd, s32 dirflags, s32 path, s32 len,
			    s32 oflags, u64 base, u64 inh, s32 fdflags, s32 opened)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	bool rd = base & WASMKM_READ_RIGHTS, wr = base & WASMKM_WRITE_RIGHTS;
	u64 need = WASI_RIGHT_PATH_OPEN;
	struct wasmkm_fd *dir, *f;
	struct file *file;
	int flags = O_LARGEFILE;
	s32 werr, newfd;
	char *name;
	u8 *out;
	int err;

	if (oflags & ~(WASI_OFLAG_CREAT | WASI_OFLAG_DIRECTORY | WASI_OFLAG_EXCL |
		       WASI_OFLAG_TRUNC) ||
	    fdflags & ~(WASI_FDFLAG_APPEND | WASI_FDFLAG_DSYNC | WASI_FDFLAG_NONBLOCK |
			WASI_FDFLAG_RSYNC | WASI_FDFLAG_SYNC))
		return WASI_EINVAL;
	if (oflags & WASI_OFLAG_CREAT)
		need |= WASI_RIGHT_PATH_CREATE_FILE;
	if (oflags & WASI_OFLAG_TRUNC)
		need |= WASI_RIGHT_PATH_FILESTAT_SET_SIZE;
	/* Allocate first: growing the table moves its entries. */
	err = wasmkm_fd_alloc(inst, &newfd);
	if (err)
		return wasmkm_errno_to_wasi(err);
	dir = wasmkm_dir_get(inst, fd, need, false, &werr);
	if (!dir)
		return werr;
	if ((base & ~dir->rights_inh) || (inh & ~dir->rights_inh))
		return WASI_ENOTCAPABLE;
	if (dir->ro && (wr || oflags & (WASI_OFLAG_CREAT | WASI_OFLAG_TRUNC) ||
			fdflags & WASI_FDFLAG_APPEND))
		return WASI_ENOTCAPABLE;
	out = wasmkm_mem_ptr(ctx, opened, 4);
	if (!out)
		return WASI_EFAULT;
	name = wasmkm_path_get(ctx, path, len, &werr);
	if (!name)
		return werr;

	if (rd && wr)
		flags |= O_RDWR;
	else if (wr)
		flags |= O_WRONLY;
	else if (rd || oflags & (WASI_OFLAG_CREAT | WASI_OFLAG_TRUNC))
		flags |= O_RDONLY;
	else
		flags |= O_PATH;	/* metadata only */
	if (oflags & WASI_OFLAG_CREAT)
		flags |= O_CREAT;
	if (oflags & WASI_OFLAG_DIRECTORY)
		flags |= O_DIRECTORY;
	if (oflags & WASI_OFLAG_EXCL)
		flags |= O_EXCL;
	if (oflags & WASI_OFLAG_TRUNC)
		flags |= O_TRUNC;
	if (!(dirflags & WASI_LOOKUP_SYMLINK_FOLLOW))
		flags |= O_NOFOLLOW;
	if (fdflags & WASI_FDFLAG_APPEND)
		flags |= O_APPEND;
	if (fdflags & WASI_FDFLAG_NONBLOCK)
		flags |= O_NONBLOCK;
	if (fdflags & WASI_FDFLAG_DSYNC)
		flags |= O_DSYNC;
	if (fdflags & (WASI_FDFLAG_SYNC | WASI_FDFLAG_RSYNC))
		flags |= O_SYNC;
	file = file_open_root(&dir->file->f_path, name, flags, 0666);
	kfree(name);
	if (IS_ERR(file))
		return wasmkm_errno_to_wasi(PTR_ERR(file));
	/* O_PATH | O_NOFOLLOW opens a symlink itself: WASI wants ELOOP. */
	if (d_is_symlink(file->f_path.dentry)) {
		filp_close(file, NULL);
		return WASI_ELOOP;
	}
	f = &inst->fds[newfd];
	f->type = d_is_dir(file->f_path.dentry) ? WASMKM_FD_DIR : WASMKM_FD_FILE;
	f->ro = dir->ro;
	f->fdflags = fdflags;
	f->grant = -1;
	f->rights = base;
	f->rights_inh = inh;
	f->file = file;
	put_unaligned_le32(newfd, out);
	return WASI_ESUCCESS;
}

s32 wasmkm_wasi_path_open(struct wasmkm_ctx *ctx, s32 fd, s32 dirflags, s32 path, s32 len,
			  s32 oflags, s64 base, s64 inh, s32 fdflags, s32 opened)
{
	return WASMKM_CALL(ctx, wasmkm_path_open(ctx, fd, dirflags, path, len, oflags, base, inh,
						 fdflags, opened));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_open);
