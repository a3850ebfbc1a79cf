// SPDX-License-Identifier: GPL-2.0
/*
 * poll_oneoff on a FIFO, a regular file and a clock (tests/kselftest/
 * poll.c sets the stage: one grant at fd 3 holding "fifo", with a writer
 * kept open by the test, and "file").  Modes:
 *   idle   an empty FIFO is not ready: only the clock fires; a regular
 *          file is always ready
 *   wait   polls the FIFO alone (no clock) until the test writes a byte,
 *          then reads it
 *   stop   polls the FIFO alone until the instance is stopped
 * Prints "ok"/"not ok" lines; the exit code is the number of failures.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#include "tap.h"

#define DIR 3
#define R_RD (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_POLL_FD_READWRITE)

static __wasi_fd_t open_rd(const char *path, __wasi_fdflags_t ff)
{
	__wasi_fd_t fd = (__wasi_fd_t)-1;

	EQ(__wasi_path_open(DIR, 0, path, 0, R_RD, R_RD, ff, &fd), 0, path);
	return fd;
}

static void sub_fd(__wasi_subscription_t *s, uint64_t ud, __wasi_fd_t fd)
{
	memset(s, 0, sizeof(*s));
	s->userdata = ud;
	s->u.tag = __WASI_EVENTTYPE_FD_READ;
	s->u.u.fd_read.file_descriptor = fd;
}

static void sub_clock(__wasi_subscription_t *s, uint64_t ud, uint64_t ns)
{
	memset(s, 0, sizeof(*s));
	s->userdata = ud;
	s->u.tag = __WASI_EVENTTYPE_CLOCK;
	s->u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
	s->u.u.clock.timeout = ns;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	__wasi_fd_t fifo = open_rd("fifo", __WASI_FDFLAGS_NONBLOCK);
	__wasi_subscription_t s[2];
	__wasi_event_t ev[2];
	__wasi_size_t nev = 0, nr = 0;
	char c = 0;

	if (!strcmp(mode, "idle")) {
		__wasi_fd_t file = open_rd("file", 0);

		sub_fd(&s[0], 1, fifo);
		sub_clock(&s[1], 2, 200 * 1000 * 1000);
		EQ(__wasi_poll_oneoff(s, ev, 2, &nev), 0, "poll fifo + clock");
		EQ(nev, 1, "one event");
		EQ(ev[0].userdata, 2, "the clock's: the empty fifo is not ready");
		EQ(ev[0].type, __WASI_EVENTTYPE_CLOCK, "a clock event");
		sub_fd(&s[0], 1, fifo);
		sub_fd(&s[1], 3, file);
		EQ(__wasi_poll_oneoff(s, ev, 2, &nev), 0, "poll fifo + file");
		EQ(nev, 1, "one event");
		EQ(ev[0].userdata, 3, "the regular file's");
		EQ(ev[0].fd_readwrite.nbytes, 4, "nbytes: the file's size");
	} else if (!strcmp(mode, "wait") || !strcmp(mode, "stop")) {
		printf("polling the fifo\n");
		fflush(stdout);
		sub_fd(&s[0], 7, fifo);
		EQ(__wasi_poll_oneoff(s, ev, 1, &nev), 0, "poll fifo");
		if (mode[0] == 's')
			return 97;	/* the stop must end the instance first */
		EQ(nev, 1, "one event");
		EQ(ev[0].userdata, 7, "the fifo's");
		EQ(ev[0].error, 0, "no error");
		EQ(__wasi_fd_read(fifo, &(__wasi_iovec_t){ (uint8_t *)&c, 1 }, 1, &nr), 0,
		   "read the fifo");
		EQ(c, 'x', "the byte the test wrote");
	} else {
		check(0, "a known mode", 0, 1);
	}
	printf("%d checks, %d failed\n", n, failures);
	return failures;
}
