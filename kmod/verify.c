// SPDX-License-Identifier: GPL-2.0
/* wasmkm: strict checks of an app object's ELF and descriptor. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/elf.h>
#include <linux/kernel.h>
#include <linux/module_signature.h>
#include <linux/overflow.h>
#include <linux/string.h>
#include <crypto/sha2.h>
#include <linux/wasmkm_imports.h>

#include "wasmkm.h"

struct wasmkm_known_import {
	const char *module;
	const char *name;
	const char *sig;
};

#define WASMKM_KNOWN(mod, name, sig, cap) { mod, #name, sig },
static const struct wasmkm_known_import wasmkm_known[] = {
	WASMKM_IMPORTS(WASMKM_KNOWN)
};

static __printf(3, 4) int wasmkm_fail(char *error, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(error, WASMKM_ERROR_LEN, fmt, ap);
	va_end(ap);
	return err;
}

static bool wasmkm_in_bounds(u64 off, u64 size, u64 len)
{
	return off <= len && size <= len - off;
}

static bool wasmkm_name_ok(const char *s, size_t n, bool ident)
{
	size_t len = strnlen(s, n);
	size_t i;

	if (len == 0 || len == n)
		return false;
	for (i = 0; ident && i < len; i++)
		if (!isalnum(s[i]) && s[i] != '_')
			return false;
	return true;
}

static int wasmkm_verify_desc(const u8 *p, size_t len, char *error)
{
	const struct wasmkm_desc *d = (const void *)p;
	const char *strtab;
	u32 nimports, imports, st, st_size, i, j, flags;

	if (len < sizeof(*d) || len > WASMKM_DESC_MAX)
		return wasmkm_fail(error, -ENOEXEC, "descriptor size %zu out of range", len);
	if (le32_to_cpu(d->magic) != WASMKM_DESC_MAGIC)
		return wasmkm_fail(error, -ENOEXEC, "bad descriptor magic");
	if (le32_to_cpu(d->version) != WASMKM_DESC_VERSION)
		return wasmkm_fail(error, -EPROTO, "descriptor ABI version %u, this wasmkm supports %u: recompile with a matching aotc",
		     le32_to_cpu(d->version), WASMKM_DESC_VERSION);
	if (le32_to_cpu(d->total_size) != len)
		return wasmkm_fail(error, -ENOEXEC, "descriptor total_size does not match its section");
	if (le32_to_cpu(d->machine) != WASMKM_ARCH_EM)
		return wasmkm_fail(error, -ENOEXEC, "descriptor is for another machine");
	flags = le32_to_cpu(d->flags);
	if (flags & ~(WASMKM_DESC_F_MEMORY | WASMKM_DESC_F_START))
		return wasmkm_fail(error, -ENOEXEC, "unknown descriptor flags 0x%x", flags);
	for (i = 0; i < ARRAY_SIZE(d->reserved); i++)
		if (d->reserved[i])
			return wasmkm_fail(error, -ENOEXEC, "descriptor reserved fields not zero");
	if (!wasmkm_name_ok(d->app_name, sizeof(d->app_name), false))
		return wasmkm_fail(error, -ENOEXEC, "bad app name");
	if (!wasmkm_name_ok(d->module_name, sizeof(d->module_name), true))
		return wasmkm_fail(error, -ENOEXEC, "bad module name");
	if (le32_to_cpu(d->mem_min_pages) > 65536 ||
	    (le32_to_cpu(d->mem_max_pages) != WASMKM_NO_MAX &&
	     (le32_to_cpu(d->mem_max_pages) > 65536 ||
	      le32_to_cpu(d->mem_min_pages) > le32_to_cpu(d->mem_max_pages))))
		return wasmkm_fail(error, -ENOEXEC, "bad memory limits");
	st = le32_to_cpu(d->strtab);
	st_size = le32_to_cpu(d->strtab_size);
	if (!wasmkm_in_bounds(st, st_size, len))
		return wasmkm_fail(error, -ENOEXEC, "string table out of bounds");
	if (st_size && p[st + st_size - 1])
		return wasmkm_fail(error, -ENOEXEC, "string table not NUL-terminated");
	strtab = (const char *)p + st;
	nimports = le32_to_cpu(d->nimports);
	imports = le32_to_cpu(d->imports);
	if (!wasmkm_in_bounds(imports, (u64)nimports * sizeof(struct wasmkm_desc_import), len))
		return wasmkm_fail(error, -ENOEXEC, "import table out of bounds");
	for (i = 0; i < nimports; i++) {
		struct wasmkm_desc_import imp;
		const char *mod, *name, *sig;

		memcpy(&imp, p + imports + i * sizeof(imp), sizeof(imp));
		if (le32_to_cpu(imp.kind) != WASMKM_IMPORT_FUNC)
			return wasmkm_fail(error, -ENOEXEC, "import %u: unsupported kind", i);
		if (le32_to_cpu(imp.module) >= st_size || le32_to_cpu(imp.name) >= st_size ||
		    le32_to_cpu(imp.signature) >= st_size)
			return wasmkm_fail(error, -ENOEXEC, "import %u: string out of bounds", i);
		mod = strtab + le32_to_cpu(imp.module);
		name = strtab + le32_to_cpu(imp.name);
		sig = strtab + le32_to_cpu(imp.signature);
		for (j = 0; j < ARRAY_SIZE(wasmkm_known); j++)
			if (!strcmp(mod, wasmkm_known[j].module) &&
			    !strcmp(name, wasmkm_known[j].name))
				break;
		if (j == ARRAY_SIZE(wasmkm_known))
			return wasmkm_fail(error, -ENOEXEC, "import %.40s.%.40s is not provided", mod, name);
		if (strcmp(sig, wasmkm_known[j].sig))
			return wasmkm_fail(error, -ENOEXEC, "import %.40s: signature %.16s, expected %s", name, sig,
			     wasmkm_known[j].sig);
	}
	return 0;
}

/*
 * End of the signed payload: the bytes before an appended module signature
 * (aotc --sign-key, or the kernel's sign-file).  The object is verified and
 * its digest recomputed over these bytes only, as the module loader links
 * only them: every section must lie in them, and the digest, patched before
 * signing, is covered by the signature.  The signature itself is checked by
 * the kernel's module loader at finit_module() (kernel/module/signing.c).
 */
