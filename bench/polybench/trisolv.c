// SPDX-License-Identifier: GPL-2.0
/* trisolv: solve L x = b by forward substitution, L lower triangular. */
#include "polybench.h"

void pb_trisolv(struct pb_run* r) {
  const int n = PB_SZ(40, 120, 400, 2000);
  double *l = PB_ARRAY(double, n*n), *x = PB_ARRAY(double, n), *b = PB_ARRAY(double, n);
  int i, j;

  for (i = 0; i < n; i++) {
    x[i] = -999.0;
    b[i] = i;
    for (j = 0; j <= i; j++) AT(l, n, i, j) = (double)(i + n - j + 1) * 2 / n;
  }

  pb_start(r);
  for (i = 0; i < n; i++) {
    x[i] = b[i];
    for (j = 0; j < i; j++) x[i] -= AT(l, n, i, j) * x[j];
    x[i] = x[i] / AT(l, n, i, i);
  }
  pb_stop(r);

  pb_hash(r, x, sizeof(double) * n);
  free(l);
  free(x);
  free(b);
}
