/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: the entry path of every WASI helper, generated from the
 * WASMKM_IMPORTS list (uapi/linux/wasmkm_imports.h).
 *
 * For each import "name", wasi/entry.c defines and exports the function the
 * generated code calls, wasmkm_wasi_<name>() (declared in wasmkm/rt.h), as
 *
 *	wasmkm_helper_enter(ctx, fn);	leave the FPU section, trace entry
 *	ret = wasmkm_do_<name>(...);	the helper's body, in its wasi_*.c
 *	wasmkm_helper_leave(ctx, fn, ret);	trace exit, end the instance if
 *					a stop was asked, re-enter the FPU section
 *
 * so that the FPU switch, the stop check and the host-call tracepoints
 * live in one place.  A helper body only implements wasmkm_do_<name>(), declared
 * below, and takes app memory through app_mem.h.
 */
#ifndef _WASMKM_WASI_ENTRY_H
#define _WASMKM_WASI_ENTRY_H

#include <linux/kconfig.h>
#include <linux/wasmkm_imports.h>

#include "wasmkm.h"

/*
 * Imports whose files still define wasmkm_wasi_<name>() themselves through
 * WASMKM_CALL() (the same enter/leave): path_open.  No wrapper is
 * generated for them; the list shrinks as they move to wasmkm_do_<name>().
 */
#define WASMKM_BY_HAND_path_open		1

/*
 * The C parameters, call arguments and result letter of each wasm parameter
 * list of the import list (i: s32, I: s64, after the context), as a tuple.
 */
#define WASMKM_ARGS_(r)	((struct wasmkm_ctx *ctx), (ctx), r)
#define WASMKM_ARGS_i(r)	((struct wasmkm_ctx *ctx, s32 a), (ctx, a), r)
#define WASMKM_ARGS_ii(r)	((struct wasmkm_ctx *ctx, s32 a, s32 b), (ctx, a, b), r)
#define WASMKM_ARGS_iI(r)	((struct wasmkm_ctx *ctx, s32 a, s64 b), (ctx, a, b), r)
#define WASMKM_ARGS_iii(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s32 b, s32 c), (ctx, a, b, c), r)
#define WASMKM_ARGS_iII(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s64 b, s64 c), (ctx, a, b, c), r)
#define WASMKM_ARGS_iIi(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s64 b, s32 c), (ctx, a, b, c), r)
#define WASMKM_ARGS_iiii(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s32 b, s32 c, s32 d), (ctx, a, b, c, d), r)
#define WASMKM_ARGS_iIii(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s64 b, s32 c, s32 d), (ctx, a, b, c, d), r)
#define WASMKM_ARGS_iIIi(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s64 b, s64 c, s32 d), (ctx, a, b, c, d), r)
#define WASMKM_ARGS_iiiii(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s32 b, s32 c, s32 d, s32 e), (ctx, a, b, c, d, e), r)
#define WASMKM_ARGS_iiiIi(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s32 b, s32 c, s64 d, s32 e), (ctx, a, b, c, d, e), r)
#define WASMKM_ARGS_iiiiii(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s32 b, s32 c, s32 d, s32 e, s32 f),	\
	 (ctx, a, b, c, d, e, f), r)
#define WASMKM_ARGS_iiiiiii(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s32 b, s32 c, s32 d, s32 e, s32 f, s32 g),	\
	 (ctx, a, b, c, d, e, f, g), r)
#define WASMKM_ARGS_iiiiIIi(r)						\
	((struct wasmkm_ctx *ctx, s32 a, s32 b, s32 c, s32 d, s64 e, s64 f, s32 g),	\
	 (ctx, a, b, c, d, e, f, g), r)
#define WASMKM_ARGS_iiiiiIIii(r)					\
	((struct wasmkm_ctx *ctx, s32 a, s32 b, s32 c, s32 d, s32 e, s64 f, s64 g,	\
	  s32 h, s32 i), (ctx, a, b, c, d, e, f, g, h, i), r)

/*
 * WASMKM_ENTRY_EACH() calls WASMKM_ENTRY_CB(name, hand, params, args, result)
 * for every import; hand is 1 for the imports listed above, 0 for the others.
 */
#define WASMKM_SIG_SPLIT_WASMKM_SIG(p, r)	WASMKM_ARGS_##p(r)
#define WASMKM_TUPLE(...)	__VA_ARGS__
#define WASMKM_ENTRY_APPLY(X, name, hand, sig)				\
	WASMKM_ENTRY_APPLY2(X, name, hand, WASMKM_TUPLE sig)
#define WASMKM_ENTRY_APPLY2(X, name, ...)	X(name, __VA_ARGS__)
#define WASMKM_ENTRY_X(mod, name, sig, cap)				\
	WASMKM_ENTRY_APPLY(WASMKM_ENTRY_CB, name, __is_defined(WASMKM_BY_HAND_##name),	\
			   WASMKM_SIG_SPLIT_##sig)
#define WASMKM_ENTRY_EACH()	WASMKM_IMPORTS(WASMKM_ENTRY_X)

/*
 * The helper bodies: one prototype of wasmkm_do_<name>() each.  Each
 * expansion starts with the ';' that ends the one before (a macro may not
 * end with one), and the list ends with its own.
 */
#define WASMKM_DO_DECL(name, hand, params, args, r)			\
	WASMKM_DO_DECL_##hand##r(name, params)
#define WASMKM_DO_DECL_1i(name, params)
#define WASMKM_DO_DECL_0i(name, params)	; s32 wasmkm_do_##name params
#define WASMKM_DO_DECL_0(name, params)	; void wasmkm_do_##name params
#define WASMKM_ENTRY_CB WASMKM_DO_DECL
WASMKM_ENTRY_EACH();
#undef WASMKM_ENTRY_CB

/*
 * proc_exit ends the instance (wasmkm_end()): its generated wrapper must not
 * seem to return after the call, or objtool, checking the linked module
 * (compat.h), finds the wrapper's epilogue unreachable.
 */
void __wasmkm_noreturn wasmkm_do_proc_exit(struct wasmkm_ctx *ctx, s32 code);

#endif /* _WASMKM_WASI_ENTRY_H */
