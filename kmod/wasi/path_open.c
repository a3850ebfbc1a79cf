// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI path_open.  The path is resolved beneath the directory
 * descriptor (wasi/lookup.c) and the file it names opened as the loader.
 * Rights (Documentation/capabilities.md): what is asked may not exceed the
 * directory's inheriting rights where it decides how the file is opened
 * (reading, writing), else ENOTCAPABLE; rights of the other kind are
 * dropped, as wasi-common does, since Rust's std asks every path right for
 * every file.  A file gets file rights only, a directory only rights of
 * directories, and a directory is never opened for writing: fd_write asked of one
 * is EISDIR, as in wasmtime and open(2).
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include "app_mem.h"
#include "compat.h"

#include "wasi/lookup.h"
#include "wasi/fd.h"
#include "wasmkm.h"

/* Which rights make a descriptor open its file for reading or for writing. */
#define WASMKM_READ_RIGHTS	(WASI_RIGHT_FD_READ | WASI_RIGHT_FD_READDIR)
#define WASMKM_WRITE_RIGHTS	(WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ALLOCATE | \
				 WASI_RIGHT_FD_FILESTAT_SET_SIZE)
/* What a descriptor opened O_PATH (neither read nor write) can still do. */
#define WASMKM_PATH_RIGHTS	(WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_FD_FILESTAT_SET_TIMES | \
				 WASMKM_RIGHTS_DIR_ONLY)

/* open(2) flags for a file (or, @dir, a directory) opened with rights @base. */
static int wasmkm_open_flags(u64 base, s32 oflags, s32 fdflags, s32 dirflags, bool dir)
{
	bool rd = base & WASMKM_READ_RIGHTS, wr = !dir && (base & WASMKM_WRITE_RIGHTS);
	int flags = O_LARGEFILE;

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
	if (oflags & WASI_OFLAG_DIRECTORY || dir)
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
	return flags;
}

/* Resolve and open; a directory found there is opened as one. */
static struct file *wasmkm_open_at(struct wasmkm_fd *dir, const char *name, u64 base,
				   s32 oflags, s32 fdflags, s32 dirflags)
{
	bool follow = dirflags & WASI_LOOKUP_SYMLINK_FOLLOW;
	struct file *file;
	struct path p;
	int err;

	err = wasmkm_lookup_path(&dir->file->f_path, name, follow, &p);
	if (err == -ENOENT && oflags & WASI_OFLAG_CREAT)
		return wasmkm_create_beneath(&dir->file->f_path, name,
					     wasmkm_open_flags(base, oflags, fdflags, dirflags,
							       false), follow);
	if (err)
		return ERR_PTR(err);
	if (d_is_dir(p.dentry) && base & WASI_RIGHT_FD_WRITE)
		file = ERR_PTR(-EISDIR);
	else
		file = wasmkm_open_path(&p, wasmkm_open_flags(base, oflags, fdflags, dirflags,
							      d_is_dir(p.dentry)));
	path_put(&p);
	return file;
}

static s32 wasmkm_path_open(struct wasmkm_ctx *ctx, s32 fd, s32 dirflags, s32 path, s32 len,
			    s32 oflags, u64 base, u64 inh, s32 fdflags, s32 opened)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u64 need = WASI_RIGHT_PATH_OPEN, mode = WASMKM_READ_RIGHTS | WASMKM_WRITE_RIGHTS;
	struct wasmkm_fd *dir, *f;
	struct file *file;
	s32 werr, newfd;
	char *name;
	int err;

	if (oflags & ~(WASI_OFLAG_CREAT | WASI_OFLAG_DIRECTORY | WASI_OFLAG_EXCL |
		       WASI_OFLAG_TRUNC) ||
	    fdflags & ~(WASI_FDFLAG_APPEND | WASI_FDFLAG_DSYNC | WASI_FDFLAG_NONBLOCK |
			WASI_FDFLAG_RSYNC | WASI_FDFLAG_SYNC))
		return WASI_EINVAL;
	/* A directory is never created, made exclusive or truncated (wasmtime: EINVAL). */
	if (oflags & WASI_OFLAG_DIRECTORY &&
	    oflags & (WASI_OFLAG_CREAT | WASI_OFLAG_EXCL | WASI_OFLAG_TRUNC))
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
	if ((base | inh) & mode & ~dir->rights_inh)
		return WASI_ENOTCAPABLE;
	if (dir->ro && (base & WASMKM_WRITE_RIGHTS || oflags & (WASI_OFLAG_CREAT | WASI_OFLAG_TRUNC) ||
			fdflags & WASI_FDFLAG_APPEND))
		return WASI_ENOTCAPABLE;
	werr = wasmkm_app_check(ctx, opened, 4);
	if (werr)
		return werr;
	name = wasmkm_path_get(ctx, path, len, &werr);
	if (!name)
		return werr;
	file = wasmkm_open_at(dir, name, base, oflags, fdflags, dirflags);
	kfree(name);
	if (IS_ERR(file))
		return wasmkm_errno_to_wasi(PTR_ERR(file));
	/* O_PATH | O_NOFOLLOW opens a symlink itself: WASI wants ELOOP. */
	if (d_is_symlink(file->f_path.dentry)) {
		filp_close(file, NULL);
		return WASI_ELOOP;
	}
	f = &inst->fds[newfd];
	base &= dir->rights_inh;
	inh &= dir->rights_inh;
	if (d_is_dir(file->f_path.dentry)) {
		f->ops = &wasmkm_fd_dir_ops;
		f->rights = base & WASMKM_RIGHTS_DIR;
		f->rights_inh = inh;
	} else {
		f->ops = &wasmkm_fd_file_ops;
		f->rights = base & WASMKM_RIGHTS_FILE;
		f->rights_inh = 0;	/* nothing is opened beneath a file */
	}
	if (file->f_mode & FMODE_PATH)
		f->rights &= WASMKM_PATH_RIGHTS;
	f->ro = dir->ro;
	f->fdflags = fdflags;
	f->grant = -1;
	f->file = file;
	return wasmkm_app_put_u32(ctx, opened, newfd);
}

s32 wasmkm_wasi_path_open(struct wasmkm_ctx *ctx, s32 fd, s32 dirflags, s32 path, s32 len,
			  s32 oflags, s64 base, s64 inh, s32 fdflags, s32 opened)
{
	return WASMKM_CALL(ctx, wasmkm_path_open(ctx, fd, dirflags, path, len, oflags, base, inh,
						 fdflags, opened));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_path_open);
