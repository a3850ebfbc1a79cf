// SPDX-License-Identifier: GPL-2.0
/*
 * Hello world of the container comparison, native and wasm from this one
 * source: prints "first NS" (CLOCK_MONOTONIC, main's first action: the
 * start-up marker of launch.c), then a greeting, and exits.
 */
#include <stdio.h>
#include <time.h>

int main(void) {
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  printf("first %llu\n", (unsigned long long)ts.tv_sec * 1000000000ull + ts.tv_nsec);
  printf("hello, world\n");
  return 0;
}
