// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI fd_* functions.  Only the standard streams exist for now:
 * 0 reads EOF, 1 and 2 append to the instance's log.  A per-instance fd
 * table for granted files will replace wasmkm_fd_std().
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <asm/unaligned.h>

#include "wasmkm.h"

/* Is @fd an open standard stream of this instance? */
static bool wasmkm_fd_std(struct wasmkm_inst *inst, s32 fd)
{
	return fd >= 0 && fd <= 2 && !inst->fd_closed[fd];
}

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

s32 wasmkm_wasi_fd_write(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nwritten)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u8 *iov, *out;
	u32 i, total = 0;
	s32 ret = WASI_EFAULT;

	wasmkm_fpu_leave(ctx);
	if (!wasmkm_fd_std(inst, fd) || fd == 0) {
		ret = WASI_EBADF;
		goto out;
	}
	iov = wasmkm_mem_ptr(ctx, iovs, (u64)(u32)iovs_len * 8);
	out = wasmkm_mem_ptr(ctx, nwritten, 4);
	if (!iov || !out)
		goto out;
	for (i = 0; i < (u32)iovs_len; i++) {
		u32 base = get_unaligned_le32(iov + i * 8);
		u32 len = get_unaligned_le32(iov + i * 8 + 4);
		const char *p = wasmkm_mem_ptr(ctx, base, len);

		if (!p)
			goto out;
		if (total + (u64)len > S32_MAX) {
			ret = WASI_EINVAL;
			goto out;
		}
		total += len;
	}
	for (i = 0; i < (u32)iovs_len; i++) {
		u32 base = get_unaligned_le32(iov + i * 8);
		u32 len = get_unaligned_le32(iov + i * 8 + 4);

		if (!len)
			continue;
		wasmkm_log_append(inst, ctx->mem + base, len);
		if (READ_ONCE(wasmkm_mirror_printk))
			wasmkm_fd_mirror(inst, ctx->mem + base, len);
		cond_resched();
	}
	put_unaligned_le32(total, out);
	ret = WASI_ESUCCESS;
out:
	wasmkm_fpu_enter(ctx);
	return ret;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_write);

s32 wasmkm_wasi_fd_read(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nread)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u8 *out;
	s32 ret = WASI_EBADF;

	wasmkm_fpu_leave(ctx);
	if (fd == 0 && wasmkm_fd_std(inst, fd)) {
		ret = WASI_EFAULT;
		out = wasmkm_mem_ptr(ctx, nread, 4);
		if (out && wasmkm_mem_ptr(ctx, iovs, (u64)(u32)iovs_len * 8)) {
			put_unaligned_le32(0, out);	/* EOF */
			ret = WASI_ESUCCESS;
		}
	}
	wasmkm_fpu_enter(ctx);
	return ret;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_read);

s32 wasmkm_wasi_fd_close(struct wasmkm_ctx *ctx, s32 fd)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);

	if (!wasmkm_fd_std(inst, fd))
		return WASI_EBADF;
	inst->fd_closed[fd] = true;
	return WASI_ESUCCESS;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_close);

s32 wasmkm_wasi_fd_seek(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s32 whence, s32 newoffset)
{
	return wasmkm_fd_std(wasmkm_ctx_inst(ctx), fd) ? WASI_ESPIPE : WASI_EBADF;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_seek);

s32 wasmkm_wasi_fd_fdstat_get(struct wasmkm_ctx *ctx, s32 fd, s32 stat)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u64 rights;
	u8 *p;
	s32 ret = WASI_EBADF;

	wasmkm_fpu_leave(ctx);
	if (wasmkm_fd_std(inst, fd)) {
		ret = WASI_EFAULT;
		p = wasmkm_mem_ptr(ctx, stat, 24);
		if (p) {
			rights = (fd == 0 ? WASI_RIGHT_FD_READ : WASI_RIGHT_FD_WRITE) |
				 WASI_RIGHT_POLL_FD_READWRITE;
			memset(p, 0, 24);
			p[0] = WASI_FILETYPE_CHARACTER_DEVICE;
			put_unaligned_le64(rights, p + 8);
			ret = WASI_ESUCCESS;
		}
	}
	wasmkm_fpu_enter(ctx);
	return ret;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_fdstat_get);

/* No preopened directories yet. */
s32 wasmkm_wasi_fd_prestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 prestat)
{
	return WASI_EBADF;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_prestat_get);

s32 wasmkm_wasi_fd_prestat_dir_name(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len)
{
	return WASI_EBADF;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_fd_prestat_dir_name);
