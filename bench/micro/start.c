// SPDX-License-Identifier: GPL-2.0
/*
 * Start latency, wasm side: built with -nostartfiles, its _start reads the
 * monotonic clock as its very first action and prints it ("first NS").
 * With an argument (idle variant, built with -DIDLE) it then sleeps in
 * poll_oneoff until stopped.
 */
#include <stdint.h>
#include <wasi/api.h>

static void print_u64(const char* prefix, uint64_t v) {
  char buf[40];
  int n = 0, i = 0;
  char digits[24];
  __wasi_ciovec_t iov;
  __wasi_size_t written;

  while (prefix[n]) {
    buf[n] = prefix[n];
    n++;
  }
  do {
    digits[i++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (i) buf[n++] = digits[--i];
  buf[n++] = '\n';
  iov.buf = (const uint8_t*)buf;
  iov.buf_len = (__wasi_size_t)n;
  if (__wasi_fd_write(1, &iov, 1, &written)) return;
}

void _start(void) {
  __wasi_timestamp_t t = 0;

  if (__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t)) t = 0;
  print_u64("first ", t);
#ifdef IDLE
  for (;;) {
    __wasi_subscription_t sub = {0};
    __wasi_event_t ev;
    __wasi_size_t nev;

    sub.u.tag = __WASI_EVENTTYPE_CLOCK;
    sub.u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    sub.u.u.clock.timeout = 3600ull * 1000000000ull;
    if (__wasi_poll_oneoff(&sub, &ev, 1, &nev)) break;
  }
#endif
}
