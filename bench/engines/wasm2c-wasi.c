// SPDX-License-Identifier: GPL-2.0
/*
 * Host for a WASI command translated by Debian's wasm2c (wabt 1.0.32,
 * module name "app"): the few wasi_snapshot_preview1 functions a
 * wasi-libc program that prints and reads the clock needs, on the
 * process's stdio and argv.  Build:
 *
 *   wasm2c -n app app.wasm -o app.c
 *   cc -O2 -I. -include app.h wasm2c-wasi.c app.c wasm-rt-impl.c -lm
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "wasm-rt-impl.h"

struct Z_wasi_snapshot_preview1_instance_t {
  wasm_rt_memory_t* mem;
  int argc;
  char** argv;
};

enum { WASI_EBADF = 8, WASI_EFAULT = 21, WASI_EINVAL = 28, WASI_ESPIPE = 70 };

static jmp_buf exit_jb;
static int exit_code;

static int in_mem(wasm_rt_memory_t* m, u64 p, u64 n) { return p + n <= m->size; }

static void put32(wasm_rt_memory_t* m, u32 p, u32 v) { memcpy(m->data + p, &v, 4); }

u32 Z_wasi_snapshot_preview1Z_args_sizes_get(struct Z_wasi_snapshot_preview1_instance_t* w,
                                             u32 count, u32 size) {
  u32 total = 0;
  int i;

  if (!in_mem(w->mem, count, 4) || !in_mem(w->mem, size, 4)) return WASI_EFAULT;
  for (i = 0; i < w->argc; i++) total += strlen(w->argv[i]) + 1;
  put32(w->mem, count, (u32)w->argc);
  put32(w->mem, size, total);
  return 0;
}

u32 Z_wasi_snapshot_preview1Z_args_get(struct Z_wasi_snapshot_preview1_instance_t* w, u32 ptrs,
                                       u32 buf) {
  int i;

  if (!in_mem(w->mem, ptrs, 4ull * w->argc)) return WASI_EFAULT;
  for (i = 0; i < w->argc; i++) {
    size_t len = strlen(w->argv[i]) + 1;

    if (!in_mem(w->mem, buf, len)) return WASI_EFAULT;
    memcpy(w->mem->data + buf, w->argv[i], len);
    put32(w->mem, ptrs + 4 * i, buf);
    buf += len;
  }
  return 0;
}

u32 Z_wasi_snapshot_preview1Z_clock_time_get(struct Z_wasi_snapshot_preview1_instance_t* w,
                                             u32 clock, u64 precision, u32 out) {
  struct timespec ts;
  u64 ns;

  (void)precision;
  if (clock > 3) return WASI_EINVAL;
  if (!in_mem(w->mem, out, 8)) return WASI_EFAULT;
  clock_gettime(clock == 0 ? CLOCK_REALTIME : CLOCK_MONOTONIC, &ts);
  ns = (u64)ts.tv_sec * 1000000000u + (u64)ts.tv_nsec;
  memcpy(w->mem->data + out, &ns, 8);
  return 0;
}

u32 Z_wasi_snapshot_preview1Z_fd_write(struct Z_wasi_snapshot_preview1_instance_t* w, u32 fd,
                                       u32 iovs, u32 n, u32 nwritten) {
  u32 i, total = 0;

  if (fd != 1 && fd != 2) return WASI_EBADF;
  if (!in_mem(w->mem, iovs, 8ull * n) || !in_mem(w->mem, nwritten, 4)) return WASI_EFAULT;
  for (i = 0; i < n; i++) {
    u32 buf, len;

    memcpy(&buf, w->mem->data + iovs + 8 * i, 4);
    memcpy(&len, w->mem->data + iovs + 8 * i + 4, 4);
    if (!in_mem(w->mem, buf, len)) return WASI_EFAULT;
    fwrite(w->mem->data + buf, 1, len, fd == 1 ? stdout : stderr);
    total += len;
  }
  put32(w->mem, nwritten, total);
  return 0;
}

u32 Z_wasi_snapshot_preview1Z_fd_close(struct Z_wasi_snapshot_preview1_instance_t* w, u32 fd) {
  (void)w;
  return fd <= 2 ? 0 : WASI_EBADF;
}

u32 Z_wasi_snapshot_preview1Z_fd_seek(struct Z_wasi_snapshot_preview1_instance_t* w, u32 fd,
                                      u64 off, u32 whence, u32 out) {
  (void)w;
  (void)off;
  (void)whence;
  (void)out;
  return fd <= 2 ? WASI_ESPIPE : WASI_EBADF;
}

u32 Z_wasi_snapshot_preview1Z_fd_fdstat_get(struct Z_wasi_snapshot_preview1_instance_t* w, u32 fd,
                                            u32 out) {
  u64 rights = fd == 0 ? 0x2 : 0x40;

  if (fd > 2) return WASI_EBADF;
  if (!in_mem(w->mem, out, 24)) return WASI_EFAULT;
  memset(w->mem->data + out, 0, 24);
  w->mem->data[out] = 2; /* character device */
  memcpy(w->mem->data + out + 8, &rights, 8);
  return 0;
}

void Z_wasi_snapshot_preview1Z_proc_exit(struct Z_wasi_snapshot_preview1_instance_t* w, u32 code) {
  (void)w;
  exit_code = (int)code;
  longjmp(exit_jb, 1);
}

int main(int argc, char** argv) {
  static Z_app_instance_t app;
  static struct Z_wasi_snapshot_preview1_instance_t wasi;

  wasm_rt_init();
  Z_app_init_module();
  Z_app_instantiate(&app, &wasi);
  wasi.mem = Z_appZ_memory(&app);
  wasi.argc = argc;
  wasi.argv = argv;
  if (!setjmp(exit_jb)) {
    wasm_rt_trap_t trap = wasm_rt_impl_try();

    if (trap) {
      fprintf(stderr, "trap: %s\n", wasm_rt_strerror(trap));
      return 100;
    }
    Z_appZ__start(&app);
  }
  fflush(stdout);
  Z_app_free(&app);
  wasm_rt_free();
  return exit_code;
}
