// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI sock_* functions.  Sockets come only from net: grants
 * (net_cap.c) and sock_accept on them: a descriptor is a socket when its
 * file is one.  An open descriptor that is not a socket gets ENOTSOCK, a
 * closed one EBADF, as in wasmtime.  fd_read, fd_write and poll_oneoff
 * reach sockets through their descriptor type (at the end of this file).
 *
 * Blocking calls wait interruptibly in the socket layer, so a stop (which
 * sends SIGKILL to the instance's thread) ends them; the instance then ends
 * on the way out of the helper and the app never sees the result.
 * Sends never raise SIGPIPE (MSG_NOSIGNAL): a dropped peer is EPIPE.
 */
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/uio.h>

#include "app_mem.h"
#include "wasi/entry.h"
#include "wasi/fd.h"
#include "wasi/sock.h"
#include "wasmkm.h"

/* The socket behind @fd, if it has @rights; else NULL and *err. */
static struct socket *wasmkm_sock_get(struct wasmkm_inst *inst, s32 fd, u64 rights,
				      struct wasmkm_fd **fp, s32 *err)
{
	struct wasmkm_fd *f = wasmkm_fd_get(inst, fd, 0, err);
	struct socket *sock;

	if (!f)
		return NULL;
	sock = f->file ? sock_from_file(f->file) : NULL;
	if (!sock) {
		*err = WASI_ENOTSOCK;
		return NULL;
	}
	if ((f->rights & rights) != rights) {
		*err = WASI_ENOTCAPABLE;
		return NULL;
	}
	*fp = f;
	return sock;
}

/* MSG_DONTWAIT if the descriptor is non-blocking. */
static int wasmkm_sock_wait_flags(const struct wasmkm_fd *f)
{
	return (f->file->f_flags & O_NONBLOCK) ? MSG_DONTWAIT : 0;
}

s32 wasmkm_do_sock_accept(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 result)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	struct socket *sock, *newsock;
	struct wasmkm_fd *f, *nf;
	struct file *file;
	s32 err, newfd;
	bool nonblock;
	int ret;

	sock = wasmkm_sock_get(inst, fd, WASI_RIGHT_SOCK_ACCEPT, &f, &err);
	if (!sock)
		return err;
	if (flags & ~WASI_FDFLAG_NONBLOCK)
		return WASI_EINVAL;
	err = wasmkm_app_check(ctx, result, 4);
	if (err)
		return err;
	/*
	 * Growing the table moves its entries: nothing may be read through
	 * @f after wasmkm_fd_alloc() (sock and its file are not in the table).
	 */
	nonblock = f->file->f_flags & O_NONBLOCK;
	f = NULL;
	/* A slot first: a connection accepted is never dropped for want of one. */
	ret = wasmkm_fd_alloc(inst, &newfd);
	if (ret)
		return wasmkm_errno_to_wasi(ret);
	ret = kernel_accept(sock, &newsock, nonblock ? O_NONBLOCK : 0);
	if (ret)
		return wasmkm_errno_to_wasi(ret);
	file = sock_alloc_file(newsock, (flags & WASI_FDFLAG_NONBLOCK) ? O_NONBLOCK : 0, NULL);
	if (IS_ERR(file))
		return wasmkm_errno_to_wasi(PTR_ERR(file));
	nf = &inst->fds[newfd];	/* after wasmkm_fd_alloc() may have moved the table */
	*nf = (struct wasmkm_fd){ .ops = &wasmkm_fd_sock_stream_ops, .grant = -1, .file = file,
				  .fdflags = flags & WASI_FDFLAG_NONBLOCK,
				  .rights = WASMKM_RIGHTS_SOCK, .rights_inh = WASMKM_RIGHTS_SOCK };
	return wasmkm_app_put_u32(ctx, result, newfd);
}

