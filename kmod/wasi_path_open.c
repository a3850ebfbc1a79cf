// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI path_open.  The file is opened with file_open_root() beneath
 * the directory descriptor, as the loader; its read/write mode follows the
 * rights asked for, which may not exceed the directory's inheriting rights.
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include "compat.h"

#include "wasi_lookup.h"
#include "wasmkm.h"

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
