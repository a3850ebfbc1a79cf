// SPDX-License-Identifier: GPL-2.0
/* gramschmidt: QR decomposition of A (M x N, M >= N) by modified Gram-Schmidt. */
#include "polybench.h"

void pb_gramschmidt(struct pb_run* r) {
  const int m = PB_SZ(30, 80, 240, 1200), n = PB_SZ(20, 60, 200, 1000);
  double *a = PB_ARRAY(double, m*n), *q = PB_ARRAY(double, m*n);
  double* rr = PB_ARRAY(double, n* n);
  int i, j, k;

  for (i = 0; i < m; i++)
    for (j = 0; j < n; j++) AT(a, n, i, j) = (double)((i * j) % m) / m * 10 + (i == j) * 10.0;

  pb_start(r);
  for (k = 0; k < n; k++) {
    double nrm = 0.0;

    for (i = 0; i < m; i++) nrm += AT(a, n, i, k) * AT(a, n, i, k);
    AT(rr, n, k, k) = sqrt(nrm);
    for (i = 0; i < m; i++) AT(q, n, i, k) = AT(a, n, i, k) / AT(rr, n, k, k);
    for (j = k + 1; j < n; j++) {
      AT(rr, n, k, j) = 0.0;
      for (i = 0; i < m; i++) AT(rr, n, k, j) += AT(q, n, i, k) * AT(a, n, i, j);
      for (i = 0; i < m; i++) AT(a, n, i, j) -= AT(q, n, i, k) * AT(rr, n, k, j);
    }
  }
  pb_stop(r);

  pb_hash(r, q, sizeof(double) * m * n);
  pb_hash(r, rr, sizeof(double) * n * n);
  free(a);
  free(q);
  free(rr);
}
