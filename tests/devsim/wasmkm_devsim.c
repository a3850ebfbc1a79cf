// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm_devsim: simulated hardware for the device-grant tests (test-only,
 * never installed).  Debian's kernels lack gpio-sim and gpio-mockup, and
 * i2c-stub only on x86-64, so the guest loads this module instead:
 *
 *  - an I2C adapter named "wasmkm-devsim" with one device at 0x48: a
 *    256-byte register file with an auto-incrementing pointer (a write's
 *    first byte sets the pointer, further bytes are stored; a read reads
 *    from the pointer), so SMBus byte/word/I2C-block transfers and raw
 *    transfers all work.  Register 0-1: a temperature, big-endian, in
 *    1/256 degrees C (LM75 style).  Other addresses NAK (-ENXIO).
 *  - a gpiochip labelled "wasmkm-devsim" with 8 lines, each an input or an
 *    output as its consumer asks, with edge interrupts on the inputs.
 *
 * The test drives both through debugfs (wasmkm_devsim/):
 *   regs        the register file: read or write at a file offset
 *   gpio        write "LINE VALUE" to set an input's level (an edge fires
 *               the line's interrupt if one is requested for that edge;
 *               the write returns once its handlers ran);
 *               read: one character per line, its level ('0' or '1')
 *   i2c_bus     the adapter's bus number
 */
#include <linux/debugfs.h>
#include <linux/gpio/driver.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

#define DEVSIM_NAME	"wasmkm-devsim"
#define DEVSIM_ADDR	0x48
#define DEVSIM_LINES	8

static struct {
	struct mutex i2c_lock;		/* regs and ptr */
	u8 regs[256];
	u8 ptr;
	struct i2c_adapter adap;

	spinlock_t lock;		/* the gpio state below */
	unsigned long level;		/* bit per line */
	unsigned long is_out;
	unsigned long irq_en;
	unsigned long pending;
	unsigned int irq_type[DEVSIM_LINES];
	struct irq_work work;
	struct gpio_chip gc;

	struct dentry *dir;
} sim;

/* ------------------------------------------------------------------ I2C */
static int devsim_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	int i;
	u16 j;

	mutex_lock(&sim.i2c_lock);
	for (i = 0; i < num; i++) {
		struct i2c_msg *m = &msgs[i];

		if (m->addr != DEVSIM_ADDR || (m->flags & I2C_M_TEN)) {
			mutex_unlock(&sim.i2c_lock);
			return -ENXIO;
		}
		if (m->flags & I2C_M_RD) {
			for (j = 0; j < m->len; j++)
				m->buf[j] = sim.regs[sim.ptr++];
		} else if (m->len) {
			sim.ptr = m->buf[0];
			for (j = 1; j < m->len; j++)
				sim.regs[sim.ptr++] = m->buf[j];
		}
	}
	mutex_unlock(&sim.i2c_lock);
	return num;
}

static u32 devsim_func(struct i2c_adapter *adap)
{
	return I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL;
}

static const struct i2c_algorithm devsim_algo = {
	.master_xfer = devsim_xfer,
	.functionality = devsim_func,
};

/* ----------------------------------------------------------------- GPIO */
static int devsim_get(struct gpio_chip *gc, unsigned int off)
{
	return test_bit(off, &sim.level);
}

static void devsim_set(struct gpio_chip *gc, unsigned int off, int val)
{
	unsigned long flags;

	spin_lock_irqsave(&sim.lock, flags);
	if (test_bit(off, &sim.is_out))
		assign_bit(off, &sim.level, val);
	spin_unlock_irqrestore(&sim.lock, flags);
}

static int devsim_dir_in(struct gpio_chip *gc, unsigned int off)
{
	clear_bit(off, &sim.is_out);
	return 0;
}

static int devsim_dir_out(struct gpio_chip *gc, unsigned int off, int val)
{
	set_bit(off, &sim.is_out);
	devsim_set(gc, off, val);
	return 0;
}

static int devsim_get_dir(struct gpio_chip *gc, unsigned int off)
{
	return test_bit(off, &sim.is_out) ? GPIO_LINE_DIRECTION_OUT : GPIO_LINE_DIRECTION_IN;
}

