/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: the socket descriptor type (wasi/sock.c), made by net: grants
 * (net_cap.c) and sock_accept.  Its file is the socket's (sock_from_file()).
 */
#ifndef _WASMKM_WASI_SOCK_H
#define _WASMKM_WASI_SOCK_H

#include "wasi/fd.h"

/* What a socket descriptor may do; sock_accept on a connection is EINVAL. */
#define WASMKM_RIGHTS_SOCK	(WASI_RIGHT_FD_READ | WASI_RIGHT_FD_WRITE | \
				 WASI_RIGHT_FD_FDSTAT_SET_FLAGS | WASI_RIGHT_FD_FILESTAT_GET | \
				 WASI_RIGHT_POLL_FD_READWRITE | WASI_RIGHT_SOCK_SHUTDOWN | \
				 WASI_RIGHT_SOCK_ACCEPT)

extern const struct wasmkm_fd_ops wasmkm_fd_sock_stream_ops;
extern const struct wasmkm_fd_ops wasmkm_fd_sock_dgram_ops;

#endif /* _WASMKM_WASI_SOCK_H */
