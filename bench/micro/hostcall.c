// SPDX-License-Identifier: GPL-2.0
/*
 * Cost of one host call: WASI clock_time_get and a 1-byte fd_write, as a
 * wasm app (each call goes to a wasmkm helper, no user/kernel switch), and
 * the same work as a native program with real system calls (no vDSO).
 *
 *   hostcall N [FILE]
 *
 * The writes go to FILE (created) if given, else to stdout (for a wasm app
 * in wasmkm: its log).  Prints "micro NAME NS_PER_CALL MIN MAX" lines: the
 * median, lowest and highest of 11 batches.  A wasm
 * build can open FILE only when built with -DHOSTCALL_FILE (it then imports
 * path_open, which needs a file-system capability).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#ifdef __wasi__
#include <wasi/api.h>
#else
#include <sys/syscall.h>
#endif

static uint64_t now(void) {
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int clock_call(void) {
#ifdef __wasi__
  __wasi_timestamp_t t;

  return __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t) != 0;
#else
  struct timespec ts;

  return syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts) != 0;
#endif
}

static int write_call(int fd) {
  static const char byte = '.';
#ifdef __wasi__
  __wasi_ciovec_t iov = {(const uint8_t*)&byte, 1};
  __wasi_size_t n;

  return __wasi_fd_write(fd, &iov, 1, &n) != 0 || n != 1;
#else
  return syscall(SYS_write, fd, &byte, 1) != 1;
#endif
}

static int open_file(const char* file) {
#if defined(__wasi__) && !defined(HOSTCALL_FILE)
  (void)file;
  fprintf(stderr, "hostcall: built without -DHOSTCALL_FILE: no file output\n");
  return -1;
#else
  return open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
#endif
}

#define BATCHES 11

static int cmp_double(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;

  return x < y ? -1 : x > y;
}

/* ns per call of BATCHES batches of n / BATCHES calls: median, min, max. */
static int measure(const char* name, long n, int fd) {
  double per[BATCHES];
  long per_batch = n / BATCHES > 0 ? n / BATCHES : 1, i;
  int b, bad = 0;

  for (b = 0; b < BATCHES; b++) {
    uint64_t t = now();

    for (i = 0; i < per_batch; i++) bad |= fd < 0 ? clock_call() : write_call(fd);
    per[b] = (double)(now() - t) / per_batch;
  }
  qsort(per, BATCHES, sizeof(per[0]), cmp_double);
  if (fd == 1) printf("\n");
  printf("micro %s %.1f %.1f %.1f\n", name, per[BATCHES / 2], per[0], per[BATCHES - 1]);
  fflush(stdout);
  return bad;
}

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  const char* file = argc > 2 ? argv[2] : NULL;
  int fd = 1, bad;

  bad = measure("clock_time_get", n, -1);
  if (file) {
    fd = open_file(file);
    if (fd < 0) {
      perror(file);
      return 1;
    }
  }
  bad |= measure(file ? "fd_write_1B_file" : "fd_write_1B_log", n, fd);
  if (file) close(fd);
  if (bad) printf("micro error: a call failed\n");
  return bad;
}