static void devsim_irq_mask(struct irq_data *d)
{
	clear_bit(irqd_to_hwirq(d), &sim.irq_en);
	gpiochip_disable_irq(&sim.gc, irqd_to_hwirq(d));
}

/* An edge latched while the line was masked fires now, as on real chips. */
static void devsim_irq_unmask(struct irq_data *d)
{
	unsigned long flags;

	gpiochip_enable_irq(&sim.gc, irqd_to_hwirq(d));
	spin_lock_irqsave(&sim.lock, flags);
	set_bit(irqd_to_hwirq(d), &sim.irq_en);
	if (test_bit(irqd_to_hwirq(d), &sim.pending))
		irq_work_queue(&sim.work);
	spin_unlock_irqrestore(&sim.lock, flags);
}

static int devsim_irq_set_type(struct irq_data *d, unsigned int type)
{
	if (type & ~IRQ_TYPE_EDGE_BOTH)
		return -EINVAL;
	WRITE_ONCE(sim.irq_type[irqd_to_hwirq(d)], type);
	clear_bit(irqd_to_hwirq(d), &sim.pending);	/* a new user: no stale edge */
	return 0;
}

static const struct irq_chip devsim_irqchip = {
	.name = DEVSIM_NAME,
	.irq_mask = devsim_irq_mask,
	.irq_unmask = devsim_irq_unmask,
	.irq_set_type = devsim_irq_set_type,
	.flags = IRQCHIP_IMMUTABLE,
	GPIOCHIP_IRQ_RESOURCE_HELPERS,
};

/* Runs in hard interrupt context, as a real chip's interrupt would. */
static void devsim_irq_work(struct irq_work *work)
{
	unsigned long pending, flags;
	unsigned int line;

	spin_lock_irqsave(&sim.lock, flags);
	pending = sim.pending & sim.irq_en;	/* masked lines keep theirs */
	sim.pending &= ~pending;
	spin_unlock_irqrestore(&sim.lock, flags);
	for_each_set_bit(line, &pending, DEVSIM_LINES)
		generic_handle_domain_irq(sim.gc.irq.domain, line);
}

static void devsim_set_input(unsigned int line, bool val)
{
	unsigned long flags;
	bool old;
	unsigned int want;

	spin_lock_irqsave(&sim.lock, flags);
	if (test_bit(line, &sim.is_out)) {
		spin_unlock_irqrestore(&sim.lock, flags);
		return;
	}
	old = test_bit(line, &sim.level);
	assign_bit(line, &sim.level, val);
	want = val ? IRQ_TYPE_EDGE_RISING : IRQ_TYPE_EDGE_FALLING;
	/*
	 * An edge is latched even while the line is masked (a oneshot handler
	 * masks it until its thread ran) and fires on unmask; two edges
	 * between interrupts still make one, as on a real chip.
	 */
	if (old != val && (READ_ONCE(sim.irq_type[line]) & want)) {
		set_bit(line, &sim.pending);
		if (test_bit(line, &sim.irq_en))
			irq_work_queue(&sim.work);
	}
	spin_unlock_irqrestore(&sim.lock, flags);
}

/* -------------------------------------------------------------- debugfs */
static ssize_t regs_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	u8 copy[sizeof(sim.regs)];

	mutex_lock(&sim.i2c_lock);
	memcpy(copy, sim.regs, sizeof(copy));
	mutex_unlock(&sim.i2c_lock);
	return simple_read_from_buffer(buf, n, pos, copy, sizeof(copy));
}

static ssize_t regs_write(struct file *f, const char __user *buf, size_t n, loff_t *pos)
{
	u8 copy[sizeof(sim.regs)];
	ssize_t ret;
	loff_t p = *pos;

	ret = simple_write_to_buffer(copy, sizeof(copy), &p, buf, n);
	if (ret <= 0)
		return ret;
	mutex_lock(&sim.i2c_lock);
	memcpy(sim.regs + *pos, copy + *pos, ret);
	mutex_unlock(&sim.i2c_lock);
	*pos = p;
	return ret;
}

