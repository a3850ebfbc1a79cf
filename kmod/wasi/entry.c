// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: the exported entry of every WASI import, generated from the
 * WASMKM_IMPORTS list (see wasi/entry.h).  The FPU switch and the stop
 * check of every helper are here and in WASMKM_CALL(), nowhere else.
 */
#include <linux/export.h>

#include "wasi/entry.h"

/*
 * Each definition starts with the ';' that ends the EXPORT_SYMBOL_GPL() of
 * the one before (a macro may not end with one); the list ends with its own.
 */
#define WASMKM_ENTRY_DEF(name, hand, params, args, r)			\
	WASMKM_ENTRY_DEF_##hand(name, params, args, r)
#define WASMKM_ENTRY_DEF_1(name, params, args, r)
#define WASMKM_ENTRY_DEF_0(name, params, args, r)			\
	WASMKM_ENTRY_BODY_##r(name, params, args)

#define WASMKM_ENTRY_BODY_i(name, params, args)				\
	; s32 wasmkm_wasi_##name params					\
	{								\
		s32 ret;						\
									\
		wasmkm_helper_enter(ctx);				\
		ret = wasmkm_do_##name args;				\
		wasmkm_helper_leave(ctx);				\
		return ret;						\
	}								\
	EXPORT_SYMBOL_GPL(wasmkm_wasi_##name)

#define WASMKM_ENTRY_BODY_(name, params, args)				\
	; void wasmkm_wasi_##name params					\
	{								\
		wasmkm_helper_enter(ctx);				\
		wasmkm_do_##name args;					\
		wasmkm_helper_leave(ctx);				\
	}								\
	EXPORT_SYMBOL_GPL(wasmkm_wasi_##name)

#define WASMKM_ENTRY_CB WASMKM_ENTRY_DEF
WASMKM_ENTRY_EACH();
#undef WASMKM_ENTRY_CB
