/* SPDX-License-Identifier: GPL-2.0 */
/* wasmkm: resolving WASI paths beneath a directory descriptor (wasi/lookup.c). */
#ifndef _WASMKM_WASI_LOOKUP_H
#define _WASMKM_WASI_LOOKUP_H

#include <linux/fs.h>
#include <linux/path.h>

#include "wasi/fd.h"
#include "wasmkm.h"

/*
 * The rights model (Documentation/capabilities.md): a directory descriptor
 * carries directory rights only; its inheriting rights bound what a
 * descriptor opened beneath it gets, a directory's share of them being
 * directory rights and a file's file rights.  The two sets are those
 * wasmtime gives a preopen, plus path_filestat_set_size, which the spec
 * asks path_open to check for oflags::trunc.
 */
#define WASMKM_RIGHTS_DIR	(WASI_RIGHT_PATH_CREATE_DIRECTORY | WASI_RIGHT_PATH_CREATE_FILE | \
				 WASI_RIGHT_PATH_LINK_SOURCE | WASI_RIGHT_PATH_LINK_TARGET |	\
				 WASI_RIGHT_PATH_OPEN | WASI_RIGHT_FD_READDIR |			\
				 WASI_RIGHT_PATH_READLINK | WASI_RIGHT_PATH_RENAME_SOURCE |	\
				 WASI_RIGHT_PATH_RENAME_TARGET | WASI_RIGHT_PATH_FILESTAT_GET |	\
				 WASI_RIGHT_PATH_FILESTAT_SET_SIZE |				\
				 WASI_RIGHT_PATH_FILESTAT_SET_TIMES |				\
				 WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_FD_FILESTAT_SET_TIMES |	\
				 WASI_RIGHT_PATH_SYMLINK | WASI_RIGHT_PATH_REMOVE_DIRECTORY |	\
				 WASI_RIGHT_PATH_UNLINK_FILE)
#define WASMKM_RIGHTS_FILE	(WASI_RIGHT_FD_DATASYNC | WASI_RIGHT_FD_READ | WASI_RIGHT_FD_SEEK | \
				 WASI_RIGHT_FD_FDSTAT_SET_FLAGS | WASI_RIGHT_FD_SYNC |		\
				 WASI_RIGHT_FD_TELL | WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ADVISE | \
				 WASI_RIGHT_FD_ALLOCATE | WASI_RIGHT_FD_FILESTAT_GET |		\
				 WASI_RIGHT_FD_FILESTAT_SET_SIZE |				\
				 WASI_RIGHT_FD_FILESTAT_SET_TIMES | WASI_RIGHT_POLL_FD_READWRITE)
/* Asked of a directory: EBADF.  Of a file: ENOTDIR (EBADF for readdir). */
#define WASMKM_RIGHTS_FILE_ONLY	(WASMKM_RIGHTS_FILE & ~WASMKM_RIGHTS_DIR)
#define WASMKM_RIGHTS_DIR_ONLY	(WASMKM_RIGHTS_DIR & ~WASMKM_RIGHTS_FILE)

/* A parent directory and the last component of a path, resolved beneath a root. */
struct wasmkm_lookup {
	const struct path *root;
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
int wasmkm_lookup_path(const struct path *root, const char *path, bool follow,
		       struct path *out);
struct file *wasmkm_open_path(const struct path *p, int flags);
struct file *wasmkm_create_beneath(const struct path *root, const char *path, int flags,
				   bool follow);
s32 wasmkm_parent_at(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, u64 right,
		     struct wasmkm_lookup *lk);
s32 wasmkm_resolve_at(struct wasmkm_ctx *ctx, s32 fd, s32 path, s32 len, u64 right,
		      bool write, bool follow, struct path *out);

#endif /* _WASMKM_WASI_LOOKUP_H */
