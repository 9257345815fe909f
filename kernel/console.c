/* kernel/console.c: the console and the kernel log over the serial ports. */
#include "kernel/console.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/serial.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/lib/format.h"
#include "kernel/lock.h"
#include "kernel/proc.h"
#include "kernel/session.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/tty.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/ioctls.h"
#include "kernel/uapi/termios.h"
#include "mm/uaccess.h"

static bool have_com2;
static bool quiet;
static bool log_on_com1 = true;
static bool raw;
static bool mid_line;  /* a program's last byte on COM1 was not "\n" */

/* Console input, edited by the line discipline as it arrives (at IRQ
 * time, or by console_inject); guarded by input_lock (a spinlock: the
 * interrupt handler takes it too). */
static struct spinlock input_lock = SPINLOCK_INIT("console input");
static struct tty input;
static struct termios tio;     /* the settings TCGETS reports */
/* Job control: the session the console is the controlling terminal of
 * and its foreground process group (0: none), as Linux's tty->session
 * and tty->pgrp. Guarded by input_lock too. */
static int tty_sid, fg_pgrp;
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

/* Linux's default settings (tty_std_termios). */
static const struct termios default_tio = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = { [VINTR] = 0x03, [VQUIT] = 0x1c, [VERASE] = 0x7f,
		  [VKILL] = 0x15, [VEOF] = 0x04, [VMIN] = 1, [VSTART] = 0x11,
		  [VSTOP] = 0x13, [VSUSP] = 0x1a, [VWERASE] = 0x17 },
};

/* Make the line discipline and output follow tio. input_lock held (or
 * before interrupts are on). */
static void apply_termios(void)
{
	bool canon = tio.c_lflag & ICANON;
	if (input.raw == canon)
		tty_set_raw(&input, !canon);
	input.echo_on = tio.c_lflag & ECHO;
	input.isig = tio.c_lflag & ISIG;
	input.intr = (char)tio.c_cc[VINTR];
	input.quit = (char)tio.c_cc[VQUIT];
	input.susp = (char)tio.c_cc[VSUSP];
	raw = !(tio.c_oflag & OPOST) || !(tio.c_oflag & ONLCR);
}

void console_init(void)
{
	serial_init(COM1);
	have_com2 = serial_init(COM2);
	tty_init(&input, echo_sink, NULL);
	tio = default_tio;
	apply_termios();
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
	spin_lock(&input_lock);
	tio = default_tio;
	if (r) {  /* bytes in and out untouched, Ctrl-C is data */
		tio.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
		tio.c_oflag &= ~(tcflag_t)OPOST;
	}
	apply_termios();
	spin_unlock(&input_lock);
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
	if (len)
		mid_line = buf[len - 1] != '\n';
}

bool console_mid_line(void)
{
	return mid_line;
}

void klog(enum log_level level, const char *fmt, ...)
{
	bool on_console = log_on_com1 && (level <= LOG_WARN || !quiet);
	va_list ap;
	va_start(ap, fmt);
	format(log_sink, &on_console, fmt, ap);
	va_end(ap);
}

/* Take typed bytes; wake the readers once there is a line. Ctrl-C and
 * friends signal the foreground process group, as Linux's n_tty. */
