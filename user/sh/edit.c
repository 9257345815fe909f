/* user/sh/edit.c: line editing at the prompt, with a history on the up
 * and down arrows. While the shell reads a command it turns the terminal's
 * own editing off (no ICANON, no ECHO, no ISIG: docs/tty.md) and does
 * the editing itself: it echoes what is typed, erases with Backspace,
 * Ctrl-U and Ctrl-W, abandons the line on Ctrl-C, ends the input on
 * Ctrl-D, and on ESC [ A / ESC [ B (what the arrows send) puts an earlier
 * or later command in the line. The terminal's settings are back before
 * any command runs. Only on a terminal whose TERM is set and not "dumb". */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sh.h"

#define HISTORY_MAX 50
#define EDIT_MAX 1024

static char *history[HISTORY_MAX];  /* oldest first, malloc'd */
static int nhistory;

bool edit_wanted(void)
{
	const char *term = var_get("TERM");
	struct termios t;
	return term && *term && strcmp(term, "dumb") != 0 &&
	       tcgetattr(0, &t) == 0;
}

static void out(const char *s, size_t n)
{
	write(2, s, n);
}

/* Erase n characters before the cursor on the screen. */
static void rub_out(int n)
{
	while (n-- > 0)
		out("\b \b", 3);
}

static void remember(const char *line, int n)
{
	if (n == 0 || (nhistory && strlen(history[nhistory - 1]) == (size_t)n &&
		       memcmp(history[nhistory - 1], line, n) == 0))
		return;
	char *copy = malloc(n + 1);
	if (!copy)
		return;
	memcpy(copy, line, n);
	copy[n] = '\0';
	if (nhistory == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof(char *));
		nhistory--;
	}
	history[nhistory++] = copy;
}

/* Replace the line on the screen and in buf with history entry i
 * (nhistory: the empty line after the last). */
static int recall(char *buf, int len, int i)
{
	rub_out(len);
	const char *h = i < nhistory ? history[i] : "";
	len = strlen(h);
	if (len >= EDIT_MAX)
		len = EDIT_MAX - 1;
	memcpy(buf, h, len);
	out(buf, len);
	return len;
}

/* Edit one line in buf; returns its length, -1 at end of input. */
static int edit(char *buf)
{
	int len = 0, at = nhistory;  /* at: the history entry shown */
	char c;
	for (;;) {
		ssize_t n = read(0, &c, 1);
		if (n < 0)
			continue;  /* EINTR */
		if (n == 0 || (c == 0x04 && len == 0))  /* Ctrl-D */
			return -1;
		if (c == '\r' || c == '\n') {
			return len;  /* the newline comes after the terminal is back */
		} else if (c == 0x7f || c == '\b') {
			if (len > 0) {
				len--;
				rub_out(1);
			}
		} else if (c == 0x15) {  /* Ctrl-U */
			rub_out(len);
			len = 0;
		} else if (c == 0x17) {  /* Ctrl-W: spaces, then a word */
			int k = len;
			while (k > 0 && buf[k - 1] == ' ')
				k--;
			while (k > 0 && buf[k - 1] != ' ')
				k--;
			rub_out(len - k);
			len = k;
		} else if (c == 0x03) {  /* Ctrl-C: a new, empty line */
			out("^C", 2);  /* edit_line ends the line */
			/* The terminal is raw, so no SIGINT came: a trap on
			 * INT gets one (it runs before the next prompt). */
			if (trap_owns(SIGINT))
				raise(SIGINT);
			return 0;
		} else if (c == 0x1b) {  /* ESC [ A: up, ESC [ B: down */
			char seq[2];
			if (read(0, seq, 1) != 1 || seq[0] != '[' ||
			    read(0, seq + 1, 1) != 1)
				continue;
			if (seq[1] == 'A' && at > 0)
				len = recall(buf, len, --at);
			else if (seq[1] == 'B' && at < nhistory)
				len = recall(buf, len, ++at);
		} else if (((unsigned char)c >= ' ' || c == '\t') &&
			   len < EDIT_MAX - 1) {
			buf[len++] = c;
			out(&c, 1);
		}
	}
}

bool edit_line(const char *prompt, char **text, size_t *len)
{
	struct termios saved, raw;
	char buf[EDIT_MAX];
	if (tcgetattr(0, &saved) < 0)
		return false;
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(0, TCSANOW, &raw);  /* before the prompt: what is typed
					 after it is never echoed twice */
	out(prompt, strlen(prompt));
	int n = edit(buf);
	tcsetattr(0, TCSANOW, &saved);
	if (n < 0)
		return false;
	/* Only now: whoever sees the line end knows that what they type
	 * next meets the terminal as the command will (echoed, by lines). */
	out("\n", 1);
	remember(buf, n);
	char *bigger = realloc(*text, *len + n + 2);
	if (!bigger)
		sh_exit(2);
	*text = bigger;
	memcpy(*text + *len, buf, n);
	*len += n;
	(*text)[(*len)++] = '\n';
	(*text)[*len] = '\0';
	return true;
}
