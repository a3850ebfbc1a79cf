// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: the descriptor of a GPIO grant (Documentation/devices.md).
 *  - fd_read on a line without edges: one byte, its value (0 or 1).
 *  - fd_read on an edge grant: whole struct wasmkm_gpio_event records, as
 *    many as fit and are queued; it waits (interruptibly) for the first
 *    unless the descriptor is NONBLOCK (then EAGAIN).  A buffer smaller
 *    than one record is EINVAL.
 *  - fd_write on an output: each byte (0 or 1, or '0' or '1') sets the line
 *    in turn; any other byte is EINVAL and sets nothing of its chunk.
 *  - poll_oneoff: an edge grant is readable when an event is queued; other
 *    lines are always ready.
 * fd_pread/fd_pwrite are ESPIPE: a line has no offsets.
 */
#include <linux/gpio/consumer.h>
#include <linux/sched/signal.h>
#include <linux/uio.h>

#include "dev/gpio.h"
#include "wasi/fd.h"
#include "wasmkm.h"
#include "dev/dev.h"

#define WASMKM_GPIO_CHUNK	8	/* events or bytes moved per copy */

static bool wasmkm_gpio_queued(struct wasmkm_gpio *d)
{
	return READ_ONCE(d->count) != 0;
}

static ssize_t wasmkm_gpio_events(struct wasmkm_fd *fd, struct wasmkm_gpio *d,
				  struct iov_iter *to)
{
	struct wasmkm_gpio_event ev[WASMKM_GPIO_CHUNK];
	size_t want = iov_iter_count(to) / sizeof(ev[0]);
	ssize_t done = 0;
	unsigned long flags;
	u32 n;

	if (!want)
		return -EINVAL;
	if (!wasmkm_gpio_queued(d)) {
		if (READ_ONCE(fd->fdflags) & WASI_FDFLAG_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(d->wq, wasmkm_gpio_queued(d)))
			return -EINTR;
	}
	while (want) {
		spin_lock_irqsave(&d->lock, flags);
		for (n = 0; n < min_t(size_t, want, WASMKM_GPIO_CHUNK) && d->count; n++) {
			ev[n] = d->ring[d->head];
			d->head = (d->head + 1) % WASMKM_GPIO_RING;
			d->count--;
		}
		spin_unlock_irqrestore(&d->lock, flags);
		if (!n)
			break;
		if (copy_to_iter(ev, n * sizeof(ev[0]), to) != n * sizeof(ev[0]))
			return done ? done : -EFAULT;
		done += n * sizeof(ev[0]);
		want -= n;
	}
	return done;
}

static ssize_t wasmkm_gpio_fd_read(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				   struct iov_iter *to, u64 *pos)
{
	struct wasmkm_gpio *d = fd->priv;
	u8 val;
	int ret;

	if (pos)
		return -ESPIPE;
	if (d->irq)
		return wasmkm_gpio_events(fd, d, to);
	if (!iov_iter_count(to))
		return 0;
	ret = gpiod_get_value_cansleep(d->desc);
	if (ret < 0)
		return ret;
	val = ret;
	return copy_to_iter(&val, 1, to) == 1 ? 1 : -EFAULT;
}

static ssize_t wasmkm_gpio_fd_write(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				    struct iov_iter *from, u64 *pos)
{
	struct wasmkm_gpio *d = fd->priv;
	u8 buf[WASMKM_GPIO_CHUNK];
	ssize_t done = 0;
	size_t n, k;

	if (pos)
		return -ESPIPE;
	if (!(d->flags & WASMKM_GPIO_OUT))
		return -EBADF;
	while (iov_iter_count(from)) {
		n = min_t(size_t, iov_iter_count(from), sizeof(buf));
		if (copy_from_iter(buf, n, from) != n)
			return done ? done : -EFAULT;
		for (k = 0; k < n; k++)
			if (buf[k] > 1 && buf[k] != '0' && buf[k] != '1')
				return done ? done : -EINVAL;
		for (k = 0; k < n; k++)
			gpiod_set_value_cansleep(d->desc, buf[k] & 1);
		done += n;
		if (READ_ONCE(inst->stop) || fatal_signal_pending(current))
			break;
		cond_resched();
	}
	return done;
}

static __poll_t wasmkm_gpio_fd_poll(struct wasmkm_inst *inst, struct wasmkm_fd *fd,
				    poll_table *pt)
{
	struct wasmkm_gpio *d = fd->priv;

	if (!d->irq)
		return EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM;
	poll_wait(NULL, &d->wq, pt);
	return wasmkm_gpio_queued(d) ? EPOLLIN | EPOLLRDNORM : 0;
}

/*
 * Only NONBLOCK can change, and it must be kept: an edge read looks at
 * fd->fdflags (wasmkm_fd_set_flags_fixed() accepts it but keeps nothing).
 */
static int wasmkm_gpio_fd_set_flags(struct wasmkm_inst *inst, struct wasmkm_fd *fd, u16 flags)
{
	int ret = wasmkm_fd_set_flags_fixed(inst, fd, flags);

	if (!ret)
		WRITE_ONCE(fd->fdflags, flags);
	return ret;
}

const struct wasmkm_fd_ops wasmkm_fd_gpio_ops = {
	.filetype = WASI_FILETYPE_CHARACTER_DEVICE,
	.read = wasmkm_gpio_fd_read,
	.write = wasmkm_gpio_fd_write,
	.poll = wasmkm_gpio_fd_poll,
	.set_flags = wasmkm_gpio_fd_set_flags,
};
