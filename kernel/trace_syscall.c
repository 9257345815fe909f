/* kernel/trace_syscall.c: trace=syscall, one line per system call as
 * strace prints it: `name(args) = result`. Each call's arguments are
 * described by a short signature; user memory is read only through
 * mm/uaccess.h, into a buffer of this file's own (docs/trace.md). */
#include "kernel/trace.h"

#include <stdint.h>

#include "kernel/arch/x86/trap.h"
#include "kernel/lib/errname.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/syscall.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/unistd_32.h"
#include "mm/kheap.h"
#include "mm/uaccess.h"

#define STR_SHOWN 32  /* bytes of a string or buffer shown, as strace -s 32 */

/* A signature: the result's kind, ':', then one letter per argument.
 *   d signed decimal   u unsigned decimal   x hex   o octal   p pointer
 *   a a directory fd (AT_FDCWD)   s a path (string)
 *   b bytes the call reads, as many as the next argument says
 *   B bytes the call wrote, as many as it returned
 * A call without one shows its first three arguments in hex. */
static const char *const signatures[] = {
	[__NR_restart_syscall] = "d:", [__NR_exit] = "d:d",
	[__NR_fork] = "d:", [__NR_read] = "d:dBu", [__NR_write] = "d:dbu",
	[__NR_open] = "d:sxo", [__NR_close] = "d:d", [__NR_waitpid] = "d:dpx",
	[__NR_creat] = "d:so", [__NR_link] = "d:ss", [__NR_unlink] = "d:s",
	[__NR_execve] = "d:spp", [__NR_chdir] = "d:s", [__NR_time] = "d:p",
	[__NR_chmod] = "d:so", [__NR_lseek] = "d:ddd", [__NR_getpid] = "d:",
	[__NR_alarm] = "d:u", [__NR_pause] = "d:", [__NR_access] = "d:sx",
	[__NR_kill] = "d:dd", [__NR_rename] = "d:ss", [__NR_mkdir] = "d:so",
	[__NR_rmdir] = "d:s", [__NR_dup] = "d:d", [__NR_pipe] = "d:p",
	[__NR_times] = "d:p", [__NR_brk] = "x:x", [__NR_ioctl] = "d:dxx",
	[__NR_fcntl] = "d:ddx", [__NR_setpgid] = "d:dd", [__NR_umask] = "o:o",
	[__NR_dup2] = "d:dd", [__NR_getppid] = "d:", [__NR_getpgrp] = "d:",
	[__NR_setsid] = "d:", [__NR_sigaction] = "d:dpp",
	[__NR_gettimeofday] = "d:pp", [__NR_symlink] = "d:ss",
	[__NR_readlink] = "d:sBu", [__NR_mmap] = "x:p", [__NR_munmap] = "d:xx",
	[__NR_wait4] = "d:dpxp", [__NR_sigreturn] = "d:", [__NR_clone] = "d:xppxp",
	[__NR_uname] = "d:p", [__NR_mprotect] = "d:xxx",
	[__NR_sigprocmask] = "d:dpp", [__NR_getpgid] = "d:d",
	[__NR_fchdir] = "d:d", [__NR__llseek] = "d:dxxpd",
	[__NR__newselect] = "d:dpppp", [__NR_readv] = "d:dpd",
	[__NR_writev] = "d:dpd", [__NR_getsid] = "d:d",
	[__NR_sched_yield] = "d:", [__NR_nanosleep] = "d:pp",
	[__NR_mremap] = "x:xxxxx", [__NR_poll] = "d:pud", [__NR_prctl] = "d:xxxxx",
	[__NR_rt_sigreturn] = "d:", [__NR_rt_sigaction] = "d:dppu",
	[__NR_rt_sigprocmask] = "d:dppu", [__NR_rt_sigsuspend] = "d:pu",
	[__NR_pread64] = "d:dBuxx", [__NR_pwrite64] = "d:dbuxx",
	[__NR_getcwd] = "d:Bu", [__NR_sigaltstack] = "d:pp", [__NR_vfork] = "d:",
	[__NR_ugetrlimit] = "d:dp", [__NR_mmap2] = "x:xxxxdx",
	[__NR_ftruncate64] = "d:dxx", [__NR_stat64] = "d:sp",
	[__NR_lstat64] = "d:sp", [__NR_fstat64] = "d:dp", [__NR_getuid32] = "d:",
	[__NR_getgid32] = "d:", [__NR_geteuid32] = "d:", [__NR_getegid32] = "d:",
	[__NR_madvise] = "d:xxd", [__NR_getdents64] = "d:dpu",
	[__NR_fcntl64] = "d:ddx", [__NR_gettid] = "d:", [__NR_tkill] = "d:dd",
	[__NR_futex] = "d:pxdppd", [__NR_set_thread_area] = "d:p",
	[__NR_exit_group] = "d:d", [__NR_set_tid_address] = "d:p",
	[__NR_clock_gettime] = "d:dp", [__NR_clock_nanosleep] = "d:dxpp",
	[__NR_tgkill] = "d:ddd", [__NR_openat] = "d:asxo",
	[__NR_mkdirat] = "d:aso", [__NR_fstatat64] = "d:aspx",
	[__NR_unlinkat] = "d:asx", [__NR_readlinkat] = "d:asBu",
	[__NR_faccessat] = "d:asx", [__NR_set_robust_list] = "d:pu",
	[__NR_dup3] = "d:ddx", [__NR_pipe2] = "d:px", [__NR_prlimit64] = "d:ddpp",
	[__NR_getrandom] = "d:pux", [__NR_statx] = "d:asxxp",
	[__NR_clock_gettime64] = "d:dp", [__NR_clock_nanosleep_time64] = "d:dxpp",
	[__NR_futex_time64] = "d:pxdppd",
};

