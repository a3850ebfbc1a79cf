// SPDX-License-Identifier: GPL-2.0
/* wasmkm: WASI clock_res_get and clock_time_get. */
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include "compat.h"

#include "app_mem.h"
#include "wasi/entry.h"
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

s32 wasmkm_do_clock_res_get(struct wasmkm_ctx *ctx, s32 clock, s32 res)
{
	if ((u32)clock > WASI_CLOCK_THREAD_CPUTIME)
		return WASI_EINVAL;
	return wasmkm_app_put_u64(ctx, res, 1);
}

s32 wasmkm_do_clock_time_get(struct wasmkm_ctx *ctx, s32 clock, s64 precision, s32 time)
{
	u64 now;

	if (!wasmkm_clock_now(clock, &now))
		return WASI_EINVAL;
	return wasmkm_app_put_u64(ctx, time, now);
}
