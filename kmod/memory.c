// SPDX-License-Identifier: GPL-2.0
/* wasmkm: linear memory and bounds-checked access from helpers. */
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
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

/*
 * Linear memory is a list of zeroed pages mapped contiguously with vmap().
 * memory.grow allocates only the new pages and maps the whole list again at
 * a new address: the contents are never copied.  (A module cannot reserve
 * kernel virtual space and map pages into it later, get_vm_area() and
 * vmap_pages_range() are not exported, so the mapping is rebuilt; that is
 * one page-table entry per page, about a thousandth of copying the page.)
 * See Documentation/performance.md.
 */

/* Pointer to [off, off + len) of linear memory, or NULL if out of bounds. */
void *wasmkm_mem_ptr(struct wasmkm_ctx *ctx, u32 off, u64 len)
{
	if ((u64)off > ctx->mem_size || len > ctx->mem_size - off)
		return NULL;
	return ctx->mem + off;
}

/* Room for @n page pointers, growing the array geometrically. */
static int wasmkm_mem_reserve(struct wasmkm_inst *inst, unsigned long n)
{
	unsigned long cap = max(n, 2 * inst->mem_pages_cap);
	struct page **pages;

	if (n <= inst->mem_pages_cap)
		return 0;
	cap = min(cap, (unsigned long)(inst->app->mem_max_pages * (WASMKM_PAGE_SIZE >> PAGE_SHIFT)));
	cap = max(cap, n);
	pages = kvmalloc_array(cap, sizeof(*pages), WASMKM_MEM_GFP);
	if (!pages)
		return -ENOMEM;
	if (inst->mem_npages)
		memcpy(pages, inst->mem_pages, inst->mem_npages * sizeof(*pages));
	kvfree(inst->mem_pages);
	inst->mem_pages = pages;
	inst->mem_pages_cap = cap;
	return 0;
}

static void wasmkm_mem_put_pages(struct page **pages, unsigned long from, unsigned long to)
{
	while (to > from) {
		__free_page(pages[--to]);
		if (!(to & 255))
			cond_resched();
	}
}

/* Make linear memory @bytes long (more than today); 0 or -ENOMEM (unchanged). */
static int wasmkm_mem_resize(struct wasmkm_inst *inst, u64 bytes)
{
	unsigned long old = inst->mem_npages, n = bytes >> PAGE_SHIFT, i;
	void *mem;

	if (wasmkm_mem_reserve(inst, n))
		return -ENOMEM;
	for (i = old; i < n; i++) {
		inst->mem_pages[i] = alloc_page(WASMKM_MEM_GFP | __GFP_ZERO);
		if (!inst->mem_pages[i])
			goto fail;
		if (!(i & 255))
			cond_resched();
	}
	mem = vmap(inst->mem_pages, n, VM_MAP, PAGE_KERNEL);
	if (!mem)
		goto fail;
	if (inst->ctx.mem)
		vunmap(inst->ctx.mem);
	inst->ctx.mem = mem;
	inst->ctx.mem_size = bytes;
	inst->mem_npages = n;
	WRITE_ONCE(inst->mem_bytes, bytes);
	return 0;
fail:
	wasmkm_mem_put_pages(inst->mem_pages, old, i);
	return -ENOMEM;
}

int wasmkm_mem_init(struct wasmkm_inst *inst, u32 pages)
{
	if (!pages)
		return 0;
	return wasmkm_mem_resize(inst, (u64)pages * WASMKM_PAGE_SIZE);
}

/* Unmap and free linear memory (process context: vunmap() sleeps). */
void wasmkm_mem_free(struct wasmkm_inst *inst)
{
	if (inst->ctx.mem)
		vunmap(inst->ctx.mem);
	wasmkm_mem_put_pages(inst->mem_pages, 0, inst->mem_npages);
	kvfree(inst->mem_pages);
	inst->mem_pages = NULL;
	inst->mem_npages = 0;
	inst->mem_pages_cap = 0;
	inst->ctx.mem = NULL;
	inst->ctx.mem_size = 0;
	WRITE_ONCE(inst->mem_bytes, 0);
}

s32 wasmkm_memory_grow(struct wasmkm_ctx *ctx, u32 delta_pages)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u64 old_pages = ctx->mem_size / WASMKM_PAGE_SIZE;
	u64 new_pages = old_pages + delta_pages;
	int ret;

	if (!delta_pages)
		return old_pages;
	if (new_pages > inst->app->mem_max_pages || new_pages > 65536) {
		trace_wasmkm_mem_grow(inst, old_pages, min_t(u64, new_pages, U32_MAX), 0);
		return -1;
	}
	wasmkm_fpu_leave(ctx);
	ret = wasmkm_mem_resize(inst, new_pages * WASMKM_PAGE_SIZE);
	trace_wasmkm_mem_grow(inst, old_pages, new_pages, !ret);
	wasmkm_fpu_enter(ctx);
	return ret ? -1 : (s32)old_pages;
}
EXPORT_SYMBOL_GPL(wasmkm_memory_grow);
