// SPDX-License-Identifier: GPL-2.0
/*
 * net_probe: the sock_* calls' errnos and semantics (tests/kselftest/net.c
 * plays the peer).  Modes:
 *   nogrant   no net grant (fd 3 may be a directory): every sock_* call
 *             on an open descriptor is ENOTSOCK, on a closed one EBADF
 *   listener  fd 3 is a tcp-listen grant: descriptor checks, EAGAIN on a
 *             non-blocking accept and recv, then with the test's clients:
 *             half-close (recv 0, send still works) and peer reset
 *   connect   fd 3 is a tcp-connect grant: says hello, reads the answer,
 *             then the peer's close is end of file
 * Prints "ok"/"not ok" lines; the exit code is the number of failures.
 */
#include <stdint.h>
#include <string.h>
#include <wasi/api.h>

#include "tap.h"

#define L 3

static void say(const char *s)
{
	printf("%s\n", s);
	fflush(stdout);
}

static int recv_some(__wasi_fd_t fd, char *b, size_t len, __wasi_riflags_t fl, __wasi_size_t *got)
{
	__wasi_iovec_t iov = { (uint8_t *)b, len };
	__wasi_roflags_t rof;

	return __wasi_sock_recv(fd, &iov, 1, fl, got, &rof);
}

static int send_str(__wasi_fd_t fd, const char *s, __wasi_size_t *sent)
{
	__wasi_ciovec_t iov = { (const uint8_t *)s, strlen(s) };

	return __wasi_sock_send(fd, &iov, 1, 0, sent);
}

static void no_socket(__wasi_fd_t fd, int want, const char *what)
{
	char b[4];
	__wasi_size_t got;
	__wasi_fd_t c;

	check(__wasi_sock_accept(fd, 0, &c) == want, what, 0, want);
	check(recv_some(fd, b, sizeof(b), 0, &got) == want, what, 0, want);
	check(send_str(fd, "x", &got) == want, what, 0, want);
	check(__wasi_sock_shutdown(fd, __WASI_SDFLAGS_WR) == want, what, 0, want);
}

static void nogrant(void)
{
	__wasi_fdstat_t st;
	int fd;

	for (fd = 0; fd < 3; fd++)
		no_socket(fd, __WASI_ERRNO_NOTSOCK, "stdio: ENOTSOCK");
	if (__wasi_fd_fdstat_get(L, &st) == 0)
		no_socket(L, __WASI_ERRNO_NOTSOCK, "directory: ENOTSOCK");
	no_socket(99, __WASI_ERRNO_BADF, "closed: EBADF");
	no_socket(-1, __WASI_ERRNO_BADF, "negative: EBADF");
	/* no descriptor 3..63 is a socket */
	for (fd = 3; fd < 64; fd++)
		if (__wasi_fd_fdstat_get(fd, &st) == 0 &&
		    (st.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM ||
		     st.fs_filetype == __WASI_FILETYPE_SOCKET_DGRAM))
			EQ(fd, -1, "a socket without a grant");
}

