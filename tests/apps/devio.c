// SPDX-License-Identifier: GPL-2.0
/*
 * The device descriptors' data path (Documentation/devices.md), driven by
 * tests/kselftest/devices.c.  Each argument is one command on a preopened
 * device descriptor FD; the result is one line of stdout:
 *   r:FD:REG:LEN    pread LEN bytes at register REG  -> "r REG = xx xx ..."
 *   w:FD:REG:HEX    pwrite the bytes HEX at REG      -> "w REG = N"
 *   R:FD:LEN        raw read                         -> "R = xx xx ..."
 *   W:FD:HEX        raw write                        -> "W = N"
 *   o:FD:TEXT       write TEXT (e.g. "1") to a line  -> "o = N"
 *   e:FD:COUNT      "waiting", then poll_oneoff and read edge events until
 *                   COUNT arrived: "ev SEQ RISING" each, and after the first
 *                   wake "wake NS" (now - the first event's timestamp)
 *   f:FD:N          N calls with random arguments    -> "fuzz N errnos E"
 *   n:FD:LEN        set NONBLOCK, read LEN bytes     -> "n = N" or "n err E"
 * An error prints "... err ERRNO" (the WASI errno).  Exit code: errors.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

struct ev {			/* struct wasmkm_gpio_event */
	uint64_t timestamp_ns;
	uint32_t seq;
	uint8_t rising;
	uint8_t pad[3];
};

static int errors;
static uint8_t buf[512];

static size_t unhex(const char *s, uint8_t *out, size_t max)
{
	size_t n = 0;

	while (s[0] && s[1] && n < max) {
		char two[3] = { s[0], s[1], 0 };

		out[n++] = (uint8_t)strtoul(two, NULL, 16);
		s += 2;
	}
	return n;
}

static void bytes(const char *what, __wasi_errno_t e, size_t n)
{
	size_t i;

	if (e) {
		printf("%s err %d\n", what, e);
		errors++;
		return;
	}
	printf("%s =", what);
	for (i = 0; i < n; i++)
		printf(" %02x", buf[i]);
	printf("\n");
}

static void count(const char *what, __wasi_errno_t e, size_t n)
{
	if (e) {
		printf("%s err %d\n", what, e);
		errors++;
	} else {
		printf("%s = %zu\n", what, n);
	}
}

static uint64_t now_ns(void)
{
	__wasi_timestamp_t t = 0;

	if (__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t))
		return 0;
	return t;
}

static void edges(__wasi_fd_t fd, unsigned long want)
{
	__wasi_subscription_t s;
	__wasi_event_t out;
	__wasi_size_t nev, nr;
	struct ev ev[16];
	unsigned long got = 0;
	int first = 1, i;

	memset(&s, 0, sizeof(s));
	s.userdata = 1;
	s.u.tag = __WASI_EVENTTYPE_FD_READ;
	s.u.u.fd_read.file_descriptor = fd;
	printf("waiting\n");
	fflush(stdout);
	while (got < want) {
		__wasi_errno_t e = __wasi_poll_oneoff(&s, &out, 1, &nev);
		__wasi_iovec_t iov = { (uint8_t *)ev, sizeof(ev) };

		if (e || nev != 1 || out.error) {
			printf("poll err %d %d\n", e, out.error);
			errors++;
			return;
		}
		e = __wasi_fd_read(fd, &iov, 1, &nr);
		if (e || !nr || nr % sizeof(ev[0])) {
			printf("read err %d %u\n", e, (unsigned)nr);
			errors++;
			return;
		}
		if (first) {
			printf("wake %llu\n", (unsigned long long)(now_ns() - ev[0].timestamp_ns));
			first = 0;
		}
		for (i = 0; i < (int)(nr / sizeof(ev[0])); i++)
			printf("ev %u %u\n", ev[i].seq, ev[i].rising);
		got += nr / sizeof(ev[0]);
		fflush(stdout);
	}
}

