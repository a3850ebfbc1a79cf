// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI path_* functions but path_open, and file times and stats.
 * Paths resolve beneath their directory (wasi/lookup.c).  Every operation
 * runs with the loader's credentials, so permissions and LSM hooks apply to
 * that user; a read-only grant refuses every operation that would write.
 *
 * The LSM path hooks the syscalls call: Debian's kernels export those of
 * mknod, mkdir, unlink and rename only.  symlink, link and rmdir call the
 * exported hook that asks the nearest question (Documentation/
 * capabilities.md has the table): mknod of a symlink, mknod of the
 * linked file's type at the new name, unlink of the directory.
 */
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/stat.h>

#include "app_mem.h"
#include "compat.h"
#include "wasi/entry.h"
#include "wasi/lookup.h"
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

enum wasmkm_create { WASMKM_MKDIR, WASMKM_SYMLINK };

static s32 wasmkm_path_create(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, u64 right,
			      enum wasmkm_create what, const char *target)
{
	struct wasmkm_lookup lk;
	struct inode *pdir;
	s32 werr;
	int err;

	werr = wasmkm_parent_at(ctx, fd, path, len, right, &lk);
	if (werr)
		return werr;
	if (lk.type != WASMKM_LAST_NORM) {
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
		err = security_path_mknod(&lk.parent, lk.dentry, S_IFLNK | 0777, 0);
		if (!err)
			err = vfs_symlink(wasmkm_mnt_map(lk.parent.mnt), pdir, lk.dentry, target);
	}
out:
	wasmkm_lookup_done(&lk);
	return wasmkm_errno_to_wasi(err);
}

s32 wasmkm_do_path_create_directory(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	return wasmkm_path_create(ctx, fd, path, len, WASI_RIGHT_PATH_CREATE_DIRECTORY,
				  WASMKM_MKDIR, NULL);
}

/*
 * An absolute target is refused (EPERM), as wasmtime (cap-std) refuses it:
 * inside the grant it would name the grant's root, outside it the host's,
 * so a link an app leaves behind would point other programs at host files.
 */
s32 wasmkm_do_path_symlink(struct wasmkm_ctx *ctx, s32 old_path, s32 old_len, s32 fd,
			   s32 new_path, s32 new_len)
{
	char *target;
	s32 ret;

	target = wasmkm_app_path(ctx, old_path, old_len, &ret);
	if (!target)
		return ret;
	if (!target[0] || target[0] == '/') {
		ret = target[0] ? WASI_EPERM : WASI_ENOENT;
		kfree(target);
		return ret;
	}
	ret = wasmkm_path_create(ctx, fd, new_path, new_len, WASI_RIGHT_PATH_SYMLINK,
				 WASMKM_SYMLINK, target);
	kfree(target);
	return ret;
}


