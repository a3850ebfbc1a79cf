// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: an instance's WASI descriptor table.  0, 1 and 2 are the standard
 * streams (stdin reads EOF, stdout and stderr append to the log), then one
 * preopened descriptor per grant, in grant order, as WASI programs expect
 * (a file-system grant's is its directory).  Each slot is a descriptor
 * object (wasi/fd.h) that its type's ops act on.  Only the instance's own
 * thread touches the table, so it needs no lock; it is emptied when the
 * thread ends.
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/stat.h>

#include "caps.h"
#include "wasi/fd.h"
#include "wasi/lookup.h"
#include "wasmkm.h"

#define WASMKM_RIGHTS_LOG	(WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_FILESTAT_GET | \
				 WASI_RIGHT_POLL_FD_READWRITE)
#define WASMKM_RIGHTS_STDIN	(WASI_RIGHT_FD_READ | WASI_RIGHT_FD_FILESTAT_GET | \
				 WASI_RIGHT_POLL_FD_READWRITE)

u8 wasmkm_filetype(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return WASI_FILETYPE_REGULAR_FILE;
	case S_IFDIR:
		return WASI_FILETYPE_DIRECTORY;
	case S_IFLNK:
		return WASI_FILETYPE_SYMBOLIC_LINK;
	case S_IFCHR:
		return WASI_FILETYPE_CHARACTER_DEVICE;
	case S_IFBLK:
		return WASI_FILETYPE_BLOCK_DEVICE;
	case S_IFSOCK:
		return WASI_FILETYPE_SOCKET_STREAM;
	}
	return WASI_FILETYPE_UNKNOWN;
}

/* Make room for descriptor @fd. */
static int wasmkm_fds_grow(struct wasmkm_inst *inst, u32 n)
{
	struct wasmkm_fd *fds;

	if (n <= inst->nfds)
		return 0;
	if (n > WASMKM_FD_MAX)
		return -EMFILE;
	n = min_t(u32, max(n, 2 * inst->nfds), WASMKM_FD_MAX);
	fds = krealloc_array(inst->fds, n, sizeof(*fds), GFP_KERNEL | __GFP_ZERO);
	if (!fds)
		return -ENOMEM;
	memset(fds + inst->nfds, 0, (n - inst->nfds) * sizeof(*fds));
	inst->fds = fds;
	inst->nfds = n;
	return 0;
}

int wasmkm_fds_init(struct wasmkm_inst *inst)
{
	struct wasmkm_app *app = inst->app;
	u32 i;
	int ret;

	ret = wasmkm_fds_grow(inst, 3 + app->ngrants);
	if (ret)
		return ret;
	inst->fds[0] = (struct wasmkm_fd){ .ops = &wasmkm_fd_stdin_ops, .grant = -1,
					   .rights = WASMKM_RIGHTS_STDIN };
	for (i = 1; i <= 2; i++)
		inst->fds[i] = (struct wasmkm_fd){ .ops = &wasmkm_fd_log_ops, .grant = -1,
						   .rights = WASMKM_RIGHTS_LOG,
						   .fdflags = WASI_FDFLAG_APPEND,
						   .priv = (void *)(uintptr_t)i };
	/* Each grant's type fills its descriptor (caps.c); a failure ends the start. */
	for (i = 0; i < app->ngrants; i++) {
		struct wasmkm_grant *g = &app->grants[i];
		struct wasmkm_fd *f = &inst->fds[3 + i];

		*f = (struct wasmkm_fd){ .grant = i };
		ret = g->type->preopen(inst, g, f);
		if (ret) {
			memset(f, 0, sizeof(*f));
			return ret;
		}
	}
	return 0;
}

void wasmkm_fd_free(struct wasmkm_fd *f)
{
	if (f->ops && f->ops->release)
		f->ops->release(f);
	memset(f, 0, sizeof(*f));
}

void wasmkm_fds_close(struct wasmkm_inst *inst)
{
	u32 i;

	for (i = 0; i < inst->nfds; i++)
		wasmkm_fd_free(&inst->fds[i]);
	kfree(inst->fds);
	inst->fds = NULL;
	inst->nfds = 0;
}

/*
 * The open descriptor @fd if it has every right in @rights; else NULL and
 * *err = EBADF (not open) or ENOTCAPABLE (a right is missing).  An
 * operation of the wrong kind is told by the kind first, as wasmtime does:
 * a file operation (read, write, seek, ...) on a directory is EBADF, a
 * path operation on anything else ENOTDIR (fd_readdir EBADF).
 */
struct wasmkm_fd *wasmkm_fd_get(struct wasmkm_inst *inst, s32 fd, u64 rights, s32 *err)
{
	struct wasmkm_fd *f;

	if (fd < 0 || fd >= inst->nfds || !inst->fds[fd].ops) {
		*err = WASI_EBADF;
		return NULL;
	}
	f = &inst->fds[fd];
	if (wasmkm_fd_is_dir(f) && (rights & WASMKM_RIGHTS_FILE_ONLY)) {
		*err = WASI_EBADF;
		return NULL;
	}
	if (!wasmkm_fd_is_dir(f) && (rights & WASMKM_RIGHTS_DIR_ONLY)) {
		*err = rights & WASI_RIGHT_FD_READDIR ? WASI_EBADF : WASI_ENOTDIR;
		return NULL;
	}
	if ((f->rights & rights) != rights) {
		*err = WASI_ENOTCAPABLE;
		return NULL;
	}
	return f;
}

/* The lowest free descriptor number. */
int wasmkm_fd_alloc(struct wasmkm_inst *inst, s32 *fd)
{
	u32 i;
	int ret;

	for (i = 0; i < inst->nfds; i++)
		if (!inst->fds[i].ops)
			break;
	ret = wasmkm_fds_grow(inst, i + 1);
	if (ret)
		return ret;
	*fd = i;
	return 0;
}
