/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: a WASI descriptor is an object with its own operations, as a
 * struct file has its file_operations.  The WASI helpers (wasi/fd.c,
 * wasi/fd_meta.c, wasi/poll.c) look the descriptor up, check its rights,
 * copy the app's arguments once and then call the type's op; a type never
 * sees app pointers, only kernel copies and iterators over buffers that are
 * already bounds-checked.  Types today: stdin and the log (wasi/fd_std.c),
 * files and directories (wasi/fd_file.c); sockets and devices add theirs.
 *
 * The contract of every op (Documentation/wasi-helpers.md has the long form):
 *
 *  - Runs in the instance's own thread, outside the FPU section, and may
 *    sleep.  Blocking waits are interruptible: a stop sends SIGKILL to the
 *    thread, so a wait that ends on signal_pending() ends promptly on stop;
 *    the entry path then ends the instance, the app never sees the result.
 *    Loops over app-sized data call cond_resched() and return what they did
 *    so far once READ_ONCE(inst->stop) is set.
 *  - Returns a Linux errno (negative), never a WASI one: the helper maps it
 *    with wasmkm_errno_to_wasi() (wasi/errno.c), so -EAGAIN, -EPIPE, ... reach
 *    the app as WASI's.  Add a mapping there for an errno it does not know.
 *  - Reads app memory only through the iterator it is given, once (the data
 *    of the call); outputs are the helper's to write, after the op returns.
 *  - Allocates nothing unbounded; what it allocates on the app's behalf is
 *    charged (GFP_KERNEL_ACCOUNT) and freed by ->release at the latest.
 *
 * A NULL op: the helper answers as WASI and wasmtime do for that kind
 * (read: EBADF, EISDIR for a directory; write: EBADF; poll: always ready;
 * set_flags: only NONBLOCK may change, and nothing is recorded; release:
 * nothing to drop).
 */
#ifndef _WASMKM_WASI_FD_H
#define _WASMKM_WASI_FD_H

#include <linux/poll.h>
#include <linux/uio.h>

#include "wasmkm.h"

struct wasmkm_fd;

struct wasmkm_fd_ops {
	/*
	 * WASI filetype fd_fdstat_get and fd_filestat_get report; UNKNOWN (0):
	 * the type of fd->file's inode.
	 */
	u8 filetype;
	/*
	 * fd_read/fd_pread and fd_write/fd_pwrite: bytes moved, or -errno if
	 * none moved.  The iterator is ITER_KVEC over linear memory (see
	 * wasmkm_iter_seg()); @pos is NULL for the descriptor's own stream
	 * position, else the offset of fd_pread/fd_pwrite (-ESPIPE if the type
	 * has none).
	 */
	ssize_t (*read)(struct wasmkm_inst *inst, struct wasmkm_fd *fd, struct iov_iter *to,
			u64 *pos);
	ssize_t (*write)(struct wasmkm_inst *inst, struct wasmkm_fd *fd, struct iov_iter *from,
			 u64 *pos);
	/*
	 * poll_oneoff: the EPOLL* readiness of the descriptor, as vfs_poll();
	 * joins the wait queues that will signal a change through @pt (which
	 * may be NULL: only look).  EPOLLHUP reports a hangup to both kinds of
	 * subscription, EPOLLRDHUP to fd_read subscriptions only.
	 */
	__poll_t (*poll)(struct wasmkm_inst *inst, struct wasmkm_fd *fd, poll_table *pt);
	/*
	 * fd_fdstat_set_flags with @fdflags already checked (only APPEND and
	 * NONBLOCK differ from fd->fdflags); on success it sets fd->fdflags.
	 */
	int (*set_flags)(struct wasmkm_inst *inst, struct wasmkm_fd *fd, u16 fdflags);
	/* The slot is freed (fd_close, renumber, instance end): drop references. */
	void (*release)(struct wasmkm_fd *fd);
};

/* One slot of an instance's descriptor table (wasi/fdtable.c). */
struct wasmkm_fd {
	const struct wasmkm_fd_ops *ops;	/* NULL: free slot */
	bool ro;		/* beneath a read-only file-system grant */
	u16 fdflags;		/* WASI fdflags */
	s32 grant;		/* preopen: index in app->grants, else -1 */
	u64 rights;
	u64 rights_inh;
	struct file *file;	/* files, directories, sockets; NULL for others */
	void *priv;		/* the type's own state */
};

extern const struct wasmkm_fd_ops wasmkm_fd_stdin_ops;
extern const struct wasmkm_fd_ops wasmkm_fd_log_ops;
extern const struct wasmkm_fd_ops wasmkm_fd_file_ops;
extern const struct wasmkm_fd_ops wasmkm_fd_dir_ops;

static inline bool wasmkm_fd_is_dir(const struct wasmkm_fd *f)
{
	return f->ops->filetype == WASI_FILETYPE_DIRECTORY;
}

/* WASI filetype of an inode mode. */
u8 wasmkm_filetype(umode_t mode);

/* The filetype fd_fdstat_get reports for @f. */
static inline u8 wasmkm_fd_filetype(const struct wasmkm_fd *f)
{
	if (f->ops->filetype != WASI_FILETYPE_UNKNOWN || !f->file)
		return f->ops->filetype;
	return wasmkm_filetype(file_inode(f->file)->i_mode);
}

/*
 * The first segment left in @it (ITER_KVEC, as the helpers build them):
 * where it starts and how long it is, bounded by what is left.  A type that
 * moves data with kernel_read()/kernel_write() walks the iterator with this
 * and iov_iter_advance(); one that takes an iov_iter (sock_recvmsg()) uses
 * it as it is.
 */
static inline void *wasmkm_iter_seg(const struct iov_iter *it, size_t *len)
{
	*len = min_t(size_t, it->kvec->iov_len - it->iov_offset, iov_iter_count(it));
	return it->kvec->iov_base + it->iov_offset;
}

/* set_flags of a descriptor whose flags cannot change (only NONBLOCK is accepted). */
int wasmkm_fd_set_flags_fixed(struct wasmkm_inst *inst, struct wasmkm_fd *fd, u16 fdflags);

/*
 * wasi/fd.c: an iterator over the buffers a validated iovec copy names
 * (fd_read/fd_write and sock_recv/sock_send); free *@kv with kvfree().
 */
struct wasmkm_iovs;
int wasmkm_iovs_iter(struct wasmkm_ctx *ctx, const struct wasmkm_iovs *iovs,
		     struct kvec **kv, struct iov_iter *it, bool write);

/* wasi/fdtable.c (wasmkm_fds_init() and wasmkm_fds_close() are in wasmkm.h) */
struct wasmkm_fd *wasmkm_fd_get(struct wasmkm_inst *inst, s32 fd, u64 rights, s32 *err);
int wasmkm_fd_alloc(struct wasmkm_inst *inst, s32 *fd);
/* Release what @f holds and free its slot. */
void wasmkm_fd_free(struct wasmkm_fd *f);

#endif /* _WASMKM_WASI_FD_H */