static int wasmkm_payload_len(const u8 *buf, size_t len, size_t *out, char *error)
{
	const size_t mlen = sizeof(MODULE_SIG_STRING) - 1;
	struct module_signature ms;
	size_t sig_len;

	*out = len;
	if (len < mlen || memcmp(buf + len - mlen, MODULE_SIG_STRING, mlen))
		return 0;
	len -= mlen;
	if (len < sizeof(ms))
		return wasmkm_fail(error, -ENOEXEC, "truncated module signature");
	memcpy(&ms, buf + len - sizeof(ms), sizeof(ms));
	len -= sizeof(ms);
	sig_len = be32_to_cpu(ms.sig_len);
	if (sig_len > len)
		return wasmkm_fail(error, -ENOEXEC, "bad module signature length");
	*out = len - sig_len;
	return 0;
}

int wasmkm_verify_object(const u8 *buf, size_t len, const struct wasmkm_desc **desc,
			 size_t *desc_len, char *error)
{
	const Elf64_Ehdr *eh = (const void *)buf;
	const Elf64_Shdr *sh;
	const char *shstr;
	u64 shstr_size, desc_off = 0, dlen = 0, obj_sha_off;
	u8 digest[WASMKM_SHA256_LEN], zero[WASMKM_SHA256_LEN] = {};
	struct sha256_state sctx;
	size_t payload;
	int i, found = 0, ret;

	ret = wasmkm_payload_len(buf, len, &payload, error);
	if (ret)
		return ret;
	len = payload;
	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return wasmkm_fail(error, -ENOEXEC, "not an ELF file");
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return wasmkm_fail(error, -ENOEXEC, "not a little-endian ELF64 object");
	if (le16_to_cpu(eh->e_type) != ET_REL)
		return wasmkm_fail(error, -ENOEXEC, "not a relocatable object (kernel module)");
	if (le16_to_cpu(eh->e_machine) != WASMKM_ARCH_EM)
		return wasmkm_fail(error, -ENOEXEC, "object is for another machine (e_machine %u)",
		     le16_to_cpu(eh->e_machine));
	if (le16_to_cpu(eh->e_shentsize) != sizeof(Elf64_Shdr) || !eh->e_shnum ||
	    le16_to_cpu(eh->e_shstrndx) >= le16_to_cpu(eh->e_shnum) ||
	    !wasmkm_in_bounds(le64_to_cpu(eh->e_shoff),
			      (u64)le16_to_cpu(eh->e_shnum) * sizeof(Elf64_Shdr), len) ||
	    le64_to_cpu(eh->e_shoff) % sizeof(u64))
		return wasmkm_fail(error, -ENOEXEC, "bad section header table");
	sh = (const void *)(buf + le64_to_cpu(eh->e_shoff));
	for (i = 0; i < le16_to_cpu(eh->e_shnum); i++)
		if (le32_to_cpu(sh[i].sh_type) != SHT_NOBITS &&
		    !wasmkm_in_bounds(le64_to_cpu(sh[i].sh_offset), le64_to_cpu(sh[i].sh_size), len))
			return wasmkm_fail(error, -ENOEXEC, "section %d out of bounds", i);
	i = le16_to_cpu(eh->e_shstrndx);
	if (le32_to_cpu(sh[i].sh_type) != SHT_STRTAB || !sh[i].sh_size)
		return wasmkm_fail(error, -ENOEXEC, "bad section name table");
	shstr = (const char *)buf + le64_to_cpu(sh[i].sh_offset);
	shstr_size = le64_to_cpu(sh[i].sh_size);
	if (shstr[shstr_size - 1])
		return wasmkm_fail(error, -ENOEXEC, "section name table not NUL-terminated");
	for (i = 0; i < le16_to_cpu(eh->e_shnum); i++) {
		u32 name = le32_to_cpu(sh[i].sh_name);

		if (name >= shstr_size)
			return wasmkm_fail(error, -ENOEXEC, "section %d name out of bounds", i);
		if (strcmp(shstr + name, WASMKM_DESC_SECTION))
			continue;
		if (le32_to_cpu(sh[i].sh_type) == SHT_NOBITS)
			return wasmkm_fail(error, -ENOEXEC, "descriptor section has no bytes");
		found++;
		desc_off = le64_to_cpu(sh[i].sh_offset);
		dlen = le64_to_cpu(sh[i].sh_size);
	}
	if (found != 1)
		return wasmkm_fail(error, -ENOEXEC, "%s section %s", WASMKM_DESC_SECTION,
		     found ? "appears more than once" : "missing: not a wasmkm app object");
	ret = wasmkm_verify_desc(buf + desc_off, dlen, error);
	if (ret)
		return ret;

	/* In bounds: the descriptor section lies in the payload and holds one. */
	obj_sha_off = desc_off + offsetof(struct wasmkm_desc, obj_sha256);
	sha256_init(&sctx);
	sha256_update(&sctx, buf, obj_sha_off);
	sha256_update(&sctx, zero, sizeof(zero));
	sha256_update(&sctx, buf + obj_sha_off + WASMKM_SHA256_LEN,
		      payload - obj_sha_off - WASMKM_SHA256_LEN);
	sha256_final(&sctx, digest);
	if (memcmp(digest, buf + obj_sha_off, sizeof(digest)))
		return wasmkm_fail(error, -ENOEXEC, "object digest mismatch: file corrupted");
	*desc = (const void *)(buf + desc_off);
	*desc_len = dlen;
	return 0;
}