/* Random iovecs (in and out of memory), lengths and offsets: errnos only. */
static void fuzz(__wasi_fd_t fd, unsigned long n)
{
	unsigned long i, errs = 0;
	__wasi_size_t done;
	__wasi_iovec_t iov[4];
	int k;

	if (__wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_NONBLOCK))	/* no edge waits */
		printf("nonblock refused\n");
	srand(16);
	for (i = 0; i < n; i++) {
		uint32_t cnt = rand() % 5;
		uint64_t off = rand() % 4 ? rand() % 300 : ((uint64_t)rand() << 33) | rand();
		__wasi_errno_t e;

		for (k = 0; k < 4; k++) {
			iov[k].buf = rand() % 4 ? buf + rand() % sizeof(buf) :
						  (uint8_t *)(uintptr_t)rand();
			iov[k].buf_len = rand() % 3 ? rand() % 40 : (size_t)rand();
		}
		for (k = 0; k < (int)sizeof(buf); k++)
			buf[k] = rand() % 3 ? rand() & 1 : rand();
		switch (rand() % 4) {
		case 0:
			e = __wasi_fd_pread(fd, (__wasi_iovec_t *)iov, cnt, off, &done);
			break;
		case 1:
			e = __wasi_fd_pwrite(fd, (__wasi_ciovec_t *)iov, cnt, off, &done);
			break;
		case 2:
			e = __wasi_fd_read(fd, (__wasi_iovec_t *)iov, cnt, &done);
			break;
		default:
			e = __wasi_fd_write(fd, (__wasi_ciovec_t *)iov, cnt, &done);
			break;
		}
		errs += e != 0;
	}
	printf("fuzz %lu errnos %lu\n", n, errs);
}

int main(int argc, char **argv)
{
	int a;

	for (a = 1; a < argc; a++) {
		char op = argv[a][0], *p = argv[a] + 1, what[32];
		__wasi_fd_t fd = strtoul(p + 1, &p, 10);
		unsigned long x = strtoul(p + 1, &p, 0), y;
		__wasi_errno_t e;
		__wasi_size_t n = 0;
		__wasi_iovec_t iov = { buf, 0 };
		__wasi_ciovec_t ciov = { buf, 0 };

		switch (op) {
		case 'r':
			y = strtoul(p + 1, NULL, 0);
			iov.buf_len = y < sizeof(buf) ? y : sizeof(buf);
			e = __wasi_fd_pread(fd, &iov, 1, x, &n);
			snprintf(what, sizeof(what), "r %lu", x);
			bytes(what, e, n);
			break;
		case 'w':
			ciov.buf_len = unhex(p + 1, buf, sizeof(buf));
			e = __wasi_fd_pwrite(fd, &ciov, 1, x, &n);
			snprintf(what, sizeof(what), "w %lu", x);
			count(what, e, n);
			break;
		case 'R':
			iov.buf_len = x < sizeof(buf) ? x : sizeof(buf);
			e = __wasi_fd_read(fd, &iov, 1, &n);
			bytes("R", e, n);
			break;
		case 'W':
			ciov.buf_len = unhex(strchr(argv[a] + 2, ':') + 1, buf, sizeof(buf));
			e = __wasi_fd_write(fd, &ciov, 1, &n);
			count("W", e, n);
			break;
		case 'o':
			p = strchr(argv[a] + 2, ':') + 1;
			ciov.buf = (const uint8_t *)p;
			ciov.buf_len = strlen(p);
			e = __wasi_fd_write(fd, &ciov, 1, &n);
			count("o", e, n);
			break;
		case 'n':
			iov.buf_len = x < sizeof(buf) ? x : sizeof(buf);
			e = __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_NONBLOCK);
			if (!e)
				e = __wasi_fd_read(fd, &iov, 1, &n);
			count("n", e, n);
			break;
		case 'e':
			edges(fd, x);
			break;
		case 'f':
			fuzz(fd, x);
			break;
		default:
			printf("bad command %s\n", argv[a]);
			errors++;
		}
		fflush(stdout);
	}
	return errors;
}
