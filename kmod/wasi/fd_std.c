// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: the standard streams' descriptor types.  stdin is always at end of
 * file; stdout and stderr append to the instance's log (and to printk when
 * mirrored).  Neither has a position: fd_pread/fd_pwrite are ESPIPE.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/uio.h>

#include "wasi/fd.h"
#include "wasmkm.h"

int wasmkm_fd_set_flags_fixed(struct wasmkm_inst *inst, struct wasmkm_fd *fd, u16 flags)
{
	return (flags & ~WASI_FDFLAG_NONBLOCK) == (fd->fdflags & ~WASI_FDFLAG_NONBLOCK) ?
	       0 : -EOPNOTSUPP;
}

/* Always at end of file. */
static ssize_t wasmkm_stdin_read(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				 struct iov_iter *to, u64 *pos)
{
	return pos ? -ESPIPE : 0;
}

/* At end of file: readable with a hangup, and (like wasmtime) writable. */
static __poll_t wasmkm_stdin_poll(struct wasmkm_inst *inst, struct wasmkm_fd *fd, poll_table *pt)
{
	return EPOLLIN | EPOLLRDNORM | EPOLLRDHUP | EPOLLOUT | EPOLLWRNORM;
}

const struct wasmkm_fd_ops wasmkm_fd_stdin_ops = {
	.filetype = WASI_FILETYPE_CHARACTER_DEVICE,
	.read = wasmkm_stdin_read,
	.poll = wasmkm_stdin_poll,
	.set_flags = wasmkm_fd_set_flags_fixed,
};

static void wasmkm_log_mirror(struct wasmkm_inst *inst, const char *p, size_t len)
{
	while (len) {
		const char *nl = memchr(p, '\n', len);
		size_t n = nl ? nl - p + 1 : len;

		pr_info("%s: %.*s\n", inst->name, (int)(nl ? n - 1 : n), p);
		p += n;
		len -= n;
	}
}

/* @fd->priv is the stream number, 1 or 2. */
static ssize_t wasmkm_log_fd_write(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				   struct iov_iter *from, u64 *pos)
{
	u32 stream = (uintptr_t)fd->priv;
	ssize_t done = 0;

	if (pos)
		return -ESPIPE;
	while (iov_iter_count(from)) {
		size_t len;
		const char *buf = wasmkm_iter_seg(from, &len);

		wasmkm_log_write(inst, stream, buf, len);
		if (READ_ONCE(wasmkm_mirror_printk))
			wasmkm_log_mirror(inst, buf, len);
		iov_iter_advance(from, len);
		done += len;
		cond_resched();
	}
	return done;
}

const struct wasmkm_fd_ops wasmkm_fd_log_ops = {
	.filetype = WASI_FILETYPE_CHARACTER_DEVICE,
	.read = wasmkm_stdin_read,	/* no FD_READ right: not reached */
	.write = wasmkm_log_fd_write,
	.set_flags = wasmkm_fd_set_flags_fixed,
};
