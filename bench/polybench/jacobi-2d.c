// SPDX-License-Identifier: GPL-2.0
/* jacobi-2d: 5-point Jacobi stencil, two arrays alternating. */
#include "polybench.h"

static void jacobi_step(int n, const double* a, double* b) {
  int i, j;

  for (i = 1; i < n - 1; i++)
    for (j = 1; j < n - 1; j++)
      AT(b, n, i, j) = 0.2 * (AT(a, n, i, j) + AT(a, n, i, j - 1) + AT(a, n, i, j + 1) +
                              AT(a, n, i + 1, j) + AT(a, n, i - 1, j));
}

void pb_jacobi_2d(struct pb_run* r) {
  const int tsteps = PB_SZ(20, 40, 100, 500), n = PB_SZ(30, 90, 250, 1300);
  double *a = PB_ARRAY(double, n*n), *b = PB_ARRAY(double, n*n);
  int t, i, j;

  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) {
      AT(a, n, i, j) = ((double)i * (j + 2) + 2) / n;
      AT(b, n, i, j) = ((double)i * (j + 3) + 3) / n;
    }

  pb_start(r);
  for (t = 0; t < tsteps; t++) {
    jacobi_step(n, a, b);
    jacobi_step(n, b, a);
  }
  pb_stop(r);

  pb_hash(r, a, sizeof(double) * n * n);
  free(a);
  free(b);
}
