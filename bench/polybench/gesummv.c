// SPDX-License-Identifier: GPL-2.0
/* gesummv: y = alpha A x + beta B x. */
#include "polybench.h"

void pb_gesummv(struct pb_run* r) {
  const int n = PB_SZ(30, 90, 250, 1300);
  const double alpha = 1.5, beta = 1.2;
  double *a = PB_ARRAY(double, n*n), *b = PB_ARRAY(double, n*n);
  double *x = PB_ARRAY(double, n), *y = PB_ARRAY(double, n);
  double* tmp = PB_ARRAY(double, n);
  int i, j;

  for (i = 0; i < n; i++) {
    x[i] = (double)(i % n) / n;
    for (j = 0; j < n; j++) {
      AT(a, n, i, j) = (double)((i * j + 1) % n) / n;
      AT(b, n, i, j) = (double)((i * j + 2) % n) / n;
    }
  }

  pb_start(r);
  for (i = 0; i < n; i++) {
    tmp[i] = 0.0;
    y[i] = 0.0;
    for (j = 0; j < n; j++) {
      tmp[i] += AT(a, n, i, j) * x[j];
      y[i] += AT(b, n, i, j) * x[j];
    }
    y[i] = alpha * tmp[i] + beta * y[i];
  }
  pb_stop(r);

  pb_hash(r, y, sizeof(double) * n);
  free(a);
  free(b);
  free(x);
  free(y);
  free(tmp);
}
