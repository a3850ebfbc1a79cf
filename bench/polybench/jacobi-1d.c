// SPDX-License-Identifier: GPL-2.0
/* jacobi-1d: 3-point Jacobi stencil, two arrays alternating. */
#include "polybench.h"

void pb_jacobi_1d(struct pb_run* r) {
  const int tsteps = PB_SZ(20, 40, 100, 500), n = PB_SZ(30, 120, 400, 2000);
  double *a = PB_ARRAY(double, n), *b = PB_ARRAY(double, n);
  int t, i;

  for (i = 0; i < n; i++) {
    a[i] = (i + 2.0) / n;
    b[i] = (i + 3.0) / n;
  }

  pb_start(r);
  for (t = 0; t < tsteps; t++) {
    for (i = 1; i < n - 1; i++) b[i] = 0.33333 * (a[i - 1] + a[i] + a[i + 1]);
    for (i = 1; i < n - 1; i++) a[i] = 0.33333 * (b[i - 1] + b[i] + b[i + 1]);
  }
  pb_stop(r);

  pb_hash(r, a, sizeof(double) * n);
  free(a);
  free(b);
}
