// SPDX-License-Identifier: GPL-2.0
/*
 * Loops that clang vectorizes with -msimd128 (built with and without it, and
 * natively; every output must be identical): integer lanes of each width
 * with wrapping, clamping (saturation), min/max, abs, shifts, widening and
 * narrowing, compare-and-select, int<->float conversions, float arithmetic
 * and signed zeros.  Results print as hex checksums of whole arrays.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define N 1024

static int8_t s8a[N], s8b[N], s8r[N];
static uint8_t u8a[N], u8b[N], u8r[N];
static int16_t s16a[N], s16b[N], s16r[N];
static uint16_t u16r[N];
static int32_t s32a[N], s32b[N], s32r[N];
static uint32_t u32r[N];
static int64_t s64a[N], s64b[N], s64r[N];
static float f32a[N], f32b[N], f32r[N];
static double f64a[N], f64b[N], f64r[N];

static uint32_t rng = 12345;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* FNV-1a over the bytes: the same on every little-endian target. */
static uint64_t sum(const void *p, size_t n)
{
	const uint8_t *b = p;
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

#define OUT(name, arr) printf("%-12s %016" PRIx64 "\n", name, sum(arr, sizeof(arr)))

static void fill(void)
{
	static const float fs[] = { 0.0f, -0.0f, 1.5f, -2.5f, 1e30f, -1e-30f, 3e9f, -3e9f };
	int i;

	for (i = 0; i < N; i++) {
		uint32_t r = next(), q = next();

		s8a[i] = (int8_t)r;
		s8b[i] = (int8_t)(r >> 8);
		u8a[i] = (uint8_t)(r >> 16);
		u8b[i] = (uint8_t)(r >> 24);
		s16a[i] = (int16_t)r;
		s16b[i] = (int16_t)q;
		s32a[i] = (int32_t)(r ^ q << 7);
		s32b[i] = (int32_t)q;
		s64a[i] = (int64_t)((uint64_t)r << 32 | q);
		s64b[i] = (int64_t)q * 3;
		f32a[i] = (i & 7) ? (float)(int32_t)r / 65536.0f : fs[(i >> 3) & 7];
		f32b[i] = (float)(int32_t)q / 4096.0f;
		f64a[i] = (double)(int32_t)r / 3.0;
		f64b[i] = (i & 3) ? (double)(int32_t)q * 1e-3 : -0.0;
	}
	/* edge values in fixed places */
	s8a[0] = -128; s8b[0] = -1; s16a[0] = -32768; s16b[0] = -32768;
	s32a[0] = INT32_MIN; s32b[0] = -1; s64a[0] = INT64_MIN;
}

int main(void)
{
	int i;

	fill();
	for (i = 0; i < N; i++)
		s8r[i] = (int8_t)(s8a[i] + s8b[i]);
	OUT("i8 add", s8r);
	for (i = 0; i < N; i++) {
		int v = s8a[i] + s8b[i];

		s8r[i] = v > 127 ? 127 : v < -128 ? -128 : v;
	}
	OUT("i8 add_sat", s8r);
	for (i = 0; i < N; i++) {
		int v = u8a[i] - u8b[i];

		u8r[i] = v < 0 ? 0 : v;
	}
	OUT("u8 sub_sat", u8r);
	for (i = 0; i < N; i++)
		u8r[i] = (uint8_t)((u8a[i] + u8b[i] + 1) >> 1);
	OUT("u8 avgr", u8r);
	for (i = 0; i < N; i++)
		s8r[i] = s8a[i] < s8b[i] ? s8a[i] : s8b[i];
	OUT("i8 min", s8r);
	for (i = 0; i < N; i++)
		s8r[i] = (int8_t)(s8a[i] < 0 ? -s8a[i] : s8a[i]);
	OUT("i8 abs", s8r);
	for (i = 0; i < N; i++)
		s16r[i] = (int16_t)(s16a[i] * s16b[i]);
	OUT("i16 mul", s16r);
	for (i = 0; i < N; i++)
		s16r[i] = (int16_t)(s16a[i] >> (i & 15));
	OUT("i16 shr_s", s16r);
	for (i = 0; i < N; i++)
		u16r[i] = (uint16_t)((uint16_t)s16a[i] >> 3);
	OUT("u16 shr_u", u16r);
	for (i = 0; i < N; i++)
		s16r[i] = (int16_t)(s8a[i] * s8b[i]);
	OUT("i8 extmul", s16r);
	for (i = 0; i < N; i++) {
		int32_t v = s32a[i] >> 12;

		s16r[i] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
	}
	OUT("i16 narrow", s16r);
	for (i = 0; i < N; i++)
		s32r[i] = (int32_t)((uint32_t)s32a[i] * (uint32_t)s32b[i] + ((uint32_t)s32a[i] << 3));
	OUT("i32 mul", s32r);
	for (i = 0; i < N; i++)
		s32r[i] = s32a[i] > s32b[i] ? s32a[i] : s32b[i];
	OUT("i32 max", s32r);
	for (i = 0; i < N; i++)
		u32r[i] = (uint32_t)s32a[i] < (uint32_t)s32b[i] ? 0xffffffffu : 0;
	OUT("u32 lt", u32r);
	for (i = 0; i < N; i++)
		s32r[i] = (int32_t)((uint32_t)(s16a[i] * s16b[i]) +
				   (uint32_t)(s16a[i ^ 1] * s16b[i ^ 1]));
	OUT("i32 dot", s32r);
	for (i = 0; i < N; i++)
		s64r[i] = (int64_t)((uint64_t)s64a[i] * (uint64_t)s64b[i] - (uint64_t)(s64a[i] >> 5));
	OUT("i64 mul", s64r);
	for (i = 0; i < N; i++)
		s64r[i] = (int64_t)s32a[i] * s32b[i];
	OUT("i64 extmul", s64r);
	for (i = 0; i < N; i++)
		f32r[i] = f32a[i] * f32b[i] + f32a[i] / (f32b[i] + 0.5f);
	OUT("f32 arith", f32r);
	for (i = 0; i < N; i++)
		f32r[i] = f32a[i] < f32b[i] ? f32a[i] : f32b[i];
	OUT("f32 pmin", f32r);
	for (i = 0; i < N; i++)
		f32r[i] = -f32a[i];
	OUT("f32 neg", f32r);
	for (i = 0; i < N; i++)
		f32r[i] = (float)s32a[i];
	OUT("f32 cvt_s", f32r);
	for (i = 0; i < N; i++)
		f32r[i] = (float)(uint32_t)s32a[i];
	OUT("f32 cvt_u", f32r);
	for (i = 0; i < N; i++) {
		float v = f32a[i];

		s32r[i] = v != v ? 0 : v >= 2147483648.0f ? INT32_MAX
			: v < -2147483648.0f ? INT32_MIN : (int32_t)v;
	}
	OUT("i32 trunc", s32r);
	for (i = 0; i < N; i++)
		f64r[i] = f64a[i] * f64b[i] - f64a[i];
	OUT("f64 arith", f64r);
	for (i = 0; i < N; i++)
		f64r[i] = (double)f32a[i] + f64b[i];
	OUT("f64 promote", f64r);
	for (i = 0; i < N; i++)
		f32r[i] = (float)f64a[i];
	OUT("f32 demote", f32r);
	for (i = 0; i < N; i++)
		f64r[i] = (double)s32a[i] * 0.5;
	OUT("f64 cvt", f64r);
	return 0;
}
