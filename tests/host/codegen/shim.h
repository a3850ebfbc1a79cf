/* SPDX-License-Identifier: GPL-2.0 */
/* Host shim of the wasmkm runtime: what the runner shares with shim.c. */
#ifndef _WASMKM_HOST_SHIM_H
#define _WASMKM_HOST_SHIM_H
#include <setjmp.h>
#include <wasmkm/rt.h>

struct shim_state {
	jmp_buf jb;		/* wasmkm_trap / proc_exit jump here */
	u32 trap_kind;		/* set on trap */
	u32 trap_func;
	s32 exit_code;		/* set on proc_exit */
	u64 mem_max_pages;	/* memory.grow limit */
	int argc;		/* WASI args and environment */
	char **argv;
	int envc;
	char **envp;
	u64 ticks;		/* wasmkm_tick calls */
	int yield_stays;	/* SHIM_TICKS: ctx->yield is never cleared */
};

/* longjmp values */
#define SHIM_TRAPPED 1
#define SHIM_EXITED 2

extern struct shim_state shim;
const char *shim_trap_text(u32 kind);
#endif
