// SPDX-License-Identifier: GPL-2.0
/*
 * hello: the wasmkm demo app, run as a kernel thread.
 *
 *   clang-16 --target=wasm32-wasi -O2 hello.c -o hello.wasm
 *   wasmctl load hello.wasm --arg wasm --arg kernel --env GREETING=Hello --wait
 *
 * Prints $GREETING and its arguments; its exit code is the number of
 * arguments (shown by "wasmctl list").
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	const char *greeting = getenv("GREETING");
	int i;

	printf("%s from a WebAssembly kernel thread!\n",
	       greeting ? greeting : "Hi");
	for (i = 1; i < argc; i++)
		printf("arg %d: %s\n", i, argv[i]);
	return argc - 1;
}
