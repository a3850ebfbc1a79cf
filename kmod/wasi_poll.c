// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI poll_oneoff.  Clock subscriptions sleep (interruptibly by a
 * stop request).  Every descriptor an app can hold (files, directories,
 * stdin at end of file, the log) is always ready, as poll(2) says of
 * regular files, so an fd subscription is reported at once.
 */
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/wait.h>
#include "compat.h"

#include "wasmkm.h"

#define WASI_SUB_SIZE	48
#define WASI_EVENT_SIZE	32

/* Monotonic deadline of a clock subscription, or false for a bad clock id. */
static bool wasmkm_sub_deadline(const u8 *sub, u64 mono_now, u64 *deadline)
{
	u32 clock = get_unaligned_le32(sub + 16);
	u64 timeout = get_unaligned_le64(sub + 24);
	u16 flags = get_unaligned_le16(sub + 40);
	u64 now;

	if (!wasmkm_clock_now(clock, &now))
		return false;
	if (!(flags & WASI_SUBCLOCKFLAG_ABSTIME))
		*deadline = mono_now + min_t(u64, timeout, U64_MAX - mono_now);
	else if (timeout <= now)
		*deadline = mono_now;
	else
		*deadline = mono_now + min_t(u64, timeout - now, U64_MAX - mono_now);
	return true;
}

static void wasmkm_put_event(u8 *ev, const u8 *sub, u16 error, u8 type)
{
	memset(ev, 0, WASI_EVENT_SIZE);
	memcpy(ev, sub, 8);		/* userdata */
	put_unaligned_le16(error, ev + 8);
	ev[10] = type;
}

/* The event of an fd_read or fd_write subscription: bytes available, hangup. */
static void wasmkm_fd_event(struct wasmkm_inst *inst, u8 *ev, const u8 *sub)
{
	s32 fd = get_unaligned_le32(sub + 16);
	struct wasmkm_fd *f;
	s32 err;

	f = wasmkm_fd_get(inst, fd, WASI_RIGHT_POLL_FD_READWRITE, &err);
	if (!f) {
		wasmkm_put_event(ev, sub, err, sub[8]);
		return;
	}
	wasmkm_put_event(ev, sub, 0, sub[8]);
	if (sub[8] != WASI_EVENTTYPE_FD_READ)
		return;
	if (f->type == WASMKM_FD_STDIN) {
		put_unaligned_le16(WASI_EVENT_FD_READWRITE_HANGUP, ev + 24);
	} else if (f->type == WASMKM_FD_FILE && !(f->file->f_mode & FMODE_PATH)) {
		loff_t size = i_size_read(file_inode(f->file));

		if (size > f->file->f_pos)
			put_unaligned_le64(size - f->file->f_pos, ev + 16);
	}
}

s32 wasmkm_wasi_poll_oneoff(struct wasmkm_ctx *ctx, s32 in, s32 out, s32 nsubs, s32 nevents)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u64 mono, deadline, first = U64_MAX;
	u8 *subs, *evs, *pn;
	u32 i, n = 0, fds = 0;
	s32 ret = WASI_EFAULT;

	wasmkm_fpu_leave(ctx);
	if (nsubs <= 0) {
		ret = WASI_EINVAL;
		goto out;
	}
	subs = wasmkm_mem_ptr(ctx, in, (u64)nsubs * WASI_SUB_SIZE);
	evs = wasmkm_mem_ptr(ctx, out, (u64)nsubs * WASI_EVENT_SIZE);
	pn = wasmkm_mem_ptr(ctx, nevents, 4);
	if (!subs || !evs || !pn)
		goto out;
	mono = ktime_get_ns();
	for (i = 0; i < nsubs; i++) {
		const u8 *sub = subs + i * WASI_SUB_SIZE;

		if (sub[8] != WASI_EVENTTYPE_CLOCK)
			fds++;
		else if (!wasmkm_sub_deadline(sub, mono, &deadline))
			fds++;
		else
			first = min(first, deadline);
	}
	/* Something to report now: do not sleep. */
	if (!fds && first > mono) {
		ktime_t to = ns_to_ktime(min_t(u64, first - mono, KTIME_MAX));

		wait_event_interruptible_hrtimeout(inst->wq, READ_ONCE(inst->stop), to);
		if (READ_ONCE(inst->stop))
			wasmkm_end(inst, WASMKM_INST_STOPPED, 0, 0, ~0U);
	}
	mono = ktime_get_ns();
	/* subs and evs may overlap: copy each subscription first. */
	for (i = 0; i < nsubs; i++) {
		u8 sub[WASI_SUB_SIZE];

		memcpy(sub, subs + i * WASI_SUB_SIZE, sizeof(sub));
		if (sub[8] == WASI_EVENTTYPE_CLOCK) {
			if (!wasmkm_sub_deadline(sub, mono, &deadline))
				wasmkm_put_event(evs + n++ * WASI_EVENT_SIZE, sub, WASI_EINVAL,
						 sub[8]);
			else if (deadline <= mono || fds == 0)
				wasmkm_put_event(evs + n++ * WASI_EVENT_SIZE, sub, 0, sub[8]);
		} else if (sub[8] <= WASI_EVENTTYPE_FD_WRITE) {
			wasmkm_fd_event(inst, evs + n++ * WASI_EVENT_SIZE, sub);
		} else {
			wasmkm_put_event(evs + n++ * WASI_EVENT_SIZE, sub, WASI_EINVAL, sub[8]);
		}
	}
	put_unaligned_le32(n, pn);
	ret = WASI_ESUCCESS;
out:
	wasmkm_fpu_enter(ctx);
	return ret;
}
EXPORT_SYMBOL_GPL(wasmkm_wasi_poll_oneoff);
