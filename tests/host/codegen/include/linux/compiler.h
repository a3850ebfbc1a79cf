/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for the kernel's linux/compiler.h (host codegen tests). */
#ifndef _SHIM_LINUX_COMPILER_H
#define _SHIM_LINUX_COMPILER_H
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define __maybe_unused __attribute__((__unused__))
#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif
#define __aligned(x) __attribute__((__aligned__(x)))
#define __cold __attribute__((__cold__))
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#endif
