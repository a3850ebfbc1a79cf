/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * wasmkm: the descriptor an app object (.wko) carries in its ELF section
 * WASMKM_DESC_SECTION.  aotc writes it; wasmkm.ko reads it twice: from the
 * file at WASMKM_IOC_LOAD (verification) and from the loaded module when its
 * init calls wasmkm_attach() (the two must be byte-identical).
 *
 * Layout: struct wasmkm_desc, then the tables it points to by byte offset
 * from the start of the descriptor.  All integers little-endian; every
 * offset + size lies within total_size; strings are NUL-terminated and lie
 * within the string table.
 */
#ifndef _UAPI_LINUX_WASMKM_OBJECT_H
#define _UAPI_LINUX_WASMKM_OBJECT_H

#include <linux/types.h>

#define WASMKM_DESC_SECTION	".wasmkm.desc"
#define WASMKM_DESC_MAGIC	0x4d4b5357	/* "WSKM" */
#define WASMKM_DESC_VERSION	1		/* == WASMKM_ABI_VERSION */
#define WASMKM_DESC_MAX		(1024 * 1024)
#define WASMKM_OBJ_MAX		(256 * 1024 * 1024)
#define WASMKM_NO_MAX		0xffffffffU	/* mem_max_pages: no limit */

/*
 * The value types of signature strings (export and import signatures, the
 * descriptor's import table, WASMKM_IMPORTS): X(name, letter, slots), the
 * wasm type name, its letter, and the 64-bit invoke slots a value takes.
 * aotc, wasmctl and the kernel read letters from this one list.
 */
#define WASMKM_VALTYPES(X)		\
	X(i32, 'i', 1)			\
	X(i64, 'I', 1)			\
	X(f32, 'f', 1)			\
	X(f64, 'F', 1)			\
	X(v128, 'V', 2)			\
	X(funcref, 'r', 1)		\
	X(externref, 'e', 1)

/* Import kinds. */
#define WASMKM_IMPORT_FUNC	0

struct wasmkm_desc_import {
	__le32 kind;		/* WASMKM_IMPORT_* */
	__le32 module;		/* string offset */
	__le32 name;		/* string offset */
	__le32 signature;	/* string offset: params ':' results, e.g. "iiii:i" */
};

struct wasmkm_desc {
	__le32 magic;		/* WASMKM_DESC_MAGIC */
	__le32 version;		/* WASMKM_DESC_VERSION */
	__le32 total_size;	/* bytes, header and tables */
	__le32 flags;		/* WASMKM_DESC_F_* */
	__le32 machine;		/* ELF e_machine the code is for */
	__le32 mem_min_pages;	/* 64 KiB pages */
	__le32 mem_max_pages;	/* WASMKM_NO_MAX if the module gives none */
	__le32 nfuncs;		/* defined + imported functions */
	__u8 wasm_sha256[32];	/* SHA-256 of the .wasm */
	/*
	 * SHA-256 of the object file with this field zeroed, over the bytes
	 * before an appended module signature.  Detects any corruption.
	 */
	__u8 obj_sha256[32];
	char app_name[64];	/* from the .wasm file name */
	char module_name[64];	/* the kernel module's name */
	__le32 nimports;
	__le32 imports;		/* offset of struct wasmkm_desc_import[] */
	__le32 strtab;		/* offset of the string table */
	__le32 strtab_size;
	__le32 reserved[8];	/* zero */
};

#define WASMKM_DESC_F_MEMORY	1	/* the module has a linear memory */
#define WASMKM_DESC_F_START	2	/* it exports _start (WASI command) */

#endif /* _UAPI_LINUX_WASMKM_OBJECT_H */
