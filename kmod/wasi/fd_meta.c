// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI descriptor metadata and housekeeping: fd_close, fd_renumber,
 * fd_fdstat_*, fd_filestat_*, fd_sync, fd_datasync, fd_advise,
 * fd_allocate, fd_prestat_get, fd_prestat_dir_name.
 */
#include <linux/fs.h>
#include <linux/fadvise.h>
#include <linux/stat.h>
#include "compat.h"

#include "app_mem.h"
#include "caps.h"
#include "wasi/entry.h"
#include "wasi/fd.h"
#include "wasmkm.h"

static s32 wasmkm_fd_close(struct wasmkm_inst *inst, s32 fd)
{
	struct wasmkm_fd *f = wasmkm_fd_get(inst, fd, 0, &(s32){ 0 });

	if (!f)
		return WASI_EBADF;
	wasmkm_fd_free(f);
	return WASI_ESUCCESS;
}

s32 wasmkm_do_fd_close(struct wasmkm_ctx *ctx, s32 fd)
{
	return wasmkm_fd_close(wasmkm_ctx_inst(ctx), fd);
}

/* Both must be open; @to is closed and @fd moves to it. */
static s32 wasmkm_fd_renumber(struct wasmkm_inst *inst, s32 fd, s32 to)
{
	s32 err;

	if (!wasmkm_fd_get(inst, fd, 0, &err) || !wasmkm_fd_get(inst, to, 0, &err))
		return WASI_EBADF;
	if (fd == to)
		return WASI_ESUCCESS;
	wasmkm_fd_free(&inst->fds[to]);
	inst->fds[to] = inst->fds[fd];
	memset(&inst->fds[fd], 0, sizeof(inst->fds[fd]));
	return WASI_ESUCCESS;
}

s32 wasmkm_do_fd_renumber(struct wasmkm_ctx *ctx, s32 fd, s32 to)
{
	return wasmkm_fd_renumber(wasmkm_ctx_inst(ctx), fd, to);
}

static s32 wasmkm_fdstat_get(struct wasmkm_ctx *ctx, s32 fd, s32 stat)
{
	u8 p[WASI_FDSTAT_SIZE] = {};
	struct wasmkm_fd *f;
	s32 err;

	f = wasmkm_fd_get(wasmkm_ctx_inst(ctx), fd, 0, &err);
	if (!f)
		return err;
	p[0] = wasmkm_fd_filetype(f);
	put_unaligned_le16(f->fdflags, p + 2);
	put_unaligned_le64(f->rights, p + 8);
	put_unaligned_le64(f->rights_inh, p + 16);
	return wasmkm_app_write(ctx, stat, p, sizeof(p));
}

s32 wasmkm_do_fd_fdstat_get(struct wasmkm_ctx *ctx, s32 fd, s32 stat)
{
	return wasmkm_fdstat_get(ctx, fd, stat);
}

/* Only append and nonblock can change on an open descriptor (as with fcntl). */
static s32 wasmkm_fdstat_set_flags(struct wasmkm_inst *inst, s32 fd, s32 flags)
{
	struct wasmkm_fd *f;
	s32 err;

	f = wasmkm_fd_get(inst, fd, WASI_RIGHT_FD_FDSTAT_SET_FLAGS, &err);
	if (!f)
		return err;
	if (flags & ~(WASI_FDFLAG_APPEND | WASI_FDFLAG_DSYNC | WASI_FDFLAG_NONBLOCK |
		      WASI_FDFLAG_RSYNC | WASI_FDFLAG_SYNC))
		return WASI_EINVAL;
	if ((flags ^ f->fdflags) & (WASI_FDFLAG_DSYNC | WASI_FDFLAG_RSYNC | WASI_FDFLAG_SYNC))
		return WASI_ENOTSUP;
	/* the log always appends; stdin has nothing to change */
	if (!f->ops->set_flags)
		return wasmkm_errno_to_wasi(wasmkm_fd_set_flags_fixed(inst, f, flags));
	return wasmkm_errno_to_wasi(f->ops->set_flags(inst, f, flags));
}

s32 wasmkm_do_fd_fdstat_set_flags(struct wasmkm_ctx *ctx, s32 fd, s32 flags)
{
	return wasmkm_fdstat_set_flags(wasmkm_ctx_inst(ctx), fd, flags);
}

