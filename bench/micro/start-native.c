// SPDX-License-Identifier: GPL-2.0
/* Start latency, native side: prints "first NS" (monotonic) as its first action. */
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct timespec ts;

  syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
  printf("first %llu\n", (unsigned long long)ts.tv_sec * 1000000000ull + ts.tv_nsec);
  return 0;
}
