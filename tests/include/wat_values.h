/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Values in ";; ASSERT" lines of the WAT conformance tests, shared by the
 * host runner (tests/host/codegen/runner.c) and the guest kselftest
 * (tests/kselftest/conformance.c).  Userspace C.
 *
 *   i32:N  i64:N            decimal or 0x hex, may be negative
 *   f32:X  f64:X            a C float literal, inf, -inf, nan (any NaN);
 *                           as a scalar result also nan:arithmetic (quiet bit
 *                           set) and nan:canonical (only the quiet bit)
 *   f32:bits:0xH  f64:bits:0xH      an exact bit pattern
 *   v128:SHAPE:L0,L1,...    SHAPE i8x16 i16x8 i32x4 i64x2 f32x4 f64x2; lanes
 *                           as above (a float lane may be nan or bits:0xH)
 *   ref:null  ref:N         references (only null-ness is compared)
 *
 * A value occupies one u64 slot, a v128 two (low half first), matching the
 * export thunks of <wasmkm/rt.h>.  Type letters as in export signatures:
 * i I f F V r e.
 */
#ifndef _WAT_VALUES_H
#define _WAT_VALUES_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline int wv_slots(char t)
{
	return t == 'V' ? 2 : 1;
}

static inline uint32_t wv_f32_bits(float f)
{
	uint32_t b;

	memcpy(&b, &f, 4);
	return b;
}

static inline uint64_t wv_f64_bits(double d)
{
	uint64_t b;

	memcpy(&b, &d, 8);
	return b;
}

/* One scalar of @bits width; float if @is_float.  Sets *nan for "nan". */
static inline int wv_scalar(const char *v, int bits, int is_float, uint64_t *out, int *nan)
{
	char *end;

	*nan = 0;
	if (!strncmp(v, "bits:", 5)) {
		*out = strtoull(v + 5, &end, 0);
		return end == v + 5 ? -1 : 0;
	}
	if (is_float) {
		if (strstr(v, "nan"))
			*nan = strstr(v, "arithmetic") ? 2 : strstr(v, "canonical") ? 3 : 1;
		if (bits == 32)
			*out = wv_f32_bits(strtof(v, &end));
		else
			*out = wv_f64_bits(strtod(v, &end));
		return end == v ? -1 : 0;
	}
	*out = *v == '-' ? (uint64_t)strtoll(v, &end, 0) : strtoull(v, &end, 0);
	if (end == v)
		return -1;
	if (bits < 64)
		*out &= (1ull << bits) - 1;
	return 0;
}

struct wv_shape {
	const char *name;
	int bits, lanes, is_float;
};

static const struct wv_shape wv_shapes[] = {
	{ "i8x16", 8, 16, 0 }, { "i16x8", 16, 8, 0 }, { "i32x4", 32, 4, 0 },
	{ "i64x2", 64, 2, 0 }, { "f32x4", 32, 4, 1 }, { "f64x2", 64, 2, 1 },
};

/*
 * Parse token @s for type letter @t into out[0..wv_slots(t)).  *nan_mask
 * gets bit k set for each lane k written "nan" (a scalar: 1 for "nan", 2
 * for "nan:arithmetic", 3 for "nan:canonical"), and
 * *shape the v128 shape (NULL for scalars).
 */
