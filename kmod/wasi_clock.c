// SPDX-License-Identifier: GPL-2.0
/* wasmkm: WASI clock_res_get and clock_time_get. */
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include "compat.h"

#include "wasmkm.h"

bool wasmkm_clock_now(u32 clock, u64 *now)
{
	switch (clock) {
	case WASI_CLOCK_REALTIME:
		*now = ktime_get_real_ns();
		return true;
	case WASI_CLOCK_MONOTONIC:
		*now = ktime_get_ns();
		return true;
	case WASI_CLOCK_PROCESS_CPUTIME:
	case WASI_CLOCK_THREAD_CPUTIME:
		/* An instance is one thread: both are its run time. */
		*now = current->se.sum_exec_runtime;
		return true;
	}
	return false;
}

s32 wasmkm_wasi_clock_res_get(struct wasmkm_ctx *ctx, s32 clock, s32 res)
{
	u8 *p;
	s32 ret = WASI_EINVAL;

	wasmkm_fpu_leave(ctx);
	if ((u32)clock <= WASI_CLOCK_THREAD_CPUTIME) {
		p = wasmkm_mem_ptr(ctx, res, 8);
		ret = WASI_EFAULT;
		if (p) {
			put_unaligned_le64(1, p);
			ret = WASI_ESUCCESS;
		}
	}
	wasmkm_fpu_enter(ctx);
	return ret;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_clock_res_get);

s32 wasmkm_wasi_clock_time_get(struct wasmkm_ctx *ctx, s32 clock, s64 precision, s32 time)
{
	u64 now;
	u8 *p;
	s32 ret = WASI_EINVAL;

	wasmkm_fpu_leave(ctx);
	if (wasmkm_clock_now(clock, &now)) {
		p = wasmkm_mem_ptr(ctx, time, 8);
		ret = WASI_EFAULT;
		if (p) {
			put_unaligned_le64(now, p);
			ret = WASI_ESUCCESS;
		}
	}
	wasmkm_fpu_enter(ctx);
	return ret;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_clock_time_get);
