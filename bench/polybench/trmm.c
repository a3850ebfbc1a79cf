// SPDX-License-Identifier: GPL-2.0
/*
 * trmm: B = alpha A^T B, with A (M x M) unit lower triangular (only the
 * strict lower triangle is read) and B M x N.
 */
#include "polybench.h"

void pb_trmm(struct pb_run* r) {
  const int m = PB_SZ(20, 60, 200, 1000), n = PB_SZ(30, 80, 240, 1200);
  const double alpha = 1.5;
  double *a = PB_ARRAY(double, m*m), *b = PB_ARRAY(double, m*n);
  int i, j, k;

  for (i = 0; i < m; i++) {
    for (j = 0; j < i; j++) AT(a, m, i, j) = (double)((i + j) % m) / m;
    AT(a, m, i, i) = 1.0;
    for (j = 0; j < n; j++) AT(b, n, i, j) = (double)((n + i - j) % n) / n;
  }

  pb_start(r);
  for (i = 0; i < m; i++)
    for (j = 0; j < n; j++) {
      for (k = i + 1; k < m; k++) AT(b, n, i, j) += AT(a, m, k, i) * AT(b, n, k, j);
      AT(b, n, i, j) = alpha * AT(b, n, i, j);
    }
  pb_stop(r);

  pb_hash(r, b, sizeof(double) * m * n);
  free(a);
  free(b);
}
