// SPDX-License-Identifier: GPL-2.0
/*
 * exitcode CODE [exit]: return CODE from main, or with "exit" call
 * exit(CODE) from a nested function (proc_exit without returning).
 */
#include <stdlib.h>
#include <string.h>

static __attribute__((noinline)) void leave(int code)
{
	exit(code);
}

int main(int argc, char **argv)
{
	int code = argc > 1 ? atoi(argv[1]) : 0;

	if (argc > 2 && strcmp(argv[2], "exit") == 0)
		leave(code);
	return code;
}
