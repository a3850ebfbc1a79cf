/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tiny WASI preview1 shim over POSIX, so that examples/echo_server.c and
 * examples/httpd.c build as native programs for bench/net.py: the same
 * server logic as the wasm apps, with each __wasi_* call one or two system
 * calls.  Only what those two servers use is here (sockets, fdstat, close,
 * poll_oneoff on fd_read).  The listener is preopened at fd 3 by
 * "netload listen" (bench/net/netload.c), as a net: grant does for an app.
 */
#ifndef WASMKM_BENCH_WASI_SHIM_H
#define WASMKM_BENCH_WASI_SHIM_H

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

typedef int __wasi_fd_t;
typedef uint32_t __wasi_size_t;
typedef uint16_t __wasi_errno_t;
typedef uint8_t __wasi_filetype_t;
typedef uint16_t __wasi_roflags_t;
typedef uint16_t __wasi_riflags_t;
typedef uint16_t __wasi_siflags_t;
typedef uint8_t __wasi_sdflags_t;
typedef uint16_t __wasi_fdflags_t;
typedef uint64_t __wasi_userdata_t;

#define __WASI_FILETYPE_UNKNOWN 0
#define __WASI_FILETYPE_SOCKET_DGRAM 5
#define __WASI_FILETYPE_SOCKET_STREAM 6
#define __WASI_FDFLAGS_NONBLOCK 4
#define __WASI_SDFLAGS_RD 1
#define __WASI_SDFLAGS_WR 2
#define __WASI_EVENTTYPE_FD_READ 1
#define __WASI_ERRNO_AGAIN 6

typedef struct {
  uint8_t* buf;
  __wasi_size_t buf_len;
} __wasi_iovec_t;

typedef struct {
  const uint8_t* buf;
  __wasi_size_t buf_len;
} __wasi_ciovec_t;

typedef struct {
  __wasi_filetype_t fs_filetype;
  __wasi_fdflags_t fs_flags;
  uint64_t fs_rights_base, fs_rights_inheriting;
} __wasi_fdstat_t;

typedef struct {
  __wasi_userdata_t userdata;
  struct {
    uint8_t tag;
    union {
      struct {
        __wasi_fd_t file_descriptor;
      } fd_read;
    } u;
  } u;
} __wasi_subscription_t;

typedef struct {
  __wasi_userdata_t userdata;
  __wasi_errno_t error;
  uint8_t type;
} __wasi_event_t;

/* Any failure is one nonzero errno: the servers only test for zero or EAGAIN. */
static inline __wasi_errno_t shim_err(void) {
  return errno == EAGAIN || errno == EWOULDBLOCK ? __WASI_ERRNO_AGAIN : 29 /* EIO */;
}

static inline __wasi_errno_t __wasi_fd_fdstat_get(__wasi_fd_t fd, __wasi_fdstat_t* st) {
  struct stat s;
  int type;
  socklen_t len = sizeof(type);

  if (fstat(fd, &s)) return 8; /* EBADF */
  st->fs_filetype = __WASI_FILETYPE_UNKNOWN;
  st->fs_flags = (fcntl(fd, F_GETFL) & O_NONBLOCK) ? __WASI_FDFLAGS_NONBLOCK : 0;
  if (S_ISSOCK(s.st_mode) && !getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len))
    st->fs_filetype =
        type == SOCK_DGRAM ? __WASI_FILETYPE_SOCKET_DGRAM : __WASI_FILETYPE_SOCKET_STREAM;
  return 0;
}

static inline __wasi_errno_t __wasi_fd_fdstat_set_flags(__wasi_fd_t fd, __wasi_fdflags_t flags) {
  int fl = fcntl(fd, F_GETFL);

  fl = (flags & __WASI_FDFLAGS_NONBLOCK) ? fl | O_NONBLOCK : fl & ~O_NONBLOCK;
  return fcntl(fd, F_SETFL, fl) ? shim_err() : 0;
}

static inline __wasi_errno_t __wasi_fd_close(__wasi_fd_t fd) { return close(fd) ? shim_err() : 0; }

static inline __wasi_errno_t __wasi_sock_accept(__wasi_fd_t fd, __wasi_fdflags_t flags,
                                                __wasi_fd_t* out) {
  int c = accept4(fd, NULL, NULL,
                  SOCK_CLOEXEC | ((flags & __WASI_FDFLAGS_NONBLOCK) ? SOCK_NONBLOCK : 0));

  if (c < 0) return shim_err();
  *out = c;
  return 0;
}

static inline __wasi_errno_t __wasi_sock_recv(__wasi_fd_t fd, const __wasi_iovec_t* iovs, size_t n,
                                              __wasi_riflags_t flags, __wasi_size_t* got,
                                              __wasi_roflags_t* rof) {
  ssize_t r;

  if (n != 1) return 28; /* EINVAL: the servers pass one buffer */
  r = recv(fd, iovs[0].buf, iovs[0].buf_len,
           ((flags & 1) ? MSG_PEEK : 0) | ((flags & 2) ? MSG_WAITALL : 0));
  if (r < 0) return shim_err();
  *got = r;
  *rof = 0;
  return 0;
}

static inline __wasi_errno_t __wasi_sock_send(__wasi_fd_t fd, const __wasi_ciovec_t* iovs, size_t n,
                                              __wasi_siflags_t flags, __wasi_size_t* sent) {
  ssize_t r;

  if (n != 1 || flags) return 28; /* preview1 defines no send flags */
  r = send(fd, iovs[0].buf, iovs[0].buf_len, MSG_NOSIGNAL);
  if (r < 0) return shim_err();
  *sent = r;
  return 0;
}

static inline __wasi_errno_t __wasi_sock_shutdown(__wasi_fd_t fd, __wasi_sdflags_t how) {
  return shutdown(fd, how == __WASI_SDFLAGS_RD   ? SHUT_RD
                      : how == __WASI_SDFLAGS_WR ? SHUT_WR
                                                 : SHUT_RDWR)
             ? shim_err()
             : 0;
}

/* fd_read subscriptions only (all the echo server uses), through poll(2). */
static inline __wasi_errno_t __wasi_poll_oneoff(const __wasi_subscription_t* in,
                                                __wasi_event_t* out, __wasi_size_t n,
                                                __wasi_size_t* nev) {
  static struct pollfd p[1025];
  __wasi_size_t i, k = 0;

  if (n > 1025) return 28;
  for (i = 0; i < n; i++)
    p[i] = (struct pollfd){.fd = in[i].u.u.fd_read.file_descriptor, .events = POLLIN};
  if (poll(p, n, -1) < 0) return shim_err();
  for (i = 0; i < n; i++) {
    if (!p[i].revents) continue;
    out[k] = (__wasi_event_t){.userdata = in[i].userdata, .type = __WASI_EVENTTYPE_FD_READ};
    k++;
  }
  *nev = k;
  return 0;
}

#endif
