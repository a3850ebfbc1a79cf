// SPDX-License-Identifier: GPL-2.0
/*
 * sock_errno: one line per error case of the sock_* calls, "CASE: ERRNO",
 * for comparing engines.  The build runs it under wasmtime (PyPI) with a
 * preopened directory at fd 3 and keeps the output as sock_errno.expected;
 * tests/kselftest/net.c runs it under wasmkm with the same directory grant
 * and wants the same lines.  wasmtime's Python API cannot preopen a socket,
 * so the cases are those it can run: descriptors that are not sockets
 * (stdio, a directory, a file, closed, negative) with good and bad
 * arguments.  Left out: bits outside a witx flags type (accept's fdflags,
 * recv's riflags, shutdown's sdflags), on which wasmtime traps the instance
 * ("Invalid flag value") where wasmkm returns an errno
 * (Documentation/capabilities.md).  Socket cases are net_probe's.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define DIR_FD 3

static void line(const char* fdname, const char* what, int err) {
  printf("%s %s: %d\n", fdname, what, err);
}

static void probe(__wasi_fd_t fd, const char* name) {
  uint8_t b[4];
  __wasi_iovec_t iov = {b, sizeof(b)};
  __wasi_ciovec_t ciov = {b, 1};
  __wasi_size_t got;
  __wasi_roflags_t rof;
  __wasi_fd_t c;

  line(name, "accept", __wasi_sock_accept(fd, 0, &c));
  line(name, "accept nonblock", __wasi_sock_accept(fd, __WASI_FDFLAGS_NONBLOCK, &c));
  line(name, "recv", __wasi_sock_recv(fd, &iov, 1, 0, &got, &rof));
  line(name, "recv peek", __wasi_sock_recv(fd, &iov, 1, __WASI_RIFLAGS_RECV_PEEK, &got, &rof));
  line(name, "recv bad iovecs",
       __wasi_sock_recv(fd, (__wasi_iovec_t*)0xfffffff0, 1, 0, &got, &rof));
  line(name, "recv bad output", __wasi_sock_recv(fd, &iov, 1, 0, (__wasi_size_t*)0xfffffffe, &rof));
  line(name, "recv no iovecs", __wasi_sock_recv(fd, &iov, 0, 0, &got, &rof));
  line(name, "send", __wasi_sock_send(fd, &ciov, 1, 0, &got));
  line(name, "send flag 0x1", __wasi_sock_send(fd, &ciov, 1, 1, &got));
  line(name, "send bad output", __wasi_sock_send(fd, &ciov, 1, 0, (__wasi_size_t*)0xfffffffe));
  line(name, "shutdown wr", __wasi_sock_shutdown(fd, __WASI_SDFLAGS_WR));
  line(name, "shutdown rdwr", __wasi_sock_shutdown(fd, __WASI_SDFLAGS_RD | __WASI_SDFLAGS_WR));
  line(name, "shutdown none", __wasi_sock_shutdown(fd, 0));
}

int main(void) {
  __wasi_fd_t file;
  int err;

  probe(0, "stdin");
  probe(1, "stdout");
  probe(DIR_FD, "dir");
  err = __wasi_path_open(DIR_FD, 0, "sock_errno.tmp", __WASI_OFLAGS_CREAT, 0x3fffffff, 0x3fffffff,
                         0, &file);
  line("file", "open", err);
  if (!err) {
    probe(file, "file");
    line("file", "close", __wasi_fd_close(file));
    line("file", "unlink", __wasi_path_unlink_file(DIR_FD, "sock_errno.tmp"));
    probe(file, "closed");
  }
  probe(99, "fd99");
  probe((__wasi_fd_t)-1, "fd-1");
  return 0;
}
