/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm runtime ABI: the contract between wasmkm.ko and the code aotc
 * generates.  Generated code includes this header and calls only the
 * functions declared here (plus memcpy/memmove/memset).
 *
 * Execution model: wasmkm.ko runs all generated code inside an FPU section
 * (kernel_fpu_begin() on x86-64, kernel_neon_begin() on arm64), so
 * preemption is off while wasm runs.  Every function declared here that may
 * sleep leaves the FPU section on entry and re-enters it before returning.
 * Generated code must therefore reload ctx->mem and ctx->mem_size after any
 * call into wasmkm.ko (memory.grow may move the linear memory).
 *
 * Traps: wasmkm_trap() never returns (the instance's thread ends there).  It
 * is deliberately not declared __noreturn: objtool would otherwise see
 * generated functions "fall through" after the call.  Generated code places
 * a plain return after it.
 */
#ifndef _WASMKM_RT_H
#define _WASMKM_RT_H

#include <linux/types.h>
#include <linux/compiler.h>

#define WASMKM_RT_ABI		2
#define WASMKM_PAGE_SIZE	65536ULL

/*
 * Yield points: every loop header and function entry reads ctx->yield and,
 * when it is not zero, calls wasmkm_tick() (through wasmkm_entry_slow() at
 * an entry).  wasmkm.ko sets it from a per-instance timer about every
 * WASMKM_YIELD_PERIOD_NS while wasm runs, and at once when the instance is
 * asked to stop; wasmkm_tick() clears it, ends the instance if stopped and
 * reschedules if needed.  So a loop head is one load and compare of memory
 * (no counter holds a register), and a loop that never calls still yields
 * and stops.  The read is READ_ONCE(): the C compiler must not hoist it out
 * of a loop that has no other memory access.
 */
#define WASMKM_YIELD_PERIOD_NS	1000000

/*
 * A table's current size for bounds checks in generated code: never more
 * than its fixed capacity @cap (the array in the state block), which the
 * C compiler is told, so that an index it cannot bound is no -Warray-bounds
 * error.  table.grow keeps size <= cap.
 */
#define WASMKM_TABLE_SIZE(size, cap)					\
	({ u32 size_ = (size); if (size_ > (cap)) __builtin_unreachable(); size_; })

struct module;

/* A function reference: what a funcref table slot points to. */
struct wasmkm_funcref {
	u32 type_id;		/* canonical signature id within the module */
	u32 func_idx;		/* wasm function index */
	const void *fn;		/* the generated C function */
};

/* Per-instance context; the first fields are read by generated code. */
struct wasmkm_ctx {
	u8 *mem;			/* linear memory base, NULL if empty */
	u64 mem_size;			/* bytes */
	unsigned long stack_limit;	/* lowest safe frame address */
	u32 yield;			/* not 0: take the yield slow path */
	u32 pad;
	void *state;			/* ops->state_size bytes, zeroed */
	void *inst;			/* opaque to generated code */
};

/*
 * An exported function, callable through a uniform thunk: arguments in
 * slots[0..nparams), results written to slots[0..nresults).  i32/i64 are
 * zero-extended, f32/f64 are stored as their bit patterns.  Signature letters:
 * i i32, I i64, f f32, F f64, r funcref, e externref; params ':' results.
 */
struct wasmkm_export_func {
	const char *name;
	const char *signature;
	u32 func_idx;
	void (*thunk)(struct wasmkm_ctx *ctx, u64 *slots);
};

/* What an app object hands to wasmkm_attach(). */
struct wasmkm_app_ops {
	u32 abi;			/* WASMKM_RT_ABI */
	u32 state_size;			/* globals, tables, segment flags */
	u32 nfuncs;
	u32 reserved;
	const char *const *func_names;	/* [nfuncs], entries may be NULL */
	/*
	 * Initialise globals, tables, active segments, then run the wasm
	 * start function, if any.  Runs in the FPU section; traps like code.
	 */
	void (*instantiate)(struct wasmkm_ctx *ctx);
	/* Call the exported _start (WASI command); NULL if there is none. */
	void (*run)(struct wasmkm_ctx *ctx);
	u32 nexports;			/* exported functions */
	const struct wasmkm_export_func *exports;
};

/* Called from the app object's module init / exit. */
int wasmkm_attach(struct module *owner, const void *desc, size_t desc_len,
		  const struct wasmkm_app_ops *ops, unsigned int app_id);
void wasmkm_detach(struct module *owner);

/* Never returns: ends the instance with a trap of @kind (enum wasmkm_trap_kind). */
void wasmkm_trap(struct wasmkm_ctx *ctx, u32 kind, u32 func_idx);
/* Yield point slow path: clears ctx->yield; ends the instance if stopped, reschedules if needed. */
void __cold wasmkm_tick(struct wasmkm_ctx *ctx);
/* Function entry slow path: stack exhausted (traps) or ctx->yield set. */
void __cold wasmkm_entry_slow(struct wasmkm_ctx *ctx, u32 func_idx);
/* memory.grow: old size in pages, or -1 (limit or no kernel memory). */
s32 wasmkm_memory_grow(struct wasmkm_ctx *ctx, u32 delta_pages);

/*
 * The stack pointer for the entry check.  __builtin_frame_address(0) would
 * force a frame pointer (one register less) in every generated function;
 * reading the stack pointer register does not (the kernel's own
 * current_stack_pointer idiom).  It is below the frame address, so the
 * check is, if anything, stricter.
 */
#if defined(__KERNEL__) && defined(__x86_64__)
#include <asm/asm.h>
#define WASMKM_SP()	current_stack_pointer
#elif defined(__KERNEL__) && defined(__aarch64__)
#include <asm/stack_pointer.h>
#define WASMKM_SP()	current_stack_pointer
#elif defined(__x86_64__)	/* the userspace test harness */
register unsigned long wasmkm_stack_pointer asm("rsp");
#define WASMKM_SP()	wasmkm_stack_pointer
#else
#define WASMKM_SP()	((unsigned long)__builtin_frame_address(0))
#endif

/*
 * Is ctx->yield set?  On x86-64 READ_ONCE() costs a load into a register, a
 * test and a branch (gcc folds no volatile load into a compare); this asm
 * goto is one "cmpl $0, mem" whose branch the caller's if takes directly
 * (the idiom of the kernel's static branches).  Volatile as well, so never
 * hoisted out of a loop.
 */
#if defined(__x86_64__)
static __always_inline int wasmkm_yield_pending(struct wasmkm_ctx *ctx)
{
	asm goto("cmpl $0, %0\n\tjne %l[yes]" : : "m"(ctx->yield) : "cc" : yes);
	return 0;
yes:
	return 1;
}
#else
static __always_inline int wasmkm_yield_pending(struct wasmkm_ctx *ctx)
{
	return READ_ONCE(ctx->yield) != 0;
}
#endif

/* Function entry check: stack depth and the yield flag. */
#define WASMKM_ENTRY(ctx, func_idx)						\
	do {									\
		if (unlikely(WASMKM_SP() < (ctx)->stack_limit ||		\
			     wasmkm_yield_pending(ctx)))			\
			wasmkm_entry_slow(ctx, func_idx);			\
	} while (0)

/* Loop header check. */
#define WASMKM_LOOP(ctx)							\
	do {									\
		if (unlikely(wasmkm_yield_pending(ctx)))			\
			wasmkm_tick(ctx);					\
	} while (0)

/*
 * WASI preview1 (module "wasi_snapshot_preview1"): wasm i32 -> s32, i64 ->
 * s64; pointers are offsets into linear memory.  Each returns a WASI errno
 * (0 = success) and never faults on a bad pointer (returns EFAULT's WASI
 * number, 21).
 */
s32 wasmkm_wasi_args_get(struct wasmkm_ctx *ctx, s32 argv, s32 argv_buf);
s32 wasmkm_wasi_args_sizes_get(struct wasmkm_ctx *ctx, s32 argc, s32 buf_size);
s32 wasmkm_wasi_environ_get(struct wasmkm_ctx *ctx, s32 env, s32 env_buf);
s32 wasmkm_wasi_environ_sizes_get(struct wasmkm_ctx *ctx, s32 count, s32 buf_size);
s32 wasmkm_wasi_clock_res_get(struct wasmkm_ctx *ctx, s32 clock, s32 res);
s32 wasmkm_wasi_clock_time_get(struct wasmkm_ctx *ctx, s32 clock, s64 precision, s32 time);
s32 wasmkm_wasi_random_get(struct wasmkm_ctx *ctx, s32 buf, s32 len);
s32 wasmkm_wasi_fd_advise(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s64 len, s32 advice);
s32 wasmkm_wasi_fd_allocate(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s64 len);
s32 wasmkm_wasi_fd_close(struct wasmkm_ctx *ctx, s32 fd);
s32 wasmkm_wasi_fd_datasync(struct wasmkm_ctx *ctx, s32 fd);
s32 wasmkm_wasi_fd_fdstat_get(struct wasmkm_ctx *ctx, s32 fd, s32 stat);
s32 wasmkm_wasi_fd_fdstat_set_flags(struct wasmkm_ctx *ctx, s32 fd, s32 flags);
s32 wasmkm_wasi_fd_fdstat_set_rights(struct wasmkm_ctx *ctx, s32 fd, s64 base, s64 inh);
s32 wasmkm_wasi_fd_filestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 buf);
s32 wasmkm_wasi_fd_filestat_set_size(struct wasmkm_ctx *ctx, s32 fd, s64 size);
s32 wasmkm_wasi_fd_filestat_set_times(struct wasmkm_ctx *ctx, s32 fd, s64 atim, s64 mtim,
				      s32 fstflags);
