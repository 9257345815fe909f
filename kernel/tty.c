/* kernel/tty.c: the console's line discipline: canonical line editing with
 * echo (as Linux's n_tty with its default termios), or raw bytes. */
#include "kernel/tty.h"

#define at(t, i) ((t)->buf[(i) % TTY_SIZE])

void tty_init(struct tty *t, tty_echo_fn echo, void *echo_ctx)
{
	t->tail = t->line = t->head = 0;
	t->raw = false;
	t->echo_on = true;
	t->isig = true;
	t->intr = 0x03;
	t->quit = 0x1c;
	t->susp = 0x1a;
	t->sig = 0;
	t->echo = echo;
	t->echo_ctx = echo_ctx;
}

void tty_set_raw(struct tty *t, bool raw)
{
	t->raw = raw;
	t->line = t->head;
}

static void echo(struct tty *t, const char *s, unsigned n)
{
	if (t->echo && t->echo_on)
		t->echo(t->echo_ctx, s, n);
}

/* Take back the last character of the line being edited, on screen too. */
static void erase_one(struct tty *t)
{
	t->head--;
	echo(t, "\b \b", 3);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* End the line being edited with c ('\n' or the Ctrl-D mark): readable. A
 * slot is always kept free for this, so it always fits. */
static bool complete_line(struct tty *t, char c)
{
	at(t, t->head++) = c;
	t->line = t->head;
	return true;
}

/* The signal c stands for, if it is a signal character (ISIG on). */
static int signal_char(const struct tty *t, char c)
{
	if (!t->isig || !c)
		return 0;
	return c == t->intr ? 2 /* SIGINT */ : c == t->quit ? 3 /* SIGQUIT */
	       : c == t->susp ? 20 /* SIGTSTP */ : 0;
}

bool tty_input(struct tty *t, char c)
{
	int sig = signal_char(t, c);
	if (sig) {
		char ctl[2] = { '^', (char)(c + '@') };
		t->tail = t->line = t->head;  /* flush, as without NOFLSH */
		echo(t, ctl, 2);
		t->sig = sig;
		return false;
	}
	if (t->raw) {
		if (t->head - t->tail == TTY_SIZE)
			return false;
		echo(t, &c, 1);
		at(t, t->head++) = c;
		t->line = t->head;
		return true;
	}
	switch (c) {
	case '\r':  /* ICRNL: Enter sends CR */
	case '\n':
		echo(t, "\n", 1);
		return complete_line(t, '\n');
	case TTY_EOF:  /* not echoed; alone on a line, it is end of file */
		return complete_line(t, TTY_EOF);
	case TTY_ERASE:
	case '\b':
		if (t->head != t->line)
			erase_one(t);
		return false;
	case TTY_KILL:
		while (t->head != t->line)
			erase_one(t);
		return false;
	case TTY_WERASE:
		while (t->head != t->line && is_space(at(t, t->head - 1)))
			erase_one(t);
		while (t->head != t->line && !is_space(at(t, t->head - 1)))
			erase_one(t);
		return false;
	}
	/* Other control characters (Escape, arrow keys' first byte, and
	 * Ctrl-C when ISIG is off) are ignored, not stored. */
	if ((unsigned char)c < 0x20 && c != '\t')
		return false;
	if (t->head - t->tail >= TTY_SIZE - 1)
		return false;  /* full: keep the slot for the line's end */
	at(t, t->head++) = c;
	echo(t, &c, 1);
	return false;
}

bool tty_readable(const struct tty *t)
{
	return t->tail != t->line;
}

unsigned tty_read(struct tty *t, char *buf, unsigned n)
{
	unsigned got = 0;
	if (n == 0 || t->tail == t->line)
		return 0;
	if (at(t, t->tail) == TTY_EOF) {
		t->tail++;  /* end of file: this read returns 0 */
		return 0;
	}
	while (got < n && t->tail != t->line) {
		char c = at(t, t->tail);
		if (c == TTY_EOF)
			break;
		buf[got++] = c;
		t->tail++;
		if (c == '\n' && !t->raw)
			break;  /* at most one line */
	}
	/* A line pushed by Ctrl-D: its mark goes with it, or the next read
	 * would see end of file. */
	if (!t->raw && t->tail != t->line && at(t, t->tail) == TTY_EOF &&
	    buf[got - 1] != '\n')
		t->tail++;
	return got;
}