static void listener(void)
{
	__wasi_prestat_t pre;
	__wasi_fdstat_t st;
	__wasi_size_t got;
	__wasi_fd_t c = 0;
	char b[16];

	EQ(__wasi_fd_fdstat_get(L, &st), 0, "fdstat");
	EQ(st.fs_filetype, __WASI_FILETYPE_SOCKET_STREAM, "listener is a stream socket");
	EQ(__wasi_fd_prestat_get(L, &pre), __WASI_ERRNO_BADF, "no prestat for a socket");
	EQ(__wasi_sock_accept(L, 0x10, &c), __WASI_ERRNO_INVAL, "accept: unknown flag");
	EQ(__wasi_sock_shutdown(L, 0), __WASI_ERRNO_INVAL, "shutdown: no direction");
	EQ(__wasi_sock_shutdown(L, 4), __WASI_ERRNO_INVAL, "shutdown: unknown direction");
	EQ(recv_some(L, b, 4, 0x8, &got), __WASI_ERRNO_INVAL, "recv: unknown flag");
	EQ(__wasi_sock_send(L, NULL, 0, 1, &got), __WASI_ERRNO_INVAL, "send: unknown flag");
	EQ(recv_some(L, b, 4, 0, &got), __WASI_ERRNO_NOTCONN, "recv on a listener");
	EQ(__wasi_fd_fdstat_set_flags(L, __WASI_FDFLAGS_NONBLOCK), 0, "set nonblock");
	EQ(__wasi_sock_accept(L, 0, &c), __WASI_ERRNO_AGAIN, "non-blocking accept: EAGAIN");
	EQ(__wasi_fd_fdstat_set_flags(L, 0), 0, "clear nonblock");
	say("ready");
	/* client 1: connects, waits for "go", sends "hello", half-closes */
	EQ(__wasi_sock_accept(L, __WASI_FDFLAGS_NONBLOCK, &c), 0, "blocking accept");
	EQ(__wasi_fd_fdstat_get(c, &st), 0, "accepted fdstat");
	EQ(st.fs_flags, __WASI_FDFLAGS_NONBLOCK, "accepted non-blocking");
	EQ(st.fs_filetype, __WASI_FILETYPE_SOCKET_STREAM, "accepted is a stream socket");
	EQ(recv_some(c, b, 4, 0, &got), __WASI_ERRNO_AGAIN, "non-blocking recv: EAGAIN");
	EQ(__wasi_sock_accept(c, 0, &c), __WASI_ERRNO_INVAL, "accept on a connection");
	EQ(send_str(c, "go", &got), 0, "send go");
	EQ(__wasi_fd_fdstat_set_flags(c, 0), 0, "blocking again");
	EQ(recv_some(c, b, 5, __WASI_RIFLAGS_RECV_PEEK | __WASI_RIFLAGS_RECV_WAITALL, &got), 0,
	   "peek");
	EQ(got, 5, "peeked 5");
	EQ(recv_some(c, b, 5, __WASI_RIFLAGS_RECV_WAITALL, &got), 0, "recv waitall");
	EQ(got == 5 && !memcmp(b, "hello", 5), 1, "got hello");
	EQ(recv_some(c, b, sizeof(b), 0, &got), 0, "recv after half-close");
	EQ(got, 0, "half-close: recv 0");
	EQ(send_str(c, "bye", &got), 0, "send after the peer's half-close");
	EQ(__wasi_sock_shutdown(c, __WASI_SDFLAGS_WR), 0, "shutdown write");
	EQ(send_str(c, "more", &got), __WASI_ERRNO_PIPE, "send after shutdown: EPIPE");
	EQ(__wasi_fd_close(c), 0, "close");
	/* client 2: connects, sends "x", resets */
	EQ(__wasi_sock_accept(L, 0, &c), 0, "accept 2");
	EQ(recv_some(c, b, 1, 0, &got), 0, "recv x");
	say("got x");
	EQ(recv_some(c, b, sizeof(b), 0, &got), __WASI_ERRNO_CONNRESET, "peer reset: ECONNRESET");
	EQ(__wasi_fd_close(c), 0, "close 2");
}

static void connected(void)
{
	__wasi_fdstat_t st;
	__wasi_size_t got;
	char b[16];

	EQ(__wasi_fd_fdstat_get(L, &st), 0, "fdstat");
	EQ(st.fs_filetype, __WASI_FILETYPE_SOCKET_STREAM, "connection is a stream socket");
	EQ(send_str(L, "hello", &got), 0, "send hello");
	EQ(recv_some(L, b, 4, __WASI_RIFLAGS_RECV_WAITALL, &got), 0, "recv the answer");
	EQ(got == 4 && !memcmp(b, "pong", 4), 1, "got pong");
	EQ(recv_some(L, b, sizeof(b), 0, &got), 0, "recv after the peer's close");
	EQ(got, 0, "dropped connection: end of file");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "listener"))
		listener();
	else if (argc > 1 && !strcmp(argv[1], "connect"))
		connected();
	else
		nogrant();
	printf("%d checks, %d failed\n", n, failures);
	return failures;
}
