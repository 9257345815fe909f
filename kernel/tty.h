/* kernel/tty.h: the terminal line discipline of the console. Canonical mode
 * (a Linux tty's default: ICANON, ECHO, ICRNL) edits input a line at a time;
 * raw mode passes bytes through. Pure: the caller locks and wakes readers. */
#ifndef KERNEL_TTY_H
#define KERNEL_TTY_H

#include <stdbool.h>

#define TTY_SIZE 4096  /* input ring, a power of two */

#define TTY_EOF   0x04  /* Ctrl-D (VEOF) */
#define TTY_ERASE 0x7f  /* Backspace (VERASE); 0x08 (Ctrl-H) erases too */
#define TTY_KILL  0x15  /* Ctrl-U (VKILL): erase the line */
#define TTY_WERASE 0x17 /* Ctrl-W (VWERASE): erase the last word */

/* Where echo goes: s[0..n), to be shown as a terminal shows program output. */
typedef void (*tty_echo_fn)(void *ctx, const char *s, unsigned n);

/* Input in one ring; indices count up forever and are used modulo
 * TTY_SIZE. Always tail <= line <= head and head - tail <= TTY_SIZE:
 *   [tail, line)  completed input that read() may take
 *   [line, head)  the line being edited (canonical mode; empty when raw)
 * In canonical mode every completed line ends in '\n' or TTY_EOF, and
 * TTY_EOF appears nowhere else: it is the mark of a line pushed by Ctrl-D,
 * never data. In raw mode TTY_EOF is a byte like any other, but a read
 * that starts at one returns end of file. */
struct tty {
	char buf[TTY_SIZE];
	unsigned tail, line, head;
	bool raw;
	bool echo_on;      /* ECHO: show what is typed */
	bool isig;         /* ISIG: intr, quit and susp send signals */
	char intr, quit, susp;  /* VINTR (Ctrl-C), VQUIT (Ctrl-\), VSUSP (Ctrl-Z) */
	int sig;           /* a signal typed (SIGINT, ...), for the caller
			      to send and clear; 0: none */
	tty_echo_fn echo;  /* NULL: no echo */
	void *echo_ctx;
};

/* Make t empty and canonical with Linux's default settings (ECHO, ISIG,
 * Ctrl-C, Ctrl-\, Ctrl-Z), echoing through echo (may be NULL). */
void tty_init(struct tty *t, tty_echo_fn echo, void *echo_ctx);

/* Switch to raw (true) or canonical (false). A line being edited when
 * switching to raw becomes readable as it is. */
void tty_set_raw(struct tty *t, bool raw);

/* Take one byte as typed: edit, echo, complete lines. Returns true if it
 * made input readable (a line completed, or any byte in raw mode). Bytes
 * that do not fit are dropped, as a full UART FIFO drops them. With isig,
 * the intr, quit and susp characters are not input: they discard what
 * was typed and not read (as Linux without NOFLSH), echo as ^C, ^\ or
 * ^Z, and leave SIGINT, SIGQUIT or SIGTSTP in t->sig. */
bool tty_input(struct tty *t, char c);

/* True if tty_read() has something to return (data or end of file). */
bool tty_readable(const struct tty *t);

/* Move up to n readable bytes to buf. Canonical: at most one line (its
 * '\n' included; a Ctrl-D mark is consumed, not copied). Raw: what has
 * arrived, up to a Ctrl-D. Returns the count, 0 for end of file (Ctrl-D at
 * the start of the read) or if nothing is readable. */
unsigned tty_read(struct tty *t, char *buf, unsigned n);

#endif
