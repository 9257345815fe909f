/* user/sysidcheck.c: what a C library asks at start-up, as a program sees
 * it: uname, the user and group ids (32- and 16-bit calls, and the
 * auxiliary vector), resource limits (RLIMIT_STACK obeyed by stack growth,
 * RLIMIT_NPROC by fork), prctl's name, getcpu, sched_getaffinity and
 * membarrier. The same binary runs on Linux (tools/check-user-on-host),
 * as root. Prints KTAP; exits 0 if every case passed. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kernel/uapi/auxv.h"
#include "kernel/uapi/signal.h"
#include "kernel/uapi/unistd_32.h"
#include "ktap.h"

/* check-user-on-host sets this under qemu-i386, whose guest stack is a
 * fixed mapping that RLIMIT_STACK does not bound, and whose original
 * getrlimit (76) does not clamp infinity to 0x7fffffff as Linux's does. */
static bool under_qemu(void)
{
	return getenv("PAGODA_NO_I386_EXECVE") != NULL;
}

static bool uname_says_linux_i686(void)
{
	struct utsname u;
	if (uname(&u) != 0)
		return false;
	/* glibc and musl need sysname "Linux" and a release of 3.2 or
	 * later; the machine of an i386 process is i686 (x86_64 when it
	 * runs on a 64-bit Linux, as on the host) */
	int major = atoi(u.release);
	bool ok = strcmp(u.sysname, "Linux") == 0 &&
		  (strcmp(u.machine, "i686") == 0 ||
		   strcmp(u.machine, "x86_64") == 0) && major >= 3 &&
		  u.nodename[0] && u.version[0];
	if (!ok)
		note("%s %s %s %s %s", u.sysname, u.nodename, u.release,
		     u.version, u.machine);
	errno = 0;
	return ok && uname((struct utsname *)8) == -1 && errno == EFAULT;
}

static bool ids_agree_everywhere(void)
{
	uid_t r, e, s;
	gid_t gr, ge, gs;
	bool ok = getresuid(&r, &e, &s) == 0 && getresgid(&gr, &ge, &gs) == 0;
	ok &= r == getuid() && e == geteuid() && gr == getgid() &&
	      ge == getegid();
	ok &= getauxval(AT_UID) == r && getauxval(AT_EUID) == e &&
	      getauxval(AT_GID) == gr && getauxval(AT_EGID) == ge;
	/* the 16-bit calls of the original ABI */
	ok &= syscall(__NR_getuid) == (long)(r & 0xffff) &&
	      syscall(__NR_getgid) == (long)(gr & 0xffff);
	int n = getgroups(0, NULL);
	ok &= n >= 0;
	if (!ok)
		note("uid %u/%u/%u gid %u/%u/%u groups %d", r, e, s, gr, ge, gs,
		     n);
	return ok;
}

/* In a child: become user 12345 (we are root), then check Linux's rules
 * for an unprivileged process. */
static int drop_privileges(void)
{
	if (getuid() != 0)
		return 10;
	if (setgid(12345) != 0 || setuid(12345) != 0)
		return 1;
	uid_t r, e, s;
	getresuid(&r, &e, &s);
	if (r != 12345 || e != 12345 || s != 12345 || getegid() != 12345)
		return 2;
	errno = 0;
	if (setuid(0) != -1 || errno != EPERM)
		return 3;  /* no way back */
	if (setuid(12345) != 0)
		return 4;  /* to its own id: allowed */
	struct rlimit l;
	getrlimit(RLIMIT_NOFILE, &l);
	l.rlim_max++;
	errno = 0;
	if (setrlimit(RLIMIT_NOFILE, &l) != -1 || errno != EPERM)
		return 5;  /* raising a hard limit takes privilege */
	return 0;
}

/* Runs fn in a child (it may drop privileges or use up limits there):
 * true if it exits 0 and we are still root. Skipped when not root. */
static bool in_a_root_child(int (*fn)(void))
{
	if (getuid() != 0) {
		note("not root: skipped");
		return true;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn());
	int status;
	waitpid(pid, &status, 0);
	if (status != 0)
		note("child status %#x", status);
	return status == 0 && getuid() == 0;
}

static bool setuid_follows_linux_rules(void)
{
	return in_a_root_child(drop_privileges);
}

static bool rlimits_read_and_set(void)
{
	struct rlimit l, l2;
	bool ok = getrlimit(RLIMIT_STACK, &l) == 0 &&
		  l.rlim_cur == 8u << 20;  /* check-user-on-host: ulimit -s */
	ok &= getrlimit(RLIMIT_NOFILE, &l) == 0 && l.rlim_cur <= l.rlim_max;
	/* lower the soft limit and read it back */
	l2 = l;
	l2.rlim_cur = 64;
	ok &= setrlimit(RLIMIT_NOFILE, &l2) == 0;
	ok &= getrlimit(RLIMIT_NOFILE, &l2) == 0 && l2.rlim_cur == 64;
	ok &= setrlimit(RLIMIT_NOFILE, &l) == 0;
	/* prlimit64 sees the same, in 64 bits */
	uint64_t l64[2];
	ok &= syscall(__NR_prlimit64, 0, RLIMIT_NOFILE, NULL, l64) == 0 &&
	      l64[0] == l.rlim_cur;
	/* soft above hard, a bad resource */
	l2.rlim_cur = l.rlim_max + 1;
	l2.rlim_max = l.rlim_max;
	errno = 0;
	ok &= setrlimit(RLIMIT_NOFILE, &l2) == -1 && errno == EINVAL;
	errno = 0;
	ok &= getrlimit(99, &l2) == -1 && errno == EINVAL;
	/* infinity: RLIM_INFINITY from ugetrlimit, 0x7fffffff from the
	 * original getrlimit */
	uint32_t old[2];
	ok &= getrlimit(RLIMIT_AS, &l2) == 0 && l2.rlim_cur == RLIM_INFINITY;
	ok &= syscall(__NR_getrlimit, RLIMIT_AS, old) == 0 &&
	      (old[0] == 0x7fffffff || (under_qemu() && old[0] == ~0u));
	if (!ok)
		note("nofile %lu/%lu, old getrlimit %#x, errno %d",
		     l.rlim_cur, l.rlim_max, old[0], errno);
	return ok;
}

