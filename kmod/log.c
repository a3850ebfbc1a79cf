// SPDX-License-Identifier: GPL-2.0
/* wasmkm: per-instance log ring (stdout and stderr) and its reader. */
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include <linux/capability.h>
#include <linux/cred.h>

#include "wasmkm.h"

int wasmkm_log_init(struct wasmkm_inst *inst)
{
	inst->log = vmalloc(WASMKM_LOG_SIZE);
	return inst->log ? 0 : -ENOMEM;
}

void wasmkm_log_append(struct wasmkm_inst *inst, const char *data, size_t len)
{
	size_t skip = 0, off, n;

	if (len > WASMKM_LOG_SIZE) {
		skip = len - WASMKM_LOG_SIZE;
		data += skip;
		len -= skip;
	}
	spin_lock(&inst->log_lock);
	inst->log_head += skip;
	while (len) {
		off = inst->log_head % WASMKM_LOG_SIZE;
		n = min_t(size_t, len, WASMKM_LOG_SIZE - off);
		memcpy(inst->log + off, data, n);
		inst->log_head += n;
		data += n;
		len -= n;
	}
	spin_unlock(&inst->log_lock);
	wake_up_all(&inst->wq);
}

static bool wasmkm_log_ready(struct wasmkm_inst *inst, u64 pos)
{
	bool ready;

	spin_lock(&inst->log_lock);
	ready = inst->log_head > pos;
	spin_unlock(&inst->log_lock);
	/* state is set before the final wake-up, completion after it */
	return ready || READ_ONCE(inst->state) != WASMKM_INST_RUNNING;
}

int wasmkm_logs_read(struct wasmkm_logs *arg)
{
	struct wasmkm_inst *inst = wasmkm_inst_get(arg->inst_id);
	u64 pos = arg->pos, oldest, off;
	u32 len, n;
	char *buf;
	int ret = 0;

	if (!inst)
		return -ENOENT;
	if (!uid_eq(current_euid(), inst->owner_uid) && !capable(CAP_SYS_ADMIN)) {
		ret = -EPERM;
		goto out;
	}
	if ((arg->flags & WASMKM_LOGS_WAIT) &&
	    wait_event_interruptible(inst->wq, wasmkm_log_ready(inst, pos))) {
		ret = -EINTR;
		goto out;
	}
	len = min_t(u32, arg->buf_len, WASMKM_LOG_SIZE);
	buf = kvmalloc(max_t(u32, len, 1), GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out;
	}
	spin_lock(&inst->log_lock);
	oldest = inst->log_head > WASMKM_LOG_SIZE ? inst->log_head - WASMKM_LOG_SIZE : 0;
	arg->dropped = 0;
	if (pos < oldest) {
		arg->dropped = oldest - pos;
		pos = oldest;
	}
	if (pos > inst->log_head)
		pos = inst->log_head;
	len = min_t(u64, len, inst->log_head - pos);
	for (n = 0; n < len; ) {
		u32 chunk;

		off = (pos + n) % WASMKM_LOG_SIZE;
		chunk = min_t(u64, len - n, WASMKM_LOG_SIZE - off);
		memcpy(buf + n, inst->log + off, chunk);
		n += chunk;
	}
	spin_unlock(&inst->log_lock);
	arg->len = len;
	arg->next = pos + len;
	arg->state = completion_done(&inst->done) ? READ_ONCE(inst->state) : WASMKM_INST_RUNNING;
	if (len && copy_to_user(u64_to_user_ptr(arg->buf), buf, len))
		ret = -EFAULT;
	kvfree(buf);
out:
	wasmkm_inst_put(inst);
	return ret;
}
