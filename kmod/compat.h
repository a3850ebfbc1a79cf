/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: the kernel API differences wasmkm.ko meets, one named helper each,
 * so that the logic stays free of version checks.
 */
#ifndef _WASMKM_COMPAT_H
#define _WASMKM_COMPAT_H

#include <linux/fs.h>
#include <linux/mount.h>

/*
 * The VFS calls take the mount's id mapping: a struct user_namespace
 * before 6.3, a struct mnt_idmap since (Kbuild detects which, so that
 * backports are followed too).
 */
#ifdef WASMKM_HAVE_MNT_IDMAP
#define wasmkm_mnt_map(mnt)	mnt_idmap(mnt)
#define WASMKM_RENAME_MAPS(rd, old_map, new_map)			\
	do {								\
		(rd)->old_mnt_idmap = (old_map);			\
		(rd)->new_mnt_idmap = (new_map);			\
	} while (0)
#else
#define wasmkm_mnt_map(mnt)	mnt_user_ns(mnt)
#define WASMKM_RENAME_MAPS(rd, old_map, new_map)			\
	do {								\
		(rd)->old_mnt_userns = (old_map);			\
		(rd)->new_mnt_userns = (new_map);			\
	} while (0)
#endif

#endif /* _WASMKM_COMPAT_H */
