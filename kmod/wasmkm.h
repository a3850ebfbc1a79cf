/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: the shared header of wasmkm.ko's files.  It holds what is
 * module-wide (limits, wasmkm_lock, the ioctl, verify and clock entry points)
 * and includes the per-object headers, each of which says what protects
 * every field of its struct and which lock each of its functions requires:
 *
 *   app.h      an app record and its grants     (registry.c, caps.c)
 *   user.h     per-user counts and limits       (users.c)
 *   inst.h     an instance and what it owns     (instance.c, memory.c, log.c, ...)
 *   restart.h  restart policies                 (restart.c)
 *   runner.h   an instance's thread, helper entry/exit (runner.c)
 *
 * Documentation/architecture.md has the picture.  Object headers include
 * kernel and uapi headers and each other (inst.h includes restart.h,
 * runner.h inst.h), never this file.  A function that requires a lock held
 * says so next to its declaration and asserts it (lockdep_assert_held()).
 * Every file of the module that prints defines
 *	#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
 * before its first include.
 */
#ifndef _WASMKM_INTERNAL_H
#define _WASMKM_INTERNAL_H

#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/wasmkm.h>
#include <linux/wasmkm_object.h>
#include <wasmkm/rt.h>

#include "compat.h"
#include "wasi/errno.h"

/*
 * Largest ioctl struct (or list entry) the module reads or writes: a fixed
 * bound, not PAGE_SIZE, so that the ABI is the same on 4K, 16K (Raspberry
 * Pi 5) and 64K page kernels.
 */
#define WASMKM_ARG_SIZE_MAX	4096

/*
 * Bytes of the 16 KiB kernel stack kept below the lowest wasm frame: room
 * for that frame's locals (aotc caps generated frames at 2 KiB), a helper
 * (WASI calls, vmalloc, printk, the scheduler) and interrupts taken on the
 * task stack.  Generated code traps with "call stack exhausted" when a frame
 * would go below stack page + this reserve.  Measured margin: see
 * Documentation/limits.md (module parameter stack_min_free).
 */
#define WASMKM_STACK_RESERVE	(6 * 1024)

/* Open WASI descriptors per instance, preopens and standard streams included. */
#define WASMKM_FD_MAX		1024

extern unsigned int wasmkm_mem_max_default;
extern bool wasmkm_mirror_printk;
/*
 * wasmkm_lock protects the app and instance idrs, every app record, the
 * per-user counts and the life-cycle fields of instances (see the notes in
 * the structs of the object headers).  Never held while waiting for an instance's thread.
 */
extern struct mutex wasmkm_lock;

struct file;
/* ioctl.c */
long wasmkm_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/* wasi/clock.c: nanoseconds on a WASI clock; false if the clock id is unknown. */
bool wasmkm_clock_now(u32 clock, u64 *now);

/* verify.c */
int wasmkm_verify_object(const u8 *buf, size_t len, const struct wasmkm_desc **desc,
			 size_t *desc_len, char *error);

/* wasi/path.c */
struct kstat;
struct path;
void wasmkm_put_filestat(u8 *p, const struct kstat *st);
s32 wasmkm_set_times(const struct path *path, u64 atim, u64 mtim, u32 fstflags);

#include "app.h"
#include "user.h"
#include "restart.h"
#include "inst.h"
#include "runner.h"

#endif /* _WASMKM_INTERNAL_H */
