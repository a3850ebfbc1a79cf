// SPDX-License-Identifier: GPL-2.0
/* gemm: C = alpha * A * B + beta * C. */
#include "polybench.h"

void pb_gemm(struct pb_run* r) {
  const int ni = PB_SZ(20, 60, 200, 1000), nj = PB_SZ(25, 70, 220, 1100);
  const int nk = PB_SZ(30, 80, 240, 1200);
  const double alpha = 1.5, beta = 1.2;
  double* a = PB_ARRAY(double, ni* nk);
  double* b = PB_ARRAY(double, nk* nj);
  double* c = PB_ARRAY(double, ni* nj);
  int i, j, k;

  for (i = 0; i < ni; i++)
    for (j = 0; j < nj; j++) AT(c, nj, i, j) = (double)((i * j + 1) % ni) / ni;
  for (i = 0; i < ni; i++)
    for (k = 0; k < nk; k++) AT(a, nk, i, k) = (double)(i * (k + 1) % nk) / nk;
  for (k = 0; k < nk; k++)
    for (j = 0; j < nj; j++) AT(b, nj, k, j) = (double)(k * (j + 2) % nj) / nj;

  pb_start(r);
  for (i = 0; i < ni; i++) {
    for (j = 0; j < nj; j++) AT(c, nj, i, j) *= beta;
    for (k = 0; k < nk; k++)
      for (j = 0; j < nj; j++) AT(c, nj, i, j) += alpha * AT(a, nk, i, k) * AT(b, nj, k, j);
  }
  pb_stop(r);

  pb_hash(r, c, sizeof(double) * ni * nj);
  free(a);
  free(b);
  free(c);
}
