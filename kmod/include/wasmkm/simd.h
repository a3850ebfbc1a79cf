/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: exact WebAssembly SIMD128 for the C that aotc generates.
 *
 * Included (after ops.h) only by app objects that use v128, which are
 * compiled with FPU flags and run inside the FPU section.  Portable C: GCC
 * vector extensions where a C operator has the Wasm meaning (wrapping
 * integer add/sub/mul, bitwise ops, lane-wise compares, IEEE add/sub/mul/div),
 * and lane loops everywhere else, so that the result never depends on what
 * the target's vector instructions do at the edges (saturation, NaN,
 * signed zeros, out-of-range conversions).  The compiler turns the loops
 * into vector code where it can; none of this calls libgcc or libm.
 *
 * Every helper is named after the Wasm instruction: "i8x16.add_sat_s" is
 * wasmkm_i8x16_add_sat_s().  Lane 0 is the lowest-addressed lane in memory
 * (Wasm is little-endian, like every target we build for).
 */
#ifndef _WASMKM_SIMD_H
#define _WASMKM_SIMD_H

#include <wasmkm/ops.h>

typedef u64 wasmkm_v128 __attribute__((vector_size(16)));
/* For v128 globals in ctx->state, which is only 8-byte aligned. */
typedef u64 wasmkm_v128_a8 __attribute__((vector_size(16))) __aligned(8);
typedef u8 wasmkm_u8x16 __attribute__((vector_size(16)));
typedef s8 wasmkm_s8x16 __attribute__((vector_size(16)));
typedef u16 wasmkm_u16x8 __attribute__((vector_size(16)));
typedef s16 wasmkm_s16x8 __attribute__((vector_size(16)));
typedef u32 wasmkm_u32x4 __attribute__((vector_size(16)));
typedef s32 wasmkm_s32x4 __attribute__((vector_size(16)));
typedef s64 wasmkm_s64x2 __attribute__((vector_size(16)));
typedef float wasmkm_f32x4 __attribute__((vector_size(4 * sizeof(u32))));
typedef double wasmkm_f64x2 __attribute__((vector_size(2 * sizeof(u64))));

#define WASMKM_R(x) ((wasmkm_v128)(x))

