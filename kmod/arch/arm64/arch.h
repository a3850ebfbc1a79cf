/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm on arm64: everything arch-specific in one place.  Traps need no
 * arch code (the thread ends, see runner.c); what remains is the ELF
 * machine of app objects and the FP/SIMD section that all wasm code runs
 * in.  App code is built without -mgeneral-regs-only (aotc), so it may use
 * the FP and NEON registers, but only between these two calls.
 */
#ifndef _WASMKM_ARCH_ARM64_H
#define _WASMKM_ARCH_ARM64_H

#include <linux/elf-em.h>
#include <linux/types.h>
#include <asm/neon.h>

#define WASMKM_ARCH_EM		EM_AARCH64

/*
 * What an instance keeps of the FP registers while it is out of its
 * section (at a yield, in a helper).  AAPCS64 makes d8-d15 callee-saved:
 * generated code keeps live values there across its calls into wasmkm.ko,
 * but kernel_neon_end() hands the registers to whoever runs next, and
 * kernel_neon_begin() gives them back unrestored.  x86-64 has no such
 * registers (all XMM registers are caller-saved).
 */
struct wasmkm_arch_fpu {
	u64 d8_d15[8];
};

/*
 * Disables preemption (and softirqs on 6.1): nothing inside may sleep.  The
 * same yield-point rules as on x86-64 apply: wasm code leaves the section
 * at its yield points when a reschedule is due, helpers that may sleep
 * leave it first.  FPCR is whatever the last user task left: set the wasm
 * mode (round to nearest, no flush to zero, no default NaN, no traps).
 */
static inline void wasmkm_arch_fpu_begin(struct wasmkm_arch_fpu *fpu)
{
	kernel_neon_begin();
	asm volatile("ldp	d8, d9, [%0]\n\t"
		     "ldp	d10, d11, [%0, #16]\n\t"
		     "ldp	d12, d13, [%0, #32]\n\t"
		     "ldp	d14, d15, [%0, #48]\n\t"
		     "msr	fpcr, xzr"
		     : : "r" (fpu->d8_d15) : "memory");
}

static inline void wasmkm_arch_fpu_end(struct wasmkm_arch_fpu *fpu)
{
	asm volatile("stp	d8, d9, [%0]\n\t"
		     "stp	d10, d11, [%0, #16]\n\t"
		     "stp	d12, d13, [%0, #32]\n\t"
		     "stp	d14, d15, [%0, #48]"
		     : : "r" (fpu->d8_d15) : "memory");
	kernel_neon_end();
}

#endif /* _WASMKM_ARCH_ARM64_H */
