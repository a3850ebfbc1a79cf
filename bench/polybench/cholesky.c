// SPDX-License-Identifier: GPL-2.0
/* cholesky: A = L L^T in place (L in the lower triangle), A symmetric positive definite. */
#include "polybench.h"

void pb_cholesky(struct pb_run* r) {
  const int n = PB_SZ(40, 120, 400, 2000);
  double* a = PB_ARRAY(double, n* n);
  double* pow2 = PB_ARRAY(double, n);
  int i, j, k;

  /* 2^-|i-j| (a Kac-Murdock-Szego matrix) plus the identity: positive definite */
  pow2[0] = 1.0;
  for (i = 1; i < n; i++) pow2[i] = pow2[i - 1] / 2.0;
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) AT(a, n, i, j) = pow2[i > j ? i - j : j - i] + (i == j);

  pb_start(r);
  for (i = 0; i < n; i++) {
    for (j = 0; j < i; j++) {
      for (k = 0; k < j; k++) AT(a, n, i, j) -= AT(a, n, i, k) * AT(a, n, j, k);
      AT(a, n, i, j) /= AT(a, n, j, j);
    }
    for (k = 0; k < i; k++) AT(a, n, i, i) -= AT(a, n, i, k) * AT(a, n, i, k);
    AT(a, n, i, i) = sqrt(AT(a, n, i, i));
  }
  pb_stop(r);

  pb_hash(r, a, sizeof(double) * n * n);
  free(a);
  free(pow2);
}
