// SPDX-License-Identifier: GPL-2.0
/* syrk: C = alpha A A^T + beta C, lower triangle of C (N x N). */
#include "polybench.h"

void pb_syrk(struct pb_run* r) {
  const int m = PB_SZ(20, 60, 200, 1000), n = PB_SZ(30, 80, 240, 1200);
  const double alpha = 1.5, beta = 1.2;
  double *c = PB_ARRAY(double, n*n), *a = PB_ARRAY(double, n*m);
  int i, j, k;

  for (i = 0; i < n; i++) {
    for (j = 0; j < m; j++) AT(a, m, i, j) = (double)((i * j + 1) % n) / n;
    for (j = 0; j < n; j++) AT(c, n, i, j) = (double)((i * j + 2) % m) / m;
  }

  pb_start(r);
  for (i = 0; i < n; i++) {
    for (j = 0; j <= i; j++) AT(c, n, i, j) *= beta;
    for (k = 0; k < m; k++)
      for (j = 0; j <= i; j++) AT(c, n, i, j) += alpha * AT(a, m, i, k) * AT(a, m, j, k);
  }
  pb_stop(r);

  pb_hash(r, c, sizeof(double) * n * n);
  free(a);
  free(c);
}
