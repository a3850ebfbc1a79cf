// SPDX-License-Identifier: GPL-2.0
/*
 * deriche: Deriche's recursive edge detection filter on a W x H float
 * image: a causal and an anti-causal pass along each row, summed, then the
 * same along each column.
 */
#include "polybench.h"

void pb_deriche(struct pb_run* r) {
  const int w = PB_SZ(64, 192, 720, 4096), h = PB_SZ(64, 128, 480, 2160);
  const double alpha = 0.25;
  const double ea = pb_exp(-alpha), e2a = pb_exp(-2.0 * alpha);
  const double kd = (1.0 - ea) * (1.0 - ea) / (1.0 + 2.0 * alpha * ea - e2a);
  const float k = (float)kd;
  const float a1 = k, a5 = k;
  const float a2 = (float)(kd * ea * (alpha - 1.0)), a6 = a2;
  const float a3 = (float)(kd * ea * (alpha + 1.0)), a7 = a3;
  const float a4 = (float)(-kd * e2a), a8 = a4;
  const float b1 = (float)pb_exp(-alpha * 0.69314718055994531); /* 2^-alpha */
  const float b2 = (float)-e2a;
  const float c1 = 1.0f, c2 = 1.0f;
  float *in = PB_ARRAY(float, w*h), *out = PB_ARRAY(float, w*h);
  float *y1 = PB_ARRAY(float, w*h), *y2 = PB_ARRAY(float, w*h);
  int i, j;

  for (i = 0; i < w; i++)
    for (j = 0; j < h; j++) AT(in, h, i, j) = (float)((313 * i + 991 * j) % 65536) / 65535.0f;

  pb_start(r);
  for (i = 0; i < w; i++) {
    float ym1 = 0.0f, ym2 = 0.0f, xm1 = 0.0f;

    for (j = 0; j < h; j++) {
      AT(y1, h, i, j) = a1 * AT(in, h, i, j) + a2 * xm1 + b1 * ym1 + b2 * ym2;
      xm1 = AT(in, h, i, j);
      ym2 = ym1;
      ym1 = AT(y1, h, i, j);
    }
  }
  for (i = 0; i < w; i++) {
    float yp1 = 0.0f, yp2 = 0.0f, xp1 = 0.0f, xp2 = 0.0f;

    for (j = h - 1; j >= 0; j--) {
      AT(y2, h, i, j) = a3 * xp1 + a4 * xp2 + b1 * yp1 + b2 * yp2;
      xp2 = xp1;
      xp1 = AT(in, h, i, j);
      yp2 = yp1;
      yp1 = AT(y2, h, i, j);
    }
  }
  for (i = 0; i < w; i++)
    for (j = 0; j < h; j++) AT(out, h, i, j) = c1 * (AT(y1, h, i, j) + AT(y2, h, i, j));
  for (j = 0; j < h; j++) {
    float tm1 = 0.0f, ym1 = 0.0f, ym2 = 0.0f;

    for (i = 0; i < w; i++) {
      AT(y1, h, i, j) = a5 * AT(out, h, i, j) + a6 * tm1 + b1 * ym1 + b2 * ym2;
      tm1 = AT(out, h, i, j);
      ym2 = ym1;
      ym1 = AT(y1, h, i, j);
    }
  }
  for (j = 0; j < h; j++) {
    float tp1 = 0.0f, tp2 = 0.0f, yp1 = 0.0f, yp2 = 0.0f;

    for (i = w - 1; i >= 0; i--) {
      AT(y2, h, i, j) = a7 * tp1 + a8 * tp2 + b1 * yp1 + b2 * yp2;
      tp2 = tp1;
      tp1 = AT(out, h, i, j);
      yp2 = yp1;
      yp1 = AT(y2, h, i, j);
    }
  }
  for (i = 0; i < w; i++)
    for (j = 0; j < h; j++) AT(out, h, i, j) = c2 * (AT(y1, h, i, j) + AT(y2, h, i, j));
  pb_stop(r);

  pb_hash(r, out, sizeof(float) * w * h);
  free(in);
  free(out);
  free(y1);
  free(y2);
}
