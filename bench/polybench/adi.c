// SPDX-License-Identifier: GPL-2.0
/*
 * adi: alternating direction implicit solver for 2-D heat diffusion; each
 * half step solves tridiagonal systems (Thomas algorithm) along columns,
 * then along rows.
 */
#include "polybench.h"

void pb_adi(struct pb_run* r) {
  const int tsteps = PB_SZ(20, 40, 100, 500), n = PB_SZ(20, 60, 200, 1000);
  const double dx = 1.0 / n, dy = 1.0 / n, dt = 1.0 / tsteps;
  const double mul1 = 2.0 * dt / (dx * dx), mul2 = 1.0 * dt / (dy * dy);
  const double a = -mul1 / 2.0, b = 1.0 + mul1, c = a;
  const double d = -mul2 / 2.0, e = 1.0 + mul2, f = d;
  double *u = PB_ARRAY(double, n*n), *v = PB_ARRAY(double, n*n);
  double *p = PB_ARRAY(double, n*n), *q = PB_ARRAY(double, n*n);
  int t, i, j;

  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) AT(u, n, i, j) = (double)(i + n - j) / n;

  pb_start(r);
  for (t = 1; t <= tsteps; t++) {
    for (i = 1; i < n - 1; i++) {
      AT(v, n, 0, i) = 1.0;
      AT(p, n, i, 0) = 0.0;
      AT(q, n, i, 0) = AT(v, n, 0, i);
      for (j = 1; j < n - 1; j++) {
        double den = a * AT(p, n, i, j - 1) + b;

        AT(p, n, i, j) = -c / den;
        AT(q, n, i, j) = (-d * AT(u, n, j, i - 1) + (1.0 + 2.0 * d) * AT(u, n, j, i) -
                          f * AT(u, n, j, i + 1) - a * AT(q, n, i, j - 1)) /
                         den;
      }
      AT(v, n, n - 1, i) = 1.0;
      for (j = n - 2; j >= 1; j--)
        AT(v, n, j, i) = AT(p, n, i, j) * AT(v, n, j + 1, i) + AT(q, n, i, j);
    }
    for (i = 1; i < n - 1; i++) {
      AT(u, n, i, 0) = 1.0;
      AT(p, n, i, 0) = 0.0;
      AT(q, n, i, 0) = AT(u, n, i, 0);
      for (j = 1; j < n - 1; j++) {
        double den = d * AT(p, n, i, j - 1) + e;

        AT(p, n, i, j) = -f / den;
        AT(q, n, i, j) = (-a * AT(v, n, i - 1, j) + (1.0 + 2.0 * a) * AT(v, n, i, j) -
                          c * AT(v, n, i + 1, j) - d * AT(q, n, i, j - 1)) /
                         den;
      }
      AT(u, n, i, n - 1) = 1.0;
      for (j = n - 2; j >= 1; j--)
        AT(u, n, i, j) = AT(p, n, i, j) * AT(u, n, i, j + 1) + AT(q, n, i, j);
    }
  }
  pb_stop(r);

  pb_hash(r, u, sizeof(double) * n * n);
  free(u);
  free(v);
  free(p);
  free(q);
}