/* Use about kib KiB of stack. */
static int deep(int kib)
{
	volatile char pad[1024];
	pad[0] = (char)kib;
	return kib <= 1 ? pad[0] : deep(kib - 1) + pad[0] - pad[0];
}

static int stack_child(void)
{
	struct rlimit l;
	getrlimit(RLIMIT_STACK, &l);
	l.rlim_cur = 256 << 10;  /* the hard limit stays: lowering needs no
				    privilege */
	if (setrlimit(RLIMIT_STACK, &l) != 0)
		return 2;
	deep(1024);  /* 1 MiB: past the limit */
	return 0;
}

static bool rlimit_stack_bounds_growth(void)
{
	if (under_qemu()) {
		note("qemu-i386's stack is not bound by RLIMIT_STACK: skipped");
		return true;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(stack_child());
	int status;
	waitpid(pid, &status, 0);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGSEGV) {
		note("status %#x, want SIGSEGV", status);
		return false;
	}
	return deep(1024) == 1;  /* the default 8 MiB allows it */
}

static int nproc_child(void)
{
	if (setuid(12345) != 0)
		return 1;
	struct rlimit l = { 2, 2 };
	if (setrlimit(RLIMIT_NPROC, &l) != 0)
		return 2;
	fflush(stdout);
	pid_t a = fork();
	if (a == 0) {
		struct timespec ts = { 0, 100000000 };
		nanosleep(&ts, NULL);
		_exit(0);
	}
	if (a < 0)
		return 3;
	errno = 0;
	pid_t b = fork();  /* user 12345 has 2 processes: the limit */
	if (b == 0)
		_exit(0);
	int r = b == -1 && errno == EAGAIN ? 0 : 4;
	while (wait(NULL) > 0)
		;
	return r;
}

static bool rlimit_nproc_limits_fork(void)
{
	return in_a_root_child(nproc_child);
}

static bool prctl_names_the_process(void)
{
	char name[16];
	bool ok = prctl(PR_SET_NAME, "renamed-sysid", 0, 0, 0) == 0 &&
		  prctl(PR_GET_NAME, name, 0, 0, 0) == 0 &&
		  strcmp(name, "renamed-sysid") == 0;
	/* 15 characters are kept */
	ok &= prctl(PR_SET_NAME, "0123456789abcdefghij", 0, 0, 0) == 0 &&
	      prctl(PR_GET_NAME, name, 0, 0, 0) == 0 &&
	      strcmp(name, "0123456789abcde") == 0;
	errno = 0;
	ok &= prctl(PR_GET_NAME, (char *)8, 0, 0, 0) == -1 && errno == EFAULT;
	prctl(PR_SET_NAME, "sysidcheck", 0, 0, 0);
	return ok;
}

static bool cpu_queries(void)
{
	unsigned cpu = 99, node = 99;
	uint32_t mask[4] = { 0, 0, 0, 0 };
	bool ok = syscall(__NR_getcpu, &cpu, &node, NULL) == 0 && cpu < 128;
	long n = syscall(__NR_sched_getaffinity, 0, sizeof(mask), mask);
	ok &= n >= 4 && n <= (long)sizeof(mask) && (mask[cpu / 32] >> (cpu % 32) & 1);
	errno = 0;
	ok &= syscall(__NR_sched_getaffinity, 0, 3, mask) == -1 &&
	      errno == EINVAL;  /* not a whole number of longs */
	if (!ok)
		note("cpu %u node %u, affinity %ld bytes, %#x", cpu, node, n,
		     mask[0]);
	return ok;
}

static bool membarrier_as_linux(void)
{
	long q = syscall(__NR_membarrier, 0, 0, 0);
	bool ok = q > 0 && (q & 8) && (q & 16);  /* private expedited */
	errno = 0;
	ok &= syscall(__NR_membarrier, 8, 0, 0) == -1 && errno == EPERM;
	ok &= syscall(__NR_membarrier, 16, 0, 0) == 0 &&
	      syscall(__NR_membarrier, 8, 0, 0) == 0;
	errno = 0;
	ok &= syscall(__NR_membarrier, 1 << 20, 0, 0) == -1 && errno == EINVAL;
	if (!ok)
		note("query %#lx, errno %d", q, errno);
	return ok;
}

static const struct ktap_case cases[] = {
	{ "sys.uname", uname_says_linux_i686 },
	{ "sys.ids_agree", ids_agree_everywhere },
	{ "sys.setuid_rules", setuid_follows_linux_rules },
	{ "sys.rlimits", rlimits_read_and_set },
	{ "sys.rlimit_stack_bounds_growth", rlimit_stack_bounds_growth },
	{ "sys.rlimit_nproc_limits_fork", rlimit_nproc_limits_fork },
	{ "sys.prctl_name", prctl_names_the_process },
	{ "sys.cpu_queries", cpu_queries },
	{ "sys.membarrier", membarrier_as_linux },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
