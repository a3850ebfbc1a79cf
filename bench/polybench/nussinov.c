// SPDX-License-Identifier: GPL-2.0
/*
 * nussinov: RNA secondary structure by dynamic programming: table[i][j]
 * is the largest number of base pairs in seq[i..j].
 */
#include "polybench.h"

static int pair(int a, int b) { return a + b == 3; }
static int max_int(int a, int b) { return a > b ? a : b; }

void pb_nussinov(struct pb_run* r) {
  const int n = PB_SZ(60, 180, 500, 2500);
  int *seq = PB_ARRAY(int, n), *t = PB_ARRAY(int, n*n);
  int i, j, k;

  for (i = 0; i < n; i++) seq[i] = (i + 1) % 4; /* A C G U as 0..3; A-U and C-G pair */

  pb_start(r);
  for (i = n - 1; i >= 0; i--)
    for (j = i + 1; j < n; j++) {
      int best = AT(t, n, i, j);

      best = max_int(best, AT(t, n, i, j - 1));
      if (i + 1 < n) best = max_int(best, AT(t, n, i + 1, j));
      if (i + 1 < n) {
        if (i < j - 1)
          best = max_int(best, AT(t, n, i + 1, j - 1) + pair(seq[i], seq[j]));
        else
          best = max_int(best, AT(t, n, i + 1, j - 1));
      }
      for (k = i + 1; k < j; k++) best = max_int(best, AT(t, n, i, k) + AT(t, n, k + 1, j));
      AT(t, n, i, j) = best;
    }
  pb_stop(r);

  pb_hash(r, t, sizeof(int) * n * n);
  free(seq);
  free(t);
}
