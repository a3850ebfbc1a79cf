// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI reads, writes and positions: fd_read, fd_write, fd_pread,
 * fd_pwrite through the descriptor's ops (wasi/fd.h), fd_seek, fd_tell.
 * The iovec array is copied once (app_mem.h); the op gets an iterator over
 * the buffers the copy names and moves the data straight to or from them.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/uio.h>
#include <linux/slab.h>
#include "compat.h"

#include "app_mem.h"
#include "wasi/entry.h"
#include "wasi/fd.h"
#include "wasmkm.h"

/*
 * An iterator over the buffers the validated iovec copy names; empty ones
 * are left out (types walk it segment by segment).  Free *@kv with kvfree().
 */
int wasmkm_iovs_iter(struct wasmkm_ctx *ctx, const struct wasmkm_iovs *iovs,
		     struct kvec **kv, struct iov_iter *it, bool write)
{
	u32 i, n = 0;

	*kv = kvmalloc_array(max(iovs->n, 1U), sizeof(**kv), GFP_KERNEL_ACCOUNT);
	if (!*kv)
		return -ENOMEM;
	for (i = 0; i < iovs->n; i++) {
		if (!iovs->v[i].len)
			continue;
		(*kv)[n].iov_base = wasmkm_app_buf(ctx, &iovs->v[i]);
		(*kv)[n].iov_len = iovs->v[i].len;
		n++;
	}
	iov_iter_kvec(it, write ? ITER_SOURCE : ITER_DEST, *kv, n, iovs->total);
	return 0;
}

/* Through the descriptor's read or write op; a NULL op is told by the kind. */
static ssize_t wasmkm_fd_do_rw(struct wasmkm_inst *inst, struct wasmkm_fd *f,
			       struct iov_iter *it, u64 *pos, bool write)
{
	if (write)
		return f->ops->write ? f->ops->write(inst, f, it, pos) : -EBADF;
	if (f->ops->read)
		return f->ops->read(inst, f, it, pos);
	return wasmkm_fd_is_dir(f) ? -EISDIR : -EBADF;
}

static s32 wasmkm_fd_rw(struct wasmkm_ctx *ctx, s32 fd, s32 iovs_ptr, s32 iovs_len, s32 result,
			s64 offset, bool positioned, bool write)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u64 need = write ? WASI_RIGHT_FD_WRITE : WASI_RIGHT_FD_READ;
	struct wasmkm_iovs *iovs;
	struct kvec *kv = NULL;
	struct iov_iter it;
	struct wasmkm_fd *f;
	u64 pos = offset;
	ssize_t r = 0;
	s32 err;

	if (positioned)
		need |= WASI_RIGHT_FD_SEEK;
	f = wasmkm_fd_get(inst, fd, need, &err);
	if (!f)
		return err;
	/* The iovec array is read once, here; only the copy is used. */
	err = wasmkm_app_iovs(ctx, iovs_ptr, iovs_len, &iovs);
	if (!err)
		err = wasmkm_app_check(ctx, result, 4);
	if (!err && positioned && offset < 0)
		err = WASI_EINVAL;
	if (err)
		goto out;
	r = wasmkm_iovs_iter(ctx, iovs, &kv, &it, write);
	if (!r)
		r = wasmkm_fd_do_rw(inst, f, &it, positioned ? &pos : NULL, write);
	if (r < 0)
		err = wasmkm_errno_to_wasi(r);
	/* The output last: it may lie over the iovecs or the data. */
	if (!err)
		err = wasmkm_app_put_u32(ctx, result, r);
out:
	kvfree(kv);
	kfree(iovs);
	return err;
}

s32 wasmkm_do_fd_write(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nwritten)
{
	return wasmkm_fd_rw(ctx, fd, iovs, iovs_len, nwritten, 0, false, true);
}

s32 wasmkm_do_fd_read(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nread)
{
	return wasmkm_fd_rw(ctx, fd, iovs, iovs_len, nread, 0, false, false);
}

s32 wasmkm_do_fd_pwrite(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s64 offset,
			s32 nwritten)
{
	return wasmkm_fd_rw(ctx, fd, iovs, iovs_len, nwritten, offset, true, true);
}

s32 wasmkm_do_fd_pread(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s64 offset,
		       s32 nread)
{
	return wasmkm_fd_rw(ctx, fd, iovs, iovs_len, nread, offset, true, false);
}

static s32 wasmkm_fd_seek(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s32 whence, s32 result)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	/* fd_tell's right is enough to read the position. */
	u64 need = (whence == WASI_WHENCE_CUR && !offset) ? WASI_RIGHT_FD_TELL :
		   WASI_RIGHT_FD_SEEK;
	struct wasmkm_fd *f;
	loff_t r;
	s32 err;
	int w;

	f = wasmkm_fd_get(inst, fd, need, &err);
	if (!f)
		return err;
	err = wasmkm_app_check(ctx, result, 8);
	if (err)
		return err;
	switch (whence) {
	case WASI_WHENCE_SET:
		w = SEEK_SET;
		break;
	case WASI_WHENCE_CUR:
		w = SEEK_CUR;
		break;
	case WASI_WHENCE_END:
		w = SEEK_END;
		break;
	default:
		return WASI_EINVAL;
	}
	if (!f->file || (f->file->f_mode & FMODE_PATH))
		return wasmkm_fd_is_dir(f) ? WASI_EBADF : WASI_ESPIPE;
	r = vfs_llseek(f->file, offset, w);
	if (r < 0)
		return wasmkm_errno_to_wasi(r);
	return wasmkm_app_put_u64(ctx, result, r);
}

s32 wasmkm_do_fd_seek(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s32 whence, s32 newoffset)
{
	return wasmkm_fd_seek(ctx, fd, offset, whence, newoffset);
}

s32 wasmkm_do_fd_tell(struct wasmkm_ctx *ctx, s32 fd, s32 offset)
{
	return wasmkm_fd_seek(ctx, fd, 0, WASI_WHENCE_CUR, offset);
}
