/* kernel/arch/x86/serial.c: polled 16550 UART. Enough for a console and the
 * test log; interrupt-driven input can come with the shell. */
#include "kernel/arch/x86/serial.h"

#include "kernel/arch/x86/cpu.h"

static const uint16_t base_of[] = { [COM1] = 0x3f8, [COM2] = 0x2f8 };

enum {
	UART_DATA = 0, UART_IER = 1, UART_FCR = 2, UART_LCR = 3, UART_MCR = 4,
	UART_LSR = 5, UART_SCRATCH = 7,
	LSR_DATA_READY = 0x01, LSR_THR_EMPTY = 0x20,
};

bool serial_init(enum serial_port port)
{
	uint16_t b = base_of[port];

	/* No UART there: the scratch register does not keep what we write. */
	outb(b + UART_SCRATCH, 0x5a);
	if (inb(b + UART_SCRATCH) != 0x5a)
		return false;
	outb(b + UART_IER, 0x00);      /* polled: no interrupts */
	outb(b + UART_LCR, 0x80);      /* DLAB on to set the divisor */
	outb(b + UART_DATA, 1);        /* 115200 baud */
	outb(b + UART_IER, 0);
	outb(b + UART_LCR, 0x03);      /* 8 bits, no parity, one stop bit */
	/* FIFOs stay off: turning them on clears what already arrived, and
	 * input may come before boot (tools/run-elf pipes stdin in). */
	outb(b + UART_FCR, 0x00);
	outb(b + UART_MCR, 0x03);      /* DTR, RTS */
	return true;
}

void serial_put_raw(enum serial_port port, char c)
{
	uint16_t b = base_of[port];
	while (!(inb(b + UART_LSR) & LSR_THR_EMPTY))
		cpu_pause();
	outb(b + UART_DATA, (uint8_t)c);
}

void serial_putc(enum serial_port port, char c)
{
	if (c == '\n')
		serial_put_raw(port, '\r');
	serial_put_raw(port, c);
}

void serial_enable_rx_irq(enum serial_port port)
{
	uint16_t b = base_of[port];
	outb(b + UART_MCR, 0x0b);  /* DTR, RTS, and OUT2, which gates the IRQ */
	outb(b + UART_IER, 0x01);  /* interrupt on received data */
}

int serial_getc(enum serial_port port)
{
	uint16_t b = base_of[port];
	if (!(inb(b + UART_LSR) & LSR_DATA_READY))
		return -1;
	return inb(b + UART_DATA);
}