/* What one traced call needs (from the heap: kernel stacks are small). */
struct sysline {
	char text[200];            /* "(args) = result", built up */
	unsigned len;
	char data[2][STR_SHOWN + 1];  /* the strings and buffers fetched */
	long got[2];               /* their lengths, or -EFAULT */
};

static void put(struct sysline *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct sysline *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	unsigned room = sizeof(l->text) - l->len;
	int n = kvsnprintf(l->text + l->len, room, fmt, ap);
	va_end(ap);
	l->len += n < (int)room ? (unsigned)n : room - 1;
}

/* v in octal with a leading 0, as strace shows modes (kernel/lib/format
 * has no %o). */
static void put_octal(struct sysline *l, uint32_t v)
{
	char digits[12];
	int n = 0;
	do {
		digits[n++] = (char)('0' + (v & 7));
		v >>= 3;
	} while (v);
	put(l, "0");
	while (n)
		put(l, "%c", digits[--n]);
}

/* A fetched string or buffer, quoted and escaped as strace does it. */
static void put_quoted(struct sysline *l, int slot, uint32_t uaddr,
		       bool more)
{
	if (l->got[slot] < 0) {
		put(l, "0x%x", uaddr);
		return;
	}
	put(l, "\"");
	long n = l->got[slot] < STR_SHOWN ? l->got[slot] : STR_SHOWN;
	for (long i = 0; i < n; i++) {
		unsigned char c = (unsigned char)l->data[slot][i];
		if (c == '\n')
			put(l, "\\n");
		else if (c == '\t')
			put(l, "\\t");
		else if (c == '"' || c == '\\')
			put(l, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			put(l, "\\%c%c%c", '0' + (c >> 6), '0' + ((c >> 3) & 7),
			    '0' + (c & 7));
		else
			put(l, "%c", c);
	}
	put(l, more ? "\"..." : "\"");
}

/* Fill slot with up to STR_SHOWN bytes at uaddr: a string (n < 0) or n
 * bytes of a buffer. */
static void fetch(struct sysline *l, int slot, uint32_t uaddr, long n)
{
	char *d = l->data[slot];
	if (n < 0) {
		long r = strncpy_from_user(d, (const char *)uaddr, STR_SHOWN + 1);
		/* Longer than shown: strncpy_from_user copied nothing, so copy
		 * the part shown; STR_SHOWN + 1 says "there is more". */
		if (r == -ENAMETOOLONG)
			r = copy_from_user(d, (const void *)uaddr, STR_SHOWN)
				    ? -EFAULT : STR_SHOWN + 1;
		l->got[slot] = r;
		return;
	}
	long k = n < STR_SHOWN ? n : STR_SHOWN;
	l->got[slot] = copy_from_user(d, (const void *)uaddr, (size_t)k) ? -EFAULT
									 : k;
}

/* Before the call: the strings and buffers it reads. */
static void fetch_inputs(struct sysline *l, const char *sig, const uint32_t *a)
{
	int slot = 0;
	for (int i = 0; sig[i] && i < 6 && slot < 2; i++) {
		if (sig[i] == 's')
			fetch(l, slot++, a[i], -1);
		else if (sig[i] == 'b')
			fetch(l, slot++, a[i], (long)a[i + 1]);
		else if (sig[i] == 'B')
			slot++;
	}
}

/* After it: the bytes it wrote (r of them). */
static void fetch_outputs(struct sysline *l, const char *sig, const uint32_t *a,
			  long r)
{
	int slot = 0;
	for (int i = 0; sig[i] && i < 6 && slot < 2; i++) {
		if (sig[i] == 'B') {
			if (r >= 0)
				fetch(l, slot, a[i], r);
			else
				l->got[slot] = -EFAULT;
		}
		if (sig[i] == 's' || sig[i] == 'b' || sig[i] == 'B')
			slot++;
	}
}

static void put_args(struct sysline *l, const char *sig, const uint32_t *a)
{
	int slot = 0;
	for (int i = 0; sig[i] && i < 6; i++) {
		uint32_t v = a[i];
		put(l, i ? ", " : "");
		switch (sig[i]) {
		case 'd': put(l, "%d", (int)v); break;
		case 'u': put(l, "%u", v); break;
		case 'o': put_octal(l, v); break;
		case 'p': put(l, v ? "0x%x" : "NULL", v); break;
		case 'a':
			put(l, (int)v == -100 ? "AT_FDCWD" : "%d", (int)v);
			break;
		case 's': case 'b': case 'B': {
			long shown = slot < 2 ? l->got[slot] : -EFAULT;
			bool more = sig[i] == 's' ? shown > STR_SHOWN
				    : sig[i] == 'b' ? a[i + 1] > (uint32_t)shown
						    : false;
			if (slot < 2)
				put_quoted(l, slot, v, more && shown >= 0);
			else
				put(l, "0x%x", v);
			slot++;
			break;
		}
		default: put(l, "0x%x", v); break;
		}
	}
}

static void put_result(struct sysline *l, char kind, long r)
{
	if (r < 0 && r >= -4095) {
		unsigned e = (unsigned)-r;
		if (e >= ERESTARTSYS && e <= ERESTART_RESTARTBLOCK)
			put(l, " = ? ERESTART (to be restarted)");
		else
			put(l, " = -1 %s", errno_name((int)r));
	} else if (kind == 'x') {
		put(l, " = 0x%x", (uint32_t)r);
	} else if (kind == 'o') {
		put(l, " = ");
		put_octal(l, (uint32_t)r);
	} else {
		put(l, " = %ld", r);
	}
}

static const char *signature_of(unsigned nr)
{
	const char *s = nr < sizeof(signatures) / sizeof(signatures[0])
			? signatures[nr] : NULL;
	return s ? s : "d:xxx";
}

static void emit(const struct proc *p, unsigned nr, struct sysline *l)
{
	const char *name = syscall_name(nr);
	if (name)
		trace_emit("pid=%d syscall %s%s", p ? p->pid : 0, name, l->text);
	else
		trace_emit("pid=%d syscall syscall_%u%s", p ? p->pid : 0, nr,
			   l->text);
}

long trace_syscall(unsigned nr, trace_syscall_fn fn, struct trapframe *tf)
{
	struct proc *p = proc_current();
	uint32_t a[7] = { tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi, tf->ebp, 0 };
	struct sysline *l = trace_wants(p, TRACE_SYSCALL) ? kzalloc(sizeof(*l))
							  : NULL;
	if (!l)  /* not traced, or no memory to trace it with */
		return fn ? fn(a[0], a[1], a[2], a[3], a[4], a[5]) : -ENOSYS;
	const char *sig = signature_of(nr);
	fetch_inputs(l, sig + 2, a);
	if (nr == __NR_exit || nr == __NR_exit_group) {
		put(l, "(");
		put_args(l, sig + 2, a);
		put(l, ") = ?");  /* it never returns */
		emit(p, nr, l);
		kfree(l);
		return fn(a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	long r = fn ? fn(a[0], a[1], a[2], a[3], a[4], a[5]) : -ENOSYS;
	fetch_outputs(l, sig + 2, a, r);
	put(l, "(");
	put_args(l, sig + 2, a);
	put(l, ")");
	put_result(l, sig[0], r);
	emit(p, nr, l);
	kfree(l);
	return r;
}
