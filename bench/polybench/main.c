// SPDX-License-Identifier: GPL-2.0
/*
 * PolyBench driver: runs the kernels named on the command line (all if
 * none), each -r times, and prints one line per kernel:
 *
 *   pb NAME HASH NS1,NS2,...
 *
 * HASH is the output checksum (hex); NSk the time of run k in nanoseconds
 * (the computation only, not the set-up).  A kernel whose runs disagree on
 * the checksum prints HASH "mismatch".  "-l" lists the kernels.  The first
 * line is "first NS", the monotonic clock read as main's first action (the
 * start-up marker of bench/micro/launch.c), then "pb-size CLASS".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kernels.h"
#include "polybench.h"

#define DECLARE(id, name) void pb_##id(struct pb_run* r);
PB_KERNELS(DECLARE)
#undef DECLARE

#define ENTRY(id, name) {name, pb_##id},
static const struct pb_kernel kernels[] = {PB_KERNELS(ENTRY)};
#undef ENTRY
#define NKERNELS (sizeof(kernels) / sizeof(kernels[0]))

static const char* const class_names[] = {"MINI", "SMALL", "MEDIUM", "LARGE"};

uint64_t pb_now(void) {
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void* pb_alloc(size_t n, size_t elem) {
  void* p = calloc(n ? n : 1, elem);

  if (!p) {
    fprintf(stderr, "pb: out of memory (%zu x %zu bytes)\n", n, elem);
    exit(3);
  }
  return p;
}

void pb_hash(struct pb_run* r, const void* p, size_t bytes) {
  const unsigned char* b = p;
  uint64_t h = r->hash;
  size_t i;

  for (i = 0; i < bytes; i++) {
    h ^= b[i];
    h *= 0x100000001b3ull;
  }
  r->hash = h;
}

/* e^x = (e^(x/2^k))^(2^k), with e^y for |y| < 2^-k from its Taylor series. */
double pb_exp(double x) {
  double y = x, sum = 1.0, term = 1.0;
  int k = 0, n;

  while (y > 0.125 || y < -0.125) {
    y /= 2.0;
    k++;
  }
  for (n = 1; n < 20; n++) {
    term = term * y / n;
    sum += term;
  }
  while (k-- > 0) sum *= sum;
  return sum;
}

static int run_kernel(const struct pb_kernel* k, int reps) {
  uint64_t hash = 0;
  int i, same = 1;

  printf("pb %s ", k->name);
  for (i = 0; i < reps; i++) {
    struct pb_run r = {0, 0, 0xcbf29ce484222325ull};

    k->run(&r);
    if (i == 0) {
      hash = r.hash;
      printf("%016llx ", (unsigned long long)hash);
    } else if (r.hash != hash) {
      same = 0;
    }
    printf("%s%llu", i ? "," : "", (unsigned long long)r.ns);
    fflush(stdout);
  }
  printf("%s\n", same ? "" : " mismatch");
  return same ? 0 : 1;
}

static const struct pb_kernel* find_kernel(const char* name) {
  size_t k;

  for (k = 0; k < NKERNELS; k++)
    if (!strcmp(name, kernels[k].name)) return &kernels[k];
  return NULL;
}

int main(int argc, char** argv) {
  int reps = 1, i, bad = 0;
  size_t k;

  printf("first %llu\n", (unsigned long long)pb_now());
  for (i = 1; i < argc && argv[i][0] == '-'; i++) {
    if (!strcmp(argv[i], "-r") && i + 1 < argc) {
      reps = atoi(argv[++i]);
      if (reps < 1) reps = 1;
    } else if (!strcmp(argv[i], "-l")) {
      for (k = 0; k < NKERNELS; k++) printf("%s\n", kernels[k].name);
      return 0;
    } else {
      fprintf(stderr, "usage: pb [-r REPS] [-l] [KERNEL...]\n");
      return 2;
    }
  }
  for (k = i; k < (size_t)argc; k++) {
    if (!find_kernel(argv[k])) {
      fprintf(stderr, "pb: no kernel %s\n", argv[k]);
      return 2;
    }
  }
  printf("pb-size %s\n", class_names[PB_CLASS]);
  if (i == argc) {
    for (k = 0; k < NKERNELS; k++) bad |= run_kernel(&kernels[k], reps);
  } else {
    for (; i < argc; i++) bad |= run_kernel(find_kernel(argv[i]), reps);
  }
  return bad;
}
