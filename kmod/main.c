// SPDX-License-Identifier: GPL-2.0
/* wasmkm: module init/exit and the /dev/wasm misc device. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>

#include "wasmkm.h"

unsigned int wasmkm_mem_max_default = 16384;
module_param_named(mem_max_pages, wasmkm_mem_max_default, uint, 0644);
MODULE_PARM_DESC(mem_max_pages, "Upper bound of an app's linear memory, 64 KiB pages");

bool wasmkm_mirror_printk;
module_param_named(mirror_printk, wasmkm_mirror_printk, bool, 0644);
MODULE_PARM_DESC(mirror_printk, "Also print app stdout/stderr with pr_info");

static const struct file_operations wasmkm_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = wasmkm_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice wasmkm_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "wasm",
	.fops = &wasmkm_fops,
	.mode = 0600,
};

static int __init wasmkm_init(void)
{
	int ret = wasmkm_insts_init();

	if (ret)
		return ret;
	ret = misc_register(&wasmkm_misc);
	if (ret)
		wasmkm_insts_exit();
	return ret;
}

static void __exit wasmkm_exit(void)
{
	misc_deregister(&wasmkm_misc);
	wasmkm_registry_exit();
	wasmkm_insts_exit();
}

module_init(wasmkm_init);
module_exit(wasmkm_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Run ahead-of-time compiled WebAssembly apps as kernel threads");