s32 wasmkm_wasi_fd_pread(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s64 offset,
			 s32 nread);
s32 wasmkm_wasi_fd_prestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 prestat);
s32 wasmkm_wasi_fd_prestat_dir_name(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len);
s32 wasmkm_wasi_fd_pwrite(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s64 offset,
			  s32 nwritten);
s32 wasmkm_wasi_fd_read(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nread);
s32 wasmkm_wasi_fd_readdir(struct wasmkm_ctx *ctx, s32 fd, s32 buf, s32 buf_len, s64 cookie,
			   s32 bufused);
s32 wasmkm_wasi_fd_renumber(struct wasmkm_ctx *ctx, s32 fd, s32 to);
s32 wasmkm_wasi_fd_seek(struct wasmkm_ctx *ctx, s32 fd, s64 offset, s32 whence, s32 newoffset);
s32 wasmkm_wasi_fd_sync(struct wasmkm_ctx *ctx, s32 fd);
s32 wasmkm_wasi_fd_tell(struct wasmkm_ctx *ctx, s32 fd, s32 offset);
s32 wasmkm_wasi_fd_write(struct wasmkm_ctx *ctx, s32 fd, s32 iovs, s32 iovs_len, s32 nwritten);
s32 wasmkm_wasi_path_create_directory(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len);
s32 wasmkm_wasi_path_filestat_get(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 path, s32 len,
				  s32 buf);
