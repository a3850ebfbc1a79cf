// SPDX-License-Identifier: GPL-2.0
/* covariance: sample covariance matrix of M attributes over N samples. */
#include "polybench.h"

void pb_covariance(struct pb_run* r) {
  const int m = PB_SZ(28, 80, 240, 1200), n = PB_SZ(32, 100, 260, 1400);
  const double fn = n;
  double* data = PB_ARRAY(double, n* m);
  double* cov = PB_ARRAY(double, m* m);
  double* mean = PB_ARRAY(double, m);
  int i, j, k;

  for (i = 0; i < n; i++)
    for (j = 0; j < m; j++) AT(data, m, i, j) = (double)(i * j % n) / m;

  pb_start(r);
  for (j = 0; j < m; j++) {
    double s = 0.0;

    for (i = 0; i < n; i++) s += AT(data, m, i, j);
    mean[j] = s / fn;
  }
  for (i = 0; i < n; i++)
    for (j = 0; j < m; j++) AT(data, m, i, j) -= mean[j];
  for (i = 0; i < m; i++)
    for (j = i; j < m; j++) {
      double s = 0.0;

      for (k = 0; k < n; k++) s += AT(data, m, k, i) * AT(data, m, k, j);
      s /= fn - 1.0;
      AT(cov, m, i, j) = s;
      AT(cov, m, j, i) = s;
    }
  pb_stop(r);

  pb_hash(r, cov, sizeof(double) * m * m);
  free(data);
  free(cov);
  free(mean);
}
