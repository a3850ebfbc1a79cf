// SPDX-License-Identifier: GPL-2.0
/* 3mm: G = (A B) (C D), through E = A B and F = C D. */
#include "polybench.h"

void pb_k3mm(struct pb_run* r) {
  const int ni = PB_SZ(16, 40, 180, 800), nj = PB_SZ(18, 50, 190, 900);
  const int nk = PB_SZ(20, 60, 200, 1000), nl = PB_SZ(22, 70, 210, 1100);
  const int nm = PB_SZ(24, 80, 220, 1200);
  double *a = PB_ARRAY(double, ni*nk), *b = PB_ARRAY(double, nk*nj);
  double *c = PB_ARRAY(double, nj*nm), *d = PB_ARRAY(double, nm*nl);
  double *e = PB_ARRAY(double, ni*nj), *f = PB_ARRAY(double, nj*nl);
  double* g = PB_ARRAY(double, ni* nl);
  int i, j, k;

  for (i = 0; i < ni; i++)
    for (k = 0; k < nk; k++) AT(a, nk, i, k) = (double)((i * k + 1) % ni) / (5 * ni);
  for (k = 0; k < nk; k++)
    for (j = 0; j < nj; j++) AT(b, nj, k, j) = (double)((k * (j + 1) + 2) % nj) / (5 * nj);
  for (j = 0; j < nj; j++)
    for (k = 0; k < nm; k++) AT(c, nm, j, k) = (double)(j * (k + 3) % nl) / (5 * nl);
  for (k = 0; k < nm; k++)
    for (j = 0; j < nl; j++) AT(d, nl, k, j) = (double)((k * (j + 2) + 2) % nk) / (5 * nk);

  pb_start(r);
  for (i = 0; i < ni; i++)
    for (j = 0; j < nj; j++) {
      AT(e, nj, i, j) = 0.0;
      for (k = 0; k < nk; k++) AT(e, nj, i, j) += AT(a, nk, i, k) * AT(b, nj, k, j);
    }
  for (i = 0; i < nj; i++)
    for (j = 0; j < nl; j++) {
      AT(f, nl, i, j) = 0.0;
      for (k = 0; k < nm; k++) AT(f, nl, i, j) += AT(c, nm, i, k) * AT(d, nl, k, j);
    }
  for (i = 0; i < ni; i++)
    for (j = 0; j < nl; j++) {
      AT(g, nl, i, j) = 0.0;
      for (k = 0; k < nj; k++) AT(g, nl, i, j) += AT(e, nj, i, k) * AT(f, nl, k, j);
    }
  pb_stop(r);

  pb_hash(r, g, sizeof(double) * ni * nl);
  free(a);
  free(b);
  free(c);
  free(d);
  free(e);
  free(f);
  free(g);
}
