/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TAP-style checks for the WASI test apps: each prints "ok N what" or
 * "not ok N what: got G, want W"; the app's exit code is the failure count.
 * Each line is flushed as it is printed.
 */
#ifndef WASMKM_TEST_APP_TAP_H
#define WASMKM_TEST_APP_TAP_H

#include <stdio.h>

static int failures, n;

static void check(int ok, const char *what, long got, long want)
{
	n++;
	if (ok) {
		printf("ok %d %s\n", n, what);
	} else {
		printf("not ok %d %s: got %ld, want %ld\n", n, what, got, want);
		failures++;
	}
	/* a test may read the log while the app waits (poll_fifo) */
	fflush(stdout);
}

#define EQ(got, want, what) do { long g_ = (long)(got), w_ = (long)(want); \
	check(g_ == w_, what, g_, w_); } while (0)

#endif
