// SPDX-License-Identifier: GPL-2.0
/*
 * memory.grow cost, wasm side: "grow TOTAL_MIB STEP_MIB" mallocs STEP_MIB
 * at a time until TOTAL_MIB are allocated (each malloc grows the linear
 * memory by about STEP_MIB: wasi-libc's malloc takes more pages from
 * memory.grow), touches one byte of every 4 KiB page of each block, and
 * prints "micro grow_TOTALMiB_stepSTEPMiB NS": the whole time.  With a
 * growth that copies the memory, the time is quadratic in TOTAL / STEP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static unsigned long long now_ns(void) {
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

int main(int argc, char** argv) {
  unsigned long total = argc > 1 ? strtoul(argv[1], NULL, 10) : 16;
  unsigned long step = argc > 2 ? strtoul(argv[2], NULL, 10) : 1;
  unsigned long long t0;
  unsigned long done, i;

  if (!total || !step) return 2;
  t0 = now_ns();
  for (done = 0; done < total; done += step) {
    volatile char* p = malloc(step << 20);

    if (!p) {
      fprintf(stderr, "grow: malloc failed at %lu MiB\n", done);
      return 1;
    }
    for (i = 0; i < step << 20; i += 4096) p[i] = 1;
  }
  printf("micro grow_%luMiB_step%luMiB %llu\n", total, step, now_ns() - t0);
  return 0;
}
