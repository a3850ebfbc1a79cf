// SPDX-License-Identifier: GPL-2.0
/* wasmkm: ioctl dispatch and argument copying for /dev/wasm. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "wasmkm.h"

/*
 * Read a versioned struct: the size in the cmd is not trusted, the struct's
 * own leading size field is.
 */
static int wasmkm_get_arg(void *dst, size_t ksize, void __user *uarg, u32 *usize)
{
	u32 size;

	if (get_user(size, (u32 __user *)uarg))
		return -EFAULT;
	if (size < 2 * sizeof(u32) || size > WASMKM_ARG_SIZE_MAX)
		return -EINVAL;
	*usize = size;
	return copy_struct_from_user(dst, ksize, uarg, size);
}

static int wasmkm_put_arg(void __user *uarg, const void *src, size_t ksize, u32 usize)
{
	if (copy_to_user(uarg, src, min_t(size_t, ksize, usize)))
		return -EFAULT;
	return 0;
}

static long wasmkm_ioc_load(void __user *uarg)
{
	struct wasmkm_load *arg;
	u32 usize;
	int ret, ret2;

	arg = kzalloc(sizeof(*arg), GFP_KERNEL);
	if (!arg)
		return -ENOMEM;
	ret = wasmkm_get_arg(arg, sizeof(*arg), uarg, &usize);
	if (ret)
		goto out;
	arg->app_id = 0;
	memset(arg->module_name, 0, sizeof(arg->module_name));
	memset(arg->error, 0, sizeof(arg->error));
	ret = wasmkm_load(arg);
	if (ret && arg->error[0])
		pr_info("load refused: %s\n", arg->error);
	ret2 = wasmkm_put_arg(uarg, arg, sizeof(*arg), usize);
	if (!ret)
		ret = ret2;
out:
	kfree(arg);
	return ret;
}

static long wasmkm_ioc_start(void __user *uarg)
{
	struct wasmkm_start arg;
	u32 usize;
	int ret;

	ret = wasmkm_get_arg(&arg, sizeof(arg), uarg, &usize);
	if (ret)
		return ret;
	arg.inst_id = 0;
	ret = wasmkm_inst_start(&arg);
	if (ret)
		return ret;
	return wasmkm_put_arg(uarg, &arg, sizeof(arg), usize);
}

static long wasmkm_ioc_stop(void __user *uarg)
{
	struct wasmkm_stop arg;
	u32 usize;
	int ret;

	ret = wasmkm_get_arg(&arg, sizeof(arg), uarg, &usize);
	if (ret)
		return ret;
	return wasmkm_inst_stop(arg.inst_id);
}

static long wasmkm_ioc_unload(void __user *uarg)
{
	struct wasmkm_unload arg;
	u32 usize;
	int ret;

	ret = wasmkm_get_arg(&arg, sizeof(arg), uarg, &usize);
	if (ret)
		return ret;
	return wasmkm_unload_app(arg.app_id);
}

static long wasmkm_ioc_list(void __user *uarg, bool apps)
{
	struct wasmkm_list arg;
	size_t ksize = apps ? sizeof(struct wasmkm_app_info) : sizeof(struct wasmkm_inst_info);
	void *entries = NULL;
	u32 usize, n, i, count = 0;
	int ret;

	ret = wasmkm_get_arg(&arg, sizeof(arg), uarg, &usize);
	if (ret)
		return ret;
	if (arg.capacity && (!arg.entry_size || arg.entry_size > WASMKM_ARG_SIZE_MAX))
		return -EINVAL;
	if (apps)
		ret = wasmkm_list_apps((struct wasmkm_app_info **)&entries, arg.capacity, &count);
	else
		ret = wasmkm_list_insts((struct wasmkm_inst_info **)&entries, arg.capacity, &count);
	if (ret)
		return ret;
	n = min(count, arg.capacity);
	for (i = 0; i < n; i++) {
		void __user *dst = u64_to_user_ptr(arg.entries) + (u64)i * arg.entry_size;
		size_t len = min_t(size_t, ksize, arg.entry_size);

		if (copy_to_user(dst, entries + i * ksize, len) ||
		    (arg.entry_size > ksize && clear_user(dst + ksize, arg.entry_size - ksize))) {
			ret = -EFAULT;
			break;
		}
	}
	kvfree(entries);
	if (ret)
		return ret;
	arg.count = count;
	return wasmkm_put_arg(uarg, &arg, sizeof(arg), usize);
}

static long wasmkm_ioc_logs(void __user *uarg)
{
	struct wasmkm_inst *inst;
	struct wasmkm_logs arg;
	u32 usize;
	int ret;

	ret = wasmkm_get_arg(&arg, sizeof(arg), uarg, &usize);
	if (ret)
		return ret;
	if (arg.flags & ~(WASMKM_LOGS_WAIT | WASMKM_LOGS_STREAMS))
		return -EINVAL;
	inst = wasmkm_inst_get(arg.inst_id);
	if (!inst)
		return -ENOENT;
	if (!uid_eq(current_euid(), inst->owner_uid) && !capable(CAP_SYS_ADMIN))
		ret = -EPERM;
	else
		ret = wasmkm_logs_read(inst, &arg);
	wasmkm_inst_put(inst);
	if (ret)
		return ret;
	return wasmkm_put_arg(uarg, &arg, sizeof(arg), usize);
}

static long wasmkm_ioc_app_info(void __user *uarg)
{
	struct wasmkm_app_query arg;
	struct wasmkm_app_info info;
	u32 usize;
	int ret;

	ret = wasmkm_get_arg(&arg, sizeof(arg), uarg, &usize);
	if (ret)
		return ret;
	if (arg.pad || arg.info_size > WASMKM_ARG_SIZE_MAX)
		return -EINVAL;
	memset(&info, 0, sizeof(info));
	ret = wasmkm_app_info(arg.app_id, &info);
	if (ret)
		return ret;
	if (copy_to_user(u64_to_user_ptr(arg.info), &info,
			 min_t(size_t, sizeof(info), arg.info_size)))
		return -EFAULT;
	if (arg.info_size > sizeof(info) &&
	    clear_user(u64_to_user_ptr(arg.info) + sizeof(info), arg.info_size - sizeof(info)))
		return -EFAULT;
	return 0;
}

long wasmkm_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	if (_IOC_TYPE(cmd) != WASMKM_IOC_MAGIC)
		return -ENOTTY;
	switch (_IOC_NR(cmd)) {
	case _IOC_NR(WASMKM_IOC_LOAD):
		return wasmkm_ioc_load(uarg);
	case _IOC_NR(WASMKM_IOC_START):
		return wasmkm_ioc_start(uarg);
	case _IOC_NR(WASMKM_IOC_STOP):
		return wasmkm_ioc_stop(uarg);
	case _IOC_NR(WASMKM_IOC_UNLOAD):
		return wasmkm_ioc_unload(uarg);
	case _IOC_NR(WASMKM_IOC_LIST_APPS):
		return wasmkm_ioc_list(uarg, true);
	case _IOC_NR(WASMKM_IOC_LIST_INSTS):
		return wasmkm_ioc_list(uarg, false);
	case _IOC_NR(WASMKM_IOC_LOGS):
		return wasmkm_ioc_logs(uarg);
	case _IOC_NR(WASMKM_IOC_APP_INFO):
		return wasmkm_ioc_app_info(uarg);
	}
	return -ENOTTY;
}
