// SPDX-License-Identifier: GPL-2.0
/*
 * Loops that vectorize, for timing SIMD128 code against scalar wasm and
 * native code (tests/host/codegen/simd-bench.sh).  Prints a checksum so that
 * every build must compute the same thing.
 */
#include <inttypes.h>
#include <stdio.h>

#define N 4096
#define REPS 4000

static float x[N], y[N];
static uint8_t a[N], b[N], c[N];
static int32_t p[N], q[N];

int main(void)
{
	uint64_t sum = 0;
	float fs = 0;
	int i, r;

	for (i = 0; i < N; i++) {
		x[i] = (float)(i % 97) * 0.25f;
		y[i] = (float)(i % 13) - 6.0f;
		a[i] = (uint8_t)(i * 7);
		b[i] = (uint8_t)(i * 13);
		p[i] = i * 2654435761u >> 7;
		q[i] = i - 2048;
	}
	for (r = 0; r < REPS; r++) {
		for (i = 0; i < N; i++)		/* f32 axpy */
			y[i] = y[i] * 0.5f + x[i];
		for (i = 0; i < N; i++) {	/* u8 saturating add */
			int v = a[i] + b[i];

			c[i] = v > 255 ? 255 : v;
		}
		for (i = 0; i < N; i++)		/* i32 multiply-add, max */
			p[i] = (int32_t)((uint32_t)p[i] * 3u + (uint32_t)q[i]) > q[i] ? p[i] : q[i];
		b[r % N] ^= c[(r * 31) % N];
	}
	for (i = 0; i < N; i++) {
		fs += y[i];
		sum = sum * 31 + c[i] + (uint32_t)p[i];
	}
	printf("%016" PRIx64 " %a\n", sum, fs);
	return 0;
}
