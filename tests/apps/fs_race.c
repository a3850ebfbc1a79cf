// SPDX-License-Identifier: GPL-2.0
/*
 * The rename race against path resolution (tests/kselftest/fs_race.c).
 *   walk SECONDS   opens m/a/b/(x/../)^150../../../secret beneath fd 3 in a
 *                  loop: balanced, so it names <grant>/secret, which does
 *                  not exist; it must never open anything.  A directory on
 *                  the path moved out of the grant mid-walk must not let
 *                  the ".." climb after it.  Prints one summary line.
 *   rename         renames fd 3's m/a to fd 4's a and back, forever (an app
 *                  with two grants racing an instance that has one),
 *                  printing the count every 1000 round trips.
 * Exit code: 0, or 1 when the walk opened something.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

#define REPEAT 150

static char path[16 + 5 * REPEAT + 16];

static unsigned long long now_ns(void)
{
	__wasi_timestamp_t t = 0;

	if (__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1000, &t))
		return 0;
	return t;
}

static int walk(unsigned int seconds)
{
	unsigned long long end = now_ns() + seconds * 1000000000ULL;
	unsigned long tries = 0, enoent = 0, eagain = 0, other = 0, escaped = 0;
	char *p = path;
	int i;

	p += sprintf(p, "m/a/b/");
	for (i = 0; i < REPEAT; i++)
		p += sprintf(p, "x/../");
	sprintf(p, "../../../secret");
	while (now_ns() < end) {
		__wasi_fd_t fd;
		__wasi_errno_t e;
		char buf[64];
		__wasi_iovec_t iov = { (uint8_t *)buf, sizeof(buf) - 1 };
		__wasi_size_t got = 0;

		tries++;
		e = __wasi_path_open(3, 0, path, 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd);
		if (e == __WASI_ERRNO_NOENT) {
			enoent++;
		} else if (e == __WASI_ERRNO_AGAIN) {
			eagain++;
		} else if (e) {
			other++;
		} else {
			escaped++;
			if (__wasi_fd_read(fd, &iov, 1, &got))
				got = 0;
			buf[got] = 0;
			printf("ESCAPED on try %lu: read \"%s\"\n", tries, buf);
			if (__wasi_fd_close(fd))
				other++;
			if (escaped >= 3)
				break;
		}
	}
	printf("walk: %lu tries, %lu escaped, %lu enoent, %lu eagain, %lu other\n", tries, escaped,
	       enoent, eagain, other);
	return escaped ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "walk"))
		return walk(atoi(argv[2]));
	if (argc == 2 && !strcmp(argv[1], "rename")) {
		unsigned long n = 0;

		for (;;) {
			if (__wasi_path_rename(3, "m/a", 4, "a") ||
			    __wasi_path_rename(4, "a", 3, "m/a"))
				continue;
			/* the test reads this from the log: the renames happen */
			if (!(++n % 1000)) {
				printf("renames: %lu\n", n);
				fflush(stdout);
			}
		}
	}
	printf("usage: fs_race walk SECONDS | rename\n");
	return 100;
}
