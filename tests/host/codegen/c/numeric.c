// SPDX-License-Identifier: GPL-2.0
/*
 * Built both for wasm32-wasi and natively; the outputs must be identical:
 * arguments, a double-precision matrix multiply and integer/float edge
 * cases, every double printed as its bit pattern.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define N 16

static double a[N][N], b[N][N], c[N][N];

static uint64_t bits(double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof(u));
	return u;
}

static __attribute__((noinline)) int64_t idiv(int64_t x, int64_t y)
{
	return x / y;
}

int main(int argc, char **argv)
{
	uint32_t s = 1;
	double acc = 0;
	uint32_t fb;
	float f;
	int i, j, k;

	for (i = 1; i < argc; i++)
		printf("arg %d: %s\n", i, argv[i]);
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			s = s * 1664525u + 1013904223u;
			a[i][j] = (double)(int32_t)s / 65536.0;
			s = s * 1664525u + 1013904223u;
			b[i][j] = (double)(s >> 3) / 3.0e7 - 17.0;
		}
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			double t = 0;

			for (k = 0; k < N; k++)
				t += a[i][k] * b[k][j];
			c[i][j] = t;
			acc += t / (i + j + 1);
		}
	for (i = 0; i < N; i += 5)
		printf("c[%d] %016" PRIx64 " %016" PRIx64 "\n", i, bits(c[i][i]), bits(c[i][N - 1 - i]));
	printf("acc %016" PRIx64 " sqrt %016" PRIx64 "\n", bits(acc), bits(__builtin_sqrt(acc * acc)));
	f = (float)idiv(-0x7fffff4000000001ll, 1);
	memcpy(&fb, &f, sizeof(fb));
	printf("u64->f64 %016" PRIx64 " i64->f32 %08" PRIx32 "\n",
	       bits((double)(uint64_t)idiv(-0xbff, 1)), fb);
	printf("div %" PRId64 " %" PRId64 "\n", idiv(-7, 2), idiv(INT64_MIN, 3));
	return 0;
}
