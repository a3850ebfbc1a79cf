/* SPDX-License-Identifier: GPL-2.0 */
/* wasmkm: resolving WASI paths beneath a directory descriptor (wasi_lookup.c). */
#ifndef _WASMKM_WASI_LOOKUP_H
#define _WASMKM_WASI_LOOKUP_H

#include <linux/fs.h>
#include <linux/path.h>

#include "wasmkm.h"

/* A parent directory and the last component of a path, resolved beneath a root. */
struct wasmkm_lookup {
	struct filename *name;
	struct path parent;
	struct qstr last;
	int type;
	bool trailing_slash;
	struct dentry *dentry;	/* set by wasmkm_lookup_lock() */
};

char *wasmkm_path_get(struct wasmkm_ctx *ctx, s32 path, s32 len, s32 *err);
struct wasmkm_fd *wasmkm_dir_get(struct wasmkm_inst *inst, s32 fd, u64 rights, bool write,
				 s32 *err);
int wasmkm_lookup_parent(const struct path *root, const char *path, struct wasmkm_lookup *lk);
int wasmkm_lookup_lock(struct wasmkm_lookup *lk, unsigned int flags);
void wasmkm_lookup_done(struct wasmkm_lookup *lk);
int wasmkm_lookup_path(struct wasmkm_fd *dir, const char *path, bool follow, struct path *out);
s32 wasmkm_parent_at(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, u64 right,
		     struct wasmkm_lookup *lk);
s32 wasmkm_resolve_at(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, u64 right,
		      bool write, bool follow, struct path *out);

#endif /* _WASMKM_WASI_LOOKUP_H */