static s32 wasmkm_path_remove(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, bool rmdir)
{
	u64 right = rmdir ? WASI_RIGHT_PATH_REMOVE_DIRECTORY : WASI_RIGHT_PATH_UNLINK_FILE;
	struct wasmkm_lookup lk;
	struct inode *pdir;
	s32 werr;
	int err;

	werr = wasmkm_parent_at(ctx, fd, path, len, right, &lk);
	if (werr)
		return werr;
	if (!rmdir && lk.type != WASMKM_LAST_NORM) {
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
		err = security_path_unlink(&lk.parent, lk.dentry);
		if (!err)
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

s32 wasmkm_do_path_unlink_file(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	return wasmkm_path_remove(ctx, fd, path, len, false);
}

s32 wasmkm_do_path_remove_directory(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	return wasmkm_path_remove(ctx, fd, path, len, true);
}

static s32 wasmkm_path_stat(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 path, s32 len,
			    s32 buf, bool set, u64 atim, u64 mtim, u32 fst)
{
	u64 right = set ? WASI_RIGHT_PATH_FILESTAT_SET_TIMES : WASI_RIGHT_PATH_FILESTAT_GET;
	struct path p;
	struct kstat st;
	u8 *out = NULL;
	s32 werr;
	int err;

	if (!set) {
		out = wasmkm_mem_ptr(ctx, buf, WASI_FILESTAT_SIZE);
		if (!out)
			return WASI_EFAULT;
	}
	werr = wasmkm_resolve_at(ctx, fd, path, len, right, set,
				 flags & WASI_LOOKUP_SYMLINK_FOLLOW, &p);
	if (werr)
		return werr;
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

s32 wasmkm_do_path_filestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 path, s32 len,
				 s32 buf)
{
	return wasmkm_path_stat(ctx, fd, flags, path, len, buf, false, 0, 0, 0);
}

s32 wasmkm_do_path_filestat_set_times(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 path,
				       s32 len, s64 atim, s64 mtim, s32 fstflags)
{
	return wasmkm_path_stat(ctx, fd, flags, path, len, 0, true, atim, mtim, fstflags);
}

s32 wasmkm_do_path_readlink(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, s32 buf,
			    s32 buf_len, s32 bufused)
{
	DEFINE_DELAYED_CALL(done);
	const char *target;
	struct path p;
	u8 *out, *used;
	size_t n;
	s32 werr;

	out = wasmkm_mem_ptr(ctx, buf, (u32)buf_len);
	used = wasmkm_mem_ptr(ctx, bufused, 4);
	if (!out || !used)
		return WASI_EFAULT;
	werr = wasmkm_resolve_at(ctx, fd, path, len, WASI_RIGHT_PATH_READLINK, false, false, &p);
	if (werr)
		return werr;
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


/*
 * may_linkat() (not exported) as with fs.protected_hardlinks = 1, which a
 * module cannot read and Debian sets: only the owner of a file (or
 * CAP_FOWNER) links to it, unless it is a regular file the loader may read
 * and write that is neither setuid nor setgid-executable.
 */
static int wasmkm_may_link(const struct path *old)
{
	struct inode *inode = d_inode(old->dentry);
	umode_t mode = inode->i_mode;

	if (inode_owner_or_capable(wasmkm_mnt_map(old->mnt), inode))
		return 0;
	/* setuid, or setgid and group-executable (the kernel's safe_hardlink_source()) */
	if (!S_ISREG(mode) || mode & S_ISUID || (mode & (S_ISGID | 0010)) == (S_ISGID | 0010))
		return -EPERM;
	if (inode_permission(wasmkm_mnt_map(old->mnt), inode, MAY_READ | MAY_WRITE))
		return -EPERM;
	return 0;
}

s32 wasmkm_do_path_link(struct wasmkm_ctx *ctx, s32 old_fd, s32 old_flags, s32 old_path,
			s32 old_len, s32 new_fd, s32 new_path, s32 new_len)
{
	struct wasmkm_lookup lk;
	struct path old;
	s32 werr;
	int err;

	werr = wasmkm_resolve_at(ctx, old_fd, old_path, old_len, WASI_RIGHT_PATH_LINK_SOURCE, true,
				 old_flags & WASI_LOOKUP_SYMLINK_FOLLOW, &old);
	if (werr)
		return werr;
	werr = wasmkm_parent_at(ctx, new_fd, new_path, new_len, WASI_RIGHT_PATH_LINK_TARGET, &lk);
	if (werr) {
		path_put(&old);
		return werr;
	}
	if (lk.type != WASMKM_LAST_NORM || lk.trailing_slash) {
		err = lk.type != WASMKM_LAST_NORM ? -EEXIST : -ENOENT;
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
		err = wasmkm_may_link(&old);
	if (!err)
		err = security_path_mknod(&lk.parent, lk.dentry, d_inode(old.dentry)->i_mode, 0);
	if (!err)
		err = vfs_link(old.dentry, wasmkm_mnt_map(lk.parent.mnt),
			       d_inode(lk.parent.dentry), lk.dentry, NULL);
out:
	wasmkm_lookup_done(&lk);
	path_put(&old);
	return wasmkm_errno_to_wasi(err);
}


static int wasmkm_do_rename(struct wasmkm_lookup *o, struct wasmkm_lookup *n)
{
	struct dentry *trap, *od, *nd;
	struct renamedata rd = {};
	int err;

	if (o->type != WASMKM_LAST_NORM || n->type != WASMKM_LAST_NORM)
		return -EBUSY;
	if (o->parent.mnt != n->parent.mnt)
		return -EXDEV;
	err = mnt_want_write(o->parent.mnt);
	if (err)
		return err;
	trap = lock_rename(n->parent.dentry, o->parent.dentry);
	/* Both parents still beneath their roots (wasmkm_lookup_lock()). */
	err = -EAGAIN;
	if (!path_is_under(&o->parent, o->root) || !path_is_under(&n->parent, n->root))
		goto unlock;
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

s32 wasmkm_do_path_rename(struct wasmkm_ctx *ctx, s32 fd, s32 old_path, s32 old_len,
			  s32 new_fd, s32 new_path, s32 new_len)
{
	struct wasmkm_lookup o, n;
	s32 werr;

	werr = wasmkm_parent_at(ctx, fd, old_path, old_len, WASI_RIGHT_PATH_RENAME_SOURCE, &o);
	if (werr)
		return werr;
	werr = wasmkm_parent_at(ctx, new_fd, new_path, new_len, WASI_RIGHT_PATH_RENAME_TARGET, &n);
	if (!werr) {
		werr = wasmkm_errno_to_wasi(wasmkm_do_rename(&o, &n));
		wasmkm_lookup_done(&n);
	}
	wasmkm_lookup_done(&o);
	return werr;
}