static inline int wv_parse(const char *s, char t, uint64_t *out, uint32_t *nan_mask,
			   const struct wv_shape **shape)
{
	static const char *const prefix[] = { "i32:", "i64:", "f32:", "f64:" };
	const char *letters = "iIfF";
	const char *v = strchr(s, ':');
	int nan;
	size_t k;

	*nan_mask = 0;
	*shape = NULL;
	if (!v)
		return -1;
	v++;
	if (strchr(letters, t) && t) {
		int i = (int)(strchr(letters, t) - letters);

		if (strncmp(s, prefix[i], 4))
			return -1;
		if (wv_scalar(v, i & 1 ? 64 : 32, i >= 2, out, &nan))
			return -1;
		*nan_mask = nan;
		return 0;
	}
	if (t == 'V') {
		const struct wv_shape *sh = NULL;
		int lane;

		if (strncmp(s, "v128:", 5))
			return -1;
		for (k = 0; k < sizeof(wv_shapes) / sizeof(wv_shapes[0]); k++)
			if (!strncmp(v, wv_shapes[k].name, strlen(wv_shapes[k].name)) &&
			    v[strlen(wv_shapes[k].name)] == ':')
				sh = &wv_shapes[k];
		if (!sh)
			return -1;
		v += strlen(sh->name) + 1;
		out[0] = out[1] = 0;
		for (lane = 0; lane < sh->lanes; lane++) {
			char buf[64];
			size_t len = strcspn(v, ",");
			uint64_t x;
			int bit = lane * sh->bits;

			if (len == 0 || len >= sizeof(buf))
				return -1;
			memcpy(buf, v, len);
			buf[len] = 0;
			if (wv_scalar(buf, sh->bits, sh->is_float, &x, &nan))
				return -1;
			if (sh->bits < 64)
				x &= (1ull << sh->bits) - 1;
			out[bit / 64] |= x << (bit % 64);
			*nan_mask |= (uint32_t)!!nan << lane;
			v += len;
			if (lane + 1 < sh->lanes && *v++ != ',')
				return -1;
		}
		*shape = sh;
		return *v ? -1 : 0;
	}
	/* references: null or a number */
	*out = strstr(v, "null") ? 0 : strtoull(v, NULL, 0);
	return 0;
}

static inline void wv_format(char t, const uint64_t *v, char *buf, size_t n)
{
	switch (t) {
	case 'i': snprintf(buf, n, "i32:%" PRId32, (int32_t)(uint32_t)v[0]); break;
	case 'I': snprintf(buf, n, "i64:%" PRId64, (int64_t)v[0]); break;
	case 'f': snprintf(buf, n, "f32:bits:0x%08" PRIx32, (uint32_t)v[0]); break;
	case 'F': snprintf(buf, n, "f64:bits:0x%016" PRIx64, v[0]); break;
	case 'V':
		snprintf(buf, n, "v128:i32x4:0x%08" PRIx32 ",0x%08" PRIx32 ",0x%08" PRIx32
			 ",0x%08" PRIx32, (uint32_t)v[0], (uint32_t)(v[0] >> 32),
			 (uint32_t)v[1], (uint32_t)(v[1] >> 32));
		break;
	default: snprintf(buf, n, "ref:%s", v[0] ? "nonnull" : "null"); break;
	}
}

static inline int wv_is_nan(uint64_t x, int bits)
{
	if (bits == 32)
		return ((x >> 23) & 0xff) == 0xff && (x & 0x7fffff);
	return ((x >> 52) & 0x7ff) == 0x7ff && (x & 0xfffffffffffffull);
}

/* Does the actual value (slots) match expected token @e of type @t? */
static inline int wv_match(const char *e, char t, const uint64_t *actual)
{
	const struct wv_shape *sh;
	uint64_t ev[2] = { 0, 0 };
	uint32_t nan;
	int lane;

	if (wv_parse(e, t, ev, &nan, &sh))
		return 0;
	if (t == 'r' || t == 'e')
		return !ev[0] == !actual[0];
	if (t != 'V') {
		int bits = t == 'f' ? 32 : 64;
		uint64_t quiet = 1ull << (bits == 32 ? 22 : 51);
		uint64_t payload = (bits == 32 ? 0x7fffffull : 0xfffffffffffffull) & actual[0];

		if (!nan)
			return ev[0] == actual[0];
		return wv_is_nan(actual[0], bits) && (nan == 1 || (nan == 2 && (payload & quiet)) ||
						      (nan == 3 && payload == quiet));
	}
	for (lane = 0; lane < sh->lanes; lane++) {
		int bit = lane * sh->bits;
		uint64_t mask = sh->bits == 64 ? ~0ull : (1ull << sh->bits) - 1;
		uint64_t a = (actual[bit / 64] >> (bit % 64)) & mask;
		uint64_t x = (ev[bit / 64] >> (bit % 64)) & mask;

		if (nan & (1u << lane) ? !wv_is_nan(a, sh->bits) : a != x)
			return 0;
	}
	return 1;
}

#endif /* _WAT_VALUES_H */
