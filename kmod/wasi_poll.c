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
#include <linux/mm.h>
#include "compat.h"

#include "app_mem.h"
#include "wasi_entry.h"
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

/*
 * The subscriptions are copied once and the events built in kernel memory,
 * then written last: the app may pass overlapping arrays.
 */
s32 wasmkm_do_poll_oneoff(struct wasmkm_ctx *ctx, s32 in, s32 out, s32 nsubs, s32 nevents)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	u64 mono, deadline, first = U64_MAX;
	u32 i, n = 0, fds = 0;
	u8 *subs, *evs = NULL;
	s32 ret;

	if (nsubs <= 0)
		return WASI_EINVAL;
	subs = wasmkm_app_array(ctx, in, nsubs, WASI_SUB_SIZE, WASMKM_SUBS_MAX, &ret);
	if (!subs)
		return ret;
	ret = wasmkm_app_check(ctx, out, (u64)nsubs * WASI_EVENT_SIZE);
	if (!ret)
		ret = wasmkm_app_check(ctx, nevents, 4);
	if (ret)
		goto out;
	evs = kvmalloc_array(nsubs, WASI_EVENT_SIZE, GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	ret = WASI_ENOMEM;
	if (!evs)
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
		cond_resched();
	}
	/* Something to report now: do not sleep. */
	if (!fds && first > mono) {
		ktime_t to = ns_to_ktime(min_t(u64, first - mono, KTIME_MAX));

		wait_event_interruptible_hrtimeout(inst->wq, READ_ONCE(inst->stop), to);
		ret = WASI_EINTR;	/* a stop ends the instance on the way out */
		if (READ_ONCE(inst->stop))
			goto out;
	}
	mono = ktime_get_ns();
	for (i = 0; i < nsubs; i++) {
		const u8 *sub = subs + i * WASI_SUB_SIZE;
		u8 *ev = evs + n * WASI_EVENT_SIZE;

		if (sub[8] == WASI_EVENTTYPE_CLOCK) {
			bool bad = !wasmkm_sub_deadline(sub, mono, &deadline);

			if (!bad && deadline > mono && fds)
				continue;	/* not due: an fd event came first */
			wasmkm_put_event(ev, sub, bad ? WASI_EINVAL : 0, sub[8]);
		} else if (sub[8] <= WASI_EVENTTYPE_FD_WRITE) {
			wasmkm_fd_event(inst, ev, sub);
		} else {
			wasmkm_put_event(ev, sub, WASI_EINVAL, sub[8]);
		}
		n++;
		cond_resched();
	}
	ret = wasmkm_app_write(ctx, out, evs, n * WASI_EVENT_SIZE);
	if (!ret)
		ret = wasmkm_app_put_u32(ctx, nevents, n);
out:
	kvfree(evs);
	kvfree(subs);
	return ret;
}
