/* kernel/arch/x86/serial.h: the 16550 UART driver for COM1 and COM2. */
#ifndef ARCH_X86_SERIAL_H
#define ARCH_X86_SERIAL_H

#include <stdbool.h>

enum serial_port { COM1, COM2 };

/* Program the UART at 115200 8N1 with FIFOs on. Returns false when no UART
 * answers at that port (QEMU wires only the ports it is given). */
bool serial_init(enum serial_port port);

/* Write one byte, waiting for the transmitter; "\n" is sent as "\r\n",
 * as a terminal wants. */
void serial_putc(enum serial_port port, char c);

/* Write one byte exactly as it is. */
void serial_put_raw(enum serial_port port, char c);

/* Raise the port's IRQ (4 for COM1, 3 for COM2) when a byte arrives. */
void serial_enable_rx_irq(enum serial_port port);

/* Return the next received byte, or -1 if none is waiting. */
int serial_getc(enum serial_port port);

#endif
