// SPDX-License-Identifier: GPL-2.0
/* doitgen: multiresolution kernel, A[r][q][.] = A[r][q][.] C4 for every r, q. */
#include "polybench.h"

void pb_doitgen(struct pb_run* r) {
  const int nq = PB_SZ(8, 20, 40, 140), nr = PB_SZ(10, 25, 50, 150);
  const int np = PB_SZ(12, 30, 60, 160);
  double *a = PB_ARRAY(double, nr*nq*np), *c4 = PB_ARRAY(double, np*np);
  double* sum = PB_ARRAY(double, np);
  int i, j, k, s;

  for (i = 0; i < nr; i++)
    for (j = 0; j < nq; j++)
      for (k = 0; k < np; k++) AT3(a, nq, np, i, j, k) = (double)((i * j + k) % np) / np;
  for (i = 0; i < np; i++)
    for (j = 0; j < np; j++) AT(c4, np, i, j) = (double)(i * j % np) / np;

  pb_start(r);
  for (i = 0; i < nr; i++)
    for (j = 0; j < nq; j++) {
      for (k = 0; k < np; k++) {
        sum[k] = 0.0;
        for (s = 0; s < np; s++) sum[k] += AT3(a, nq, np, i, j, s) * AT(c4, np, s, k);
      }
      for (k = 0; k < np; k++) AT3(a, nq, np, i, j, k) = sum[k];
    }
  pb_stop(r);

  pb_hash(r, a, sizeof(double) * nr * nq * np);
  free(a);
  free(c4);
  free(sum);
}
