// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI reads, writes and positions: fd_read, fd_write, fd_pread,
 * fd_pwrite, fd_seek, fd_tell.  Data moves straight between the file and
 * linear memory, in chunks so that a stop request is seen between them.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include "compat.h"

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
 * Check that the iovec array and every buffer it names lie in linear
 * memory, and that the total fits a WASI size.
 */
static s32 wasmkm_iovs_check(struct wasmkm_ctx *ctx, s32 iovs, s32 n, u8 **iov)
{
	u64 total = 0;
	u32 i;

	*iov = wasmkm_mem_ptr(ctx, iovs, (u64)(u32)n * WASI_IOVEC_SIZE);
	if (!*iov)
		return WASI_EFAULT;
	for (i = 0; i < (u32)n; i++) {
		u32 base = get_unaligned_le32(*iov + i * WASI_IOVEC_SIZE);
		u32 len = get_unaligned_le32(*iov + i * WASI_IOVEC_SIZE + 4);

		if (!wasmkm_mem_ptr(ctx, base, len))
			return WASI_EFAULT;
		total += len;
	}
	return total > S32_MAX ? WASI_EINVAL : WASI_ESUCCESS;
}

/*
 * Move data between @file and the iovecs; @pos is NULL for the file
 * position.  Returns bytes moved, or a kernel error if none moved.
 */
static ssize_t wasmkm_file_rw(struct wasmkm_ctx *ctx, struct file *file, const u8 *iov,
			      u32 n, loff_t *pos, bool write)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	loff_t *ppos = pos ? pos : (file->f_mode & FMODE_STREAM) ? NULL : &file->f_pos;
	ssize_t done = 0, r = 0;
	u32 i;

	for (i = 0; i < n; i++) {
		u32 base = get_unaligned_le32(iov + i * WASI_IOVEC_SIZE);
		u32 len = get_unaligned_le32(iov + i * WASI_IOVEC_SIZE + 4);
		u32 off = 0;

		while (off < len) {
			u32 chunk = min(len - off, WASMKM_IO_CHUNK);

			if (done && READ_ONCE(inst->stop))
				return done;
			if (write)
				r = kernel_write(file, ctx->mem + base + off, chunk, ppos);
			else
				r = kernel_read(file, ctx->mem + base + off, chunk, ppos);
			if (r <= 0)
				return done ? done : r;
			done += r;
			off += r;
			if (r < chunk)
				return done;
		}
	}
	return done;
}

static s32 wasmkm_fd_rw(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 result,
			s64 offset, bool positioned, bool write)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u64 need = write ? WASI_RIGHT_FD_WRITE : WASI_RIGHT_FD_READ;
	struct wasmkm_fd *f;
	loff_t pos = offset;
	ssize_t r = 0;
	u8 *iov, *out;
	s32 err;
	u32 i;

	if (positioned)
		need |= WASI_RIGHT_FD_SEEK;
	f = wasmkm_fd_get(inst, fd, need, &err);
	if (!f)
		return err;
	err = wasmkm_iovs_check(ctx, iovs, iovs_len, &iov);
	out = wasmkm_mem_ptr(ctx, result, 4);
	if (err || !out)
		return err ? err : WASI_EFAULT;
	if (positioned && offset < 0)
		return WASI_EINVAL;
	switch (f->type) {
	case WASMKM_FD_STDIN:
		if (positioned)
			return WASI_ESPIPE;
		break;			/* always at end of file */
	case WASMKM_FD_LOG:
		if (positioned)
			return WASI_ESPIPE;
		for (i = 0; i < (u32)iovs_len; i++) {
			u32 base = get_unaligned_le32(iov + i * WASI_IOVEC_SIZE);
			u32 len = get_unaligned_le32(iov + i * WASI_IOVEC_SIZE + 4);

			if (!len)
				continue;
			wasmkm_log_write(inst, fd, ctx->mem + base, len);
			if (READ_ONCE(wasmkm_mirror_printk))
				wasmkm_fd_mirror(inst, ctx->mem + base, len);
			r += len;
			cond_resched();
		}
		break;
	case WASMKM_FD_DIR:
		return write ? WASI_EBADF : WASI_EISDIR;
	default:
		r = wasmkm_file_rw(ctx, f->file, iov, iovs_len, positioned ? &pos : NULL, write);
		if (r < 0)
			return wasmkm_errno_to_wasi(r);
	}
	put_unaligned_le32(r, out);
	return WASI_ESUCCESS;
}

s32 wasmkm_wasi_fd_write(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nwritten)
{
	return WASMKM_CALL(ctx, wasmkm_fd_rw(ctx, fd, iovs, iovs_len, nwritten, 0, false, true));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_write);

s32 wasmkm_wasi_fd_read(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nread)
{
	return WASMKM_CALL(ctx, wasmkm_fd_rw(ctx, fd, iovs, iovs_len, nread, 0, false, false));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_read);

s32 wasmkm_wasi_fd_pwrite(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s64 offset,
			  s32 nwritten)
{
	return WASMKM_CALL(ctx, wasmkm_fd_rw(ctx, fd, iovs, iovs_len, nwritten, offset, true,
					     true));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_pwrite);

s32 wasmkm_wasi_fd_pread(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s64 offset,
			 s32 nread)
{
	return WASMKM_CALL(ctx, wasmkm_fd_rw(ctx, fd, iovs, iovs_len, nread, offset, true,
					     false));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_pread);

static s32 wasmkm_fd_seek(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s32 whence, s32 result)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	/* fd_tell's right is enough to read the position. */
	u64 need = (whence == WASI_WHENCE_CUR && !offset) ? WASI_RIGHT_FD_TELL :
		   WASI_RIGHT_FD_SEEK;
	struct wasmkm_fd *f;
	loff_t r;
	u8 *out;
	s32 err;
	int w;

	f = wasmkm_fd_get(inst, fd, need, &err);
	if (!f)
		return err;
	out = wasmkm_mem_ptr(ctx, result, 8);
	if (!out)
		return WASI_EFAULT;
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
	put_unaligned_le64(r, out);
	return WASI_ESUCCESS;
}

s32 wasmkm_wasi_fd_seek(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s32 whence, s32 newoffset)
{
	return WASMKM_CALL(ctx, wasmkm_fd_seek(ctx, fd, offset, whence, newoffset));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_seek);

s32 wasmkm_wasi_fd_tell(struct wasmkm_ctx *ctx, s32 fd, s32 offset)
{
	return WASMKM_CALL(ctx, wasmkm_fd_seek(ctx, fd, 0, WASI_WHENCE_CUR, offset));
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_tell);
