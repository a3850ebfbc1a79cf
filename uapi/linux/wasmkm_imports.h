/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * wasmkm: the host functions an app may import, as one X-macro list that
 * wasmkm.ko (verification) and aotc (import check and code generation) both
 * expand, so that they cannot disagree.
 *
 * WASMKM_IMPORT(module, name, signature): the import "module"."name" with
 * wasm type signature params ':' results (i = i32, I = i64), provided by the
 * kernel function wasmkm_wasi_<name> (see kmod/include/wasmkm/rt.h).
 */
#ifndef _UAPI_LINUX_WASMKM_IMPORTS_H
#define _UAPI_LINUX_WASMKM_IMPORTS_H

#define WASMKM_WASI_MODULE "wasi_snapshot_preview1"

#define WASMKM_IMPORTS(X)						\
	X(WASMKM_WASI_MODULE, args_get, "ii:i")				\
	X(WASMKM_WASI_MODULE, args_sizes_get, "ii:i")			\
	X(WASMKM_WASI_MODULE, environ_get, "ii:i")			\
	X(WASMKM_WASI_MODULE, environ_sizes_get, "ii:i")		\
	X(WASMKM_WASI_MODULE, clock_res_get, "ii:i")			\
	X(WASMKM_WASI_MODULE, clock_time_get, "iIi:i")			\
	X(WASMKM_WASI_MODULE, random_get, "ii:i")			\
	X(WASMKM_WASI_MODULE, fd_advise, "iIIi:i")			\
	X(WASMKM_WASI_MODULE, fd_allocate, "iII:i")			\
	X(WASMKM_WASI_MODULE, fd_close, "i:i")				\
	X(WASMKM_WASI_MODULE, fd_datasync, "i:i")			\
	X(WASMKM_WASI_MODULE, fd_fdstat_get, "ii:i")			\
	X(WASMKM_WASI_MODULE, fd_fdstat_set_flags, "ii:i")		\
	X(WASMKM_WASI_MODULE, fd_fdstat_set_rights, "iII:i")		\
	X(WASMKM_WASI_MODULE, fd_filestat_get, "ii:i")			\
	X(WASMKM_WASI_MODULE, fd_filestat_set_size, "iI:i")		\
	X(WASMKM_WASI_MODULE, fd_filestat_set_times, "iIIi:i")		\
	X(WASMKM_WASI_MODULE, fd_pread, "iiiIi:i")			\
	X(WASMKM_WASI_MODULE, fd_prestat_get, "ii:i")			\
	X(WASMKM_WASI_MODULE, fd_prestat_dir_name, "iii:i")		\
	X(WASMKM_WASI_MODULE, fd_pwrite, "iiiIi:i")			\
	X(WASMKM_WASI_MODULE, fd_read, "iiii:i")			\
	X(WASMKM_WASI_MODULE, fd_readdir, "iiiIi:i")			\
	X(WASMKM_WASI_MODULE, fd_renumber, "ii:i")			\
	X(WASMKM_WASI_MODULE, fd_seek, "iIii:i")			\
	X(WASMKM_WASI_MODULE, fd_sync, "i:i")				\
	X(WASMKM_WASI_MODULE, fd_tell, "ii:i")				\
	X(WASMKM_WASI_MODULE, fd_write, "iiii:i")			\
	X(WASMKM_WASI_MODULE, path_create_directory, "iii:i")		\
	X(WASMKM_WASI_MODULE, path_filestat_get, "iiiii:i")		\
	X(WASMKM_WASI_MODULE, path_filestat_set_times, "iiiiIIi:i")	\
	X(WASMKM_WASI_MODULE, path_link, "iiiiiii:i")			\
	X(WASMKM_WASI_MODULE, path_open, "iiiiiIIii:i")			\
	X(WASMKM_WASI_MODULE, path_readlink, "iiiiii:i")		\
	X(WASMKM_WASI_MODULE, path_remove_directory, "iii:i")		\
	X(WASMKM_WASI_MODULE, path_rename, "iiiiii:i")			\
	X(WASMKM_WASI_MODULE, path_symlink, "iiiii:i")			\
	X(WASMKM_WASI_MODULE, path_unlink_file, "iii:i")		\
	X(WASMKM_WASI_MODULE, poll_oneoff, "iiii:i")			\
	X(WASMKM_WASI_MODULE, proc_exit, "i:")				\
	X(WASMKM_WASI_MODULE, proc_raise, "i:i")			\
	X(WASMKM_WASI_MODULE, sched_yield, ":i")			\
	X(WASMKM_WASI_MODULE, sock_accept, "iii:i")			\
	X(WASMKM_WASI_MODULE, sock_recv, "iiiiii:i")			\
	X(WASMKM_WASI_MODULE, sock_send, "iiiii:i")			\
	X(WASMKM_WASI_MODULE, sock_shutdown, "ii:i")

#endif /* _UAPI_LINUX_WASMKM_IMPORTS_H */
