// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI sock_* functions.  No capability grants sockets yet, so no
 * descriptor is a socket: an open one gets ENOTSOCK, any other EBADF.
 */
#include "wasi/entry.h"
#include "wasi/fd.h"
#include "wasmkm.h"

static s32 wasmkm_not_a_socket(struct wasmkm_ctx *ctx, s32 fd)
{
	s32 err;

	return wasmkm_fd_get(wasmkm_ctx_inst(ctx), fd, 0, &err) ? WASI_ENOTSOCK : WASI_EBADF;
}

s32 wasmkm_do_sock_accept(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 result)
{
	return wasmkm_not_a_socket(ctx, fd);
}

s32 wasmkm_do_sock_recv(struct wasmkm_ctx *ctx, s32 fd, s32 ri_data, s32 ri_data_len,
			s32 ri_flags, s32 ro_datalen, s32 ro_flags)
{
	return wasmkm_not_a_socket(ctx, fd);
}

s32 wasmkm_do_sock_send(struct wasmkm_ctx *ctx, s32 fd, s32 si_data, s32 si_data_len,
			s32 si_flags, s32 so_datalen)
{
	return wasmkm_not_a_socket(ctx, fd);
}

s32 wasmkm_do_sock_shutdown(struct wasmkm_ctx *ctx, s32 fd, s32 how)
{
	return wasmkm_not_a_socket(ctx, fd);
}
