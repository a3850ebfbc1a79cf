// SPDX-License-Identifier: GPL-2.0
/* The 30 kernels, by category: X(C identifier, name as reported). */
#ifndef WASMKM_BENCH_KERNELS_H
#define WASMKM_BENCH_KERNELS_H

#define PB_KERNELS(X)                 \
  X(correlation, "correlation")       \
  X(covariance, "covariance")         \
  X(gemm, "gemm")                     \
  X(gemver, "gemver")                 \
  X(gesummv, "gesummv")               \
  X(symm, "symm")                     \
  X(syr2k, "syr2k")                   \
  X(syrk, "syrk")                     \
  X(trmm, "trmm")                     \
  X(k2mm, "2mm")                      \
  X(k3mm, "3mm")                      \
  X(atax, "atax")                     \
  X(bicg, "bicg")                     \
  X(doitgen, "doitgen")               \
  X(mvt, "mvt")                       \
  X(cholesky, "cholesky")             \
  X(durbin, "durbin")                 \
  X(gramschmidt, "gramschmidt")       \
  X(lu, "lu")                         \
  X(ludcmp, "ludcmp")                 \
  X(trisolv, "trisolv")               \
  X(deriche, "deriche")               \
  X(floyd_warshall, "floyd-warshall") \
  X(nussinov, "nussinov")             \
  X(adi, "adi")                       \
  X(fdtd_2d, "fdtd-2d")               \
  X(heat_3d, "heat-3d")               \
  X(jacobi_1d, "jacobi-1d")           \
  X(jacobi_2d, "jacobi-2d")           \
  X(seidel_2d, "seidel-2d")

#endif
