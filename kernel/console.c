/* kernel/console.c: the console and the kernel log over the serial ports. */
#include "kernel/console.h"

#include "kernel/arch/x86/serial.h"
#include "kernel/lib/format.h"

static bool have_com2;
static bool quiet;
static bool log_on_com1 = true;
static bool raw;

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
