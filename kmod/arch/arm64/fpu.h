/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _WASMKM_ARCH_ARM64_FPU_H
#define _WASMKM_ARCH_ARM64_FPU_H

#include <asm/neon.h>

/* Disables preemption and softirqs on 6.1: nothing inside may sleep. */
static inline void wasmkm_arch_fpu_begin(void)
{
	kernel_neon_begin();
}

static inline void wasmkm_arch_fpu_end(void)
{
	kernel_neon_end();
}

#endif /* _WASMKM_ARCH_ARM64_FPU_H */