/*
 * The one data path of sock_recv and sock_send.  The iovec array is read
 * once, here, and only the copy is used; the socket call gets an iterator
 * over the buffers the copy names (as fd_read/fd_write do).  On success
 * *@moved is what sock_recvmsg()/sock_sendmsg() returned (for a datagram
 * recv with MSG_TRUNC its full length) and *@total the buffers' size.
 */
static s32 wasmkm_sock_xfer(struct wasmkm_ctx *ctx, struct socket *sock, s32 iovs_ptr,
			    s32 iovs_len, int flags, bool send, u32 *moved, u32 *total)
{
	struct msghdr msg = {};
	struct wasmkm_iovs *iovs;
	struct kvec *kv = NULL;
	s32 err;
	int r;

	err = wasmkm_app_iovs(ctx, iovs_ptr, iovs_len, &iovs);
	if (err)
		return err;
	r = wasmkm_iovs_iter(ctx, iovs, &kv, &msg.msg_iter, send);
	if (!r && send) {
		msg.msg_flags = flags;
		r = sock_sendmsg(sock, &msg);
	} else if (!r) {
		r = sock_recvmsg(sock, &msg, flags);
	}
	*total = iovs->total;
	kvfree(kv);
	kfree(iovs);
	if (r < 0)
		return wasmkm_errno_to_wasi(r);
	*moved = r;
	return 0;
}

s32 wasmkm_do_sock_recv(struct wasmkm_ctx *ctx, s32 fd, s32 ri_data, s32 ri_data_len,
			s32 ri_flags, s32 ro_datalen, s32 ro_flags)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	struct socket *sock;
	struct wasmkm_fd *f;
	u32 got, total;
	__le16 rof;
	int flags;
	s32 err;

	sock = wasmkm_sock_get(inst, fd, WASI_RIGHT_FD_READ, &f, &err);
	if (!sock)
		return err;
	if (ri_flags & ~(WASI_RIFLAGS_RECV_PEEK | WASI_RIFLAGS_RECV_WAITALL))
		return WASI_EINVAL;
	err = wasmkm_app_check(ctx, ro_datalen, 4);
	if (!err)
		err = wasmkm_app_check(ctx, ro_flags, 2);
	if (err)
		return err;
	flags = wasmkm_sock_wait_flags(f);
	if (ri_flags & WASI_RIFLAGS_RECV_PEEK)
		flags |= MSG_PEEK;
	if (ri_flags & WASI_RIFLAGS_RECV_WAITALL)
		flags |= MSG_WAITALL;
	/* A datagram longer than the buffers: the rest is lost, ro_flags say so. */
	if (sock->type == SOCK_DGRAM)
		flags |= MSG_TRUNC;
	err = wasmkm_sock_xfer(ctx, sock, ri_data, ri_data_len, flags, false, &got, &total);
	if (err)
		return err;
	/* The outputs last: they may lie over the iovecs or the data. */
	err = wasmkm_app_put_u32(ctx, ro_datalen, min(got, total));
	if (err)
		return err;
	rof = cpu_to_le16(got > total ? WASI_ROFLAGS_RECV_DATA_TRUNCATED : 0);
	return wasmkm_app_write(ctx, ro_flags, &rof, sizeof(rof));
}

s32 wasmkm_do_sock_send(struct wasmkm_ctx *ctx, s32 fd, s32 si_data, s32 si_data_len,
			s32 si_flags, s32 so_datalen)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	struct socket *sock;
	struct wasmkm_fd *f;
	u32 sent, total;
	s32 err;

	sock = wasmkm_sock_get(inst, fd, WASI_RIGHT_FD_WRITE, &f, &err);
	if (!sock)
		return err;
	if (si_flags)		/* preview1 defines none */
		return WASI_EINVAL;
	err = wasmkm_app_check(ctx, so_datalen, 4);
	if (!err)
		err = wasmkm_sock_xfer(ctx, sock, si_data, si_data_len,
				       wasmkm_sock_wait_flags(f) | MSG_NOSIGNAL, true, &sent, &total);
	if (!err)
		err = wasmkm_app_put_u32(ctx, so_datalen, sent);
	return err;
}

