/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: the one form of a linear-memory access in aotc's generated code.
 * Every scalar and v128 load and store is a block
 *
 *   { u64 ea_ = ADDR; if (WASMKM_EA_OOB(ea_, SIZE)) goto trap_mem_oob; ... mem + ea_ ... }
 *
 * where ADDR is the 64-bit sum of the 32-bit address and the memarg offset
 * (< 2^33: it cannot wrap), with one of two forms of the test:
 *
 *   WASMKM_EA_OOB(ea, size)  checked: true when [ea, ea + size) is not
 *       inside the memory.  mem_size <= 2^32, so the signed comparison
 *       cannot overflow, and mem_size - size is loop-invariant (one hoisted
 *       register per size).
 *   WASMKM_EA_PROVED(ea, size)  unchecked, a statement that does nothing:
 *       aotc proved the access in bounds (a merged test at the start of its
 *       straight-line region, aotc/analysis/bounds.h); only that analysis
 *       may choose this form.
 *
 * Both read the function's local mem_size (reloaded after every call and
 * memory.grow).
 */
#ifndef _WASMKM_MEM_H
#define _WASMKM_MEM_H

#define WASMKM_EA_OOB(ea, size) unlikely((s64)(ea) > (s64)mem_size - (size))

#define WASMKM_EA_PROVED(ea, size) do { } while (0)

#endif /* _WASMKM_MEM_H */
