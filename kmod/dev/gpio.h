/* SPDX-License-Identifier: GPL-2.0 */
/* wasmkm: a GPIO grant's state (dev/gpio.c, dev/gpio_fd.c). */
#ifndef WASMKM_DEV_GPIO_H
#define WASMKM_DEV_GPIO_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/wasmkm.h>

#define WASMKM_GPIO_RING	64	/* events kept; older ones are dropped */

struct gpio_desc;

struct wasmkm_gpio {
	struct gpio_desc *desc;
	u32 flags;			/* WASMKM_GPIO_* of the grant */
	int irq;			/* 0: no edge grant */
	u64 irq_ts;			/* hard irq -> thread */
	char label[24];			/* the consumer name the line shows */
	wait_queue_head_t wq;		/* woken on each event */
	spinlock_t lock;		/* the ring */
	u32 seq;
	u32 head, count;
	struct wasmkm_gpio_event ring[WASMKM_GPIO_RING];
};

#endif
