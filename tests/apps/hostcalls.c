// SPDX-License-Identifier: GPL-2.0
/*
 * hostcalls: for the observability tests (tests/kselftest/observe.c).
 *   hostcalls N     makes exactly N sched_yield host calls, then exits
 *   hostcalls grow  grows its linear memory by 3 pages once, then exits
 *   hostcalls idle  sleeps (poll_oneoff) forever
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wasi/api.h>

int main(int argc, char **argv)
{
	struct timespec ts = { .tv_sec = 1, .tv_nsec = 0 };
	long i, n;

	if (argc < 2)
		return 2;
	if (!strcmp(argv[1], "idle")) {
		for (;;)
			nanosleep(&ts, NULL);
	}
	if (!strcmp(argv[1], "grow"))
		return __builtin_wasm_memory_grow(0, 3) < 0;
	n = strtol(argv[1], NULL, 10);
	for (i = 0; i < n; i++)
		if (__wasi_sched_yield())
			return 1;
	return 0;
}
