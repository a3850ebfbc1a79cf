// SPDX-License-Identifier: GPL-2.0
/* correlation: Pearson correlation matrix of M attributes over N samples. */
#include "polybench.h"

void pb_correlation(struct pb_run* r) {
  const int m = PB_SZ(28, 80, 240, 1200), n = PB_SZ(32, 100, 260, 1400);
  const double eps = 0.1, fn = n;
  double* data = PB_ARRAY(double, n* m);
  double* corr = PB_ARRAY(double, m* m);
  double* mean = PB_ARRAY(double, m);
  double* stddev = PB_ARRAY(double, m);
  int i, j, k;

  for (i = 0; i < n; i++)
    for (j = 0; j < m; j++) AT(data, m, i, j) = (double)(i * j % m) / m + i;

  pb_start(r);
  for (j = 0; j < m; j++) {
    double s = 0.0;

    for (i = 0; i < n; i++) s += AT(data, m, i, j);
    mean[j] = s / fn;
  }
  for (j = 0; j < m; j++) {
    double s = 0.0;

    for (i = 0; i < n; i++) {
      double d = AT(data, m, i, j) - mean[j];

      s += d * d;
    }
    stddev[j] = sqrt(s / fn);
    if (stddev[j] <= eps) stddev[j] = 1.0;
  }
  for (i = 0; i < n; i++)
    for (j = 0; j < m; j++) {
      AT(data, m, i, j) -= mean[j];
      AT(data, m, i, j) /= sqrt(fn) * stddev[j];
    }
  for (i = 0; i < m - 1; i++) {
    AT(corr, m, i, i) = 1.0;
    for (j = i + 1; j < m; j++) {
      double s = 0.0;

      for (k = 0; k < n; k++) s += AT(data, m, k, i) * AT(data, m, k, j);
      AT(corr, m, i, j) = s;
      AT(corr, m, j, i) = s;
    }
  }
  AT(corr, m, m - 1, m - 1) = 1.0;
  pb_stop(r);

  pb_hash(r, corr, sizeof(double) * m * m);
  free(data);
  free(corr);
  free(mean);
  free(stddev);
}