/* Lanes of a then b picked by constant indices (both compilers' builtins). */
#ifdef __clang__
#define WASMKM_SHUFFLE(T, a, b, ...)					\
	__builtin_shufflevector((wasmkm_##T)(a), (wasmkm_##T)(b), __VA_ARGS__)
#else
#define WASMKM_SHUFFLE(T, a, b, ...)					\
	__builtin_shuffle((wasmkm_##T)(a), (wasmkm_##T)(b), (wasmkm_##T) { __VA_ARGS__ })
#endif

/* Bitwise select: a where the mask m is set, else b. */
static __always_inline wasmkm_v128 wasmkm_sel(wasmkm_v128 m, wasmkm_v128 a, wasmkm_v128 b)
{
	return (a & m) | (b & ~m);
}

/* ------------------------------------------------------ constants, memory */

static __always_inline wasmkm_v128 wasmkm_v128_make(u64 lo, u64 hi)
{
	wasmkm_v128 r = { lo, hi };

	return r;
}

static __always_inline wasmkm_v128 wasmkm_v128_zero(void)
{
	return wasmkm_v128_make(0, 0);
}

static __always_inline wasmkm_v128 wasmkm_v128_load(const u8 *p)
{
	wasmkm_v128 r;

	__builtin_memcpy(&r, p, sizeof(r));
	return r;
}

static __always_inline void wasmkm_v128_store(u8 *p, wasmkm_v128 v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

#define WASMKM_LOAD_EXTEND(NAME, DT, ST, N)				\
static __always_inline wasmkm_v128 wasmkm_v128_##NAME(const u8 *p)		\
{									\
	ST src[N];							\
	wasmkm_##DT r;							\
	int i;								\
									\
	__builtin_memcpy(src, p, sizeof(src));				\
	for (i = 0; i < N; i++)						\
		r[i] = src[i];						\
	return WASMKM_R(r);						\
}
WASMKM_LOAD_EXTEND(load8x8_s, s16x8, s8, 8)
WASMKM_LOAD_EXTEND(load8x8_u, u16x8, u8, 8)
WASMKM_LOAD_EXTEND(load16x4_s, s32x4, s16, 4)
WASMKM_LOAD_EXTEND(load16x4_u, u32x4, u16, 4)
WASMKM_LOAD_EXTEND(load32x2_s, s64x2, s32, 2)
WASMKM_LOAD_EXTEND(load32x2_u, v128, u32, 2)
#undef WASMKM_LOAD_EXTEND

#define WASMKM_LOAD_SPLAT(BITS, T, N)					\
static __always_inline wasmkm_v128 wasmkm_v128_load##BITS##_splat(const u8 *p)	\
{									\
	u##BITS x;							\
	wasmkm_##T r;							\
	int i;								\
									\
	__builtin_memcpy(&x, p, sizeof(x));				\
	for (i = 0; i < N; i++)						\
		r[i] = x;						\
	return WASMKM_R(r);						\
}
WASMKM_LOAD_SPLAT(8, u8x16, 16)
WASMKM_LOAD_SPLAT(16, u16x8, 8)
WASMKM_LOAD_SPLAT(32, u32x4, 4)
WASMKM_LOAD_SPLAT(64, v128, 2)
#undef WASMKM_LOAD_SPLAT

static __always_inline wasmkm_v128 wasmkm_v128_load32_zero(const u8 *p)
{
	return wasmkm_v128_make(wasmkm_ld32(p), 0);
}

static __always_inline wasmkm_v128 wasmkm_v128_load64_zero(const u8 *p)
{
	return wasmkm_v128_make(wasmkm_ld64(p), 0);
}

/* loadN_lane / storeN_lane: one lane, the rest of the vector unchanged. */
#define WASMKM_LANE_MEM(BITS, T)					\
static __always_inline wasmkm_v128 wasmkm_v128_load##BITS##_lane(const u8 *p,	\
						       wasmkm_v128 v,	\
						       int lane)	\
{									\
	wasmkm_##T r = (wasmkm_##T)v;					\
	u##BITS x;							\
									\
	__builtin_memcpy(&x, p, sizeof(x));				\
	r[lane] = x;							\
	return WASMKM_R(r);						\
}									\
static __always_inline void wasmkm_v128_store##BITS##_lane(u8 *p, wasmkm_v128 v,	\
						  int lane)		\
{									\
	u##BITS x = ((wasmkm_##T)v)[lane];				\
									\
	__builtin_memcpy(p, &x, sizeof(x));				\
}
WASMKM_LANE_MEM(8, u8x16)
WASMKM_LANE_MEM(16, u16x8)
WASMKM_LANE_MEM(32, u32x4)
WASMKM_LANE_MEM(64, v128)
#undef WASMKM_LANE_MEM

/* ------------------------------------------------------- splat and lanes */

#define WASMKM_SPLAT(SHAPE, T, ARG, N)					\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_splat(ARG x)			\
{									\
	wasmkm_##T r;							\
	int i;								\
									\
	for (i = 0; i < N; i++)						\
		r[i] = x;						\
	return WASMKM_R(r);						\
}
WASMKM_SPLAT(i8x16, u8x16, u32, 16)
WASMKM_SPLAT(i16x8, u16x8, u32, 8)
WASMKM_SPLAT(i32x4, u32x4, u32, 4)
WASMKM_SPLAT(i64x2, v128, u64, 2)
WASMKM_SPLAT(f32x4, f32x4, float, 4)
WASMKM_SPLAT(f64x2, f64x2, double, 2)
#undef WASMKM_SPLAT

#define WASMKM_EXTRACT(NAME, T)						\
static __always_inline u32 wasmkm_##NAME(wasmkm_v128 v, int lane)		\
{									\
	return (u32)((wasmkm_##T)v)[lane];				\
}
WASMKM_EXTRACT(i8x16_extract_lane_s, s8x16)
WASMKM_EXTRACT(i8x16_extract_lane_u, u8x16)
WASMKM_EXTRACT(i16x8_extract_lane_s, s16x8)
WASMKM_EXTRACT(i16x8_extract_lane_u, u16x8)
WASMKM_EXTRACT(i32x4_extract_lane, u32x4)
#undef WASMKM_EXTRACT

static __always_inline u64 wasmkm_i64x2_extract_lane(wasmkm_v128 v, int lane)
{
	return v[lane];
}

/* Float lanes move as bit patterns: a NaN's payload survives. */
static __always_inline float wasmkm_f32x4_extract_lane(wasmkm_v128 v, int lane)
{
	return wasmkm_f32_from_bits(((wasmkm_u32x4)v)[lane]);
}

static __always_inline double wasmkm_f64x2_extract_lane(wasmkm_v128 v, int lane)
{
	return wasmkm_f64_from_bits(v[lane]);
}

#define WASMKM_REPLACE(SHAPE, T, ARG, CONV)				\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_replace_lane(wasmkm_v128 v,	\
							int lane, ARG x) \
{									\
	wasmkm_##T r = (wasmkm_##T)v;					\
									\
	r[lane] = CONV(x);						\
	return WASMKM_R(r);						\
}
WASMKM_REPLACE(i8x16, u8x16, u32, (u8))
WASMKM_REPLACE(i16x8, u16x8, u32, (u16))
WASMKM_REPLACE(i32x4, u32x4, u32, (u32))
WASMKM_REPLACE(i64x2, v128, u64, (u64))
WASMKM_REPLACE(f32x4, u32x4, float, wasmkm_f32_bits)
WASMKM_REPLACE(f64x2, v128, double, wasmkm_f64_bits)
#undef WASMKM_REPLACE

/*
 * i8x16.shuffle: immediate lane indices 0..31 pick from a (0..15) then b
 * (16..31), exactly what the shuffle builtins do.  Generated code passes the
 * 16 indices as constants.
 */
#define WASMKM_I8X16_SHUFFLE(a, b, ...)					\
	WASMKM_R(WASMKM_SHUFFLE(u8x16, a, b, __VA_ARGS__))

/* Indices >= 16 select 0. */
static __always_inline wasmkm_v128 wasmkm_i8x16_swizzle(wasmkm_v128 a, wasmkm_v128 s)
{
	wasmkm_u8x16 x = (wasmkm_u8x16)a, k = (wasmkm_u8x16)s, r;
	int i;

	for (i = 0; i < 16; i++)
		r[i] = k[i] < 16 ? x[k[i] & 15] : 0;
	return WASMKM_R(r);
}

/* ------------------------------------------------------------ bitwise */

static __always_inline wasmkm_v128 wasmkm_v128_not(wasmkm_v128 a)
{
	return ~a;
}

static __always_inline wasmkm_v128 wasmkm_v128_and(wasmkm_v128 a, wasmkm_v128 b)
{
	return a & b;
}

static __always_inline wasmkm_v128 wasmkm_v128_andnot(wasmkm_v128 a, wasmkm_v128 b)
{
	return a & ~b;
}

static __always_inline wasmkm_v128 wasmkm_v128_or(wasmkm_v128 a, wasmkm_v128 b)
{
	return a | b;
}

static __always_inline wasmkm_v128 wasmkm_v128_xor(wasmkm_v128 a, wasmkm_v128 b)
{
	return a ^ b;
}

static __always_inline wasmkm_v128 wasmkm_v128_bitselect(wasmkm_v128 a, wasmkm_v128 b,
						wasmkm_v128 c)
{
	return (a & c) | (b & ~c);
}

static __always_inline u32 wasmkm_v128_any_true(wasmkm_v128 a)
{
	return (a[0] | a[1]) != 0;
}

/* --------------------------------------------------------- comparisons */
/* A vector compare yields all-ones (-1) or 0 per lane, as Wasm wants. */

#define WASMKM_CMP(NAME, T, OP)						\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 a, wasmkm_v128 b)	\
{									\
	wasmkm_##T x = (wasmkm_##T)a, y = (wasmkm_##T)b;		\
									\
	return WASMKM_R(x OP y);					\
}
WASMKM_CMP(i8x16_eq, u8x16, ==)
WASMKM_CMP(i8x16_ne, u8x16, !=)
WASMKM_CMP(i8x16_lt_s, s8x16, <)
WASMKM_CMP(i8x16_lt_u, u8x16, <)
WASMKM_CMP(i8x16_gt_s, s8x16, >)
WASMKM_CMP(i8x16_gt_u, u8x16, >)
WASMKM_CMP(i8x16_le_s, s8x16, <=)
WASMKM_CMP(i8x16_le_u, u8x16, <=)
WASMKM_CMP(i8x16_ge_s, s8x16, >=)
WASMKM_CMP(i8x16_ge_u, u8x16, >=)
WASMKM_CMP(i16x8_eq, u16x8, ==)
WASMKM_CMP(i16x8_ne, u16x8, !=)
WASMKM_CMP(i16x8_lt_s, s16x8, <)
WASMKM_CMP(i16x8_lt_u, u16x8, <)
WASMKM_CMP(i16x8_gt_s, s16x8, >)
WASMKM_CMP(i16x8_gt_u, u16x8, >)
WASMKM_CMP(i16x8_le_s, s16x8, <=)
WASMKM_CMP(i16x8_le_u, u16x8, <=)
WASMKM_CMP(i16x8_ge_s, s16x8, >=)
WASMKM_CMP(i16x8_ge_u, u16x8, >=)
WASMKM_CMP(i32x4_eq, u32x4, ==)
WASMKM_CMP(i32x4_ne, u32x4, !=)
WASMKM_CMP(i32x4_lt_s, s32x4, <)
WASMKM_CMP(i32x4_lt_u, u32x4, <)
WASMKM_CMP(i32x4_gt_s, s32x4, >)
WASMKM_CMP(i32x4_gt_u, u32x4, >)
WASMKM_CMP(i32x4_le_s, s32x4, <=)
WASMKM_CMP(i32x4_le_u, u32x4, <=)
WASMKM_CMP(i32x4_ge_s, s32x4, >=)
WASMKM_CMP(i32x4_ge_u, u32x4, >=)
WASMKM_CMP(i64x2_eq, v128, ==)
WASMKM_CMP(i64x2_ne, v128, !=)
WASMKM_CMP(i64x2_lt_s, s64x2, <)
WASMKM_CMP(i64x2_gt_s, s64x2, >)
WASMKM_CMP(i64x2_le_s, s64x2, <=)
WASMKM_CMP(i64x2_ge_s, s64x2, >=)
/* IEEE: every ordered compare with a NaN is false, ne is true. */
WASMKM_CMP(f32x4_eq, f32x4, ==)
WASMKM_CMP(f32x4_ne, f32x4, !=)
WASMKM_CMP(f32x4_lt, f32x4, <)
WASMKM_CMP(f32x4_gt, f32x4, >)
WASMKM_CMP(f32x4_le, f32x4, <=)
WASMKM_CMP(f32x4_ge, f32x4, >=)
WASMKM_CMP(f64x2_eq, f64x2, ==)
WASMKM_CMP(f64x2_ne, f64x2, !=)
WASMKM_CMP(f64x2_lt, f64x2, <)
WASMKM_CMP(f64x2_gt, f64x2, >)
WASMKM_CMP(f64x2_le, f64x2, <=)
WASMKM_CMP(f64x2_ge, f64x2, >=)
#undef WASMKM_CMP

/* ------------------------------------------------------------ integers */

/* Lane-wise operators with C's meaning on unsigned lanes (wrapping). */
#define WASMKM_BINOP(NAME, T, OP)					\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 a, wasmkm_v128 b)	\
{									\
	wasmkm_##T x = (wasmkm_##T)a, y = (wasmkm_##T)b;		\
									\
	return WASMKM_R(x OP y);					\
}
WASMKM_BINOP(i8x16_add, u8x16, +)
WASMKM_BINOP(i8x16_sub, u8x16, -)
WASMKM_BINOP(i16x8_add, u16x8, +)
WASMKM_BINOP(i16x8_sub, u16x8, -)
WASMKM_BINOP(i16x8_mul, u16x8, *)
WASMKM_BINOP(i32x4_add, u32x4, +)
WASMKM_BINOP(i32x4_sub, u32x4, -)
WASMKM_BINOP(i32x4_mul, u32x4, *)
WASMKM_BINOP(i64x2_add, v128, +)
WASMKM_BINOP(i64x2_sub, v128, -)
WASMKM_BINOP(i64x2_mul, v128, *)
#undef WASMKM_BINOP

/*
 * Saturating add/sub on the lane type itself: unsigned overflow shows as a
 * carry (r < x) or borrow (x < y); signed overflow as a result whose sign
 * differs from both operands (add) or from x where the operands' signs
 * differ (sub), and then saturates towards x's sign.
 */
#define WASMKM_SAT_U(SHAPE, UT)						\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_add_sat_u(wasmkm_v128 a, wasmkm_v128 b) \
{									\
	wasmkm_##UT x = (wasmkm_##UT)a, y = (wasmkm_##UT)b, r = x + y;	\
									\
	return WASMKM_R(r) | WASMKM_R(r < x);				\
}									\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_sub_sat_u(wasmkm_v128 a, wasmkm_v128 b) \
{									\
	wasmkm_##UT x = (wasmkm_##UT)a, y = (wasmkm_##UT)b, r = x - y;	\
									\
	return WASMKM_R(r) & ~WASMKM_R(x < y);				\
}
WASMKM_SAT_U(i8x16, u8x16)
WASMKM_SAT_U(i16x8, u16x8)
#undef WASMKM_SAT_U

#define WASMKM_SAT_S(SHAPE, UT, ST, MAX)				\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_add_sat_s(wasmkm_v128 a, wasmkm_v128 b) \
{									\
	wasmkm_##UT x = (wasmkm_##UT)a, y = (wasmkm_##UT)b, r = x + y;	\
	wasmkm_##ST ov = (wasmkm_##ST)((x ^ r) & (y ^ r)) < 0;		\
	wasmkm_##UT sat = ((wasmkm_##UT)((wasmkm_##ST)x < 0)) ^ MAX;	\
									\
	return wasmkm_sel(WASMKM_R(ov), WASMKM_R(sat), WASMKM_R(r));	\
}									\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_sub_sat_s(wasmkm_v128 a, wasmkm_v128 b) \
{									\
	wasmkm_##UT x = (wasmkm_##UT)a, y = (wasmkm_##UT)b, r = x - y;	\
	wasmkm_##ST ov = (wasmkm_##ST)((x ^ y) & (x ^ r)) < 0;		\
	wasmkm_##UT sat = ((wasmkm_##UT)((wasmkm_##ST)x < 0)) ^ MAX;	\
									\
	return wasmkm_sel(WASMKM_R(ov), WASMKM_R(sat), WASMKM_R(r));	\
}
WASMKM_SAT_S(i8x16, u8x16, s8x16, 0x7f)
WASMKM_SAT_S(i16x8, u16x8, s16x8, 0x7fff)
#undef WASMKM_SAT_S

/* min/max: a compare mask selects whole lanes. */
#define WASMKM_MINMAX(NAME, T, OP)					\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 a, wasmkm_v128 b) \
{									\
	wasmkm_##T x = (wasmkm_##T)a, y = (wasmkm_##T)b;		\
									\
	return wasmkm_sel(WASMKM_R(x OP y), a, b);			\
}
WASMKM_MINMAX(i8x16_min_s, s8x16, <)
WASMKM_MINMAX(i8x16_min_u, u8x16, <)
WASMKM_MINMAX(i8x16_max_s, s8x16, >)
WASMKM_MINMAX(i8x16_max_u, u8x16, >)
WASMKM_MINMAX(i16x8_min_s, s16x8, <)
WASMKM_MINMAX(i16x8_min_u, u16x8, <)
WASMKM_MINMAX(i16x8_max_s, s16x8, >)
WASMKM_MINMAX(i16x8_max_u, u16x8, >)
WASMKM_MINMAX(i32x4_min_s, s32x4, <)
WASMKM_MINMAX(i32x4_min_u, u32x4, <)
WASMKM_MINMAX(i32x4_max_s, s32x4, >)
WASMKM_MINMAX(i32x4_max_u, u32x4, >)
#undef WASMKM_MINMAX

/* (a + b + 1) / 2 without the wider type: (a | b) - ((a ^ b) >> 1). */
#define WASMKM_AVGR(SHAPE, UT)						\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_avgr_u(wasmkm_v128 a, wasmkm_v128 b) \
{									\
	wasmkm_##UT x = (wasmkm_##UT)a, y = (wasmkm_##UT)b;		\
									\
	return WASMKM_R((x | y) - ((x ^ y) >> 1));			\
}
WASMKM_AVGR(i8x16, u8x16)
WASMKM_AVGR(i16x8, u16x8)
#undef WASMKM_AVGR

/* Per-lane loop over lanes widened to s64. */
#define WASMKM_LANES2(NAME, T, N, EXPR)					\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 va, wasmkm_v128 vb)	\
{									\
	wasmkm_##T x = (wasmkm_##T)va, y = (wasmkm_##T)vb, r;		\
	int i;								\
									\
	for (i = 0; i < N; i++) {					\
		s64 a = x[i], b = y[i];					\
									\
		r[i] = (EXPR);						\
	}								\
	return WASMKM_R(r);						\
}
#define WASMKM_SAT(v, lo, hi) ((v) < (lo) ? (lo) : (v) > (hi) ? (hi) : (v))
/* (a * b + 2^14) >> 15, saturated: only -32768 * -32768 overflows. */
WASMKM_LANES2(i16x8_q15mulr_sat_s, s16x8, 8,
	      WASMKM_SAT((a * b + 0x4000) >> 15, -32768, 32767))
#undef WASMKM_LANES2

/* Unary lane loops; a is the lane widened to s64, results wrap to the lane. */
#define WASMKM_LANES1(NAME, T, N, EXPR)					\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 va)			\
{									\
	wasmkm_##T x = (wasmkm_##T)va, r;				\
	int i;								\
									\
	for (i = 0; i < N; i++) {					\
		s64 a = x[i];						\
									\
		r[i] = (EXPR);						\
	}								\
	return WASMKM_R(r);						\
}
/* abs(INT_MIN) wraps to INT_MIN: computed wide, stored back into the lane. */
WASMKM_LANES1(i8x16_abs, s8x16, 16, (s8)(u8)(a < 0 ? -a : a))
WASMKM_LANES1(i16x8_abs, s16x8, 8, (s16)(u16)(a < 0 ? -a : a))
WASMKM_LANES1(i32x4_abs, s32x4, 4, (s32)(u32)(a < 0 ? -a : a))
WASMKM_LANES1(i8x16_neg, u8x16, 16, (u8)-a)
WASMKM_LANES1(i16x8_neg, u16x8, 8, (u16)-a)
WASMKM_LANES1(i32x4_neg, u32x4, 4, (u32)-a)
WASMKM_LANES1(i8x16_popcnt, u8x16, 16, wasmkm_i32_popcnt((u32)a))
#undef WASMKM_LANES1

static __always_inline wasmkm_v128 wasmkm_i64x2_abs(wasmkm_v128 v)
{
	int i;

	for (i = 0; i < 2; i++)
		if (v[i] & 0x8000000000000000ull)
			v[i] = -v[i];
	return v;
}

static __always_inline wasmkm_v128 wasmkm_i64x2_neg(wasmkm_v128 v)
{
	return -v;
}

#define WASMKM_ALL_TRUE(SHAPE, T, N)					\
static __always_inline u32 wasmkm_##SHAPE##_all_true(wasmkm_v128 v)		\
{									\
	wasmkm_##T x = (wasmkm_##T)v;					\
	int i;								\
									\
	for (i = 0; i < N; i++)						\
		if (!x[i])						\
			return 0;					\
	return 1;							\
}									\
static __always_inline u32 wasmkm_##SHAPE##_bitmask(wasmkm_v128 v)		\
{									\
	wasmkm_##T x = (wasmkm_##T)v;					\
	u32 m = 0;							\
	int i;								\
									\
	for (i = 0; i < N; i++)						\
		m |= (u32)(x[i] >> (sizeof(x[0]) * 8 - 1)) << i;	\
	return m;							\
}
WASMKM_ALL_TRUE(i8x16, u8x16, 16)
WASMKM_ALL_TRUE(i16x8, u16x8, 8)
WASMKM_ALL_TRUE(i32x4, u32x4, 4)
WASMKM_ALL_TRUE(i64x2, v128, 2)
#undef WASMKM_ALL_TRUE

/* Shifts take the count modulo the lane width. */
#define WASMKM_SHIFTS(SHAPE, UT, ST, BITS, N)				\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_shl(wasmkm_v128 v, u32 n)	\
{									\
	wasmkm_##UT x = (wasmkm_##UT)v;					\
	int i;								\
									\
	n &= BITS - 1;							\
	for (i = 0; i < N; i++)						\
		x[i] = x[i] << n;					\
	return WASMKM_R(x);						\
}									\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_shr_u(wasmkm_v128 v, u32 n)	\
{									\
	wasmkm_##UT x = (wasmkm_##UT)v;					\
	int i;								\
									\
	n &= BITS - 1;							\
	for (i = 0; i < N; i++)						\
		x[i] = x[i] >> n;					\
	return WASMKM_R(x);						\
}									\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_shr_s(wasmkm_v128 v, u32 n)	\
{									\
	wasmkm_##ST x = (wasmkm_##ST)v;					\
	int i;								\
									\
	n &= BITS - 1;							\
	for (i = 0; i < N; i++)						\
		x[i] = x[i] >> n;	/* arithmetic: gcc, clang */	\
	return WASMKM_R(x);						\
}
WASMKM_SHIFTS(i8x16, u8x16, s8x16, 8, 16)
WASMKM_SHIFTS(i16x8, u16x8, s16x8, 16, 8)
WASMKM_SHIFTS(i32x4, u32x4, s32x4, 32, 4)
WASMKM_SHIFTS(i64x2, v128, s64x2, 64, 2)
#undef WASMKM_SHIFTS

/*
 * Narrowing: lanes of a, then lanes of b, each clamped in the wide signed
 * lane; the low half of each clamped lane is the narrow result.
 */
#define WASMKM_NARROW(NAME, NT, ST, LO, HI, ...)			\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 va, wasmkm_v128 vb) \
{									\
	wasmkm_##ST x = (wasmkm_##ST)va, y = (wasmkm_##ST)vb, m;	\
									\
	m = x < LO;							\
	x = (x & ~m) | (LO & m);					\
	m = x > HI;							\
	x = (x & ~m) | (HI & m);					\
	m = y < LO;							\
	y = (y & ~m) | (LO & m);					\
	m = y > HI;							\
	y = (y & ~m) | (HI & m);					\
	return WASMKM_R(WASMKM_SHUFFLE(NT, x, y, __VA_ARGS__));		\
}
WASMKM_NARROW(i8x16_narrow_i16x8_s, u8x16, s16x8, -128, 127,
	      0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30)
WASMKM_NARROW(i8x16_narrow_i16x8_u, u8x16, s16x8, 0, 255,
	      0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30)
WASMKM_NARROW(i16x8_narrow_i32x4_s, u16x8, s32x4, -32768, 32767,
	      0, 2, 4, 6, 8, 10, 12, 14)
WASMKM_NARROW(i16x8_narrow_i32x4_u, u16x8, s32x4, 0, 65535,
	      0, 2, 4, 6, 8, 10, 12, 14)
#undef WASMKM_NARROW

/* Extension: half the source lanes (from lane OFF), sign or zero extended. */
#define WASMKM_EXTEND(NAME, DT, ST, N, OFF)				\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 v)			\
{									\
	wasmkm_##ST x = (wasmkm_##ST)v;					\
	wasmkm_##DT r;							\
	int i;								\
									\
	for (i = 0; i < N; i++)						\
		r[i] = x[i + OFF];					\
	return WASMKM_R(r);						\
}
WASMKM_EXTEND(i16x8_extend_low_i8x16_s, s16x8, s8x16, 8, 0)
WASMKM_EXTEND(i16x8_extend_high_i8x16_s, s16x8, s8x16, 8, 8)
WASMKM_EXTEND(i16x8_extend_low_i8x16_u, u16x8, u8x16, 8, 0)
WASMKM_EXTEND(i16x8_extend_high_i8x16_u, u16x8, u8x16, 8, 8)
WASMKM_EXTEND(i32x4_extend_low_i16x8_s, s32x4, s16x8, 4, 0)
WASMKM_EXTEND(i32x4_extend_high_i16x8_s, s32x4, s16x8, 4, 4)
WASMKM_EXTEND(i32x4_extend_low_i16x8_u, u32x4, u16x8, 4, 0)
WASMKM_EXTEND(i32x4_extend_high_i16x8_u, u32x4, u16x8, 4, 4)
WASMKM_EXTEND(i64x2_extend_low_i32x4_s, s64x2, s32x4, 2, 0)
WASMKM_EXTEND(i64x2_extend_high_i32x4_s, s64x2, s32x4, 2, 2)
WASMKM_EXTEND(i64x2_extend_low_i32x4_u, v128, u32x4, 2, 0)
WASMKM_EXTEND(i64x2_extend_high_i32x4_u, v128, u32x4, 2, 2)
#undef WASMKM_EXTEND

/* Extended multiply: products of half the lanes, exact in the wide lane. */
#define WASMKM_EXTMUL(NAME, DT, ST, WT, N, OFF)				\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 va, wasmkm_v128 vb)	\
{									\
	wasmkm_##ST x = (wasmkm_##ST)va, y = (wasmkm_##ST)vb;		\
	wasmkm_##DT r;							\
	int i;								\
									\
	for (i = 0; i < N; i++)						\
		r[i] = (WT)x[i + OFF] * (WT)y[i + OFF];			\
	return WASMKM_R(r);						\
}
WASMKM_EXTMUL(i16x8_extmul_low_i8x16_s, s16x8, s8x16, s32, 8, 0)
WASMKM_EXTMUL(i16x8_extmul_high_i8x16_s, s16x8, s8x16, s32, 8, 8)
WASMKM_EXTMUL(i16x8_extmul_low_i8x16_u, u16x8, u8x16, u32, 8, 0)
WASMKM_EXTMUL(i16x8_extmul_high_i8x16_u, u16x8, u8x16, u32, 8, 8)
WASMKM_EXTMUL(i32x4_extmul_low_i16x8_s, s32x4, s16x8, s32, 4, 0)
WASMKM_EXTMUL(i32x4_extmul_high_i16x8_s, s32x4, s16x8, s32, 4, 4)
WASMKM_EXTMUL(i32x4_extmul_low_i16x8_u, u32x4, u16x8, u32, 4, 0)
WASMKM_EXTMUL(i32x4_extmul_high_i16x8_u, u32x4, u16x8, u32, 4, 4)
WASMKM_EXTMUL(i64x2_extmul_low_i32x4_s, s64x2, s32x4, s64, 2, 0)
WASMKM_EXTMUL(i64x2_extmul_high_i32x4_s, s64x2, s32x4, s64, 2, 2)
WASMKM_EXTMUL(i64x2_extmul_low_i32x4_u, v128, u32x4, u64, 2, 0)
WASMKM_EXTMUL(i64x2_extmul_high_i32x4_u, v128, u32x4, u64, 2, 2)
#undef WASMKM_EXTMUL

/* Pairwise: lane i = src[2i] + src[2i + 1], widened (never overflows). */
#define WASMKM_PAIRWISE(NAME, DT, ST, N)				\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 v)			\
{									\
	wasmkm_##ST x = (wasmkm_##ST)v;					\
	wasmkm_##DT r;							\
	int i;								\
									\
	for (i = 0; i < N; i++)						\
		r[i] = (s32)x[2 * i] + (s32)x[2 * i + 1];		\
	return WASMKM_R(r);						\
}
WASMKM_PAIRWISE(i16x8_extadd_pairwise_i8x16_s, s16x8, s8x16, 8)
WASMKM_PAIRWISE(i16x8_extadd_pairwise_i8x16_u, u16x8, u8x16, 8)
WASMKM_PAIRWISE(i32x4_extadd_pairwise_i16x8_s, s32x4, s16x8, 4)
WASMKM_PAIRWISE(i32x4_extadd_pairwise_i16x8_u, u32x4, u16x8, 4)
#undef WASMKM_PAIRWISE

/* Sum of two s16 products; only -32768^2 * 2 wraps (to INT_MIN). */
static __always_inline wasmkm_v128 wasmkm_i32x4_dot_i16x8_s(wasmkm_v128 va, wasmkm_v128 vb)
{
	wasmkm_s16x8 x = (wasmkm_s16x8)va, y = (wasmkm_s16x8)vb;
	wasmkm_u32x4 r;
	int i;

	for (i = 0; i < 4; i++)
		r[i] = (u32)((s32)x[2 * i] * y[2 * i]) +
		       (u32)((s32)x[2 * i + 1] * y[2 * i + 1]);
	return WASMKM_R(r);
}

/* -------------------------------------------------------------- floats */

/* abs, neg: sign bit only, every other bit (NaN payloads) unchanged. */
static __always_inline wasmkm_v128 wasmkm_f32x4_abs(wasmkm_v128 v)
{
	return v & wasmkm_v128_make(0x7fffffff7fffffffull, 0x7fffffff7fffffffull);
}

static __always_inline wasmkm_v128 wasmkm_f32x4_neg(wasmkm_v128 v)
{
	return v ^ wasmkm_v128_make(0x8000000080000000ull, 0x8000000080000000ull);
}

static __always_inline wasmkm_v128 wasmkm_f64x2_abs(wasmkm_v128 v)
{
	return v & wasmkm_v128_make(0x7fffffffffffffffull, 0x7fffffffffffffffull);
}

static __always_inline wasmkm_v128 wasmkm_f64x2_neg(wasmkm_v128 v)
{
	return v ^ wasmkm_v128_make(0x8000000000000000ull, 0x8000000000000000ull);
}

/*
 * IEEE arithmetic, correctly rounded per lane (no contraction: -ffp-contract=off);
 * operands hidden from constant folding like the scalar ones (ops.h).
 */
#define WASMKM_FBIN(NAME, T, OP)					\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 a, wasmkm_v128 b)	\
{									\
	wasmkm_##T x = (wasmkm_##T)a, y = (wasmkm_##T)b;		\
									\
	WASMKM_FP_OPAQUE(x);						\
	WASMKM_FP_OPAQUE(y);						\
	return WASMKM_R(x OP y);					\
}
WASMKM_FBIN(f32x4_add, f32x4, +)
WASMKM_FBIN(f32x4_sub, f32x4, -)
WASMKM_FBIN(f32x4_mul, f32x4, *)
WASMKM_FBIN(f32x4_div, f32x4, /)
WASMKM_FBIN(f64x2_add, f64x2, +)
WASMKM_FBIN(f64x2_sub, f64x2, -)
WASMKM_FBIN(f64x2_mul, f64x2, *)
WASMKM_FBIN(f64x2_div, f64x2, /)
#undef WASMKM_FBIN

/* Lane-wise through the scalar helpers of ops.h (same semantics). */
#define WASMKM_FLANES1(NAME, T, N, FN)					\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 v)			\
{									\
	wasmkm_##T x = (wasmkm_##T)v;					\
	int i;								\
									\
	for (i = 0; i < N; i++)						\
		x[i] = FN(x[i]);					\
	return WASMKM_R(x);						\
}
WASMKM_FLANES1(f32x4_sqrt, f32x4, 4, wasmkm_f32_sqrt)
WASMKM_FLANES1(f32x4_ceil, f32x4, 4, wasmkm_f32_ceil)
WASMKM_FLANES1(f32x4_floor, f32x4, 4, wasmkm_f32_floor)
WASMKM_FLANES1(f32x4_trunc, f32x4, 4, wasmkm_f32_trunc)
WASMKM_FLANES1(f32x4_nearest, f32x4, 4, wasmkm_f32_nearest)
WASMKM_FLANES1(f64x2_sqrt, f64x2, 2, wasmkm_f64_sqrt)
WASMKM_FLANES1(f64x2_ceil, f64x2, 2, wasmkm_f64_ceil)
WASMKM_FLANES1(f64x2_floor, f64x2, 2, wasmkm_f64_floor)
WASMKM_FLANES1(f64x2_trunc, f64x2, 2, wasmkm_f64_trunc)
WASMKM_FLANES1(f64x2_nearest, f64x2, 2, wasmkm_f64_nearest)
#undef WASMKM_FLANES1

#define WASMKM_FLANES2(NAME, T, N, FN)					\
static __always_inline wasmkm_v128 wasmkm_##NAME(wasmkm_v128 va, wasmkm_v128 vb)	\
{									\
	wasmkm_##T x = (wasmkm_##T)va, y = (wasmkm_##T)vb;		\
	int i;								\
									\
	for (i = 0; i < N; i++)						\
		x[i] = FN(x[i], y[i]);					\
	return WASMKM_R(x);						\
}
WASMKM_FLANES2(f32x4_min, f32x4, 4, wasmkm_f32_min)
WASMKM_FLANES2(f32x4_max, f32x4, 4, wasmkm_f32_max)
WASMKM_FLANES2(f64x2_min, f64x2, 2, wasmkm_f64_min)
WASMKM_FLANES2(f64x2_max, f64x2, 2, wasmkm_f64_max)
#undef WASMKM_FLANES2

/*
 * pmin(a, b) = b < a ? b : a and pmax(a, b) = a < b ? b : a, selecting whole
 * lanes bit for bit (so pmin(+0, -0) is +0 and a NaN in a passes through).
 */
#define WASMKM_PMINMAX(SHAPE, T, IT)					\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_pmin(wasmkm_v128 a, wasmkm_v128 b) \
{									\
	wasmkm_v128 m = WASMKM_R((wasmkm_##T)b < (wasmkm_##T)a);	\
									\
	return (b & m) | (a & ~m);					\
}									\
static __always_inline wasmkm_v128 wasmkm_##SHAPE##_pmax(wasmkm_v128 a, wasmkm_v128 b) \
{									\
	wasmkm_v128 m = WASMKM_R((wasmkm_##T)a < (wasmkm_##T)b);	\
									\
	return (b & m) | (a & ~m);					\
}
WASMKM_PMINMAX(f32x4, f32x4, s32x4)
WASMKM_PMINMAX(f64x2, f64x2, s64x2)
#undef WASMKM_PMINMAX

/* ---------------------------------------------------------- conversions */

static __always_inline wasmkm_v128 wasmkm_i32x4_trunc_sat_f32x4_s(wasmkm_v128 v)
{
	wasmkm_f32x4 x = (wasmkm_f32x4)v;
	wasmkm_u32x4 r;
	int i;

	for (i = 0; i < 4; i++)
		r[i] = wasmkm_i32_trunc_sat_f32_s(x[i]);
	return WASMKM_R(r);
}

static __always_inline wasmkm_v128 wasmkm_i32x4_trunc_sat_f32x4_u(wasmkm_v128 v)
{
	wasmkm_f32x4 x = (wasmkm_f32x4)v;
	wasmkm_u32x4 r;
	int i;

	for (i = 0; i < 4; i++)
		r[i] = wasmkm_i32_trunc_sat_f32_u(x[i]);
	return WASMKM_R(r);
}

/* The two results go to lanes 0 and 1; lanes 2 and 3 are zero. */
static __always_inline wasmkm_v128 wasmkm_i32x4_trunc_sat_f64x2_s_zero(wasmkm_v128 v)
{
	wasmkm_f64x2 x = (wasmkm_f64x2)v;

	return wasmkm_v128_make((u64)wasmkm_i32_trunc_sat_f64_s(x[0]) |
				(u64)wasmkm_i32_trunc_sat_f64_s(x[1]) << 32, 0);
}

static __always_inline wasmkm_v128 wasmkm_i32x4_trunc_sat_f64x2_u_zero(wasmkm_v128 v)
{
	wasmkm_f64x2 x = (wasmkm_f64x2)v;

	return wasmkm_v128_make((u64)wasmkm_i32_trunc_sat_f64_u(x[0]) |
				(u64)wasmkm_i32_trunc_sat_f64_u(x[1]) << 32, 0);
}

/* One correctly rounded conversion per lane (round to nearest even). */
static __always_inline wasmkm_v128 wasmkm_f32x4_convert_i32x4_s(wasmkm_v128 v)
{
	wasmkm_s32x4 x = (wasmkm_s32x4)v;
	wasmkm_f32x4 r;
	int i;

	for (i = 0; i < 4; i++)
		r[i] = (float)x[i];
	return WASMKM_R(r);
}

static __always_inline wasmkm_v128 wasmkm_f32x4_convert_i32x4_u(wasmkm_v128 v)
{
	wasmkm_u32x4 x = (wasmkm_u32x4)v;
	wasmkm_f32x4 r;
	int i;

	for (i = 0; i < 4; i++)
		r[i] = (float)x[i];
	return WASMKM_R(r);
}

static __always_inline wasmkm_v128 wasmkm_f64x2_convert_low_i32x4_s(wasmkm_v128 v)
{
	wasmkm_s32x4 x = (wasmkm_s32x4)v;
	wasmkm_f64x2 r = { (double)x[0], (double)x[1] };

	return WASMKM_R(r);
}

static __always_inline wasmkm_v128 wasmkm_f64x2_convert_low_i32x4_u(wasmkm_v128 v)
{
	wasmkm_u32x4 x = (wasmkm_u32x4)v;
	wasmkm_f64x2 r = { (double)x[0], (double)x[1] };

	return WASMKM_R(r);
}

static __always_inline wasmkm_v128 wasmkm_f32x4_demote_f64x2_zero(wasmkm_v128 v)
{
	wasmkm_f64x2 x = (wasmkm_f64x2)v;

	return wasmkm_v128_make((u64)wasmkm_f32_bits(wasmkm_f32_demote(x[0])) |
				(u64)wasmkm_f32_bits(wasmkm_f32_demote(x[1])) << 32, 0);
}

static __always_inline wasmkm_v128 wasmkm_f64x2_promote_low_f32x4(wasmkm_v128 v)
{
	wasmkm_f32x4 x = (wasmkm_f32x4)v;
	wasmkm_f64x2 r = { wasmkm_f64_promote(x[0]), wasmkm_f64_promote(x[1]) };

	return WASMKM_R(r);
}

#undef WASMKM_SAT

#endif /* _WASMKM_SIMD_H */
