// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: copying app-supplied structures out of linear memory once (the
 * rule is in app_mem.h and Documentation/wasi-helpers.md).  Copies are
 * bounded and charged to the loader's memory cgroup.
 */
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "compat.h"

#include "app_mem.h"
#include "wasmkm.h"

#define WASMKM_APP_GFP	(GFP_KERNEL_ACCOUNT | __GFP_NOWARN)

s32 wasmkm_app_check(struct wasmkm_ctx *ctx, s32 off, u64 len)
{
	return wasmkm_mem_ptr(ctx, off, len) ? WASI_ESUCCESS : WASI_EFAULT;
}

s32 wasmkm_app_read(struct wasmkm_ctx *ctx, s32 off, void *dst, u32 len)
{
	const void *src = wasmkm_mem_ptr(ctx, off, len);

	if (!src)
		return WASI_EFAULT;
	memcpy(dst, src, len);
	return WASI_ESUCCESS;
}

s32 wasmkm_app_write(struct wasmkm_ctx *ctx, s32 off, const void *src, u32 len)
{
	void *dst = wasmkm_mem_ptr(ctx, off, len);

	if (!dst)
		return WASI_EFAULT;
	memcpy(dst, src, len);
	return WASI_ESUCCESS;
}

s32 wasmkm_app_put_u32(struct wasmkm_ctx *ctx, s32 off, u32 v)
{
	__le32 le = cpu_to_le32(v);

	return wasmkm_app_write(ctx, off, &le, sizeof(le));
}

s32 wasmkm_app_put_u64(struct wasmkm_ctx *ctx, s32 off, u64 v)
{
	__le64 le = cpu_to_le64(v);

	return wasmkm_app_write(ctx, off, &le, sizeof(le));
}

void *wasmkm_app_array(struct wasmkm_ctx *ctx, s32 off, s32 n, u32 size, u32 max, s32 *err)
{
	const void *src;
	void *copy;

	if (n < 0 || n > max) {
		*err = WASI_EINVAL;
		return NULL;
	}
	src = wasmkm_mem_ptr(ctx, off, (u64)n * size);
	if (!src) {
		*err = WASI_EFAULT;
		return NULL;
	}
	copy = kvmalloc_array(max_t(u32, n, 1), size, WASMKM_APP_GFP);
	if (!copy) {
		*err = WASI_ENOMEM;
		return NULL;
	}
	memcpy(copy, src, (size_t)n * size);
	*err = WASI_ESUCCESS;
	return copy;
}

s32 wasmkm_app_iovs(struct wasmkm_ctx *ctx, s32 iovs, s32 n, struct wasmkm_iovs **out)
{
	struct wasmkm_iovs *v;
	const u8 *src;
	u64 total = 0;
	u32 i;

	*out = NULL;
	if (n < 0 || n > WASMKM_IOV_MAX)
		return WASI_EINVAL;
	src = wasmkm_mem_ptr(ctx, iovs, (u64)n * WASI_IOVEC_SIZE);
	if (!src)
		return WASI_EFAULT;
	v = kmalloc(struct_size(v, v, n), WASMKM_APP_GFP);
	if (!v)
		return WASI_ENOMEM;
	/* The one read of the array; from here on only the copy counts. */
	for (i = 0; i < n; i++) {
		v->v[i].base = get_unaligned_le32(src + i * WASI_IOVEC_SIZE);
		v->v[i].len = get_unaligned_le32(src + i * WASI_IOVEC_SIZE + 4);
	}
	v->n = n;
	for (i = 0; i < n; i++) {
		if (!wasmkm_mem_ptr(ctx, v->v[i].base, v->v[i].len)) {
			kfree(v);
			return WASI_EFAULT;
		}
		total += v->v[i].len;
		if (!(i % 64))
			cond_resched();
	}
	if (total > S32_MAX) {
		kfree(v);
		return WASI_EINVAL;
	}
	v->total = total;
	*out = v;
	return WASI_ESUCCESS;
}

char *wasmkm_app_path(struct wasmkm_ctx *ctx, s32 path, s32 len, s32 *err)
{
	const char *src = wasmkm_mem_ptr(ctx, path, (u32)len);
	char *p;

	if (!src) {
		*err = WASI_EFAULT;
		return NULL;
	}
	if ((u32)len >= PATH_MAX) {
		*err = WASI_ENAMETOOLONG;
		return NULL;
	}
	p = kmalloc((u32)len + 1, WASMKM_APP_GFP);
	if (!p) {
		*err = WASI_ENOMEM;
		return NULL;
	}
	memcpy(p, src, len);
	p[len] = 0;
	/* Checked on the copy: a NUL inside would cut the path short. */
	if (strlen(p) != (u32)len) {
		kfree(p);
		*err = WASI_EILSEQ;
		return NULL;
	}
	*err = WASI_ESUCCESS;
	return p;
}
