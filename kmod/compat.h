/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: the kernel API differences wasmkm.ko meets, one named helper each,
 * so that the logic stays free of version checks (Debian 12's 6.1 and 6.12,
 * Raspberry Pi OS's 6.6 and 6.12).  Checks of versions, configs or probed
 * features live here and nowhere else.
 */
#ifndef _WASMKM_COMPAT_H
#define _WASMKM_COMPAT_H

#include <linux/compiler.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/string.h>

/*
 * get/put_unaligned_le*(): <asm/unaligned.h> became <linux/unaligned.h> in
 * 6.12 (the quoted form keeps checkpatch happy; it searches the same paths).
 */
#if __has_include("linux/unaligned.h")
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * The VFS calls take the mount's id mapping: a struct user_namespace
 * before 6.3, a struct mnt_idmap since (Kbuild detects which, so that
 * backports are followed too).
 */
#ifdef WASMKM_HAVE_MNT_IDMAP
#define wasmkm_mnt_map(mnt)	mnt_idmap(mnt)
#define WASMKM_RENAME_MAPS(rd, old_map, new_map)			\
	do {								\
		(rd)->old_mnt_idmap = (old_map);			\
		(rd)->new_mnt_idmap = (new_map);			\
	} while (0)
#else
#define wasmkm_mnt_map(mnt)	mnt_user_ns(mnt)
#define WASMKM_RENAME_MAPS(rd, old_map, new_map)			\
	do {								\
		(rd)->old_mnt_userns = (old_map);			\
		(rd)->new_mnt_userns = (new_map);			\
	} while (0)
#endif

/*
 * vfs_path_parent_lookup() reports the kind of the last component (a name,
 * ".", "..", or none: the root) through an int *type up to 6.x; later
 * kernels dropped that argument and fail with -EINVAL, parent released,
 * unless it is a name.  wasmkm_path_parent_lookup() has the old shape on
 * both; the kind of a last component that is not a name is then read from
 * the path itself.  Kbuild probes which one the kernel has.
 */
#ifdef WASMKM_HAVE_PARENT_LOOKUP_TYPE
#define WASMKM_LAST_NORM	LAST_NORM
#define WASMKM_LAST_ROOT	LAST_ROOT
#define WASMKM_LAST_DOT		LAST_DOT
#define WASMKM_LAST_DOTDOT	LAST_DOTDOT

static inline int wasmkm_path_parent_lookup(struct filename *name, unsigned int flags,
					    struct path *parent, struct qstr *last,
					    int *type, const struct path *root)
{
	return vfs_path_parent_lookup(name, flags, parent, last, type, root);
}
#else
enum {
	WASMKM_LAST_NORM,
	WASMKM_LAST_ROOT,
	WASMKM_LAST_DOT,
	WASMKM_LAST_DOTDOT,
};

static inline int wasmkm_last_type(const char *path)
{
	size_t len = strlen(path), start;

	while (len && path[len - 1] == '/')
		len--;
	if (!len)
		return WASMKM_LAST_ROOT;
	start = len;
	while (start && path[start - 1] != '/')
		start--;
	if (len - start == 1 && path[start] == '.')
		return WASMKM_LAST_DOT;
	if (len - start == 2 && path[start] == '.' && path[start + 1] == '.')
		return WASMKM_LAST_DOTDOT;
	return WASMKM_LAST_NORM;
}

static inline int wasmkm_path_parent_lookup(struct filename *name, unsigned int flags,
					    struct path *parent, struct qstr *last,
					    int *type, const struct path *root)
{
	int err = vfs_path_parent_lookup(name, flags, parent, last, root);

	*type = WASMKM_LAST_NORM;
	if (err != -EINVAL)
		return err;
	/* The kernel has put the parent already: the caller must not. */
	*parent = (struct path){};
	*type = wasmkm_last_type(name->name);
	return *type == WASMKM_LAST_NORM ? err : 0;
}
#endif

/*
 * vfs_path_lookup() is exported by every kernel wasmkm supports, but up to
 * 6.1 declared only in fs/internal.h; later <linux/namei.h> has it.
 */
#ifndef WASMKM_HAVE_VFS_PATH_LOOKUP_DECL
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt, const char *name,
		    unsigned int flags, struct path *path);
#endif

/*
 * A function of wasmkm.ko that never returns and is called from another of
 * its files.  objtool checks each object file alone, unless the kernel has
 * CONFIG_X86_KERNEL_IBT (Debian's 6.12) or clang LTO: then it checks the
 * linked module and insists on __noreturn, while alone it would take the
 * caller, whose last instruction is the call, to fall through.
 */
#if defined(CONFIG_X86_KERNEL_IBT) || defined(CONFIG_LTO_CLANG)
#define __wasmkm_noreturn	__noreturn
#else
#define __wasmkm_noreturn
#endif

/*
 * Device grants (dev/gpio.c, which includes dev/gpio.h first).  Request
 * line @line of the GPIO chip labelled @chip as consumer @consumer (a
 * string that outlives the request: 6.1 keeps the pointer) and give its
 * descriptor; gpiod_put() frees it.  Kernels with gpio_device_find() (6.7
 * on, Debian's 6.12) also match the chip's device name ("gpiochip0"); 6.1
 * keeps struct gpio_device private, so there only the label names a chip.
 * -ENODEV: no such chip, -EINVAL: no such line, -EBUSY: the line is in use.
 */
#ifdef WASMKM_DEV_GPIO_H
#include <linux/gpio.h>
#include <linux/gpio/consumer.h>
#include <linux/device.h>
#include <linux/gpio/driver.h>

#ifdef WASMKM_HAVE_GPIO_DEVICE_FIND
static inline int wasmkm_gpio_match(struct gpio_chip *gc, const void *data)
{
	return (gc->label && !strcmp(gc->label, data)) ||
	       !strcmp(dev_name(gpio_device_to_device(gc->gpiodev)), data);
}

static inline int wasmkm_gpio_request(const char *chip, u32 line, const char *consumer,
				      struct gpio_desc **desc)
{
	struct gpio_device *gdev = gpio_device_find(chip, wasmkm_gpio_match);
	int ret;

	if (!gdev)
		return -ENODEV;
	*desc = gpio_device_get_desc(gdev, line);
	ret = IS_ERR(*desc) ? -EINVAL : gpio_request(desc_to_gpio(*desc), consumer);
	gpio_device_put(gdev);
	return ret;
}
#else
static inline int wasmkm_gpio_match(struct gpio_chip *gc, void *data)
{
	return gc->label && !strcmp(gc->label, data);
}

static inline int wasmkm_gpio_request(const char *chip, u32 line, const char *consumer,
				      struct gpio_desc **desc)
{
	struct gpio_chip *gc = gpiochip_find((void *)chip, wasmkm_gpio_match);

	if (!gc)
		return -ENODEV;
	if (line >= gc->ngpio)
		return -EINVAL;
	*desc = gpio_to_desc(gc->base + line);
	return *desc ? gpio_request(gc->base + line, consumer) : -ENODEV;
}
#endif
#endif /* WASMKM_DEV_GPIO_H */

#endif /* _WASMKM_COMPAT_H */
