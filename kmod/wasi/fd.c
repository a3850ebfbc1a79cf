// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI reads, writes and positions: fd_read, fd_write, fd_pread,
 * fd_pwrite, fd_seek, fd_tell.  The iovec array is copied once
 * (app_mem.h); data moves straight between the file and the buffers the
 * copy names, in chunks so that a stop request is seen between them.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include "compat.h"

#include "app_mem.h"
#include "wasi/entry.h"
#include "wasmkm.h"

#define WASMKM_IO_CHUNK		(1U << 20)

static void wasmkm_fd_mirror(struct wasmkm_inst *inst, const char *p, u32 len)
{
	while (len) {
		const char *nl = memchr(p, '\n', len);
		u32 n = nl ? nl - p + 1 : len;

		pr_info("%s: %.*s\n", inst->name, (int)(nl ? n - 1 : n), p);
		p += n;
		len -= n;
	}
}

/*
 * Move data between @file and the iovecs (the kernel's validated copy);
 * @pos is NULL for the file position.  Returns bytes moved, or a kernel
 * error if none moved.
 */
static ssize_t wasmkm_file_rw(struct wasmkm_ctx *ctx, struct file *file,
			      const struct wasmkm_iovs *iovs, loff_t *pos, bool write)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	loff_t *ppos = pos ? pos : (file->f_mode & FMODE_STREAM) ? NULL : &file->f_pos;
	ssize_t done = 0, r = 0;
	u32 i;

	for (i = 0; i < iovs->n; i++) {
		u8 *buf = wasmkm_app_buf(ctx, &iovs->v[i]);
		u32 len = iovs->v[i].len;
		u32 off = 0;

		while (off < len) {
			u32 chunk = min(len - off, WASMKM_IO_CHUNK);

			if (done && READ_ONCE(inst->stop))
				return done;
			if (write)
				r = kernel_write(file, buf + off, chunk, ppos);
			else
				r = kernel_read(file, buf + off, chunk, ppos);
			if (r <= 0)
				return done ? done : r;
			done += r;
			off += r;
			if (r < chunk)
				return done;
			cond_resched();
		}
		cond_resched();
	}
	return done;
}

/* stdout, stderr: the instance's log (and printk when mirrored). */
static ssize_t wasmkm_fd_log_write(struct wasmkm_ctx *ctx, s32 fd,
				   const struct wasmkm_iovs *iovs)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u32 i;

	for (i = 0; i < iovs->n; i++) {
		const u8 *buf = wasmkm_app_buf(ctx, &iovs->v[i]);
		u32 len = iovs->v[i].len;

		if (!len)
			continue;
		wasmkm_log_write(inst, fd, buf, len);
		if (READ_ONCE(wasmkm_mirror_printk))
			wasmkm_fd_mirror(inst, buf, len);
		cond_resched();
	}
	return iovs->total;
}

static s32 wasmkm_fd_rw(struct wasmkm_ctx *ctx, s32 fd, s32 iovs_ptr, s32 iovs_len, s32 result,
			s64 offset, bool positioned, bool write)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u64 need = write ? WASI_RIGHT_FD_WRITE : WASI_RIGHT_FD_READ;
	struct wasmkm_iovs *iovs;
	struct wasmkm_fd *f;
	loff_t pos = offset;
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
	switch (f->type) {
	case WASMKM_FD_STDIN:
		if (positioned)
			err = WASI_ESPIPE;
		break;			/* always at end of file */
	case WASMKM_FD_LOG:
		if (positioned)
			err = WASI_ESPIPE;
		else if (write)
			r = wasmkm_fd_log_write(ctx, fd, iovs);
		break;
	case WASMKM_FD_DIR:
		err = write ? WASI_EBADF : WASI_EISDIR;
		break;
	default:
		r = wasmkm_file_rw(ctx, f->file, iovs, positioned ? &pos : NULL, write);
		if (r < 0)
			err = wasmkm_errno_to_wasi(r);
	}
	/* The output last: it may lie over the iovecs or the data. */
	if (!err)
		err = wasmkm_app_put_u32(ctx, result, r);
out:
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
		return f->type == WASMKM_FD_DIR ? WASI_EBADF : WASI_ESPIPE;
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
