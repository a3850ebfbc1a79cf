/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: capability types.  Each kind of grant (uapi enum wasmkm_cap_kind)
 * is a struct wasmkm_cap_type in the table of caps.c: LOAD looks the kind up
 * there (an unknown kind is EINVAL), the app record keeps the grant for its
 * life, and each instance start preopens one descriptor per grant.  A new
 * kind is a new file with its type and one line in wasmkm_cap_types[].
 */
#ifndef _WASMKM_CAPS_H
#define _WASMKM_CAPS_H

#include "wasmkm.h"

struct wasmkm_fd;

struct wasmkm_cap_type {
	u32 kind;		/* uapi enum wasmkm_cap_kind */
	const char *name;	/* "fs", "net", "i2c", "gpio": the --cap prefix */
	/*
	 * At LOAD, in the loader's own context (current is the loader: its
	 * credentials and namespaces decide what the grant names).  @cap is
	 * the kernel's copy of the uapi struct; validate every field of it
	 * (flags, reserved bytes, strings NUL-terminated) and fill @g (its
	 * type is set already; put @priv here).  On error write to @error
	 * (WASMKM_ERROR_LEN) what is wrong, without the "capability N: "
	 * prefix LOAD adds, and leave nothing for ->put to drop.
	 */
	int (*get)(struct wasmkm_app *app, struct wasmkm_grant *g, const struct wasmkm_cap *cap,
		   char *error);
	/* At app release: drop what ->get took. */
	void (*put)(struct wasmkm_grant *g);
	/*
	 * At instance start, in the instance's thread (with the loader's
	 * credentials): fill the preopened descriptor @fd (ops, rights,
	 * file, priv; @fd->grant is set).  On error the start fails and @fd
	 * must hold nothing to release.
	 */
	int (*preopen)(struct wasmkm_inst *inst, struct wasmkm_grant *g, struct wasmkm_fd *fd);
};

extern const struct wasmkm_cap_type wasmkm_cap_fs;
extern const struct wasmkm_cap_type wasmkm_cap_net;	/* net_cap.c */
extern const struct wasmkm_cap_type wasmkm_cap_i2c;	/* dev/i2c.c */
extern const struct wasmkm_cap_type wasmkm_cap_gpio;	/* dev/gpio.c */

#endif /* _WASMKM_CAPS_H */
