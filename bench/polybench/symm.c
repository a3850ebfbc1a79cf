// SPDX-License-Identifier: GPL-2.0
/*
 * symm: C = alpha A B + beta C, with A (M x M) symmetric and only its lower
 * triangle read; B and C are M x N.
 */
#include "polybench.h"

void pb_symm(struct pb_run* r) {
  const int m = PB_SZ(20, 60, 200, 1000), n = PB_SZ(30, 80, 240, 1200);
  const double alpha = 1.5, beta = 1.2;
  double* a = PB_ARRAY(double, m* m);
  double *b = PB_ARRAY(double, m*n), *c = PB_ARRAY(double, m*n);
  int i, j, k;

  for (i = 0; i < m; i++) {
    for (j = 0; j < n; j++) {
      AT(c, n, i, j) = (double)((i + j) % 100) / m;
      AT(b, n, i, j) = (double)((n + i - j) % 100) / m;
    }
    for (j = 0; j <= i; j++) AT(a, m, i, j) = (double)((i + j) % 100) / m;
    for (j = i + 1; j < m; j++) AT(a, m, i, j) = -999.0; /* never read */
  }

  pb_start(r);
  for (i = 0; i < m; i++)
    for (j = 0; j < n; j++) {
      double t = 0.0;

      for (k = 0; k < i; k++) {
        AT(c, n, k, j) += alpha * AT(b, n, i, j) * AT(a, m, i, k);
        t += AT(b, n, k, j) * AT(a, m, i, k);
      }
      AT(c, n, i, j) = beta * AT(c, n, i, j) + alpha * AT(b, n, i, j) * AT(a, m, i, i) + alpha * t;
    }
  pb_stop(r);

  pb_hash(r, c, sizeof(double) * m * n);
  free(a);
  free(b);
  free(c);
}
