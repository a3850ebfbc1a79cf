// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: the descriptor types of the file system: files (regular files,
 * FIFOs, devices opened by path_open) and directories.  Data moves straight
 * between the file and linear memory, in chunks so that a stop is seen
 * between them; readiness is the file's own vfs_poll().
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/uio.h>
#include "compat.h"

#include "wasi/fd.h"
#include "wasmkm.h"

#define WASMKM_IO_CHUNK		(1U << 20)

/* Bytes moved, or a kernel error if none moved. */
static ssize_t wasmkm_file_rw(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
			      struct iov_iter *it, u64 *upos, bool write)
{
	struct file *file = fd->file;
	loff_t pos = upos ? *upos : 0;
	loff_t *ppos = upos ? &pos : (file->f_mode & FMODE_STREAM) ? NULL : &file->f_pos;
	ssize_t done = 0, r;

	while (iov_iter_count(it)) {
		size_t len;
		void *buf = wasmkm_iter_seg(it, &len);
		u32 chunk = min_t(size_t, len, WASMKM_IO_CHUNK);

		if (done && READ_ONCE(inst->stop))
			break;
		if (write)
			r = kernel_write(file, buf, chunk, ppos);
		else
			r = kernel_read(file, buf, chunk, ppos);
		if (r <= 0)
			return done ? done : r;
		done += r;
		iov_iter_advance(it, r);
		if (r < chunk)
			break;
		cond_resched();
	}
	return done;
}

static ssize_t wasmkm_file_read(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				struct iov_iter *to, u64 *pos)
{
	return wasmkm_file_rw(inst, fd, to, pos, false);
}

static ssize_t wasmkm_file_write(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				 struct iov_iter *from, u64 *pos)
{
	return wasmkm_file_rw(inst, fd, from, pos, true);
}

/* A file opened for lookups only (O_PATH) never blocks. */
static __poll_t wasmkm_file_poll(struct wasmkm_inst *inst, struct wasmkm_fd *fd, poll_table *pt)
{
	if (fd->file->f_mode & FMODE_PATH)
		return DEFAULT_POLLMASK;
	return vfs_poll(fd->file, pt);
}

/* Only append and nonblock can change on an open file (as with fcntl). */
static int wasmkm_file_set_flags(struct wasmkm_inst *inst, struct wasmkm_fd *fd, u16 flags)
{
	struct file *file = fd->file;

	if (file->f_mode & FMODE_PATH)
		return wasmkm_fd_set_flags_fixed(inst, fd, flags);
	if (!(flags & WASI_FDFLAG_APPEND) && IS_APPEND(file_inode(file)))
		return -EPERM;
	spin_lock(&file->f_lock);
	file->f_flags &= ~(O_APPEND | O_NONBLOCK);
	if (flags & WASI_FDFLAG_APPEND)
		file->f_flags |= O_APPEND;
	if (flags & WASI_FDFLAG_NONBLOCK)
		file->f_flags |= O_NONBLOCK;
	/* Reads and writes take their flags from this copy, as fcntl(F_SETFL) keeps it. */
	file->f_iocb_flags = iocb_flags(file);
	spin_unlock(&file->f_lock);
	fd->fdflags = flags;
	return 0;
}

static void wasmkm_file_release(struct wasmkm_fd *fd)
{
	filp_close(fd->file, NULL);
}

const struct wasmkm_fd_ops wasmkm_fd_file_ops = {
	.filetype = WASI_FILETYPE_UNKNOWN,	/* the inode's */
	.read = wasmkm_file_read,
	.write = wasmkm_file_write,
	.poll = wasmkm_file_poll,
	.set_flags = wasmkm_file_set_flags,
	.release = wasmkm_file_release,
};

/* Directories: path operations take them (wasi/lookup.c); no data, always ready. */
const struct wasmkm_fd_ops wasmkm_fd_dir_ops = {
	.filetype = WASI_FILETYPE_DIRECTORY,
	.set_flags = wasmkm_file_set_flags,
	.release = wasmkm_file_release,
};
