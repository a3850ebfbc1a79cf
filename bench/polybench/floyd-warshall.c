// SPDX-License-Identifier: GPL-2.0
/* floyd-warshall: all-pairs shortest paths, path[i][j] = min over k of path[i][k] + path[k][j]. */
#include "polybench.h"

void pb_floyd_warshall(struct pb_run* r) {
  const int n = PB_SZ(60, 180, 500, 2800);
  int* path = PB_ARRAY(int, n* n);
  int i, j, k;

  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) {
      AT(path, n, i, j) = i * j % 7 + 1;
      if ((i + j) % 13 == 0 || (i + j) % 7 == 0 || (i + j) % 11 == 0) AT(path, n, i, j) = 999;
    }

  pb_start(r);
  for (k = 0; k < n; k++)
    for (i = 0; i < n; i++)
      for (j = 0; j < n; j++) {
        int via = AT(path, n, i, k) + AT(path, n, k, j);

        if (via < AT(path, n, i, j)) AT(path, n, i, j) = via;
      }
  pb_stop(r);

  pb_hash(r, path, sizeof(int) * n * n);
  free(path);
}
