// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: per-instance log ring (stdout and stderr) and its reader.
 *
 * A pure ring buffer: who may read it is decided by the caller (ioctl.c).
 * One byte ring keeps both streams in the order the app wrote them; a
 * second, small ring remembers where the app switched between stdout and
 * stderr (WASMKM_LOG_RUNS entries), so that a reader can keep them apart.
 * Both live in one vmalloc block of fixed size: WASMKM_LOG_SIZE bytes plus
 * 8 bytes per run, whatever the app writes.
 */
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "wasmkm.h"

int wasmkm_log_init(struct wasmkm_inst *inst)
{
	inst->log = __vmalloc(WASMKM_LOG_SIZE + WASMKM_LOG_RUNS * sizeof(u64), GFP_KERNEL_ACCOUNT);
	if (!inst->log)
		return -ENOMEM;
	inst->log_runs = (u64 *)(inst->log + WASMKM_LOG_SIZE);
	inst->log_run_first = 0;
	inst->log_nruns = 0;
	return 0;
}

static u64 wasmkm_log_run(struct wasmkm_inst *inst, u32 k)
{
	return inst->log_runs[(inst->log_run_first + k) % WASMKM_LOG_RUNS];
}

/* A new run starts at log_head unless the last one is of @err's stream. */
static void wasmkm_log_mark(struct wasmkm_inst *inst, u64 err)
{
	lockdep_assert_held(&inst->log_lock);
	if (inst->log_nruns && (wasmkm_log_run(inst, inst->log_nruns - 1) & 1) == err)
		return;
	if (inst->log_nruns == WASMKM_LOG_RUNS) {
		inst->log_run_first = (inst->log_run_first + 1) % WASMKM_LOG_RUNS;
		inst->log_nruns--;
	}
	inst->log_runs[(inst->log_run_first + inst->log_nruns) % WASMKM_LOG_RUNS] =
		inst->log_head << 1 | err;
	inst->log_nruns++;
}

/* @fd 2 is stderr, anything else stdout. */
void wasmkm_log_write(struct wasmkm_inst *inst, u32 fd, const char *data, size_t len)
{
	size_t skip = 0, off, n;

	if (len > WASMKM_LOG_SIZE) {
		skip = len - WASMKM_LOG_SIZE;
		data += skip;
		len -= skip;
	}
	spin_lock(&inst->log_lock);
	wasmkm_log_mark(inst, fd == 2);
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

/*
 * With WASMKM_LOGS_STREAMS: moves *pos to the oldest byte whose stream is
 * known if it is older, and returns how many bytes from *pos are of its
 * stream (*err: 1 for stderr).  Runs are sorted: binary search.
 */
static u64 wasmkm_log_stream_run(struct wasmkm_inst *inst, u64 *pos, u32 *err)
{
	u32 lo = 0, hi = inst->log_nruns, mid;
	u64 end;

	lockdep_assert_held(&inst->log_lock);
	if (!hi) {
		*err = 0;
		return inst->log_head - *pos;
	}
	if (*pos < wasmkm_log_run(inst, 0) >> 1)
		*pos = wasmkm_log_run(inst, 0) >> 1;
	/* the last run that starts at or before *pos */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (wasmkm_log_run(inst, mid) >> 1 <= *pos)
			lo = mid;
		else
			hi = mid;
	}
	*err = wasmkm_log_run(inst, lo) & 1;
	end = lo + 1 < inst->log_nruns ? wasmkm_log_run(inst, lo + 1) >> 1 : inst->log_head;
	return end > *pos ? end - *pos : 0;
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

int wasmkm_logs_read(struct wasmkm_inst *inst, struct wasmkm_logs *arg)
{
	bool streams = arg->flags & WASMKM_LOGS_STREAMS;
	u64 pos = arg->pos, oldest, off, avail;
	u32 len, n, err = 0;
	char *buf;
	int ret = 0;

	if ((arg->flags & WASMKM_LOGS_WAIT) &&
	    wait_event_interruptible(inst->wq, wasmkm_log_ready(inst, pos)))
		return -EINTR;
	len = min_t(u32, arg->buf_len, WASMKM_LOG_SIZE);
	buf = kvmalloc(max_t(u32, len, 1), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	spin_lock(&inst->log_lock);
	oldest = inst->log_head > WASMKM_LOG_SIZE ? inst->log_head - WASMKM_LOG_SIZE : 0;
	if (pos > inst->log_head)
		pos = inst->log_head;
	if (pos < oldest)
		pos = oldest;
	avail = inst->log_head - pos;
	if (streams)
		avail = wasmkm_log_stream_run(inst, &pos, &err);
	arg->dropped = pos > arg->pos ? pos - arg->pos : 0;
	len = min_t(u64, len, avail);
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
	arg->stream = streams ? err + 1 : 0;
	arg->state = wasmkm_inst_ended(inst) ? READ_ONCE(inst->state) : WASMKM_INST_RUNNING;
	if (len && copy_to_user(u64_to_user_ptr(arg->buf), buf, len))
		ret = -EFAULT;
	kvfree(buf);
	return ret;
}
