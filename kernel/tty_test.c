/* kernel/tty_test.c: the line discipline's editing rules, on a private tty
 * (its echo captured), and once through the console itself. */
#include "kernel/tty.h"

#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/uapi/signal.h"
#include "tests/ktest.h"

static struct tty tty;  /* 4 KiB: not on the stack */
static char echoed[256];
static unsigned echoed_len;
static char got[TTY_SIZE + 1];

static void capture(void *ctx, const char *s, unsigned n)
{
	for (unsigned i = 0; i < n && echoed_len + 1 < sizeof(echoed); i++)
		echoed[echoed_len++] = s[i];
	echoed[echoed_len] = '\0';
}

static void setup(bool raw)
{
	tty_init(&tty, capture, NULL);
	tty_set_raw(&tty, raw);
	echoed_len = 0;
	echoed[0] = '\0';
}

/* Type s; true if the last byte made input readable. */
static bool type(const char *s)
{
	bool r = false;
	while (*s)
		r = tty_input(&tty, *s++);
	return r;
}

/* One read of up to n bytes into got, NUL-terminated; returns the count. */
static unsigned read_some(unsigned n)
{
	unsigned k = tty_read(&tty, got, n);
	got[k] = '\0';
	return k;
}

KTEST(tty, line_is_readable_only_when_enter_completes_it)
{
	setup(false);
	EXPECT_FALSE(type("ls -l"));
	EXPECT_FALSE(tty_readable(&tty));
	EXPECT_EQ(read_some(64), 0);
	EXPECT_TRUE(type("\r"));  /* Enter sends CR; ICRNL makes it "\n" */
	EXPECT_TRUE(tty_readable(&tty));
	EXPECT_EQ(read_some(64), 6);
	EXPECT_STREQ(got, "ls -l\n");
	EXPECT_STREQ(echoed, "ls -l\n");
	EXPECT_FALSE(tty_readable(&tty));
}

KTEST(tty, linefeed_completes_a_line_too)
{
	setup(false);
	EXPECT_TRUE(type("a\n"));
	EXPECT_EQ(read_some(64), 2);
	EXPECT_STREQ(got, "a\n");
}

KTEST(tty, backspace_erases_the_last_character)
{
	setup(false);
	type("cax\x7f\x7ft\x08");  /* DEL and Ctrl-H both erase */
	type("at\r");
	EXPECT_STREQ(echoed, "cax\b \b\b \bt\b \bat\n");
	read_some(64);
	EXPECT_STREQ(got, "cat\n");
}

KTEST(tty, backspace_stops_at_the_start_of_the_line)
{
	setup(false);
	type("one\r");
	type("\x7f\x7fx\r");  /* cannot reach into the completed line */
	EXPECT_STREQ(echoed, "one\nx\n");
	read_some(64);
	EXPECT_STREQ(got, "one\n");
	read_some(64);
	EXPECT_STREQ(got, "x\n");
}

KTEST(tty, ctrl_u_erases_the_line)
{
	setup(false);
	type("rm *\x15" "ls\r");
	EXPECT_STREQ(echoed, "rm *\b \b\b \b\b \b\b \bls\n");
	read_some(64);
	EXPECT_STREQ(got, "ls\n");
}

KTEST(tty, ctrl_w_erases_the_last_word)
{
	setup(false);
	type("echo ab  \x17" "cd\r");
	read_some(64);
	EXPECT_STREQ(got, "echo cd\n");
}

KTEST(tty, ctrl_d_at_the_start_of_a_line_is_end_of_file)
{
	setup(false);
	EXPECT_TRUE(type("\x04"));
	EXPECT_TRUE(tty_readable(&tty));
	EXPECT_EQ(read_some(64), 0);
	EXPECT_FALSE(tty_readable(&tty));
	EXPECT_STREQ(echoed, "");  /* Ctrl-D is not echoed */
}

KTEST(tty, ctrl_d_mid_line_pushes_it_without_a_newline)
{
	setup(false);
	EXPECT_TRUE(type("abc\x04"));
	type("def\r");
	EXPECT_EQ(read_some(64), 3);
	EXPECT_STREQ(got, "abc");
	EXPECT_EQ(read_some(64), 4);  /* not end of file: the mark went with abc */
	EXPECT_STREQ(got, "def\n");
	type("x\x04\x04");
	EXPECT_EQ(read_some(1), 1);   /* the mark goes with a read that ends at it */
	EXPECT_EQ(read_some(64), 0);  /* the second Ctrl-D is end of file */
	EXPECT_FALSE(tty_readable(&tty));
}

