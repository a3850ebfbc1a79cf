// SPDX-License-Identifier: GPL-2.0
/* 2mm: D = alpha A B C + beta D, as tmp = alpha A B, then D = beta D + tmp C. */
#include "polybench.h"

void pb_k2mm(struct pb_run* r) {
  const int ni = PB_SZ(16, 40, 180, 800), nj = PB_SZ(18, 50, 190, 900);
  const int nk = PB_SZ(22, 70, 210, 1100), nl = PB_SZ(24, 80, 220, 1200);
  const double alpha = 1.5, beta = 1.2;
  double *a = PB_ARRAY(double, ni*nk), *b = PB_ARRAY(double, nk*nj);
  double *c = PB_ARRAY(double, nj*nl), *d = PB_ARRAY(double, ni*nl);
  double* tmp = PB_ARRAY(double, ni* nj);
  int i, j, k;

  for (i = 0; i < ni; i++)
    for (k = 0; k < nk; k++) AT(a, nk, i, k) = (double)((i * k + 1) % ni) / ni;
  for (k = 0; k < nk; k++)
    for (j = 0; j < nj; j++) AT(b, nj, k, j) = (double)(k * (j + 1) % nj) / nj;
  for (j = 0; j < nj; j++)
    for (k = 0; k < nl; k++) AT(c, nl, j, k) = (double)((j * (k + 3) + 1) % nl) / nl;
  for (i = 0; i < ni; i++)
    for (k = 0; k < nl; k++) AT(d, nl, i, k) = (double)(i * (k + 2) % nk) / nk;

  pb_start(r);
  for (i = 0; i < ni; i++)
    for (j = 0; j < nj; j++) {
      AT(tmp, nj, i, j) = 0.0;
      for (k = 0; k < nk; k++) AT(tmp, nj, i, j) += alpha * AT(a, nk, i, k) * AT(b, nj, k, j);
    }
  for (i = 0; i < ni; i++)
    for (j = 0; j < nl; j++) {
      AT(d, nl, i, j) *= beta;
      for (k = 0; k < nj; k++) AT(d, nl, i, j) += AT(tmp, nj, i, k) * AT(c, nl, k, j);
    }
  pb_stop(r);

  pb_hash(r, d, sizeof(double) * ni * nl);
  free(a);
  free(b);
  free(c);
  free(d);
  free(tmp);
}
