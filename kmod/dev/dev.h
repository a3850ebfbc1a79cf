/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wasmkm: device grants (Documentation/devices.md).  An I2C device or a
 * GPIO line is taken at LOAD, in the loader's context, and held until the
 * app is unloaded; each is the app's preopened descriptor in grant order.
 */
#ifndef WASMKM_DEV_H
#define WASMKM_DEV_H

#include <linux/types.h>

struct wasmkm_app;
struct wasmkm_grant;
struct wasmkm_cap;
struct i2c_client;

/* Taking a device needs CAP_SYS_ADMIN; error[] says so.  Shared by both kinds. */
int wasmkm_dev_capable(const char *kind, u32 i, char *error);

/* i2c.c */
int wasmkm_i2c_get(struct wasmkm_app *app, struct wasmkm_grant *g, const struct wasmkm_cap *cap,
		   u32 i, char *error);
void wasmkm_i2c_put(struct wasmkm_grant *g);
/* The dummy client at the granted address, from the grant's priv. */
struct i2c_client *wasmkm_i2c_client(void *priv);

/* gpio.c */
int wasmkm_gpio_get(struct wasmkm_app *app, struct wasmkm_grant *g, const struct wasmkm_cap *cap,
		    u32 i, char *error);
void wasmkm_gpio_put(struct wasmkm_grant *g);

#endif
