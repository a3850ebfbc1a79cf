/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _WASMKM_ARCH_X86_FPU_H
#define _WASMKM_ARCH_X86_FPU_H

#include <asm/fpu/api.h>

static inline void wasmkm_arch_fpu_begin(void)
{
	kernel_fpu_begin();
}

static inline void wasmkm_arch_fpu_end(void)
{
	kernel_fpu_end();
}

#endif /* _WASMKM_ARCH_X86_FPU_H */