s32 wasmkm_do_sock_shutdown(struct wasmkm_ctx *ctx, s32 fd, s32 how)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	enum sock_shutdown_cmd cmd;
	struct socket *sock;
	struct wasmkm_fd *f;
	s32 err;

	sock = wasmkm_sock_get(inst, fd, WASI_RIGHT_SOCK_SHUTDOWN, &f, &err);
	if (!sock)
		return err;
	switch (how) {
	case WASI_SDFLAGS_RD:
		cmd = SHUT_RD;
		break;
	case WASI_SDFLAGS_WR:
		cmd = SHUT_WR;
		break;
	case WASI_SDFLAGS_RD | WASI_SDFLAGS_WR:
		cmd = SHUT_RDWR;
		break;
	default:
		return WASI_EINVAL;
	}
	return wasmkm_errno_to_wasi(kernel_sock_shutdown(sock, cmd));
}

/*
 * The descriptor type of sockets (wasi/fd.h): data through sock_recvmsg()
 * and sock_sendmsg() on the iterator the helper built (no position:
 * fd_pread/fd_pwrite are ESPIPE), readiness from the socket's own poll,
 * NONBLOCK on the file as fcntl(F_SETFL) sets it.
 */
static ssize_t wasmkm_sock_read(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				struct iov_iter *to, u64 *pos)
{
	struct msghdr msg = { .msg_iter = *to };
	ssize_t r;

	if (pos)
		return -ESPIPE;
	r = sock_recvmsg(sock_from_file(fd->file), &msg, wasmkm_sock_wait_flags(fd));
	if (r > 0)
		iov_iter_advance(to, r);
	return r;
}

static ssize_t wasmkm_sock_write(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				 struct iov_iter *from, u64 *pos)
{
	struct msghdr msg = { .msg_iter = *from };
	ssize_t r;

	if (pos)
		return -ESPIPE;
	msg.msg_flags = wasmkm_sock_wait_flags(fd) | MSG_NOSIGNAL;
	r = sock_sendmsg(sock_from_file(fd->file), &msg);
	if (r > 0)
		iov_iter_advance(from, r);
	return r;
}

static __poll_t wasmkm_sock_poll(struct wasmkm_inst *inst, struct wasmkm_fd *fd, poll_table *pt)
{
	return vfs_poll(fd->file, pt);
}

static int wasmkm_sock_set_flags(struct wasmkm_inst *inst, struct wasmkm_fd *fd, u16 flags)
{
	struct file *file = fd->file;

	if (flags & WASI_FDFLAG_APPEND)
		return -ENOTSUPP;
	spin_lock(&file->f_lock);
	if (flags & WASI_FDFLAG_NONBLOCK)
		file->f_flags |= O_NONBLOCK;
	else
		file->f_flags &= ~O_NONBLOCK;
	spin_unlock(&file->f_lock);
	fd->fdflags = flags;
	return 0;
}

static void wasmkm_sock_release(struct wasmkm_fd *fd)
{
	fput(fd->file);
}

const struct wasmkm_fd_ops wasmkm_fd_sock_stream_ops = {
	.filetype = WASI_FILETYPE_SOCKET_STREAM,
	.read = wasmkm_sock_read,
	.write = wasmkm_sock_write,
	.poll = wasmkm_sock_poll,
	.set_flags = wasmkm_sock_set_flags,
	.release = wasmkm_sock_release,
};

const struct wasmkm_fd_ops wasmkm_fd_sock_dgram_ops = {
	.filetype = WASI_FILETYPE_SOCKET_DGRAM,
	.read = wasmkm_sock_read,
	.write = wasmkm_sock_write,
	.poll = wasmkm_sock_poll,
	.set_flags = wasmkm_sock_set_flags,
	.release = wasmkm_sock_release,
};
