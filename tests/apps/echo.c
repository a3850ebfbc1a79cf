// SPDX-License-Identifier: GPL-2.0
/*
 * echo: print argc, every argument and the whole environment, in order,
 * one per line, so that a test can compare the log byte for byte.
 */
#include <stdio.h>

extern char **environ;

int main(int argc, char **argv)
{
	char **e;
	int i;

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
