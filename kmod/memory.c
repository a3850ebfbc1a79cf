// SPDX-License-Identifier: GPL-2.0
/* wasmkm: linear memory and bounds-checked access from helpers. */
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "wasmkm.h"

/*
 * Linear memory is charged to the loader's memory cgroup, and an allocation
 * that cannot be satisfied fails (memory.grow returns -1) instead of waking
 * the OOM killer or printing an allocation failure: a memory bomb is the
 * app's problem, not the machine's.
 */
#define WASMKM_MEM_GFP	(GFP_KERNEL_ACCOUNT | __GFP_RETRY_MAYFAIL | __GFP_NOWARN)

/* Pointer to [off, off + len) of linear memory, or NULL if out of bounds. */
void *wasmkm_mem_ptr(struct wasmkm_ctx *ctx, u32 off, u64 len)
{
	if ((u64)off > ctx->mem_size || len > ctx->mem_size - off)
		return NULL;
	return ctx->mem + off;
}

int wasmkm_mem_init(struct wasmkm_inst *inst, u32 pages)
{
	u64 size = (u64)pages * WASMKM_PAGE_SIZE;

	if (!size)
		return 0;
	inst->ctx.mem = __vmalloc(size, WASMKM_MEM_GFP | __GFP_ZERO);
	if (!inst->ctx.mem)
		return -ENOMEM;
	inst->ctx.mem_size = size;
	inst->mem_bytes = size;
	return 0;
}

/*
 * Copy @len bytes from @src to @dst, or zero them if @src is NULL, in 1 MiB
 * steps with a chance to reschedule between them: growing a memory of up to
 * 4 GiB must not hold the CPU for the whole copy.
 */
static void wasmkm_mem_copy(u8 *dst, const u8 *src, u64 len)
{
	while (len) {
		size_t n = min_t(u64, len, SZ_1M);

		if (src) {
			memcpy(dst, src, n);
			src += n;
		} else {
			memset(dst, 0, n);
		}
		dst += n;
		len -= n;
		cond_resched();
	}
}

s32 wasmkm_memory_grow(struct wasmkm_ctx *ctx, u32 delta_pages)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u64 old_pages = ctx->mem_size / WASMKM_PAGE_SIZE;
	u64 new_pages = old_pages + delta_pages;
	u8 *mem;

	if (!delta_pages)
		return old_pages;
	if (new_pages > inst->app->mem_max_pages || new_pages > 65536)
		return -1;
	wasmkm_fpu_leave(ctx);
	mem = __vmalloc(new_pages * WASMKM_PAGE_SIZE, WASMKM_MEM_GFP);
	if (mem) {
		wasmkm_mem_copy(mem, ctx->mem, ctx->mem_size);
		wasmkm_mem_copy(mem + ctx->mem_size, NULL,
				(new_pages - old_pages) * WASMKM_PAGE_SIZE);
		vfree(ctx->mem);
		ctx->mem = mem;
		ctx->mem_size = new_pages * WASMKM_PAGE_SIZE;
		WRITE_ONCE(inst->mem_bytes, ctx->mem_size);
	}
	wasmkm_fpu_enter(ctx);
	return mem ? (s32)old_pages : -1;
}
EXPORT_SYMBOL_GPL(wasmkm_memory_grow);
