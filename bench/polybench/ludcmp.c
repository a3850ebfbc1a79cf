// SPDX-License-Identifier: GPL-2.0
/* ludcmp: solve A x = b by LU decomposition, then forward and back substitution. */
#include "polybench.h"

void pb_ludcmp(struct pb_run* r) {
  const int n = PB_SZ(40, 120, 400, 2000);
  double* a = PB_ARRAY(double, n* n);
  double *b = PB_ARRAY(double, n), *x = PB_ARRAY(double, n), *y = PB_ARRAY(double, n);
  double w;
  int i, j, k;

  for (i = 0; i < n; i++) {
    b[i] = (i + 1) / (double)n / 2.0 + 4;
    for (j = 0; j < n; j++) AT(a, n, i, j) = (double)((i * 5 + j * 2) % 13) / 13.0 + (i == j) * n;
  }

  pb_start(r);
  for (i = 0; i < n; i++) {
    for (j = 0; j < i; j++) {
      w = AT(a, n, i, j);
      for (k = 0; k < j; k++) w -= AT(a, n, i, k) * AT(a, n, k, j);
      AT(a, n, i, j) = w / AT(a, n, j, j);
    }
    for (j = i; j < n; j++) {
      w = AT(a, n, i, j);
      for (k = 0; k < i; k++) w -= AT(a, n, i, k) * AT(a, n, k, j);
      AT(a, n, i, j) = w;
    }
  }
  for (i = 0; i < n; i++) {
    w = b[i];
    for (j = 0; j < i; j++) w -= AT(a, n, i, j) * y[j];
    y[i] = w;
  }
  for (i = n - 1; i >= 0; i--) {
    w = y[i];
    for (j = i + 1; j < n; j++) w -= AT(a, n, i, j) * x[j];
    x[i] = w / AT(a, n, i, i);
  }
  pb_stop(r);

  pb_hash(r, x, sizeof(double) * n);
  free(a);
  free(b);
  free(x);
  free(y);
}