static const struct file_operations regs_fops = {
	.owner = THIS_MODULE,
	.read = regs_read,
	.write = regs_write,
	.llseek = default_llseek,
};

static ssize_t gpio_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	char text[DEVSIM_LINES + 1];
	unsigned int i;

	for (i = 0; i < DEVSIM_LINES; i++)
		text[i] = test_bit(i, &sim.level) ? '1' : '0';
	text[DEVSIM_LINES] = '\n';
	return simple_read_from_buffer(buf, n, pos, text, sizeof(text));
}

static ssize_t gpio_write(struct file *f, const char __user *buf, size_t n, loff_t *pos)
{
	char text[16];
	unsigned int line, val, virq;

	if (n >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, n))
		return -EFAULT;
	text[n] = 0;
	if (sscanf(text, "%u %u", &line, &val) != 2 || line >= DEVSIM_LINES || val > 1)
		return -EINVAL;
	devsim_set_input(line, val);
	/*
	 * Return once the edge was handled, threaded handler included: the
	 * GPIO character device reads the level in its thread to tell a
	 * rising edge from a falling one, so a test that toggles again before
	 * that thread ran would see the wrong edge.
	 */
	irq_work_sync(&sim.work);
	virq = irq_find_mapping(sim.gc.irq.domain, line);
	if (virq)
		synchronize_irq(virq);
	return n;
}

static const struct file_operations gpio_fops = {
	.owner = THIS_MODULE,
	.read = gpio_read,
	.write = gpio_write,
	.llseek = default_llseek,
};

static int bus_get(void *data, u64 *val)
{
	*val = sim.adap.nr;
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(bus_fops, bus_get, NULL, "%llu\n");

/* ----------------------------------------------------------------- init */
static int __init devsim_init(void)
{
	struct gpio_irq_chip *girq;
	int ret;

	mutex_init(&sim.i2c_lock);
	spin_lock_init(&sim.lock);
	init_irq_work(&sim.work, devsim_irq_work);
	sim.regs[0] = 21;		/* 21.5 degrees C */
	sim.regs[1] = 0x80;

	sim.adap.owner = THIS_MODULE;
	sim.adap.algo = &devsim_algo;
	strscpy(sim.adap.name, DEVSIM_NAME, sizeof(sim.adap.name));
	ret = i2c_add_adapter(&sim.adap);
	if (ret)
		return ret;

	sim.gc.label = DEVSIM_NAME;
	sim.gc.owner = THIS_MODULE;
	sim.gc.base = -1;
	sim.gc.ngpio = DEVSIM_LINES;
	sim.gc.can_sleep = false;
	sim.gc.get = devsim_get;
	sim.gc.set = devsim_set;
	sim.gc.direction_input = devsim_dir_in;
	sim.gc.direction_output = devsim_dir_out;
	sim.gc.get_direction = devsim_get_dir;
	girq = &sim.gc.irq;
	gpio_irq_chip_set_chip(girq, &devsim_irqchip);
	girq->handler = handle_simple_irq;
	girq->default_type = IRQ_TYPE_NONE;
	ret = gpiochip_add_data(&sim.gc, NULL);
	if (ret) {
		i2c_del_adapter(&sim.adap);
		return ret;
	}

	sim.dir = debugfs_create_dir("wasmkm_devsim", NULL);
	debugfs_create_file("regs", 0600, sim.dir, NULL, &regs_fops);
	debugfs_create_file("gpio", 0600, sim.dir, NULL, &gpio_fops);
	debugfs_create_file_unsafe("i2c_bus", 0400, sim.dir, NULL, &bus_fops);
	return 0;
}

static void __exit devsim_exit(void)
{
	debugfs_remove_recursive(sim.dir);	/* no new edges */
	irq_work_sync(&sim.work);
	gpiochip_remove(&sim.gc);
	i2c_del_adapter(&sim.adap);
}

module_init(devsim_init);
module_exit(devsim_exit);
MODULE_DESCRIPTION("wasmkm test-only simulated I2C sensor and GPIO chip");
MODULE_LICENSE("GPL");
