/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm on x86-64: everything arch-specific in one place.  Traps need no
 * arch code (the thread ends, see runner.c); what remains is the ELF
 * machine of app objects and the FPU section that all wasm code runs in.
 */
#ifndef _WASMKM_ARCH_X86_H
#define _WASMKM_ARCH_X86_H

#include <linux/elf-em.h>
#include <asm/fpu/api.h>

#define WASMKM_ARCH_EM		EM_X86_64

/*
 * Nothing to keep across a yield: the x86-64 ABI makes every XMM register
 * caller-saved, so generated code holds no FP value across its calls into
 * wasmkm.ko.
 */
struct wasmkm_arch_fpu {
};

/*
 * Disables preemption: wasm code yields at its yield points (see
 * wasmkm_tick()), and helpers that may sleep leave the section first.
 * kernel_fpu_begin() also loads the default MXCSR (round to nearest).
 */
static inline void wasmkm_arch_fpu_begin(struct wasmkm_arch_fpu *fpu)
{
	kernel_fpu_begin();
}

static inline void wasmkm_arch_fpu_end(struct wasmkm_arch_fpu *fpu)
{
	kernel_fpu_end();
}

#endif /* _WASMKM_ARCH_X86_H */
