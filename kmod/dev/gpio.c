// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: a GPIO line as a capability grant.  LOAD requests the line as a
 * consumer (so a line in use is refused there), sets its direction and, for
 * an edge grant, requests its interrupt; the line is held until the app is
 * unloaded.  Edges go into a bounded ring of struct wasmkm_gpio_event: when
 * it is full the oldest event is dropped, and the gap in the sequence
 * numbers tells the app how many it missed.
 */
#include <linux/capability.h>
#include <linux/gpio.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/driver.h>
#include <linux/interrupt.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/wait.h>

/* First: compat.h has the GPIO helpers only for includers of dev/gpio.h. */
#include "dev/gpio.h"
#include "wasmkm.h"
#include "compat.h"
#include "caps.h"
#include "wasi/fd.h"
#include "dev/dev.h"

static void wasmkm_gpio_push(struct wasmkm_gpio *d, u64 ts, bool rising)
{
	struct wasmkm_gpio_event *ev;
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	if (d->count == WASMKM_GPIO_RING) {
		d->head = (d->head + 1) % WASMKM_GPIO_RING;
		d->count--;
	}
	ev = &d->ring[(d->head + d->count) % WASMKM_GPIO_RING];
	ev->timestamp_ns = ts;
	ev->seq = ++d->seq;
	ev->rising = rising;
	memset(ev->pad, 0, sizeof(ev->pad));
	d->count++;
	spin_unlock_irqrestore(&d->lock, flags);
	wake_up_interruptible_poll(&d->wq, EPOLLIN | EPOLLRDNORM);
}

/* Which edge it was: the only one asked for, else the line's level now. */
static bool wasmkm_gpio_rising(struct wasmkm_gpio *d, bool can_sleep)
{
	u32 edges = d->flags & (WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING);

	if (edges != (WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING))
		return edges == WASMKM_GPIO_EDGE_RISING;
	return can_sleep ? gpiod_get_value_cansleep(d->desc) > 0 : gpiod_get_value(d->desc) > 0;
}

static irqreturn_t wasmkm_gpio_hardirq(int irq, void *data)
{
	struct wasmkm_gpio *d = data;

	d->irq_ts = ktime_get_ns();
	if (gpiod_cansleep(d->desc))
		return IRQ_WAKE_THREAD;
	wasmkm_gpio_push(d, d->irq_ts, wasmkm_gpio_rising(d, false));
	return IRQ_HANDLED;
}

static irqreturn_t wasmkm_gpio_thread(int irq, void *data)
{
	struct wasmkm_gpio *d = data;

	wasmkm_gpio_push(d, d->irq_ts, wasmkm_gpio_rising(d, true));
	return IRQ_HANDLED;
}

static int wasmkm_gpio_edges(struct wasmkm_gpio *d, const struct wasmkm_cap_gpio *c, char *error)
{
	unsigned long trigger = 0;
	int ret;

	if (c->flags & WASMKM_GPIO_EDGE_RISING)
		trigger |= IRQF_TRIGGER_RISING;
	if (c->flags & WASMKM_GPIO_EDGE_FALLING)
		trigger |= IRQF_TRIGGER_FALLING;
	ret = gpiod_to_irq(d->desc);
	if (ret < 0) {
		snprintf(error, WASMKM_ERROR_LEN,
			 "gpio:%.32s:%u: the line has no interrupt for edges (error %d)", c->chip, c->line, ret);
		return ret;
	}
	d->irq = ret;
	ret = request_threaded_irq(d->irq, wasmkm_gpio_hardirq, wasmkm_gpio_thread,
				   IRQF_ONESHOT | trigger, d->label, d);
	if (ret) {
		d->irq = 0;
		snprintf(error, WASMKM_ERROR_LEN,
			 "gpio:%.32s:%u: cannot request the line's interrupt (error %d)", c->chip, c->line, ret);
	}
	return ret;
}

static void wasmkm_gpio_put(struct wasmkm_grant *g);

static bool wasmkm_has_nonprint(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] <= ' ' || s[i] > '~')
			return true;
	return false;
}

