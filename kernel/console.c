/* kernel/console.c: the console and the kernel log over the serial ports. */
#include "kernel/console.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/serial.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/lib/format.h"
#include "kernel/lock.h"
#include "kernel/thread.h"
#include "kernel/tty.h"
#include "kernel/uapi/errno.h"

static bool have_com2;
static bool quiet;
static bool log_on_com1 = true;
static bool raw;

/* Console input, edited by the line discipline as it arrives (at IRQ
 * time, or by console_inject); guarded by input_lock (a spinlock: the
 * interrupt handler takes it too). */
static struct spinlock input_lock = SPINLOCK_INIT("console input");
static struct tty input;
static struct waitq readers = WAITQ_INIT;  /* in console_read() */
static struct console_echo_capture *echo_capture;  /* for tests, or NULL */

static void echo_sink(void *ctx, const char *s, unsigned n)
{
	struct console_echo_capture *c = echo_capture;
	if (!c) {
		console_write(s, n);
		return;
	}
	for (unsigned i = 0; i < n && c->len + 1 < c->size; i++)
		c->buf[c->len++] = s[i];
	c->buf[c->len] = '\0';
}

void console_init(void)
{
	serial_init(COM1);
	have_com2 = serial_init(COM2);
	tty_init(&input, echo_sink, NULL);
}

void console_set_log(bool q, bool on_com1)
{
	quiet = q;
	log_on_com1 = on_com1;
}

static void com1_sink(void *ctx, char c)
{
	serial_putc(COM1, c);
}

/* The log sink: ctx says whether COM1 shows this message. */
static void log_sink(void *ctx, char c)
{
	if (*(bool *)ctx)
		serial_putc(COM1, c);
	if (have_com2)
		serial_putc(COM2, c);
}

void kvprintf(const char *fmt, va_list ap)
{
	format(com1_sink, NULL, fmt, ap);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
}

void console_set_raw(bool r)
{
	bool irq = irq_save();
	raw = r;
	tty_set_raw(&input, r);
	irq_restore(irq);
}

void console_capture_echo(struct console_echo_capture *c)
{
	bool irq = irq_save();
	echo_capture = c;
	if (c && c->size)
		c->buf[c->len = 0] = '\0';
	irq_restore(irq);
}

void console_write(const char *buf, unsigned len)
{
	for (unsigned i = 0; i < len; i++) {
		if (raw)
			serial_put_raw(COM1, buf[i]);
		else
			serial_putc(COM1, buf[i]);
	}
}

void klog(enum log_level level, const char *fmt, ...)
{
	bool on_console = log_on_com1 && (level <= LOG_WARN || !quiet);
	va_list ap;
	va_start(ap, fmt);
	format(log_sink, &on_console, fmt, ap);
	va_end(ap);
}

/* Take typed bytes; wake the readers once there is a line. */
static void input_take(const char *buf, unsigned n)
{
	spin_lock(&input_lock);
	bool readable = false;
	for (unsigned i = 0; i < n; i++)
		readable |= tty_input(&input, buf[i]);
	if (readable)
		waitq_wake_all(&readers);
	spin_unlock(&input_lock);
}

static void com1_irq(struct trapframe *tf)
{
	int c;
	while ((c = serial_getc(COM1)) >= 0) {
		char ch = (char)c;
		input_take(&ch, 1);
	}
}

void console_input_init(void)
{
	irq_register(4, com1_irq);
	serial_enable_rx_irq(COM1);
}

struct waitq *console_input_waitq(void)
{
	return &readers;
}

void console_inject(const char *buf, unsigned n)
{
	input_take(buf, n);
}

int console_read(char *buf, unsigned n)
{
	spin_lock(&input_lock);  /* no byte slips in between test and sleep */
	int r = 0;
	while (!tty_readable(&input)) {
		r = waitq_sleep(&readers, &input_lock, 0, WAIT_INTERRUPTIBLE);
		if (r) {
			r = -ERESTARTSYS;  /* EINTR, or restarted (SA_RESTART) */
			goto out;
		}
	}
	r = (int)tty_read(&input, buf, n);
out:
	spin_unlock(&input_lock);
	return r;
}

unsigned console_input_ready(void)
{
	spin_lock(&input_lock);
	unsigned n = tty_readable(&input) ? input.line - input.tail : 0;
	spin_unlock(&input_lock);
	return n;
}