/* Rights can only be dropped. */
static s32 wasmkm_fdstat_set_rights(struct wasmkm_inst *inst, s32 fd, u64 base, u64 inh)
{
	struct wasmkm_fd *f;
	s32 err;

	f = wasmkm_fd_get(inst, fd, 0, &err);
	if (!f)
		return err;
	if ((base & ~f->rights) || (inh & ~f->rights_inh))
		return WASI_ENOTCAPABLE;
	f->rights = base;
	f->rights_inh = inh;
	return WASI_ESUCCESS;
}

s32 wasmkm_do_fd_fdstat_set_rights(struct wasmkm_ctx *ctx, s32 fd, s64 base, s64 inh)
{
	return wasmkm_fdstat_set_rights(wasmkm_ctx_inst(ctx), fd, base, inh);
}

static s32 wasmkm_filestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 buf)
{
	u8 p[WASI_FILESTAT_SIZE] = {};
	struct wasmkm_fd *f;
	struct kstat st;
	s32 err;
	int r;

	f = wasmkm_fd_get(wasmkm_ctx_inst(ctx), fd, WASI_RIGHT_FD_FILESTAT_GET, &err);
	if (!f)
		return err;
	err = wasmkm_app_check(ctx, buf, sizeof(p));
	if (err)
		return err;
	if (!f->file) {
		p[16] = wasmkm_fd_filetype(f);
		return wasmkm_app_write(ctx, buf, p, sizeof(p));
	}
	r = vfs_getattr(&f->file->f_path, &st, STATX_BASIC_STATS, AT_STATX_SYNC_AS_STAT);
	if (r)
		return wasmkm_errno_to_wasi(r);
	wasmkm_put_filestat(p, &st);
	return wasmkm_app_write(ctx, buf, p, sizeof(p));
}

s32 wasmkm_do_fd_filestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 buf)
{
	return wasmkm_filestat_get(ctx, fd, buf);
}

/* A file open for writing, with @right, beneath a writable grant. */
static struct wasmkm_fd *wasmkm_fd_writable(struct wasmkm_inst *inst, s32 fd, u64 right,
					    s32 *err)
{
	struct wasmkm_fd *f = wasmkm_fd_get(inst, fd, right, err);

	if (!f)
		return NULL;
	if (f->ro) {
		*err = WASI_ENOTCAPABLE;
		return NULL;
	}
	if (!f->file || f->ops != &wasmkm_fd_file_ops) {
		*err = wasmkm_fd_is_dir(f) ? WASI_EISDIR : WASI_EINVAL;
		return NULL;
	}
	if (!(f->file->f_mode & FMODE_WRITE)) {
		*err = WASI_EBADF;
		return NULL;
	}
	return f;
}

static s32 wasmkm_filestat_set_size(struct wasmkm_inst *inst, s32 fd, s64 size)
{
	struct wasmkm_fd *f;
	s32 err;

	f = wasmkm_fd_writable(inst, fd, WASI_RIGHT_FD_FILESTAT_SET_SIZE, &err);
	if (!f)
		return err;
	if (size < 0)
		return WASI_EINVAL;
	return wasmkm_errno_to_wasi(vfs_truncate(&f->file->f_path, size));
}

s32 wasmkm_do_fd_filestat_set_size(struct wasmkm_ctx *ctx, s32 fd, s64 size)
{
	return wasmkm_filestat_set_size(wasmkm_ctx_inst(ctx), fd, size);
}

static s32 wasmkm_filestat_set_times(struct wasmkm_inst *inst, s32 fd, s64 atim, s64 mtim,
				     s32 fstflags)
{
	struct wasmkm_fd *f;
	s32 err;

	f = wasmkm_fd_get(inst, fd, WASI_RIGHT_FD_FILESTAT_SET_TIMES, &err);
	if (!f)
		return err;
	if (f->ro)
		return WASI_ENOTCAPABLE;
	if (!f->file)
		return WASI_EINVAL;
	return wasmkm_set_times(&f->file->f_path, atim, mtim, fstflags);
}

s32 wasmkm_do_fd_filestat_set_times(struct wasmkm_ctx *ctx, s32 fd, s64 atim, s64 mtim,
				    s32 fstflags)
{
	return wasmkm_filestat_set_times(wasmkm_ctx_inst(ctx), fd, atim, mtim,
							  fstflags);
}

