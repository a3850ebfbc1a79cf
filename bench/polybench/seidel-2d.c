// SPDX-License-Identifier: GPL-2.0
/* seidel-2d: 9-point Gauss-Seidel stencil, updated in place. */
#include "polybench.h"

void pb_seidel_2d(struct pb_run* r) {
  const int tsteps = PB_SZ(20, 40, 100, 500), n = PB_SZ(40, 120, 400, 2000);
  double* a = PB_ARRAY(double, n* n);
  int t, i, j;

  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) AT(a, n, i, j) = ((double)i * (j + 2) + 2) / n;

  pb_start(r);
  for (t = 0; t <= tsteps - 1; t++)
    for (i = 1; i <= n - 2; i++)
      for (j = 1; j <= n - 2; j++)
        AT(a, n, i, j) = (AT(a, n, i - 1, j - 1) + AT(a, n, i - 1, j) + AT(a, n, i - 1, j + 1) +
                          AT(a, n, i, j - 1) + AT(a, n, i, j) + AT(a, n, i, j + 1) +
                          AT(a, n, i + 1, j - 1) + AT(a, n, i + 1, j) + AT(a, n, i + 1, j + 1)) /
                         9.0;
  pb_stop(r);

  pb_hash(r, a, sizeof(double) * n * n);
  free(a);
}
