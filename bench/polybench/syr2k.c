// SPDX-License-Identifier: GPL-2.0
/* syr2k: C = alpha A B^T + alpha B A^T + beta C, lower triangle of C (N x N). */
#include "polybench.h"

void pb_syr2k(struct pb_run* r) {
  const int m = PB_SZ(20, 60, 200, 1000), n = PB_SZ(30, 80, 240, 1200);
  const double alpha = 1.5, beta = 1.2;
  double* c = PB_ARRAY(double, n* n);
  double *a = PB_ARRAY(double, n*m), *b = PB_ARRAY(double, n*m);
  int i, j, k;

  for (i = 0; i < n; i++) {
    for (j = 0; j < m; j++) {
      AT(a, m, i, j) = (double)((i * j + 1) % n) / n;
      AT(b, m, i, j) = (double)((i * j + 2) % m) / m;
    }
    for (j = 0; j < n; j++) AT(c, n, i, j) = (double)((i * j + 3) % n) / m;
  }

  pb_start(r);
  for (i = 0; i < n; i++) {
    for (j = 0; j <= i; j++) AT(c, n, i, j) *= beta;
    for (k = 0; k < m; k++)
      for (j = 0; j <= i; j++)
        AT(c, n, i, j) +=
            AT(a, m, j, k) * alpha * AT(b, m, i, k) + AT(b, m, j, k) * alpha * AT(a, m, i, k);
  }
  pb_stop(r);

  pb_hash(r, c, sizeof(double) * n * n);
  free(a);
  free(b);
  free(c);
}