KTEST(tty, read_returns_at_most_one_line)
{
	setup(false);
	type("first\rsecond\r");
	EXPECT_EQ(read_some(64), 6);
	EXPECT_STREQ(got, "first\n");
	EXPECT_EQ(read_some(3), 3);  /* a short read leaves the rest */
	EXPECT_STREQ(got, "sec");
	EXPECT_EQ(read_some(64), 4);
	EXPECT_STREQ(got, "ond\n");
}

KTEST(tty, other_control_characters_are_ignored)
{
	setup(false);
	tty.isig = false;  /* Ctrl-C is then a control character like Escape */
	type("\x1b[A\x03x\r");  /* an arrow key's Escape, Ctrl-C */
	read_some(64);
	EXPECT_STREQ(got, "[Ax\n");
}

/* ISIG: Ctrl-C, Ctrl-\ and Ctrl-Z are signals, not input; what was typed
 * and not read is discarded, as Linux's n_tty does. */
KTEST(tty, signal_characters_flush_and_report_their_signal)
{
	setup(false);
	type("one\rtwo");
	EXPECT_EQ(tty.sig, 0);
	type("\x03");
	EXPECT_EQ(tty.sig, SIGINT);
	EXPECT_FALSE(tty_readable(&tty));  /* "one\n" is gone too */
	EXPECT_STREQ(echoed, "one\ntwo^C");
	tty.sig = 0;
	type("\x1c");
	EXPECT_EQ(tty.sig, SIGQUIT);
	type("\x1a");
	EXPECT_EQ(tty.sig, SIGTSTP);
	tty.sig = 0;
	EXPECT_TRUE(type("ls\r"));
	read_some(64);
	EXPECT_STREQ(got, "ls\n");
	setup(true);  /* raw mode, ISIG on: still a signal */
	type("a\x03");
	EXPECT_EQ(tty.sig, SIGINT);
	EXPECT_FALSE(tty_readable(&tty));
}

/* ECHO off: nothing is shown, input is the same. */
KTEST(tty, echo_off_shows_nothing)
{
	setup(false);
	tty.echo_on = false;
	type("secret\r");
	EXPECT_STREQ(echoed, "");
	read_some(64);
	EXPECT_STREQ(got, "secret\n");
}

KTEST(tty, a_full_line_still_takes_its_newline)
{
	setup(false);
	for (unsigned i = 0; i < TTY_SIZE + 10; i++)
		tty_input(&tty, 'y');
	EXPECT_FALSE(tty_readable(&tty));
	EXPECT_TRUE(type("\r"));
	EXPECT_EQ(read_some(TTY_SIZE), TTY_SIZE);
	EXPECT_EQ(got[TTY_SIZE - 2], 'y');
	EXPECT_EQ(got[TTY_SIZE - 1], '\n');
}

KTEST(tty, raw_mode_passes_bytes_through_unechoed)
{
	setup(true);
	tty.echo_on = false;  /* console=raw: no ECHO, as cfmakeraw */
	EXPECT_TRUE(type("a"));
	EXPECT_TRUE(tty_readable(&tty));
	type("\x7f\r\x15z");
	EXPECT_EQ(read_some(64), 5);
	EXPECT_EQ(memcmp(got, "a\x7f\r\x15z", 5), 0);
	type("x\ny\x04rest");
	EXPECT_EQ(read_some(64), 3);  /* not one line: up to the Ctrl-D */
	EXPECT_STREQ(got, "x\ny");
	EXPECT_EQ(read_some(64), 0);  /* Ctrl-D at the start of a read */
	EXPECT_EQ(read_some(64), 4);
	EXPECT_STREQ(echoed, "");
}

/* The console's own tty, through the entry points read(0) and the IRQ use. */
KTEST(tty, console_reads_an_injected_line)
{
	char echo[32], buf[32];
	struct console_echo_capture cap = { echo, sizeof(echo), 0 };
	console_capture_echo(&cap);
	console_inject("pwdd\x7f\r\x04", 7);
	console_capture_echo(NULL);
	EXPECT_STREQ(echo, "pwdd\b \b\n");
	unsigned n = console_read(buf, sizeof(buf));
	EXPECT_EQ(n, 4);
	EXPECT_EQ(memcmp(buf, "pwd\n", 4), 0);
	EXPECT_EQ(console_read(buf, sizeof(buf)), 0);
}
