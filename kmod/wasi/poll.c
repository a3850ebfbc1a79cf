// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: WASI poll_oneoff on the kernel's vfs_poll() and wait queues.
 * A descriptor subscription asks the descriptor's ->poll (a regular file
 * is always ready, a FIFO or pipe only with data, room or a hangup; stdin
 * is at end of file, the log always writable); if nothing is ready and no
 * clock is due, the thread sleeps on the wait queues the descriptors joined
 * until one wakes it, the first clock deadline passes or a stop is asked
 * (the stop's signal and inst->wq both end the sleep).
 */
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>
#include "compat.h"

#include "app_mem.h"
#include "wasi/entry.h"
#include "wasi/fd.h"
#include "wasmkm.h"

#define WASI_SUB_SIZE	48
#define WASI_EVENT_SIZE	32
/* Wait queues one poll may join: a file joins one or two (read, write). */
#define WASMKM_POLL_WAITS(nsubs)	(2 * (nsubs) + 1)

struct wasmkm_poll;

/* One wait queue the polling thread has joined. */
struct wasmkm_poll_wait {
	wait_queue_entry_t wait;
	wait_queue_head_t *head;
	struct wasmkm_poll *poll;
};

/* A poll table as do_select() keeps one: the joined queues, a wake flag. */
struct wasmkm_poll {
	poll_table pt;
	struct task_struct *task;
	struct wasmkm_poll_wait *waits;
	u32 nwaits;
	u32 max;
	bool triggered;
};

static int wasmkm_poll_wake(wait_queue_entry_t *wait, unsigned int mode, int sync, void *key)
{
	struct wasmkm_poll_wait *w = container_of(wait, struct wasmkm_poll_wait, wait);
	struct wasmkm_poll *p = w->poll;

	/* As __pollwake(): the flag is seen before the task runs. */
	smp_wmb();
	WRITE_ONCE(p->triggered, true);
	return wake_up_process(p->task);
}

static void wasmkm_poll_queue(struct file *file, wait_queue_head_t *head, poll_table *pt)
{
	struct wasmkm_poll *p = container_of(pt, struct wasmkm_poll, pt);
	struct wasmkm_poll_wait *w;

	if (p->nwaits >= p->max)
		return;		/* bounded: the clock or a stop still wakes us */
	w = &p->waits[p->nwaits++];
	w->head = head;
	w->poll = p;
	init_waitqueue_func_entry(&w->wait, wasmkm_poll_wake);
	add_wait_queue(head, &w->wait);
}

static void wasmkm_poll_free(struct wasmkm_poll *p)
{
	u32 i;

	for (i = 0; i < p->nwaits; i++)
		remove_wait_queue(p->waits[i].head, &p->waits[i].wait);
	kvfree(p->waits);
}

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

/*
 * The event of an fd_read or fd_write subscription, if it is ready, from
 * the descriptor's ->poll (wasi/fd.h): bytes available (regular files),
 * hangup.  @pt joins the wait queues that will signal a change.
 */
static bool wasmkm_fd_event(struct wasmkm_inst *inst, u8 *ev, const u8 *sub, poll_table *pt)
{
	bool rd = sub[8] == WASI_EVENTTYPE_FD_READ;
	s32 fd = get_unaligned_le32(sub + 16);
	struct wasmkm_fd *f;
	__poll_t mask;
	s32 err;

	f = wasmkm_fd_get(inst, fd, WASI_RIGHT_POLL_FD_READWRITE, &err);
	if (!f) {
		wasmkm_put_event(ev, sub, err, sub[8]);
		return true;
	}
	wasmkm_put_event(ev, sub, 0, sub[8]);
	if (!f->ops->poll)
		return true;	/* never blocks */
	mask = f->ops->poll(inst, f, pt);
	if (!(mask & (rd ? EPOLLIN | EPOLLRDNORM : EPOLLOUT | EPOLLWRNORM) ||
	      mask & (EPOLLHUP | EPOLLERR)))
		return false;
	if (mask & EPOLLHUP || (rd && mask & EPOLLRDHUP))
		put_unaligned_le16(WASI_EVENT_FD_READWRITE_HANGUP, ev + 24);
	if (rd && f->file && S_ISREG(file_inode(f->file)->i_mode) &&
	    !(f->file->f_mode & FMODE_PATH)) {
		loff_t size = i_size_read(file_inode(f->file));

		if (size > f->file->f_pos)
			put_unaligned_le64(size - f->file->f_pos, ev + 16);
	}
	return true;
}

/*
 * One pass over the subscriptions: events of the ready ones into @evs, the
 * due clocks only when @clocks (nothing else was ready, or a deadline
 * passed).  Returns the number of events.
 */
static u32 wasmkm_poll_pass(struct wasmkm_inst *inst, const u8 *subs, u32 nsubs,
			    const u64 *deadlines, u64 mono, u8 *evs, poll_table *pt)
{
	u32 i, n = 0;

	for (i = 0; i < nsubs; i++) {
		const u8 *sub = subs + i * WASI_SUB_SIZE;
		u8 *ev = evs + n * WASI_EVENT_SIZE;

		if (sub[8] == WASI_EVENTTYPE_CLOCK) {
			if (deadlines[i] == U64_MAX - 1) {
				wasmkm_put_event(ev, sub, WASI_EINVAL, sub[8]);
				n++;
			} else if (deadlines[i] <= mono) {
				wasmkm_put_event(ev, sub, 0, sub[8]);
				n++;
			}
		} else if (sub[8] <= WASI_EVENTTYPE_FD_WRITE) {
			n += wasmkm_fd_event(inst, ev, sub, pt);
		} else {
			wasmkm_put_event(ev, sub, WASI_EINVAL, sub[8]);
			n++;
		}
		cond_resched();
	}
	return n;
}

/* Sleep until a file wakes us, @deadline (monotonic ns) or a stop. */
static void wasmkm_poll_sleep(struct wasmkm_inst *inst, struct wasmkm_poll *p, u64 deadline)
{
	ktime_t expires = ns_to_ktime(min_t(u64, deadline, KTIME_MAX));

	set_current_state(TASK_INTERRUPTIBLE);
	if (!READ_ONCE(p->triggered) && !READ_ONCE(inst->stop) && !signal_pending(current))
		schedule_hrtimeout_range_clock(deadline == U64_MAX ? NULL : &expires, 0,
					       HRTIMER_MODE_ABS, CLOCK_MONOTONIC);
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(p->triggered, false);
}

/*
 * The subscriptions are copied once and the events built in kernel memory,
 * then written last: the app may pass overlapping arrays.
 */
s32 wasmkm_do_poll_oneoff(struct wasmkm_ctx *ctx, s32 in, s32 out, s32 nsubs, s32 nevents)
{
	struct wasmkm_inst *inst = wasmkm_ctx_inst(ctx);
	struct wasmkm_poll p = { .task = current };
	u64 mono, first = U64_MAX, *deadlines = NULL;
	u8 *subs, *evs = NULL;
	poll_table *pt;
	u32 i, n;
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
	ret = WASI_ENOMEM;
	evs = kvmalloc_array(nsubs, WASI_EVENT_SIZE, GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	deadlines = kvmalloc_array(nsubs, sizeof(*deadlines), GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	p.max = WASMKM_POLL_WAITS(nsubs);
	p.waits = kvmalloc_array(p.max, sizeof(*p.waits), GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	if (!evs || !deadlines || !p.waits)
		goto out;
	init_poll_funcptr(&p.pt, wasmkm_poll_queue);

	/* Deadlines once, against one clock reading; U64_MAX - 1: a bad clock. */
	mono = ktime_get_ns();
	for (i = 0; i < nsubs; i++) {
		const u8 *sub = subs + i * WASI_SUB_SIZE;

		deadlines[i] = U64_MAX;
		if (sub[8] != WASI_EVENTTYPE_CLOCK)
			continue;
		if (!wasmkm_sub_deadline(sub, mono, &deadlines[i]))
			deadlines[i] = U64_MAX - 1;
		else
			first = min(first, deadlines[i]);
	}
	/* The first pass joins the wait queues, later ones only look. */
	pt = &p.pt;
	for (;;) {
		mono = ktime_get_ns();
		n = wasmkm_poll_pass(inst, subs, nsubs, deadlines, mono, evs, pt);
		pt = NULL;
		if (n)
			break;
		ret = WASI_EINTR;	/* a stop ends the instance on the way out */
		if (READ_ONCE(inst->stop))
			goto out;
		wasmkm_poll_sleep(inst, &p, first);
	}
	ret = wasmkm_app_write(ctx, out, evs, n * WASI_EVENT_SIZE);
	if (!ret)
		ret = wasmkm_app_put_u32(ctx, nevents, n);
out:
	if (p.waits)
		wasmkm_poll_free(&p);
	kvfree(deadlines);
	kvfree(evs);
	kvfree(subs);
	return ret;
}
