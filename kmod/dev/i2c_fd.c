// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: the descriptor of an I2C grant (Documentation/devices.md).
 * fd_pread/fd_pwrite at offset R read/write register R of the device, the
 * length choosing the SMBus transfer (1: byte data, 2: word data, 3 to 32:
 * I2C block); fd_read/fd_write are raw transfers of up to
 * WASMKM_I2C_RAW_MAX bytes.  Every transfer goes to the granted address
 * only.  The app's bytes are copied into a kernel buffer once, before the
 * transfer, and results copied out after it.
 */
#include <linux/i2c.h>
#include <linux/uio.h>

#include "wasi/fd.h"
#include "wasmkm.h"
#include "dev/dev.h"

#define WASMKM_I2C_RAW_MAX	256

/* -EINVAL for what the length or register cannot name. */
static int wasmkm_i2c_check(u64 reg, size_t len, bool raw)
{
	if (raw)
		return len ? 0 : -EINVAL;
	if (reg > 0xff || !len || len > I2C_SMBUS_BLOCK_MAX)
		return -EINVAL;
	return 0;
}

static ssize_t wasmkm_i2c_fd_read(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				  struct iov_iter *to, u64 *pos)
{
	struct i2c_client *client = wasmkm_i2c_client(fd->priv);
	size_t len = iov_iter_count(to);
	u8 buf[WASMKM_I2C_RAW_MAX];
	s32 ret;

	if (!pos) {
		len = min_t(size_t, len, WASMKM_I2C_RAW_MAX);
		ret = wasmkm_i2c_check(0, len, true);
		if (!ret)
			ret = i2c_master_recv(client, buf, len);
	} else {
		ret = wasmkm_i2c_check(*pos, len, false);
		if (ret)
			return ret;
		if (len == 1) {
			ret = i2c_smbus_read_byte_data(client, *pos);
			buf[0] = ret;
			ret = ret < 0 ? ret : 1;
		} else if (len == 2) {
			ret = i2c_smbus_read_word_data(client, *pos);
			buf[0] = ret;		/* SMBus words are little-endian */
			buf[1] = ret >> 8;
			ret = ret < 0 ? ret : 2;
		} else {
			ret = i2c_smbus_read_i2c_block_data(client, *pos, len, buf);
		}
	}
	if (ret <= 0)
		return ret;
	return copy_to_iter(buf, ret, to);
}

static ssize_t wasmkm_i2c_fd_write(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				   struct iov_iter *from, u64 *pos)
{
	struct i2c_client *client = wasmkm_i2c_client(fd->priv);
	size_t len = iov_iter_count(from);
	u8 buf[WASMKM_I2C_RAW_MAX];
	s32 ret;

	ret = wasmkm_i2c_check(pos ? *pos : 0, len, !pos);
	if (ret)
		return ret;
	if (len > WASMKM_I2C_RAW_MAX)
		return -EINVAL;		/* one transfer, never split */
	if (copy_from_iter(buf, len, from) != len)
		return -EFAULT;
	if (!pos)
		ret = i2c_master_send(client, buf, len);
	else if (len == 1)
		ret = i2c_smbus_write_byte_data(client, *pos, buf[0]);
	else if (len == 2)
		ret = i2c_smbus_write_word_data(client, *pos, buf[0] | buf[1] << 8);
	else
		ret = i2c_smbus_write_i2c_block_data(client, *pos, len, buf);
	if (ret < 0)
		return ret;
	return len;
}

/* Always ready: a transfer does not wait for the device to have data. */
static __poll_t wasmkm_i2c_fd_poll(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				   poll_table *pt)
{
	return EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM;
}

const struct wasmkm_fd_ops wasmkm_fd_i2c_ops = {
	.filetype = WASI_FILETYPE_CHARACTER_DEVICE,
	.read = wasmkm_i2c_fd_read,
	.write = wasmkm_i2c_fd_write,
	.poll = wasmkm_i2c_fd_poll,
	.set_flags = wasmkm_fd_set_flags_fixed,
};
