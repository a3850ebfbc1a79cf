// SPDX-License-Identifier: GPL-2.0
/* fdtd-2d: 2-D finite difference time domain update of Ex, Ey and Hz, with a source row. */
#include "polybench.h"

void pb_fdtd_2d(struct pb_run* r) {
  const int tmax = PB_SZ(20, 40, 100, 500), nx = PB_SZ(20, 60, 200, 1000);
  const int ny = PB_SZ(30, 80, 240, 1200);
  double *ex = PB_ARRAY(double, nx*ny), *ey = PB_ARRAY(double, nx*ny);
  double *hz = PB_ARRAY(double, nx*ny), *fict = PB_ARRAY(double, tmax);
  int t, i, j;

  for (i = 0; i < tmax; i++) fict[i] = i;
  for (i = 0; i < nx; i++)
    for (j = 0; j < ny; j++) {
      AT(ex, ny, i, j) = (double)(i * (j + 1)) / nx;
      AT(ey, ny, i, j) = (double)(i * (j + 2)) / ny;
      AT(hz, ny, i, j) = (double)(i * (j + 3)) / nx;
    }

  pb_start(r);
  for (t = 0; t < tmax; t++) {
    for (j = 0; j < ny; j++) AT(ey, ny, 0, j) = fict[t];
    for (i = 1; i < nx; i++)
      for (j = 0; j < ny; j++) AT(ey, ny, i, j) -= 0.5 * (AT(hz, ny, i, j) - AT(hz, ny, i - 1, j));
    for (i = 0; i < nx; i++)
      for (j = 1; j < ny; j++) AT(ex, ny, i, j) -= 0.5 * (AT(hz, ny, i, j) - AT(hz, ny, i, j - 1));
    for (i = 0; i < nx - 1; i++)
      for (j = 0; j < ny - 1; j++)
        AT(hz, ny, i, j) -= 0.7 * (AT(ex, ny, i, j + 1) - AT(ex, ny, i, j) + AT(ey, ny, i + 1, j) -
                                   AT(ey, ny, i, j));
  }
  pb_stop(r);

  pb_hash(r, ex, sizeof(double) * nx * ny);
  pb_hash(r, ey, sizeof(double) * nx * ny);
  pb_hash(r, hz, sizeof(double) * nx * ny);
  free(ex);
  free(ey);
  free(hz);
  free(fict);
}
