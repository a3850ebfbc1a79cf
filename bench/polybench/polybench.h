// SPDX-License-Identifier: GPL-2.0
/*
 * Shared frame of the PolyBench/C 4.2 style kernels: problem sizes, the
 * allocation and timing helpers and the output checksum.  The kernels are
 * written for wasmkm from the mathematical definition of each PolyBench
 * kernel; sizes follow the MINI/SMALL/MEDIUM/LARGE classes.
 *
 * Build with exactly one of -DPB_MINI, -DPB_SMALL, -DPB_MEDIUM, -DPB_LARGE
 * (SMALL if none).  The same source builds for the host (gcc, clang) and
 * for wasm32-wasi; the results must match bit for bit on every engine, so
 * the kernels use only + - * / and sqrt (correctly rounded everywhere) and
 * the few other math functions they need come from pb_exp() below.
 */
#ifndef WASMKM_BENCH_POLYBENCH_H
#define WASMKM_BENCH_POLYBENCH_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(PB_MINI)
#define PB_CLASS 0
#elif defined(PB_MEDIUM)
#define PB_CLASS 2
#elif defined(PB_LARGE)
#define PB_CLASS 3
#else
#define PB_CLASS 1
#endif

/* The size for the class being built: PB_SZ(mini, small, medium, large). */
#define PB_SZ(a, b, c, d) (PB_CLASS == 0 ? (a) : PB_CLASS == 1 ? (b) : PB_CLASS == 2 ? (c) : (d))

/* One run of a kernel: the timer and the checksum of its output. */
struct pb_run {
  uint64_t t0;
  uint64_t ns;
  uint64_t hash;
};

uint64_t pb_now(void);
static inline void pb_start(struct pb_run* r) { r->t0 = pb_now(); }
static inline void pb_stop(struct pb_run* r) { r->ns = pb_now() - r->t0; }

/* Zeroed memory; exits with a message if there is none. */
void* pb_alloc(size_t n, size_t elem);

/* FNV-1a over the bytes of the output, in order. */
void pb_hash(struct pb_run* r, const void* p, size_t bytes);

/* e^x for the deriche coefficients: the same bits on every engine. */
double pb_exp(double x);

struct pb_kernel {
  const char* name;
  void (*run)(struct pb_run* r);
};

/* Row-major element (i, j) of an array with n columns. */
#define AT(a, n, i, j) ((a)[(size_t)(i) * (size_t)(n) + (size_t)(j)])
/* Element (i, j, k) of an array of nj x nk planes. */
#define AT3(a, nj, nk, i, j, k) \
  ((a)[((size_t)(i) * (size_t)(nj) + (size_t)(j)) * (size_t)(nk) + (size_t)(k)])

#define PB_ARRAY(type, n) ((type*)pb_alloc((size_t)(n), sizeof(type)))

#endif
