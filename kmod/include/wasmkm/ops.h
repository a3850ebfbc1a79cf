/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: exact WebAssembly arithmetic for the C that aotc generates.
 *
 * Everything here is static inline and free of libm and libgcc calls (the
 * kernel has neither).  Traps are not raised here: generated code checks the
 * trapping cases inline (it jumps to per-function trap labels) and only then
 * calls these helpers.  Compiled with -ffp-contract=off and -fno-math-errno.
 */
#ifndef _WASMKM_OPS_H
#define _WASMKM_OPS_H

#include <wasmkm/rt.h>

/*
 * rt.h declares no string functions: use the compiler builtins (they become
 * plain memcpy/memmove/memset calls, which the kernel exports, when not
 * inlined).
 */
#ifndef NULL
#define NULL ((void *)0)
#endif

/* ---------------------------------------------------------------- bits */

static inline u32 wasmkm_f32_bits(float f)
{
	u32 u;

	__builtin_memcpy(&u, &f, sizeof(u));
	return u;
}

static inline u64 wasmkm_f64_bits(double d)
{
	u64 u;

	__builtin_memcpy(&u, &d, sizeof(u));
	return u;
}

static inline float wasmkm_f32_from_bits(u32 u)
{
	float f;

	__builtin_memcpy(&f, &u, sizeof(f));
	return f;
}

static inline double wasmkm_f64_from_bits(u64 u)
{
	double d;

	__builtin_memcpy(&d, &u, sizeof(d));
	return d;
}

/* ------------------------------------------------------- memory access */
/* Wasm memory is little-endian, like every target we build for. */

