// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI fd_readdir.  A cookie is the directory position of an entry
 * (as getdents' d_off), so reading resumes with a seek to it.  Entries go
 * to linear memory as WASI dirents; the last one may be cut off at the end
 * of the buffer, which tells the program to read on.
 */
#include <linux/fs.h>
#include "compat.h"

#include "app_mem.h"
#include "wasi/entry.h"
#include "wasi/fd.h"
#include "wasmkm.h"

struct wasmkm_readdir {
	struct dir_context ctx;
	u8 *buf;
	u32 len;
	u32 used;
	u8 *prev;		/* dirent header of the previous entry, for d_next */
	bool full;
};

static u8 wasmkm_dtype(unsigned int type)
{
	switch (type) {
	case DT_REG:
		return WASI_FILETYPE_REGULAR_FILE;
	case DT_DIR:
		return WASI_FILETYPE_DIRECTORY;
	case DT_LNK:
		return WASI_FILETYPE_SYMBOLIC_LINK;
	case DT_CHR:
		return WASI_FILETYPE_CHARACTER_DEVICE;
	case DT_BLK:
		return WASI_FILETYPE_BLOCK_DEVICE;
	case DT_SOCK:
		return WASI_FILETYPE_SOCKET_STREAM;
	}
	return WASI_FILETYPE_UNKNOWN;
}

static bool wasmkm_filldir(struct dir_context *ctx, const char *name, int namlen,
			   loff_t offset, u64 ino, unsigned int type)
{
	struct wasmkm_readdir *rd = container_of(ctx, struct wasmkm_readdir, ctx);
	u8 hdr[WASI_DIRENT_SIZE] = {};
	u32 n;

	/* This entry's position is where the previous one's successor starts. */
	if (rd->prev)
		put_unaligned_le64(offset, rd->prev);
	rd->prev = NULL;
	if (rd->used >= rd->len) {
		rd->full = true;
		return false;
	}
	put_unaligned_le64(ino, hdr + 8);
	put_unaligned_le32(namlen, hdr + 16);
	hdr[20] = wasmkm_dtype(type);
	n = min_t(u32, sizeof(hdr), rd->len - rd->used);
	memcpy(rd->buf + rd->used, hdr, n);
	if (n == sizeof(hdr))
		rd->prev = rd->buf + rd->used;
	rd->used += n;
	n = min_t(u32, namlen, rd->len - rd->used);
	memcpy(rd->buf + rd->used, name, n);
	rd->used += n;
	return true;
}

static s32 wasmkm_fd_readdir(struct wasmkm_ctx *ctx, s32 fd, s32 buf, s32 buf_len, u64 cookie,
			     s32 bufused)
{
	struct wasmkm_readdir rd = { .ctx.actor = wasmkm_filldir };
	struct wasmkm_fd *f;
	loff_t pos;
	s32 err;
	int r;

	f = wasmkm_fd_get(wasmkm_ctx_inst(ctx), fd, WASI_RIGHT_FD_READDIR, &err);
	if (!f)
		return err;
	if (!wasmkm_fd_is_dir(f))
		return WASI_ENOTDIR;
	/* The dirent buffer is the data of the call, filled in place. */
	rd.buf = wasmkm_mem_ptr(ctx, buf, (u32)buf_len);
	rd.len = buf_len;
	if (!rd.buf || wasmkm_app_check(ctx, bufused, 4))
		return WASI_EFAULT;
	if (f->file->f_mode & FMODE_PATH)
		return WASI_EBADF;	/* the loader may not read this directory */
	if (cookie > LLONG_MAX)
		return WASI_EINVAL;
	pos = vfs_llseek(f->file, cookie, SEEK_SET);
	if (pos < 0)
		return wasmkm_errno_to_wasi(pos);
	r = iterate_dir(f->file, &rd.ctx);
	if (r)
		return wasmkm_errno_to_wasi(r);
	/* The last entry's successor: where the directory now stands. */
	if (rd.prev)
		put_unaligned_le64(rd.ctx.pos, rd.prev);
	return wasmkm_app_put_u32(ctx, bufused, rd.used);
}

s32 wasmkm_do_fd_readdir(struct wasmkm_ctx *ctx, s32 fd, s32 buf, s32 buf_len, s64 cookie,
			 s32 bufused)
{
	return wasmkm_fd_readdir(ctx, fd, buf, buf_len, cookie, bufused);
}
