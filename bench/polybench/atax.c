// SPDX-License-Identifier: GPL-2.0
/* atax: y = A^T (A x), A is M x N. */
#include "polybench.h"

void pb_atax(struct pb_run* r) {
  const int m = PB_SZ(38, 116, 390, 1900), n = PB_SZ(42, 124, 410, 2100);
  const double fn = n;
  double* a = PB_ARRAY(double, m* n);
  double *x = PB_ARRAY(double, n), *y = PB_ARRAY(double, n);
  double* tmp = PB_ARRAY(double, m);
  int i, j;

  for (i = 0; i < n; i++) x[i] = 1.0 + i / fn;
  for (i = 0; i < m; i++)
    for (j = 0; j < n; j++) AT(a, n, i, j) = (double)((i + j) % n) / (5 * m);

  pb_start(r);
  for (j = 0; j < n; j++) y[j] = 0.0;
  for (i = 0; i < m; i++) {
    tmp[i] = 0.0;
    for (j = 0; j < n; j++) tmp[i] += AT(a, n, i, j) * x[j];
    for (j = 0; j < n; j++) y[j] += AT(a, n, i, j) * tmp[i];
  }
  pb_stop(r);

  pb_hash(r, y, sizeof(double) * n);
  free(a);
  free(x);
  free(y);
  free(tmp);
}