static inline u16 wasmkm_ld16(const u8 *p)
{
	u16 v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static inline u32 wasmkm_ld32(const u8 *p)
{
	u32 v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static inline u64 wasmkm_ld64(const u8 *p)
{
	u64 v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

/*
 * Floating-point loads and stores go straight between memory and an FP
 * register (a float memcpy, not the bits through a general register).
 */
static inline float wasmkm_ldf32(const u8 *p)
{
	float v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static inline double wasmkm_ldf64(const u8 *p)
{
	double v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static inline void wasmkm_stf32(u8 *p, float v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

static inline void wasmkm_stf64(u8 *p, double v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

static inline void wasmkm_st16(u8 *p, u16 v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

static inline void wasmkm_st32(u8 *p, u32 v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

static inline void wasmkm_st64(u8 *p, u64 v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

/*
 * Bulk memory (memory.fill, memory.copy, memory.init) moves up to 4 GiB in
 * one instruction, with preemption off: do it in chunks with a yield check
 * (wasmkm_tick()) between them, so that a loop of large fills is as
 * preemptible and stoppable as any other loop.  The linear memory cannot
 * move during a tick (only memory.grow moves it).  The caller has checked
 * the bounds.
 */
#define WASMKM_BULK_CHUNK	65536U

static inline void wasmkm_bulk_fill(struct wasmkm_ctx *ctx, u8 *d, u8 v, u64 n)
{
	while (n > WASMKM_BULK_CHUNK) {
		__builtin_memset(d, v, WASMKM_BULK_CHUNK);
		d += WASMKM_BULK_CHUNK;
		n -= WASMKM_BULK_CHUNK;
		wasmkm_tick(ctx);
	}
	if (n)
		__builtin_memset(d, v, n);
}

/* memmove() semantics: chunks go front to back or back to front. */
static inline void wasmkm_bulk_move(struct wasmkm_ctx *ctx, u8 *d, const u8 *s, u64 n)
{
	if (d <= s) {
		while (n > WASMKM_BULK_CHUNK) {
			__builtin_memmove(d, s, WASMKM_BULK_CHUNK);
			d += WASMKM_BULK_CHUNK;
			s += WASMKM_BULK_CHUNK;
			n -= WASMKM_BULK_CHUNK;
			wasmkm_tick(ctx);
		}
	} else {
		while (n > WASMKM_BULK_CHUNK) {
			n -= WASMKM_BULK_CHUNK;
			__builtin_memmove(d + n, s + n, WASMKM_BULK_CHUNK);
			wasmkm_tick(ctx);
		}
	}
	if (n)
		__builtin_memmove(d, s, n);
}

/* ------------------------------------------------------------ integers */

static inline u32 wasmkm_i32_clz(u32 x)
{
	return x ? (u32)__builtin_clz(x) : 32;
}

static inline u32 wasmkm_i32_ctz(u32 x)
{
	return x ? (u32)__builtin_ctz(x) : 32;
}

static inline u64 wasmkm_i64_clz(u64 x)
{
	return x ? (u64)__builtin_clzll(x) : 64;
}

static inline u64 wasmkm_i64_ctz(u64 x)
{
	return x ? (u64)__builtin_ctzll(x) : 64;
}

/* No __builtin_popcount: without -mpopcnt it becomes a libgcc call. */
static inline u32 wasmkm_i32_popcnt(u32 x)
{
	x = x - ((x >> 1) & 0x55555555u);
	x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
	x = (x + (x >> 4)) & 0x0f0f0f0fu;
	return (x * 0x01010101u) >> 24;
}

static inline u64 wasmkm_i64_popcnt(u64 x)
{
	x = x - ((x >> 1) & 0x5555555555555555ull);
	x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (x * 0x0101010101010101ull) >> 56;
}

static inline u32 wasmkm_i32_rotl(u32 x, u32 n)
{
	n &= 31;
	return (x << n) | (x >> ((32 - n) & 31));
}

static inline u32 wasmkm_i32_rotr(u32 x, u32 n)
{
	n &= 31;
	return (x >> n) | (x << ((32 - n) & 31));
}

static inline u64 wasmkm_i64_rotl(u64 x, u64 n)
{
	n &= 63;
	return (x << n) | (x >> ((64 - n) & 63));
}

static inline u64 wasmkm_i64_rotr(u64 x, u64 n)
{
	n &= 63;
	return (x >> n) | (x << ((64 - n) & 63));
}

/* Arithmetic right shift without relying on signed >> of negatives. */
static inline u32 wasmkm_i32_shr_s(u32 x, u32 n)
{
	n &= 31;
	return (x & 0x80000000u) ? ~(~x >> n) : x >> n;
}

static inline u64 wasmkm_i64_shr_s(u64 x, u64 n)
{
	n &= 63;
	return (x & 0x8000000000000000ull) ? ~(~x >> n) : x >> n;
}

/* Callers have excluded b == 0 and INT_MIN / -1. */
static inline u32 wasmkm_i32_div_s(u32 a, u32 b)
{
	return (u32)((s32)a / (s32)b);
}

static inline u64 wasmkm_i64_div_s(u64 a, u64 b)
{
	return (u64)((s64)a / (s64)b);
}

/* Callers have excluded b == 0; x % -1 is 0 (and INT_MIN % -1 is UB in C). */
static inline u32 wasmkm_i32_rem_s(u32 a, u32 b)
{
	return b == 0xffffffffu ? 0 : (u32)((s32)a % (s32)b);
}

static inline u64 wasmkm_i64_rem_s(u64 a, u64 b)
{
	return b == ~0ull ? 0 : (u64)((s64)a % (s64)b);
}

/* -------------------------------------------------------------- floats */

/*
 * The C compiler folds x * 1, x / 1, x - 0, x + -0 (to x), x * -1 (to -x)
 * and (float)(double)x (to x): exact for every value but a signalling NaN,
 * which wasm arithmetic must return quiet (an arithmetic NaN; the spec's
 * float_exprs tests check it).  The compiler learns an operand's value from
 * far more than a wasm constant (a call inlined with a constant argument, a
 * branch on y == 1, (double)i where i == 1, an integer store forwarded to a
 * float load), so aotc cannot tell which operands need hiding.
 *
 * WASMKM_FP_OPAQUE(x), an empty asm that "changes" x in its FP register,
 * hides x's value from the optimiser: nothing folds, but x must then sit in
 * a register, so a load cannot fold into the arithmetic and values stay
 * live longer (14% more instructions on PolyBench: performance.md).
 *
 * gcc's -fsignaling-nans (which defines __SUPPORT_SNAN__) keeps all the
 * arithmetic folds above out, wherever the value comes from, but not the
 * promote/demote pair.  So: add/sub/mul/div hide their operands only when
 * the compiler was not told about signalling NaNs (clang has no such
 * option); promote and demote always do.  aotc builds app code with
 * -fsignaling-nans; tests/host/codegen/wat/nanfold.wat checks both builds.
 * neg, abs and copysign are bit operations and must not quiet (they do not
 * use these helpers).
 */
#if defined(__x86_64__) || defined(__i386__)
#define WASMKM_FP_OPAQUE(x)	__asm__("" : "+x"(x))
#elif defined(__aarch64__)
#define WASMKM_FP_OPAQUE(x)	__asm__("" : "+w"(x))
#else
#define WASMKM_FP_OPAQUE(x)	__asm__("" : "+m"(x))
#endif

#ifdef __SUPPORT_SNAN__
#define WASMKM_FP_ARITH_OPAQUE(a, b)	do { } while (0)
#else
#define WASMKM_FP_ARITH_OPAQUE(a, b)					\
	do {								\
		WASMKM_FP_OPAQUE(a);					\
		WASMKM_FP_OPAQUE(b);					\
	} while (0)
#endif

static inline float wasmkm_f32_add(float a, float b)
{
	WASMKM_FP_ARITH_OPAQUE(a, b);
	return a + b;
}

static inline float wasmkm_f32_sub(float a, float b)
{
	WASMKM_FP_ARITH_OPAQUE(a, b);
	return a - b;
}

static inline float wasmkm_f32_mul(float a, float b)
{
	WASMKM_FP_ARITH_OPAQUE(a, b);
	return a * b;
}

static inline float wasmkm_f32_div(float a, float b)
{
	WASMKM_FP_ARITH_OPAQUE(a, b);
	return a / b;
}

static inline double wasmkm_f64_add(double a, double b)
{
	WASMKM_FP_ARITH_OPAQUE(a, b);
	return a + b;
}

static inline double wasmkm_f64_sub(double a, double b)
{
	WASMKM_FP_ARITH_OPAQUE(a, b);
	return a - b;
}

static inline double wasmkm_f64_mul(double a, double b)
{
	WASMKM_FP_ARITH_OPAQUE(a, b);
	return a * b;
}

static inline double wasmkm_f64_div(double a, double b)
{
	WASMKM_FP_ARITH_OPAQUE(a, b);
	return a / b;
}

static inline float wasmkm_f32_demote(double x)
{
	WASMKM_FP_OPAQUE(x);
	return (float)x;
}

static inline double wasmkm_f64_promote(float x)
{
	WASMKM_FP_OPAQUE(x);
	return (double)x;
}

static inline float wasmkm_f32_abs(float x)
{
	return wasmkm_f32_from_bits(wasmkm_f32_bits(x) & 0x7fffffffu);
}

static inline double wasmkm_f64_abs(double x)
{
	return wasmkm_f64_from_bits(wasmkm_f64_bits(x) & 0x7fffffffffffffffull);
}

static inline float wasmkm_f32_neg(float x)
{
	return wasmkm_f32_from_bits(wasmkm_f32_bits(x) ^ 0x80000000u);
}

static inline double wasmkm_f64_neg(double x)
{
	return wasmkm_f64_from_bits(wasmkm_f64_bits(x) ^ 0x8000000000000000ull);
}

static inline float wasmkm_f32_copysign(float x, float y)
{
	return wasmkm_f32_from_bits((wasmkm_f32_bits(x) & 0x7fffffffu) |
				    (wasmkm_f32_bits(y) & 0x80000000u));
}

static inline double wasmkm_f64_copysign(double x, double y)
{
	return wasmkm_f64_from_bits((wasmkm_f64_bits(x) & 0x7fffffffffffffffull) |
				    (wasmkm_f64_bits(y) & 0x8000000000000000ull));
}

/* NaN in, NaN out (quieted by the addition); min(-0, +0) is -0. */
static inline float wasmkm_f32_min(float a, float b)
{
	if (a != a || b != b)
		return wasmkm_f32_add(a, b);
	if (a == b)
		return wasmkm_f32_from_bits(wasmkm_f32_bits(a) | wasmkm_f32_bits(b));
	return a < b ? a : b;
}

static inline float wasmkm_f32_max(float a, float b)
{
	if (a != a || b != b)
		return wasmkm_f32_add(a, b);
	if (a == b)
		return wasmkm_f32_from_bits(wasmkm_f32_bits(a) & wasmkm_f32_bits(b));
	return a > b ? a : b;
}

static inline double wasmkm_f64_min(double a, double b)
{
	if (a != a || b != b)
		return wasmkm_f64_add(a, b);
	if (a == b)
		return wasmkm_f64_from_bits(wasmkm_f64_bits(a) | wasmkm_f64_bits(b));
	return a < b ? a : b;
}

static inline double wasmkm_f64_max(double a, double b)
{
	if (a != a || b != b)
		return wasmkm_f64_add(a, b);
	if (a == b)
		return wasmkm_f64_from_bits(wasmkm_f64_bits(a) & wasmkm_f64_bits(b));
	return a > b ? a : b;
}

/*
 * Rounding without libm.  Values with |x| >= 2^23 (f32) or 2^52 (f64) are
 * already integers (or inf) and come back unchanged; NaN is quieted by x + x.  Below that, the
 * integer conversion is exact, and the sign of the result always equals
 * the sign of x (ceil(-0.5) = -0, floor(0.5) = +0), hence the copysign.
 */
static inline float wasmkm_f32_trunc(float x)
{
	if (!(wasmkm_f32_abs(x) < 8388608.0f))
		return x != x ? wasmkm_f32_add(x, x) : x;
	return wasmkm_f32_copysign((float)(s32)x, x);
}

static inline double wasmkm_f64_trunc(double x)
{
	if (!(wasmkm_f64_abs(x) < 4503599627370496.0))
		return x != x ? wasmkm_f64_add(x, x) : x;
	return wasmkm_f64_copysign((double)(s64)x, x);
}

static inline float wasmkm_f32_floor(float x)
{
	float t;

	if (!(wasmkm_f32_abs(x) < 8388608.0f))
		return x != x ? wasmkm_f32_add(x, x) : x;
	t = (float)(s32)x;
	if (t > x)
		t -= 1.0f;
	return wasmkm_f32_copysign(t, x);
}

static inline double wasmkm_f64_floor(double x)
{
	double t;

	if (!(wasmkm_f64_abs(x) < 4503599627370496.0))
		return x != x ? wasmkm_f64_add(x, x) : x;
	t = (double)(s64)x;
	if (t > x)
		t -= 1.0;
	return wasmkm_f64_copysign(t, x);
}

static inline float wasmkm_f32_ceil(float x)
{
	float t;

	if (!(wasmkm_f32_abs(x) < 8388608.0f))
		return x != x ? wasmkm_f32_add(x, x) : x;
	t = (float)(s32)x;
	if (t < x)
		t += 1.0f;
	return wasmkm_f32_copysign(t, x);
}

static inline double wasmkm_f64_ceil(double x)
{
	double t;

	if (!(wasmkm_f64_abs(x) < 4503599627370496.0))
		return x != x ? wasmkm_f64_add(x, x) : x;
	t = (double)(s64)x;
	if (t < x)
		t += 1.0;
	return wasmkm_f64_copysign(t, x);
}

/*
 * Round half to even: for |x| < 2^23 adding and subtracting 2^23 rounds to
 * an integer in the default rounding mode (nearest-even), exactly once.
 * volatile-free: -ffp-contract=off and no -ffast-math keep both steps.
 */
static inline float wasmkm_f32_nearest(float x)
{
	float a = wasmkm_f32_abs(x);

	if (!(a < 8388608.0f))
		return x != x ? wasmkm_f32_add(x, x) : x;
	a = (a + 8388608.0f) - 8388608.0f;
	return wasmkm_f32_copysign(a, x);
}

static inline double wasmkm_f64_nearest(double x)
{
	double a = wasmkm_f64_abs(x);

	if (!(a < 4503599627370496.0))
		return x != x ? wasmkm_f64_add(x, x) : x;
	a = (a + 4503599627370496.0) - 4503599627370496.0;
	return wasmkm_f64_copysign(a, x);
}

static inline float wasmkm_f32_sqrt(float x)
{
	return __builtin_sqrtf(x);
}

static inline double wasmkm_f64_sqrt(double x)
{
	return __builtin_sqrt(x);
}

/*
 * Range checks for the trapping float-to-int conversions, NaN excluded by
 * the caller.  The bounds are exact in the source type: the truncated value
 * must lie in the target range, so the open bound is min - 1 where that is
 * representable and min itself (closed) where it is not.
 */
static inline int wasmkm_f32_fits_s32(float x)
{
	return x >= -2147483648.0f && x < 2147483648.0f;
}

static inline int wasmkm_f64_fits_s32(double x)
{
	return x > -2147483649.0 && x < 2147483648.0;
}

static inline int wasmkm_f32_fits_u32(float x)
{
	return x > -1.0f && x < 4294967296.0f;
}

static inline int wasmkm_f64_fits_u32(double x)
{
	return x > -1.0 && x < 4294967296.0;
}

static inline int wasmkm_f32_fits_s64(float x)
{
	return x >= -9223372036854775808.0f && x < 9223372036854775808.0f;
}

static inline int wasmkm_f64_fits_s64(double x)
{
	return x >= -9223372036854775808.0 && x < 9223372036854775808.0;
}

static inline int wasmkm_f32_fits_u64(float x)
{
	return x > -1.0f && x < 18446744073709551616.0f;
}

static inline int wasmkm_f64_fits_u64(double x)
{
	return x > -1.0 && x < 18446744073709551616.0;
}

/* Saturating conversions: NaN -> 0, out of range -> the nearest bound. */
static inline u32 wasmkm_i32_trunc_sat_f32_s(float x)
{
	if (x != x)
		return 0;
	if (x < -2147483648.0f)
		return 0x80000000u;
	if (x >= 2147483648.0f)
		return 0x7fffffffu;
	return (u32)(s32)x;
}

static inline u32 wasmkm_i32_trunc_sat_f64_s(double x)
{
	if (x != x)
		return 0;
	if (x <= -2147483649.0)
		return 0x80000000u;
	if (x >= 2147483648.0)
		return 0x7fffffffu;
	return (u32)(s32)x;
}

static inline u32 wasmkm_i32_trunc_sat_f32_u(float x)
{
	if (!(x > -1.0f))
		return 0;
	if (x >= 4294967296.0f)
		return 0xffffffffu;
	return (u32)x;
}

static inline u32 wasmkm_i32_trunc_sat_f64_u(double x)
{
	if (!(x > -1.0))
		return 0;
	if (x >= 4294967296.0)
		return 0xffffffffu;
	return (u32)x;
}

static inline u64 wasmkm_i64_trunc_sat_f32_s(float x)
{
	if (x != x)
		return 0;
	if (x < -9223372036854775808.0f)
		return 0x8000000000000000ull;
	if (x >= 9223372036854775808.0f)
		return 0x7fffffffffffffffull;
	return (u64)(s64)x;
}

static inline u64 wasmkm_i64_trunc_sat_f64_s(double x)
{
	if (x != x)
		return 0;
	if (x < -9223372036854775808.0)
		return 0x8000000000000000ull;
	if (x >= 9223372036854775808.0)
		return 0x7fffffffffffffffull;
	return (u64)(s64)x;
}

static inline u64 wasmkm_i64_trunc_sat_f32_u(float x)
{
	if (!(x > -1.0f))
		return 0;
	if (x >= 18446744073709551616.0f)
		return ~0ull;
	return (u64)x;
}

static inline u64 wasmkm_i64_trunc_sat_f64_u(double x)
{
	if (!(x > -1.0))
		return 0;
	if (x >= 18446744073709551616.0)
		return ~0ull;
	return (u64)x;
}

#endif /* _WASMKM_OPS_H */
