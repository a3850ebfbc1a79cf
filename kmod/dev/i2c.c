// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: an I2C device as a capability grant.  LOAD takes a reference on
 * the adapter and claims the address with a dummy client (so a bound
 * driver, or another grant, makes it busy); every transfer the app makes
 * goes to that one address.
 */
#include <linux/capability.h>
#include <linux/i2c.h>
#include <linux/slab.h>

#include "caps.h"
#include "wasi/fd.h"
#include "wasmkm.h"
#include "dev/dev.h"

struct wasmkm_i2c {
	struct i2c_adapter *adap;
	struct i2c_client *client;
};

int wasmkm_dev_capable(char *error)
{
	/*
	 * Device access bypasses the permissions of the /dev nodes and of
	 * the drivers that would own the device: an administrator's decision.
	 */
	if (capable(CAP_SYS_ADMIN))
		return 0;
	snprintf(error, WASMKM_ERROR_LEN,
		 "granting device access needs CAP_SYS_ADMIN");
	return -EPERM;
}

static int wasmkm_i2c_get(struct wasmkm_app *app, struct wasmkm_grant *g,
			  const struct wasmkm_cap *cap, char *error)
{
	const struct wasmkm_cap_i2c *c = &cap->i2c;
	struct wasmkm_i2c *d;
	int ret;

	ret = wasmkm_dev_capable(error);
	if (ret)
		return ret;
	if (cap->flags || cap->dir_fd || cap->reserved || c->reserved) {
		snprintf(error, WASMKM_ERROR_LEN, "unknown flags");
		return -EINVAL;
	}
	/* 0x00-0x07 and 0x78-0x7f are reserved by the I2C specification. */
	if (c->addr < 0x08 || c->addr > 0x77) {
		snprintf(error, WASMKM_ERROR_LEN,
			 "i2c:%u:0x%x: address outside 0x08..0x77", c->bus,
			 c->addr);
		return -EINVAL;
	}
	d = kzalloc(sizeof(*d), GFP_KERNEL_ACCOUNT);
	if (!d)
		return -ENOMEM;
	d->adap = c->bus <= INT_MAX ? i2c_get_adapter(c->bus) : NULL;
	if (!d->adap) {
		snprintf(error, WASMKM_ERROR_LEN, "i2c:%u:0x%02x: no I2C bus %u",
			 c->bus, c->addr, c->bus);
		ret = -ENODEV;
		goto out_free;
	}
	d->client = i2c_new_dummy_device(d->adap, c->addr);
	if (IS_ERR(d->client)) {
		ret = PTR_ERR(d->client);
		snprintf(error, WASMKM_ERROR_LEN,
			 "i2c:%u:0x%02x: address in use by a driver or another app (error %d)", c->bus, c->addr, ret);
		goto out_put;
	}
	g->priv = d;
	return 0;
out_put:
	i2c_put_adapter(d->adap);
out_free:
	kfree(d);
	return ret;
}

struct i2c_client *wasmkm_i2c_client(void *priv)
{
	return ((struct wasmkm_i2c *)priv)->client;
}

static void wasmkm_i2c_put(struct wasmkm_grant *g)
{
	struct wasmkm_i2c *d = g->priv;

	i2c_unregister_device(d->client);
	i2c_put_adapter(d->adap);
	kfree(d);
	g->priv = NULL;
}

static int wasmkm_i2c_preopen(struct wasmkm_inst *inst, struct wasmkm_grant *g,
			      struct wasmkm_fd *fd)
{
	fd->ops = &wasmkm_fd_i2c_ops;
	fd->priv = g->priv;
	fd->rights = WASI_RIGHT_FD_READ | WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_SEEK |
		     WASI_RIGHT_POLL_FD_READWRITE | WASI_RIGHT_FD_FDSTAT_SET_FLAGS;
	fd->rights_inh = 0;
	return 0;
}

const struct wasmkm_cap_type wasmkm_cap_i2c = {
	.kind = WASMKM_CAP_I2C,
	.name = "i2c",
	.get = wasmkm_i2c_get,
	.put = wasmkm_i2c_put,
	.preopen = wasmkm_i2c_preopen,
};
