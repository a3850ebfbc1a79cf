// SPDX-License-Identifier: GPL-2.0
/* mvt: x1 = x1 + A y1 and x2 = x2 + A^T y2. */
#include "polybench.h"

void pb_mvt(struct pb_run* r) {
  const int n = PB_SZ(40, 120, 400, 2000);
  double* a = PB_ARRAY(double, n* n);
  double *x1 = PB_ARRAY(double, n), *x2 = PB_ARRAY(double, n);
  double *y1 = PB_ARRAY(double, n), *y2 = PB_ARRAY(double, n);
  int i, j;

  for (i = 0; i < n; i++) {
    x1[i] = (double)(i % n) / n;
    x2[i] = (double)((i + 1) % n) / n;
    y1[i] = (double)((i + 3) % n) / n;
    y2[i] = (double)((i + 4) % n) / n;
    for (j = 0; j < n; j++) AT(a, n, i, j) = (double)(i * j % n) / n;
  }

  pb_start(r);
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) x1[i] += AT(a, n, i, j) * y1[j];
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) x2[i] += AT(a, n, j, i) * y2[j];
  pb_stop(r);

  pb_hash(r, x1, sizeof(double) * n);
  pb_hash(r, x2, sizeof(double) * n);
  free(a);
  free(x1);
  free(x2);
  free(y1);
  free(y2);
}
