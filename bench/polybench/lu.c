// SPDX-License-Identifier: GPL-2.0
/* lu: A = L U in place, without pivoting (L unit lower, U upper). */
#include "polybench.h"

void pb_lu(struct pb_run* r) {
  const int n = PB_SZ(40, 120, 400, 2000);
  double* a = PB_ARRAY(double, n* n);
  int i, j, k;

  /* diagonally dominant: no pivoting needed */
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) AT(a, n, i, j) = (double)((i * 7 + j * 3) % 11) / 11.0 + (i == j) * n;

  pb_start(r);
  for (i = 0; i < n; i++) {
    for (j = 0; j < i; j++) {
      for (k = 0; k < j; k++) AT(a, n, i, j) -= AT(a, n, i, k) * AT(a, n, k, j);
      AT(a, n, i, j) /= AT(a, n, j, j);
    }
    for (j = i; j < n; j++)
      for (k = 0; k < i; k++) AT(a, n, i, j) -= AT(a, n, i, k) * AT(a, n, k, j);
  }
  pb_stop(r);

  pb_hash(r, a, sizeof(double) * n * n);
  free(a);
}
