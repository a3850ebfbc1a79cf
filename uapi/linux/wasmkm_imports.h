/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * wasmkm: the host functions an app may import, as one X-macro list that
 * wasmkm.ko (verification) and aotc (import check and code generation) both
 * expand, so that they cannot disagree.
 *
 * WASMKM_IMPORT(module, name, signature): the import "module"."name" with
 * wasm type signature params ':' results (i = i32, I = i64), provided by the
 * kernel function wasmkm_wasi_<name> (see kmod/include/wasmkm/rt.h).
 *
 * The signature is written WASMKM_SIG(params, results): it expands to the
 * string "params:results", and wasmkm.ko also pastes its tokens to generate
 * the entry wrapper of each import (kmod/wasi/entry.c).
 */
#ifndef _UAPI_LINUX_WASMKM_IMPORTS_H
#define _UAPI_LINUX_WASMKM_IMPORTS_H

#define WASMKM_WASI_MODULE "wasi_snapshot_preview1"
#define WASMKM_SIG(params, results) #params ":" #results

#define WASMKM_IMPORTS(X)						\
	X(WASMKM_WASI_MODULE, args_get, WASMKM_SIG(ii, i))		\
	X(WASMKM_WASI_MODULE, args_sizes_get, WASMKM_SIG(ii, i))	\
	X(WASMKM_WASI_MODULE, environ_get, WASMKM_SIG(ii, i))		\
	X(WASMKM_WASI_MODULE, environ_sizes_get, WASMKM_SIG(ii, i))	\
	X(WASMKM_WASI_MODULE, clock_res_get, WASMKM_SIG(ii, i))		\
	X(WASMKM_WASI_MODULE, clock_time_get, WASMKM_SIG(iIi, i))	\
	X(WASMKM_WASI_MODULE, random_get, WASMKM_SIG(ii, i))		\
	X(WASMKM_WASI_MODULE, fd_advise, WASMKM_SIG(iIIi, i))		\
	X(WASMKM_WASI_MODULE, fd_allocate, WASMKM_SIG(iII, i))		\
	X(WASMKM_WASI_MODULE, fd_close, WASMKM_SIG(i, i))		\
	X(WASMKM_WASI_MODULE, fd_datasync, WASMKM_SIG(i, i))		\
	X(WASMKM_WASI_MODULE, fd_fdstat_get, WASMKM_SIG(ii, i))		\
	X(WASMKM_WASI_MODULE, fd_fdstat_set_flags, WASMKM_SIG(ii, i))	\
	X(WASMKM_WASI_MODULE, fd_fdstat_set_rights, WASMKM_SIG(iII, i))	\
	X(WASMKM_WASI_MODULE, fd_filestat_get, WASMKM_SIG(ii, i))	\
	X(WASMKM_WASI_MODULE, fd_filestat_set_size, WASMKM_SIG(iI, i))	\
	X(WASMKM_WASI_MODULE, fd_filestat_set_times, WASMKM_SIG(iIIi, i)) \
	X(WASMKM_WASI_MODULE, fd_pread, WASMKM_SIG(iiiIi, i))		\
	X(WASMKM_WASI_MODULE, fd_prestat_get, WASMKM_SIG(ii, i))	\
	X(WASMKM_WASI_MODULE, fd_prestat_dir_name, WASMKM_SIG(iii, i))	\
	X(WASMKM_WASI_MODULE, fd_pwrite, WASMKM_SIG(iiiIi, i))		\
	X(WASMKM_WASI_MODULE, fd_read, WASMKM_SIG(iiii, i))		\
	X(WASMKM_WASI_MODULE, fd_readdir, WASMKM_SIG(iiiIi, i))		\
	X(WASMKM_WASI_MODULE, fd_renumber, WASMKM_SIG(ii, i))		\
	X(WASMKM_WASI_MODULE, fd_seek, WASMKM_SIG(iIii, i))		\
	X(WASMKM_WASI_MODULE, fd_sync, WASMKM_SIG(i, i))		\
	X(WASMKM_WASI_MODULE, fd_tell, WASMKM_SIG(ii, i))		\
	X(WASMKM_WASI_MODULE, fd_write, WASMKM_SIG(iiii, i))		\
	X(WASMKM_WASI_MODULE, path_create_directory, WASMKM_SIG(iii, i)) \
	X(WASMKM_WASI_MODULE, path_filestat_get, WASMKM_SIG(iiiii, i))	\
	X(WASMKM_WASI_MODULE, path_filestat_set_times, WASMKM_SIG(iiiiIIi, i)) \
	X(WASMKM_WASI_MODULE, path_link, WASMKM_SIG(iiiiiii, i))	\
	X(WASMKM_WASI_MODULE, path_open, WASMKM_SIG(iiiiiIIii, i))	\
	X(WASMKM_WASI_MODULE, path_readlink, WASMKM_SIG(iiiiii, i))	\
	X(WASMKM_WASI_MODULE, path_remove_directory, WASMKM_SIG(iii, i)) \
	X(WASMKM_WASI_MODULE, path_rename, WASMKM_SIG(iiiiii, i))	\
	X(WASMKM_WASI_MODULE, path_symlink, WASMKM_SIG(iiiii, i))	\
	X(WASMKM_WASI_MODULE, path_unlink_file, WASMKM_SIG(iii, i))	\
	X(WASMKM_WASI_MODULE, poll_oneoff, WASMKM_SIG(iiii, i))		\
	X(WASMKM_WASI_MODULE, proc_exit, WASMKM_SIG(i,))		\
	X(WASMKM_WASI_MODULE, proc_raise, WASMKM_SIG(i, i))		\
	X(WASMKM_WASI_MODULE, sched_yield, WASMKM_SIG(, i))		\
	X(WASMKM_WASI_MODULE, sock_accept, WASMKM_SIG(iii, i))		\
	X(WASMKM_WASI_MODULE, sock_recv, WASMKM_SIG(iiiiii, i))		\
	X(WASMKM_WASI_MODULE, sock_send, WASMKM_SIG(iiiii, i))		\
	X(WASMKM_WASI_MODULE, sock_shutdown, WASMKM_SIG(ii, i))

#endif /* _UAPI_LINUX_WASMKM_IMPORTS_H */
