// SPDX-License-Identifier: GPL-2.0
/*
 * matmul: double-precision work whose result must be bit-identical to
 * native code: only +, -, *, / and sqrt (all correctly rounded in both
 * IEEE 754 and Wasm), no library math.  Prints every result as the hex
 * bit pattern of the double.  The build compiles this file natively too and
 * ships that output as matmul.expected.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define N 12

static double a[N][N], b[N][N], c[N][N];
static uint32_t seed = 12345;

static double next(void)
{
	seed = seed * 1103515245u + 12345u;
	/* a value in (-1, 1) with a long mantissa */
	return ((double)(seed >> 8) - 8388608.0) / 8388609.0 / 3.0;
}

static uint64_t bits(double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof(u));
	return u;
}

int main(void)
{
	volatile double vol = 2.0;
	double sum = 0.0, norm;
	int i, j, k;

	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			a[i][j] = next();
			b[i][j] = next() * 1e3;
		}
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			double s = 0.0;

			for (k = 0; k < N; k++)
				s += a[i][k] * b[k][j];
			c[i][j] = s;
		}
	for (i = 0; i < N; i++) {
		for (j = 0; j < N; j++) {
			printf("%016" PRIx64 "%c", bits(c[i][j]),
			       j == N - 1 ? '\n' : ' ');
			sum += c[i][j] / (1.0 + i + j);
		}
	}
	norm = __builtin_sqrt(sum * sum + vol);
	printf("sum %016" PRIx64 " norm %016" PRIx64 " third %016" PRIx64 "\n",
	       bits(sum), bits(norm), bits(1.0 / 3.0 * vol));
	return 0;
}