s32 wasmkm_wasi_path_filestat_set_times(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 path,
					s32 len, s64 atim, s64 mtim, s32 fstflags);
s32 wasmkm_wasi_path_link(struct wasmkm_ctx *ctx, s32 old_fd, s32 old_flags, s32 old_path,
			  s32 old_len, s32 new_fd, s32 new_path, s32 new_len);
s32 wasmkm_wasi_path_open(struct wasmkm_ctx *ctx, s32 fd, s32 dirflags, s32 path, s32 len,
			  s32 oflags, s64 base, s64 inh, s32 fdflags, s32 opened);
s32 wasmkm_wasi_path_readlink(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, s32 buf,
			      s32 buf_len, s32 bufused);
s32 wasmkm_wasi_path_remove_directory(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len);
s32 wasmkm_wasi_path_rename(struct wasmkm_ctx *ctx, s32 fd, s32 old_path, s32 old_len,
			    s32 new_fd, s32 new_path, s32 new_len);
s32 wasmkm_wasi_path_symlink(struct wasmkm_ctx *ctx, s32 old_path, s32 old_len, s32 fd,
			     s32 new_path, s32 new_len);
s32 wasmkm_wasi_path_unlink_file(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len);
s32 wasmkm_wasi_poll_oneoff(struct wasmkm_ctx *ctx, s32 in, s32 out, s32 nsubs, s32 nevents);
s32 wasmkm_wasi_proc_raise(struct wasmkm_ctx *ctx, s32 sig);
s32 wasmkm_wasi_sched_yield(struct wasmkm_ctx *ctx);
s32 wasmkm_wasi_sock_accept(struct wasmkm_ctx *ctx, s32 fd, s32 flags, s32 result);
s32 wasmkm_wasi_sock_recv(struct wasmkm_ctx *ctx, s32 fd, s32 ri_data, s32 ri_data_len,
			  s32 ri_flags, s32 ro_datalen, s32 ro_flags);
s32 wasmkm_wasi_sock_send(struct wasmkm_ctx *ctx, s32 fd, s32 si_data, s32 si_data_len,
			  s32 si_flags, s32 so_datalen);
s32 wasmkm_wasi_sock_shutdown(struct wasmkm_ctx *ctx, s32 fd, s32 how);
/* proc_exit never returns (same rule as wasmkm_trap). */
void wasmkm_wasi_proc_exit(struct wasmkm_ctx *ctx, s32 code);

#endif /* _WASMKM_RT_H */
