// SPDX-License-Identifier: GPL-2.0
/* wasmkm: kernel error codes as WASI errno values. */
#include <linux/errno.h>
#include <linux/types.h>

#include "wasi/errno.h"

s32 wasmkm_errno_to_wasi(int err)
{
	switch (-err) {
	case 0:
		return WASI_ESUCCESS;
	case E2BIG:
		return WASI_E2BIG;
	case EACCES:
		return WASI_EACCES;
	case EAGAIN:
		return WASI_EAGAIN;
	case EBADF:
		return WASI_EBADF;
	case EBUSY:
		return WASI_EBUSY;
	case EDQUOT:
		return WASI_EDQUOT;
	case EEXIST:
		return WASI_EEXIST;
	case EFAULT:
		return WASI_EFAULT;
	case EFBIG:
		return WASI_EFBIG;
	case EILSEQ:
		return WASI_EILSEQ;
	case EINTR:
	case ERESTARTSYS:
		return WASI_EINTR;
	case EINVAL:
		return WASI_EINVAL;
	case EISDIR:
		return WASI_EISDIR;
	case ELOOP:
		return WASI_ELOOP;
	case EMFILE:
		return WASI_EMFILE;
	case EMLINK:
		return WASI_EMLINK;
	case ENAMETOOLONG:
		return WASI_ENAMETOOLONG;
	case ENFILE:
		return WASI_ENFILE;
	case ENODEV:
		return WASI_ENODEV;
	case ENOENT:
		return WASI_ENOENT;
	case ENOMEM:
		return WASI_ENOMEM;
	case ENOSPC:
		return WASI_ENOSPC;
	case ENOTDIR:
		return WASI_ENOTDIR;
	case ENOTEMPTY:
		return WASI_ENOTEMPTY;
	case ENOTSOCK:
		return WASI_ENOTSOCK;
	case EOPNOTSUPP:
		return WASI_ENOTSUP;
	case ENOTTY:
		return WASI_ENOTTY;
	case ENXIO:
		return WASI_ENXIO;
	case EOVERFLOW:
		return WASI_EOVERFLOW;
	case EPERM:
		return WASI_EPERM;
	case EPIPE:
		return WASI_EPIPE;
	case ERANGE:
		return WASI_ERANGE;
	case EROFS:
		return WASI_EROFS;
	case ESPIPE:
		return WASI_ESPIPE;
	case ESTALE:
		return WASI_ESTALE;
	case ETIMEDOUT:
		return WASI_ETIMEDOUT;
	case ETXTBSY:
		return WASI_ETXTBSY;
	case EXDEV:
		return WASI_EXDEV;
	}
	return WASI_EIO;
}