static void input_take(const char *buf, unsigned n)
{
	spin_lock(&input_lock);
	bool readable = false;
	for (unsigned i = 0; i < n; i++) {
		readable |= tty_input(&input, buf[i]);
		int sig = input.sig, pgrp = fg_pgrp;
		input.sig = 0;
		if (sig && pgrp) {
			spin_unlock(&input_lock);
			session_kill_pgrp(pgrp, sig, NULL);
			spin_lock(&input_lock);
		}
	}
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

/* A process of the console's session outside its foreground group may
 * not read it: SIGTTIN for its group (-ERESTARTSYS: it stops, and reads
 * again once continued), or EIO if it ignores or blocks SIGTTIN. */
static int background_read_check(void)
{
	struct proc *p = proc_current();
	spin_lock(&input_lock);
	bool bg = p && tty_sid && p->sid == tty_sid && p->pgid != fg_pgrp;
	spin_unlock(&input_lock);
	if (!bg)
		return 0;
	if (signal_ignores_or_blocks(SIGTTIN))
		return -EIO;
	session_kill_pgrp(p->pgid, SIGTTIN, NULL);
	return -ERESTARTSYS;
}

int console_read(char *buf, unsigned n)
{
	int r = background_read_check();
	if (r)
		return r;
	spin_lock(&input_lock);  /* no byte slips in between test and sleep */
	uint64_t deadline = 0;
	bool canon = tio.c_lflag & ICANON;
	if (!canon && tio.c_cc[VMIN] == 0) {  /* VMIN 0: don't wait for data */
		if (!tio.c_cc[VTIME])
			goto take;
		deadline = time_monotonic_ns() +
			   tio.c_cc[VTIME] * (NSEC_PER_SEC / 10);
	}
	while (!tty_readable(&input)) {
		r = waitq_sleep(&readers, &input_lock, deadline, WAIT_INTERRUPTIBLE);
		if (r == -ETIMEDOUT) {
			r = 0;  /* VTIME passed: nothing read */
			goto out;
		}
		if (r) {
			r = -ERESTARTSYS;  /* EINTR, or restarted (SA_RESTART) */
			goto out;
		}
	}
take:
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

/* Setting the terminal from a background group of its session: SIGTTOU
 * for the group, unless it ignores or blocks it (Linux's
 * tty_check_change). */
static int background_change_check(struct proc *p)
{
	spin_lock(&input_lock);
	bool bg = tty_sid && p->sid == tty_sid && p->pgid != fg_pgrp;
	spin_unlock(&input_lock);
	if (!bg || signal_ignores_or_blocks(SIGTTOU))
		return 0;
	session_kill_pgrp(p->pgid, SIGTTOU, NULL);
	return -ERESTARTSYS;
}

static long set_termios(struct proc *p, uint32_t cmd, uint32_t arg)
{
	struct termios t;
	if (copy_from_user(&t, (void *)arg, sizeof(t)))
		return -EFAULT;
	int r = p ? background_change_check(p) : 0;
	if (r)
		return r;
	spin_lock(&input_lock);
	tio = t;
	if (cmd == TCSETSF)  /* discard input not yet read */
		input.tail = input.line = input.head;
	apply_termios();
	spin_unlock(&input_lock);
	return 0;
}

static long set_foreground(struct proc *p, uint32_t arg)
{
	int pgrp;
	if (copy_from_user(&pgrp, (void *)arg, sizeof(pgrp)))
		return -EFAULT;
	int r = background_change_check(p);
	if (r)
		return r;
	if (pgrp < 0)
		return -EINVAL;
	if (!session_pgrp_exists(pgrp, 0))
		return -ESRCH;
	if (!session_pgrp_exists(pgrp, p->sid))
		return -EPERM;
	spin_lock(&input_lock);
	fg_pgrp = pgrp;
	spin_unlock(&input_lock);
	return 0;
}

/* TIOCSCTTY: a session leader without a terminal takes the console (arg
 * 1: even from another session, as root may). */
static long set_controlling(struct proc *p, uint32_t arg)
{
	long r = 0;
	spin_lock(&input_lock);
	if (tty_sid == p->sid)
		goto out;
	if (p->pid != p->sid || (tty_sid && arg != 1)) {
		r = -EPERM;
		goto out;
	}
	tty_sid = p->sid;
	fg_pgrp = p->pgid;
out:
	spin_unlock(&input_lock);
	return r;
}

long console_tty_ioctl(uint32_t cmd, uint32_t arg)
{
	struct proc *p = proc_current();
	spin_lock(&input_lock);
	bool ctty = p && tty_sid && p->sid == tty_sid;
	struct termios t = tio;
	int fg = fg_pgrp;
	spin_unlock(&input_lock);
	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS: case TCSETSW: case TCSETSF:
		return set_termios(p, cmd, arg);
	case TIOCGPGRP:
		if (!ctty)
			return -ENOTTY;
		return copy_to_user((void *)arg, &fg, sizeof(fg)) ? -EFAULT : 0;
	case TIOCSPGRP:
		return ctty ? set_foreground(p, arg) : -ENOTTY;
	case TIOCSCTTY:
		return p ? set_controlling(p, arg) : -EPERM;
	case TIOCNOTTY:
		if (!ctty)
			return -ENOTTY;
		if (p->pid == p->sid)
			console_session_ended(p->sid);
		return 0;
	}
	return -ENOTTY;
}

void console_session_ended(int sid)
{
	spin_lock(&input_lock);
	int pgrp = tty_sid == sid ? fg_pgrp : 0;
	if (tty_sid == sid)
		tty_sid = fg_pgrp = 0;
	spin_unlock(&input_lock);
	if (pgrp) {  /* as Linux: the foreground group is hung up */
		session_kill_pgrp(pgrp, SIGHUP, NULL);
		session_kill_pgrp(pgrp, SIGCONT, NULL);
	}
}

int console_foreground(void)
{
	spin_lock(&input_lock);
	int pgrp = fg_pgrp;
	spin_unlock(&input_lock);
	return pgrp;
}

bool console_has_reader(void)
{
	spin_lock(&input_lock);
	bool r = waitq_active(&readers);
	spin_unlock(&input_lock);
	return r;
}