static int wasmkm_gpio_get(struct wasmkm_app *app, struct wasmkm_grant *g,
			   const struct wasmkm_cap *cap, char *error)
{
	const u32 known = WASMKM_GPIO_OUT | WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING;
	const struct wasmkm_cap_gpio *c = &cap->gpio;
	struct wasmkm_gpio *d;
	size_t len;
	int ret;

	ret = wasmkm_dev_capable(error);
	if (ret)
		return ret;
	len = strnlen(c->chip, sizeof(c->chip));
	if (!len || len == sizeof(c->chip)) {
		snprintf(error, WASMKM_ERROR_LEN,
			 "chip name empty or longer than %u bytes",
			 WASMKM_GPIO_CHIP_LEN - 1);
		return -EINVAL;
	}
	/* The name goes into error texts and the kernel log: printable only. */
	if (wasmkm_has_nonprint(c->chip, len)) {
		snprintf(error, WASMKM_ERROR_LEN,
			 "chip name has a byte that is not printable ASCII");
		return -EINVAL;
	}
	if (cap->flags || cap->dir_fd || cap->reserved || c->flags & ~known ||
	    ((c->flags & WASMKM_GPIO_OUT) && (c->flags & ~WASMKM_GPIO_OUT))) {
		snprintf(error, WASMKM_ERROR_LEN,
			 "gpio:%s:%u: unknown flags, or edges on an output",
			 c->chip, c->line);
		return -EINVAL;
	}
	d = kzalloc(sizeof(*d), GFP_KERNEL_ACCOUNT);
	if (!d)
		return -ENOMEM;
	spin_lock_init(&d->lock);
	init_waitqueue_head(&d->wq);
	d->flags = c->flags;
	strscpy(d->label, "wasmkm", sizeof(d->label));
	ret = wasmkm_gpio_request(c->chip, c->line, d->label, &d->desc);
	if (ret) {
		snprintf(error, WASMKM_ERROR_LEN, "gpio:%s:%u: %s", c->chip,
			 c->line,
			 ret == -ENODEV ? "no GPIO chip with that label" :
			 ret == -EINVAL ? "no such line on the chip" :
			 ret == -EBUSY ? "the line is in use" : "cannot request the line");
		kfree(d);
		return ret;
	}
	if (c->flags & WASMKM_GPIO_OUT)
		ret = gpiod_direction_output(d->desc, 0);
	else
		ret = gpiod_direction_input(d->desc);
	if (ret)
		snprintf(error, WASMKM_ERROR_LEN,
			 "gpio:%s:%u: cannot set the direction (error %d)",
			 c->chip, c->line, ret);
	else if (c->flags & (WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING))
		ret = wasmkm_gpio_edges(d, c, error);
	g->priv = d;
	if (ret)
		wasmkm_gpio_put(g);
	return ret;
}

static void wasmkm_gpio_put(struct wasmkm_grant *g)
{
	struct wasmkm_gpio *d = g->priv;

	if (d->irq)
		free_irq(d->irq, d);
	gpiod_put(d->desc);
	kfree(d);
	g->priv = NULL;
}

static int wasmkm_gpio_preopen(struct wasmkm_inst *inst, struct wasmkm_grant *g,
			       struct wasmkm_fd *fd)
{
	struct wasmkm_gpio *d = g->priv;

	fd->ops = &wasmkm_fd_gpio_ops;
	fd->priv = d;
	fd->rights = WASI_RIGHT_FD_READ | WASI_RIGHT_POLL_FD_READWRITE |
		     WASI_RIGHT_FD_FDSTAT_SET_FLAGS;
	if (d->flags & WASMKM_GPIO_OUT)
		fd->rights |= WASI_RIGHT_FD_WRITE;
	fd->rights_inh = 0;
	return 0;
}

const struct wasmkm_cap_type wasmkm_cap_gpio = {
	.kind = WASMKM_CAP_GPIO,
	.name = "gpio",
	.get = wasmkm_gpio_get,
	.put = wasmkm_gpio_put,
	.preopen = wasmkm_gpio_preopen,
};
