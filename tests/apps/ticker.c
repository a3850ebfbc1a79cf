// SPDX-License-Identifier: GPL-2.0
/*
 * ticker: a long-running app.  Prints "tick N" about every 10 ms (a WASI
 * clock sleep through poll_oneoff) and does some work in between, forever.
 */
#include <stdio.h>
#include <time.h>

int main(void)
{
	struct timespec ts = { .tv_sec = 0, .tv_nsec = 10 * 1000 * 1000 };
	volatile unsigned int work = 0;
	unsigned int n, i;

	for (n = 0;; n++) {
		printf("tick %u\n", n);
		fflush(stdout);
		for (i = 0; i < 10000; i++)
			work += i;
		nanosleep(&ts, NULL);
	}
	return 0;
}
