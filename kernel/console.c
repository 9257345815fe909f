/* kernel/console.c: the console and the kernel log over the serial ports. */
#include "kernel/console.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/serial.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/lib/format.h"
#include "kernel/thread.h"

#define EOF_CHAR 0x04   /* Ctrl-D */
#define INPUT_SIZE 1024 /* a power of two */

static bool have_com2;
static bool quiet;
static bool log_on_com1 = true;
static bool raw;

/* Received bytes, a ring: [tail, head) modulo INPUT_SIZE. Bytes that
 * arrive while it is full are dropped, as a UART's FIFO would. */
static char input[INPUT_SIZE];
static unsigned head, tail;
static struct thread *reader;  /* blocked in console_read(), or NULL */

void console_init(void)
{
	serial_init(COM1);
	have_com2 = serial_init(COM2);
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
	raw = r;
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

static void input_put(char c)
{
	if (head - tail < INPUT_SIZE)
		input[head++ % INPUT_SIZE] = c;
}

static void com1_irq(struct trapframe *tf)
{
	int c;
	while ((c = serial_getc(COM1)) >= 0)
		input_put((char)c);
	if (reader && head != tail)
		thread_wake(reader);
}

void console_input_init(void)
{
	irq_register(4, com1_irq);
	serial_enable_rx_irq(COM1);
}

void console_inject(const char *buf, unsigned n)
{
	bool irq = irq_save();
	for (unsigned i = 0; i < n; i++)
		input_put(buf[i]);
	irq_restore(irq);
}

unsigned console_read(char *buf, unsigned n)
{
	bool irq = irq_save();  /* no byte may slip in between test and sleep */
	while (head == tail) {
		reader = thread_current();
		thread_block();
	}
	reader = NULL;
	unsigned got = 0;
	if (input[tail % INPUT_SIZE] == EOF_CHAR) {
		tail++;  /* end of file: this read returns 0 */
	} else {
		while (got < n && head != tail && input[tail % INPUT_SIZE] != EOF_CHAR)
			buf[got++] = input[tail++ % INPUT_SIZE];
	}
	irq_restore(irq);
	return got;
}
