// SPDX-License-Identifier: GPL-2.0
/*
 * gemver: A = A + u1 v1^T + u2 v2^T, x = x + beta A^T y + z,
 * w = w + alpha A x.
 */
#include "polybench.h"

void pb_gemver(struct pb_run* r) {
  const int n = PB_SZ(40, 120, 400, 2000);
  const double alpha = 1.5, beta = 1.2, fn = n;
  double* a = PB_ARRAY(double, n* n);
  double *u1 = PB_ARRAY(double, n), *v1 = PB_ARRAY(double, n);
  double *u2 = PB_ARRAY(double, n), *v2 = PB_ARRAY(double, n);
  double *w = PB_ARRAY(double, n), *x = PB_ARRAY(double, n);
  double *y = PB_ARRAY(double, n), *z = PB_ARRAY(double, n);
  int i, j;

  for (i = 0; i < n; i++) {
    u1[i] = i;
    u2[i] = (i + 1) / fn / 2.0;
    v1[i] = (i + 1) / fn / 4.0;
    v2[i] = (i + 1) / fn / 6.0;
    y[i] = (i + 1) / fn / 8.0;
    z[i] = (i + 1) / fn / 9.0;
    for (j = 0; j < n; j++) AT(a, n, i, j) = (double)(i * j % n) / n;
  }

  pb_start(r);
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) AT(a, n, i, j) += u1[i] * v1[j] + u2[i] * v2[j];
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) x[i] += beta * AT(a, n, j, i) * y[j];
  for (i = 0; i < n; i++) x[i] += z[i];
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) w[i] += alpha * AT(a, n, i, j) * x[j];
  pb_stop(r);

  pb_hash(r, w, sizeof(double) * n);
  free(a);
  free(u1);
  free(v1);
  free(u2);
  free(v2);
  free(w);
  free(x);
  free(y);
  free(z);
}
