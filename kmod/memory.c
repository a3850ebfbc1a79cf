// SPDX-License-Identifier: GPL-2.0
/* wasmkm: linear memory and bounds-checked access from helpers. */
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "wasmkm.h"

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
	inst->ctx.mem = __vmalloc(size, GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
	if (!inst->ctx.mem)
		return -ENOMEM;
	inst->ctx.mem_size = size;
	inst->mem_bytes = size;
	return 0;
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
	mem = __vmalloc(new_pages * WASMKM_PAGE_SIZE, GFP_KERNEL | __GFP_NOWARN);
	if (mem) {
		if (ctx->mem_size)
			memcpy(mem, ctx->mem, ctx->mem_size);
		memset(mem + ctx->mem_size, 0, (new_pages - old_pages) * WASMKM_PAGE_SIZE);
		vfree(ctx->mem);
		ctx->mem = mem;
		ctx->mem_size = new_pages * WASMKM_PAGE_SIZE;
		WRITE_ONCE(inst->mem_bytes, ctx->mem_size);
	}
	wasmkm_fpu_enter(ctx);
	return mem ? (s32)old_pages : -1;
}
EXPORT_SYMBOL_GPL(wasmkm_memory_grow);
