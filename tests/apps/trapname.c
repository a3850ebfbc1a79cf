// SPDX-License-Identifier: GPL-2.0
/*
 * Traps (integer divide by zero) one call below main, in a function the
 * name section calls "divide_by": the trap report names it.
 */
#include <stdio.h>

static volatile int zero;

__attribute__((noinline)) int divide_by(int a, int b)
{
	return a / b;
}

int main(void)
{
	printf("dividing\n");
	fflush(stdout);
	return divide_by(42, zero);
}
