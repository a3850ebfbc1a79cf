/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: device grants (Documentation/devices.md).  An I2C device or a
 * GPIO line is taken at LOAD, in the loader's context, and held until the
 * app is unloaded; each is the app's preopened descriptor in grant order.
 */
#ifndef WASMKM_DEV_H
#define WASMKM_DEV_H

#include <linux/types.h>

struct wasmkm_fd_ops;
struct i2c_client;

/* Taking a device needs CAP_SYS_ADMIN; else -EPERM and error[] says so. */
int wasmkm_dev_capable(char *error);
/* The dummy client at the granted address, from the grant's priv. */
struct i2c_client *wasmkm_i2c_client(void *priv);

/* The descriptor types (i2c_fd.c, gpio_fd.c); the cap types are in caps.h. */
extern const struct wasmkm_fd_ops wasmkm_fd_i2c_ops;
extern const struct wasmkm_fd_ops wasmkm_fd_gpio_ops;

#endif
