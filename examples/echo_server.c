// SPDX-License-Identifier: GPL-2.0
/*
 * echo_server: echoes every byte it receives, on the first socket it is
 * granted (Documentation/capabilities.md, "net: grants"):
 *
 *   wasmctl load echo_server.wko --cap net:tcp-listen:0.0.0.0:7000
 *   wasmctl load echo_server.wko --cap net:udp:0.0.0.0:7001:10.0.0.2:7002
 *
 * TCP: one poll_oneoff over the listener and every client (up to
 * MAX_CLIENTS); a readable listener is accepted until EAGAIN, a readable
 * client is read once and what came is written back whole; a client that
 * closes (or resets) is closed.  UDP: each datagram goes back to the peer.
 * With the argument "accept-one" it serves one client at a time with a
 * blocking sock_accept (what a stop must interrupt).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define MAX_CLIENTS 1024
#define BUF_SIZE (64 * 1024)

static uint8_t buf[BUF_SIZE];
static __wasi_fd_t fds[MAX_CLIENTS + 1];	/* [0]: the listener */
static __wasi_subscription_t subs[MAX_CLIENTS + 1];
static __wasi_event_t events[MAX_CLIENTS + 1];

/* The first socket from fd 3 on, and its type; -1 if none. */
static int find_socket(__wasi_filetype_t *type)
{
	__wasi_fdstat_t st;
	int fd;

	for (fd = 3; fd < 64; fd++) {
		if (__wasi_fd_fdstat_get(fd, &st) != 0)
			continue;
		if (st.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM ||
		    st.fs_filetype == __WASI_FILETYPE_SOCKET_DGRAM) {
			*type = st.fs_filetype;
			return fd;
		}
	}
	return -1;
}

static int send_all(__wasi_fd_t fd, const uint8_t *p, size_t len)
{
	while (len) {
		__wasi_ciovec_t iov = { p, len };
		__wasi_size_t sent;

		if (__wasi_sock_send(fd, &iov, 1, 0, &sent) != 0)
			return -1;
		p += sent;
		len -= sent;
	}
	return 0;
}

/* Read once and echo it; 0 while the client stays, -1 when it is gone. */
static int echo_once(__wasi_fd_t fd)
{
	__wasi_iovec_t iov = { buf, sizeof(buf) };
	__wasi_roflags_t rof;
	__wasi_size_t got;

	if (__wasi_sock_recv(fd, &iov, 1, 0, &got, &rof) != 0 || !got)
		return -1;
	return send_all(fd, buf, got);
}

static void serve_udp(__wasi_fd_t fd)
{
	for (;;) {
		__wasi_iovec_t iov = { buf, sizeof(buf) };
		__wasi_roflags_t rof;
		__wasi_size_t got, sent;
		__wasi_ciovec_t out;

		if (__wasi_sock_recv(fd, &iov, 1, 0, &got, &rof) != 0)
			continue;
		out = (__wasi_ciovec_t){ buf, got };
		(void)!__wasi_sock_send(fd, &out, 1, 0, &sent);
	}
}

static void serve_one_at_a_time(__wasi_fd_t lfd)
{
	for (;;) {
		__wasi_fd_t c;

		printf("accepting\n");
		fflush(stdout);
		if (__wasi_sock_accept(lfd, 0, &c) != 0)
			continue;
		while (echo_once(c) == 0)
			;
		(void)!__wasi_fd_close(c);
	}
}

static void serve_tcp(__wasi_fd_t lfd)
{
	__wasi_size_t nclients = 0, nev, i;

	/* A non-blocking listener: accept until EAGAIN when it is readable. */
	if (__wasi_fd_fdstat_set_flags(lfd, __WASI_FDFLAGS_NONBLOCK) != 0)
		return;
	fds[0] = lfd;
	for (;;) {
		for (i = 0; i <= nclients; i++) {
			memset(&subs[i], 0, sizeof(subs[i]));
			subs[i].userdata = i;
			subs[i].u.tag = __WASI_EVENTTYPE_FD_READ;
			subs[i].u.u.fd_read.file_descriptor = fds[i];
		}
		if (__wasi_poll_oneoff(subs, events, nclients + 1, &nev) != 0)
			continue;
		/* Clients first, from the last, so that closing one moves none unseen. */
		for (i = nev; i-- > 0;) {
			__wasi_size_t k = events[i].userdata;

			if (k == 0 || k > nclients)
				continue;
			if (echo_once(fds[k]) != 0) {
				(void)!__wasi_fd_close(fds[k]);
				fds[k] = fds[nclients--];
			}
		}
		for (i = 0; i < nev; i++) {
			__wasi_fd_t c;

			if (events[i].userdata != 0)
				continue;
			while (nclients < MAX_CLIENTS && __wasi_sock_accept(lfd, 0, &c) == 0)
				fds[++nclients] = c;
		}
	}
}

int main(int argc, char **argv)
{
	__wasi_filetype_t type;
	int fd = find_socket(&type);

	if (fd < 0) {
		fprintf(stderr, "echo_server: no socket granted (--cap net:tcp-listen:ADDR:PORT)\n");
		return 1;
	}
	printf("echo_server: serving on fd %d\n", fd);
	fflush(stdout);
	if (type == __WASI_FILETYPE_SOCKET_DGRAM)
		serve_udp(fd);
	else if (argc > 1 && !strcmp(argv[1], "accept-one"))
		serve_one_at_a_time(fd);
	else
		serve_tcp(fd);
	return 0;
}
