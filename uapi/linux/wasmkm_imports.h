/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * wasmkm: the host functions an app may import, as one X-macro list that
 * wasmkm.ko (verification) and aotc (import check and code generation) both
 * expand, so that they cannot disagree.
 *
 * X(module, name, signature, capability): the import "module"."name" with
 * wasm type signature params ':' results (i = i32, I = i64), provided by the
 * kernel function wasmkm_wasi_<name> (see kmod/include/wasmkm/rt.h), useful
 * only with a grant of the capability type named (the --cap prefix and the
 * kernel's capability type name: fs, net; none: every app may use it).
 * wasmctl warns from this column when an app imports what no grant serves.
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
	X(WASMKM_WASI_MODULE, args_get, WASMKM_SIG(ii, i), none)	\
	X(WASMKM_WASI_MODULE, args_sizes_get, WASMKM_SIG(ii, i), none)	\
	X(WASMKM_WASI_MODULE, environ_get, WASMKM_SIG(ii, i), none)	\
	X(WASMKM_WASI_MODULE, environ_sizes_get, WASMKM_SIG(ii, i), none) \
	X(WASMKM_WASI_MODULE, clock_res_get, WASMKM_SIG(ii, i), none)	\
	X(WASMKM_WASI_MODULE, clock_time_get, WASMKM_SIG(iIi, i), none)	\
	X(WASMKM_WASI_MODULE, random_get, WASMKM_SIG(ii, i), none)	\
	X(WASMKM_WASI_MODULE, fd_advise, WASMKM_SIG(iIIi, i), none)	\
	X(WASMKM_WASI_MODULE, fd_allocate, WASMKM_SIG(iII, i), none)	\
	X(WASMKM_WASI_MODULE, fd_close, WASMKM_SIG(i, i), none)		\
	X(WASMKM_WASI_MODULE, fd_datasync, WASMKM_SIG(i, i), none)	\
	X(WASMKM_WASI_MODULE, fd_fdstat_get, WASMKM_SIG(ii, i), none)	\
	X(WASMKM_WASI_MODULE, fd_fdstat_set_flags, WASMKM_SIG(ii, i), none) \
	X(WASMKM_WASI_MODULE, fd_fdstat_set_rights, WASMKM_SIG(iII, i), none) \
	X(WASMKM_WASI_MODULE, fd_filestat_get, WASMKM_SIG(ii, i), none)	\
	X(WASMKM_WASI_MODULE, fd_filestat_set_size, WASMKM_SIG(iI, i), none) \
	X(WASMKM_WASI_MODULE, fd_filestat_set_times, WASMKM_SIG(iIIi, i), none) \
	X(WASMKM_WASI_MODULE, fd_pread, WASMKM_SIG(iiiIi, i), none)	\
	X(WASMKM_WASI_MODULE, fd_prestat_get, WASMKM_SIG(ii, i), none)	\
	X(WASMKM_WASI_MODULE, fd_prestat_dir_name, WASMKM_SIG(iii, i), none) \
	X(WASMKM_WASI_MODULE, fd_pwrite, WASMKM_SIG(iiiIi, i), none)	\
	X(WASMKM_WASI_MODULE, fd_read, WASMKM_SIG(iiii, i), none)	\
	X(WASMKM_WASI_MODULE, fd_readdir, WASMKM_SIG(iiiIi, i), none)	\
	X(WASMKM_WASI_MODULE, fd_renumber, WASMKM_SIG(ii, i), none)	\
	X(WASMKM_WASI_MODULE, fd_seek, WASMKM_SIG(iIii, i), none)	\
	X(WASMKM_WASI_MODULE, fd_sync, WASMKM_SIG(i, i), none)		\
	X(WASMKM_WASI_MODULE, fd_tell, WASMKM_SIG(ii, i), none)		\
	X(WASMKM_WASI_MODULE, fd_write, WASMKM_SIG(iiii, i), none)	\
	X(WASMKM_WASI_MODULE, path_create_directory, WASMKM_SIG(iii, i), fs) \
	X(WASMKM_WASI_MODULE, path_filestat_get, WASMKM_SIG(iiiii, i), fs) \
	X(WASMKM_WASI_MODULE, path_filestat_set_times, WASMKM_SIG(iiiiIIi, i), fs) \
	X(WASMKM_WASI_MODULE, path_link, WASMKM_SIG(iiiiiii, i), fs)	\
	X(WASMKM_WASI_MODULE, path_open, WASMKM_SIG(iiiiiIIii, i), fs)	\
	X(WASMKM_WASI_MODULE, path_readlink, WASMKM_SIG(iiiiii, i), fs)	\
	X(WASMKM_WASI_MODULE, path_remove_directory, WASMKM_SIG(iii, i), fs) \
	X(WASMKM_WASI_MODULE, path_rename, WASMKM_SIG(iiiiii, i), fs)	\
	X(WASMKM_WASI_MODULE, path_symlink, WASMKM_SIG(iiiii, i), fs)	\
	X(WASMKM_WASI_MODULE, path_unlink_file, WASMKM_SIG(iii, i), fs)	\
	X(WASMKM_WASI_MODULE, poll_oneoff, WASMKM_SIG(iiii, i), none)	\
	X(WASMKM_WASI_MODULE, proc_exit, WASMKM_SIG(i,), none)		\
	X(WASMKM_WASI_MODULE, proc_raise, WASMKM_SIG(i, i), none)	\
	X(WASMKM_WASI_MODULE, sched_yield, WASMKM_SIG(, i), none)	\
	X(WASMKM_WASI_MODULE, sock_accept, WASMKM_SIG(iii, i), net)	\
	X(WASMKM_WASI_MODULE, sock_recv, WASMKM_SIG(iiiiii, i), net)	\
	X(WASMKM_WASI_MODULE, sock_send, WASMKM_SIG(iiiii, i), net)	\
	X(WASMKM_WASI_MODULE, sock_shutdown, WASMKM_SIG(ii, i), net)

#endif /* _UAPI_LINUX_WASMKM_IMPORTS_H */
