// SPDX-License-Identifier: GPL-2.0
/* heat-3d: explicit 3-D heat equation, 7-point stencil, two arrays alternating. */
#include "polybench.h"

static void heat_step(int n, const double* a, double* b) {
  int i, j, k;

  for (i = 1; i < n - 1; i++)
    for (j = 1; j < n - 1; j++)
      for (k = 1; k < n - 1; k++)
        AT3(b, n, n, i, j, k) = 0.125 * (AT3(a, n, n, i + 1, j, k) - 2.0 * AT3(a, n, n, i, j, k) +
                                         AT3(a, n, n, i - 1, j, k)) +
                                0.125 * (AT3(a, n, n, i, j + 1, k) - 2.0 * AT3(a, n, n, i, j, k) +
                                         AT3(a, n, n, i, j - 1, k)) +
                                0.125 * (AT3(a, n, n, i, j, k + 1) - 2.0 * AT3(a, n, n, i, j, k) +
                                         AT3(a, n, n, i, j, k - 1)) +
                                AT3(a, n, n, i, j, k);
}

void pb_heat_3d(struct pb_run* r) {
  const int tsteps = PB_SZ(20, 40, 100, 500), n = PB_SZ(10, 20, 40, 120);
  double *a = PB_ARRAY(double, n*n*n), *b = PB_ARRAY(double, n*n*n);
  int t, i, j, k;

  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++)
      for (k = 0; k < n; k++)
        AT3(a, n, n, i, j, k) = AT3(b, n, n, i, j, k) = (double)(i + j + (n - k)) * 10 / n;

  pb_start(r);
  for (t = 1; t <= tsteps; t++) {
    heat_step(n, a, b);
    heat_step(n, b, a);
  }
  pb_stop(r);

  pb_hash(r, a, sizeof(double) * n * n * n);
  free(a);
  free(b);
}
