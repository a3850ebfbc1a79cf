// SPDX-License-Identifier: GPL-2.0
/*
 * durbin: Levinson-Durbin recursion, solving the Toeplitz system built on
 * (1, r0, r1, ...) for y, with right-hand side -r.
 */
#include "polybench.h"

void pb_durbin(struct pb_run* r) {
  const int n = PB_SZ(40, 120, 400, 2000);
  double *rv = PB_ARRAY(double, n), *y = PB_ARRAY(double, n), *z = PB_ARRAY(double, n);
  double alpha, beta, s;
  int i, k;

  /* 1/(k+1) is convex and decreasing: the Toeplitz matrix is positive definite */
  for (i = 0; i < n; i++) rv[i] = 1.0 / (i + 2);

  pb_start(r);
  y[0] = -rv[0];
  beta = 1.0;
  alpha = -rv[0];
  for (k = 1; k < n; k++) {
    beta = (1 - alpha * alpha) * beta;
    s = 0.0;
    for (i = 0; i < k; i++) s += rv[k - i - 1] * y[i];
    alpha = -(rv[k] + s) / beta;
    for (i = 0; i < k; i++) z[i] = y[i] + alpha * y[k - i - 1];
    for (i = 0; i < k; i++) y[i] = z[i];
    y[k] = alpha;
  }
  pb_stop(r);

  pb_hash(r, y, sizeof(double) * n);
  free(rv);
  free(y);
  free(z);
}
