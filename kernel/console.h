/* kernel/console.h: kprintf and the kernel log. COM1 is the console a user
 * sees; the log goes there too unless `quiet`, and always to COM2 if wired. */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

enum log_level { LOG_ERR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Find the serial ports. Call first thing in kmain. */
void console_init(void);

/* Where the log goes: quiet (the `quiet` option) hides LOG_INFO and
 * LOG_DEBUG on COM1; on_com1 false (the `log=com2` option) keeps the whole
 * log off COM1, so that COM1 carries only what programs write. */
void console_set_log(bool quiet, bool on_com1);

/* Print to the console (COM1) unconditionally. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kvprintf(const char *fmt, va_list ap);

/* With raw on (the `console=raw` option, as tools/run-elf boots), program
 * output reaches COM1 byte for byte and input is passed through as it
 * arrives (no echo, no editing; Ctrl-D at the start of a read is end of
 * file). Off (the default), the console is a terminal in canonical mode
 * (kernel/tty.h, docs/tty.md): "\n" is sent as "\r\n", input is echoed
 * and edited, and read() returns a line once Enter completes it. */
void console_set_raw(bool raw);

/* Write a program's bytes to the console (write(1, ...)). */
void console_write(const char *buf, unsigned len);

/* True if what programs last wrote to COM1 ended inside a line (the
 * tracer then starts its line on a new one). */
bool console_mid_line(void);

/* Start taking console input by interrupt (needs trap_init first). */
void console_input_init(void);

/* Wait for console input and copy up to n bytes of it to buf: at most one
 * line in canonical mode, what has arrived in raw mode. Returns the count,
 * or 0 for end of file: Ctrl-D (0x04) at the start of a line (canonical)
 * or of a read (raw), as a terminal gives it. Blocks the calling thread
 * while nothing is readable (in canonical mode: no line is complete);
 * returns -ERESTARTSYS if a signal (or the end of its process) interrupts
 * that sleep (kernel/signal.h makes it EINTR, or restarts the read with
 * SA_RESTART). */
int console_read(char *buf, unsigned n);

/* The terminal ioctls of the console (fs/dev.c passes them on): TCGETS,
 * TCSETS, TCSETSW, TCSETSF (struct termios: ICANON, ECHO, ISIG, the
 * special characters, OPOST/ONLCR, VMIN/VTIME), and job control:
 * TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, as Linux (docs/tty.md).
 * Returns 0 or -Exxx (-ENOTTY for others); -ERESTARTSYS after sending
 * SIGTTOU to a background group that tried to change the terminal. */
long console_tty_ioctl(uint32_t cmd, uint32_t arg);

/* Session sid ended (its leader exited) or gave the console up: the
 * console controls no session, and its foreground group gets SIGHUP and
 * SIGCONT. */
void console_session_ended(int sid);

/* For tests: the foreground process group (0: none), and whether a
 * reader is blocked in console_read(). */
int console_foreground(void);
bool console_has_reader(void);

/* Bytes a read() would find without waiting (completed lines in
 * canonical mode; a Ctrl-D mark counts as one); 0 if it would block. */
unsigned console_input_ready(void);

/* The queue woken whenever console input becomes readable (poll). */
struct waitq *console_input_waitq(void);

/* Add bytes to the console input as if they had been typed (for tests):
 * edited and echoed as typed bytes are, and a waiting reader is woken. */
void console_inject(const char *buf, unsigned n);

/* For tests: while c is set, echo of typed input goes into c->buf (kept
 * NUL-terminated, at most size - 1 bytes, len counting them) instead of
 * COM1. Setting c empties it; NULL sends echo to COM1 again. */
struct console_echo_capture {
	char *buf;
	unsigned size, len;
};
void console_capture_echo(struct console_echo_capture *c);

/* Log a message at level; shown on COM1 unless quiet hides it, and always
 * copied to COM2 when that port exists. */
void klog(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define pr_err(...)  klog(LOG_ERR, __VA_ARGS__)
#define pr_warn(...) klog(LOG_WARN, __VA_ARGS__)
#define pr_info(...) klog(LOG_INFO, __VA_ARGS__)

#endif