static s32 wasmkm_fd_fsync(struct wasmkm_inst *inst, s32 fd, bool datasync)
{
	struct wasmkm_fd *f;
	s32 err;

	f = wasmkm_fd_get(inst, fd, datasync ? WASI_RIGHT_FD_DATASYNC : WASI_RIGHT_FD_SYNC, &err);
	if (!f)
		return err;
	if (!f->file || (f->file->f_mode & FMODE_PATH))
		return f->file ? WASI_EBADF : WASI_EINVAL;
	return wasmkm_errno_to_wasi(vfs_fsync(f->file, datasync));
}

s32 wasmkm_do_fd_sync(struct wasmkm_ctx *ctx, s32 fd)
{
	return wasmkm_fd_fsync(wasmkm_ctx_inst(ctx), fd, false);
}

s32 wasmkm_do_fd_datasync(struct wasmkm_ctx *ctx, s32 fd)
{
	return wasmkm_fd_fsync(wasmkm_ctx_inst(ctx), fd, true);
}

static s32 wasmkm_fd_advise(struct wasmkm_inst *inst, s32 fd, s64 off, s64 len, s32 advice)
{
	static const int advices[] = { POSIX_FADV_NORMAL, POSIX_FADV_SEQUENTIAL,
				       POSIX_FADV_RANDOM, POSIX_FADV_WILLNEED,
				       POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE };
	struct wasmkm_fd *f;
	s32 err;

	f = wasmkm_fd_get(inst, fd, WASI_RIGHT_FD_ADVISE, &err);
	if (!f)
		return err;
	if ((u32)advice >= ARRAY_SIZE(advices) || off < 0 || len < 0)
		return WASI_EINVAL;
	if (!f->file || (f->file->f_mode & FMODE_PATH))
		return f->file ? WASI_EBADF : WASI_ESPIPE;
	if (wasmkm_fd_is_dir(f))
		return WASI_EBADF;
	return wasmkm_errno_to_wasi(vfs_fadvise(f->file, off, len, advices[advice]));
}

s32 wasmkm_do_fd_advise(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s64 len, s32 advice)
{
	return wasmkm_fd_advise(wasmkm_ctx_inst(ctx), fd, offset, len, advice);
}

static s32 wasmkm_fd_allocate(struct wasmkm_inst *inst, s32 fd, s64 off, s64 len)
{
	struct wasmkm_fd *f;
	s32 err;

	f = wasmkm_fd_writable(inst, fd, WASI_RIGHT_FD_ALLOCATE, &err);
	if (!f)
		return err;
	if (off < 0 || len <= 0)
		return WASI_EINVAL;
	return wasmkm_errno_to_wasi(vfs_fallocate(f->file, 0, off, len));
}

s32 wasmkm_do_fd_allocate(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s64 len)
{
	return wasmkm_fd_allocate(wasmkm_ctx_inst(ctx), fd, offset, len);
}

/* The grant a preopened descriptor stands for, or NULL. */
static struct wasmkm_grant *wasmkm_fd_preopen(struct wasmkm_inst *inst, s32 fd)
{
	struct wasmkm_fd *f = wasmkm_fd_get(inst, fd, 0, &(s32){ 0 });

	if (!f || f->grant < 0 || inst->app->grants[f->grant].type != &wasmkm_cap_fs)
		return NULL;
	return &inst->app->grants[f->grant];
}

static s32 wasmkm_prestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 buf)
{
	struct wasmkm_grant *g = wasmkm_fd_preopen(wasmkm_ctx_inst(ctx), fd);
	u8 p[8] = {};

	if (!g)
		return WASI_EBADF;
	p[0] = WASI_PREOPENTYPE_DIR;
	put_unaligned_le32(strlen(g->guest), p + 4);
	return wasmkm_app_write(ctx, buf, p, sizeof(p));
}

s32 wasmkm_do_fd_prestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 prestat)
{
	return wasmkm_prestat_get(ctx, fd, prestat);
}

static s32 wasmkm_prestat_dir_name(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	struct wasmkm_grant *g = wasmkm_fd_preopen(wasmkm_ctx_inst(ctx), fd);
	size_t n;

	if (!g)
		return WASI_EBADF;
	n = strlen(g->guest);
	if ((u32)len < n)
		return WASI_ENAMETOOLONG;
	return wasmkm_app_write(ctx, path, g->guest, n);
}

s32 wasmkm_do_fd_prestat_dir_name(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	return wasmkm_prestat_dir_name(ctx, fd, path, len);
}
