// SPDX-License-Identifier: GPL-2.0
/* bicg: the two products of BiCG, s = A^T r and q = A p; A is N x M. */
#include "polybench.h"

void pb_bicg(struct pb_run* r) {
  const int m = PB_SZ(38, 116, 390, 1900), n = PB_SZ(42, 124, 410, 2100);
  double* a = PB_ARRAY(double, n* m);
  double *s = PB_ARRAY(double, m), *q = PB_ARRAY(double, n);
  double *p = PB_ARRAY(double, m), *rv = PB_ARRAY(double, n);
  int i, j;

  for (i = 0; i < m; i++) p[i] = (double)(i % m) / m;
  for (i = 0; i < n; i++) {
    rv[i] = (double)(i % n) / n;
    for (j = 0; j < m; j++) AT(a, m, i, j) = (double)(i * (j + 1) % n) / n;
  }

  pb_start(r);
  for (j = 0; j < m; j++) s[j] = 0.0;
  for (i = 0; i < n; i++) {
    q[i] = 0.0;
    for (j = 0; j < m; j++) {
      s[j] += rv[i] * AT(a, m, i, j);
      q[i] += AT(a, m, i, j) * p[j];
    }
  }
  pb_stop(r);

  pb_hash(r, s, sizeof(double) * m);
  pb_hash(r, q, sizeof(double) * n);
  free(a);
  free(s);
  free(q);
  free(p);
  free(rv);
}
