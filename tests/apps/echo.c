// SPDX-License-Identifier: GPL-2.0
/*
 * echo: print argc, every argument and the whole environment, in order,
 * one per line, so that a test can compare the log byte for byte.  With
 * ECHO_STDERR_AS_1 set it first moves stderr onto descriptor 1
 * (fd_renumber(2, 1), as dup2(2, 1)): everything then goes to stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <wasi/api.h>

extern char **environ;

int main(int argc, char **argv)
{
	char **e;
	int i;

	if (getenv("ECHO_STDERR_AS_1") && __wasi_fd_renumber(2, 1))
		return 3;
	printf("argc=%d\n", argc);
	for (i = 0; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
	for (e = environ; e && *e; e++)
		printf("env=%s\n", *e);
	/* stdout may be fully buffered: keep the order deterministic */
	fflush(stdout);
	fprintf(stderr, "done\n");
	return 0;
}
