/* user/sysfuzz_calls.h: the calls the fuzzer makes (user/sysfuzz.c):
 * every call in pagoda's table (kernel/syscall.c) with the kind of each
 * argument, one character per argument (see gen_arg()). Left out, because
 * they would only end or disturb the run rather than test the kernel:
 * exit and exit_group (the batch ends by itself), fchmod and fchown (an fd
 * opened to read /bin/hello or / would still let them take the programs'
 * x bits away or give the root directory to another user, for the tests
 * that run after the fuzzer in the same boot; chmod and chown reach the
 * same code with /tmp/fz paths), setpgid (the child must stay in its own
 * process group, so the parent can kill all of it), and the calls that
 * set the wall clock (stime, settimeofday, clock_settime), which other
 * tests read. tools/check-syscalls checks that every call in the kernel's
 * table is here or on the next line, so a new call is fuzzed the day it
 * lands. Only user/sysfuzz.c includes it.
 * left out: exit exit_group fchmod fchown fchown32 setpgid stime
 * left out: settimeofday clock_settime clock_settime64 */
#ifndef USER_SYSFUZZ_CALLS_H
#define USER_SYSFUZZ_CALLS_H

#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/pagoda_unistd.h"
#include "kernel/uapi/unistd_32.h"
#include "sysfuzz_gen.h"

struct fz_call {
	uint16_t nr;
	const char *name;
	const char *args;  /* kinds, see gen_arg() */
};

#define C(n, a) { __NR_##n, #n, a }
static const struct fz_call fz_calls[] = {
	C(restart_syscall, ""), C(fork, ""), C(read, "fbl"), C(write, "fbl"),
	C(open, "rOu"), C(close, "f"), C(waitpid, "WpF"), C(creat, "wu"),
	C(link, "ww"), C(unlink, "w"), C(execve, "xaa"), C(chdir, "r"),
	C(time, "p"), C(chmod, "wu"), C(lseek, "foi"), C(getpid, ""),
	C(setuid, "u"), C(getuid, ""), C(alarm, "u"), C(pause, ""),
	C(access, "ru"), C(kill, "Ps"), C(rename, "ww"), C(mkdir, "wu"),
	C(rmdir, "w"), C(dup, "f"), C(pipe, "p"), C(times, "p"), C(brk, "m"),
	C(setgid, "u"), C(getgid, ""), C(geteuid, ""), C(getegid, ""),
	C(ioctl, "fIb"), C(fcntl, "fuf"), C(umask, "u"), C(dup2, "ff"),
	C(getppid, ""), C(getpgrp, ""), C(setsid, ""), C(sigaction, "spp"),
	C(setreuid, "uu"), C(setregid, "uu"), C(sigsuspend, "S"),
	C(sigpending, "p"), C(setrlimit, "up"), C(getrlimit, "up"),
	C(getrusage, "ip"), C(gettimeofday, "pp"), C(getgroups, "ip"),
	C(setgroups, "lp"), C(symlink, "ww"), C(readlink, "rbl"), C(mmap, "p"),
	C(munmap, "ml"), C(setitimer, "utp"),
	C(getitimer, "up"), C(wait4, "WpFp"), C(sysinfo, "p"), C(fsync, "f"),
	C(sigreturn, ""), C(clone, "cmppp"), C(uname, "p"),
	C(mprotect, "mlu"), C(sigprocmask, "uSp"), C(getpgid, "P"),
	C(fchdir, "f"), C(setfsuid, "u"), C(setfsgid, "u"),
	C(_llseek, "fiipu"), C(_newselect, "ipppt"), C(msync, "mlF"),
	C(readv, "fvu"), C(writev, "fvu"), C(getsid, "P"), C(sched_yield, ""),
	C(nanosleep, "tp"), C(mremap, "mllFm"), C(setresuid, "uuu"),
	C(getresuid, "ppp"), C(poll, "pui"), C(setresgid, "uuu"),
	C(getresgid, "ppp"), C(prctl, "Qiiii"), C(rt_sigreturn, ""),
	C(rt_sigaction, "sppz"), C(rt_sigprocmask, "uSpz"),
	C(rt_sigpending, "pz"), C(rt_sigtimedwait, "Sptz"),
	C(rt_sigqueueinfo, "Psp"), C(rt_sigsuspend, "Sz"),
	C(pread64, "fbloo"), C(pwrite64, "fbloo"), C(getcwd, "bl"),
	C(sigaltstack, "pp"), C(vfork, ""), C(ugetrlimit, "up"),
	C(mmap2, "mluFfo"), C(truncate64, "woo"), C(ftruncate64, "foo"),
	C(stat64, "rp"), C(lstat64, "rp"), C(fstat64, "fp"), C(getuid32, ""),
	C(getgid32, ""), C(geteuid32, ""), C(getegid32, ""),
	C(setreuid32, "uu"), C(setregid32, "uu"), C(getgroups32, "ip"),
	C(setgroups32, "lp"), C(setresuid32, "uuu"), C(getresuid32, "ppp"),
	C(setresgid32, "uuu"), C(getresgid32, "ppp"), C(setuid32, "u"),
	C(setgid32, "u"), C(setfsuid32, "u"), C(setfsgid32, "u"),
	C(mincore, "mlp"), C(madvise, "mlu"), C(getdents64, "fbl"),
	C(fcntl64, "fuf"), C(gettid, ""), C(tkill, "Ps"), C(futex, "pXipbi"),
	C(sched_setaffinity, "Plp"), C(sched_getaffinity, "Plp"),
	C(set_thread_area, "T"), C(set_tid_address, "p"),
	C(clock_gettime, "kp"), C(clock_getres, "kp"),
	C(clock_nanosleep, "kutp"), C(tgkill, "PPs"), C(openat, "drOu"),
	C(mkdirat, "dwu"), C(fstatat64, "drpF"), C(unlinkat, "dwF"),
	C(renameat, "dwdw"), C(linkat, "dwdwF"), C(symlinkat, "wdw"),
	C(readlinkat, "drbl"), C(faccessat, "druF"), C(pselect6, "ippptp"),
	C(ppoll, "putSz"), C(set_robust_list, "pl"),
	C(get_robust_list, "Ppp"), C(getcpu, "ppp"), C(dup3, "ffF"),
	C(pipe2, "pF"), C(rt_tgsigqueueinfo, "PPsp"), C(prlimit64, "Pupp"),
	C(getrandom, "blF"), C(membarrier, "iFi"), C(statx, "drFup"),
	C(clock_gettime64, "kp"), C(clock_getres_time64, "kp"),
	C(clock_nanosleep_time64, "kutp"), C(pselect6_time64, "ippptp"),
	C(ppoll_time64, "putSz"), C(rt_sigtimedwait_time64, "Sptz"),
	C(futex_time64, "pXipbi"), C(clone3, "pl"), C(faccessat2, "druF"),
	C(chown, "wuu"), C(lchown, "wuu"), C(chown32, "wuu"),
	C(lchown32, "wuu"), C(fchownat, "dwuuF"), C(utime, "wp"),
	C(utimes, "wp"), C(futimesat, "dwp"), C(utimensat, "dwpF"),
	C(utimensat_time64, "dwpF"), C(sync, ""), C(syncfs, "f"),
	C(fdatasync, "f"), C(getxattr, "rrbl"), C(lgetxattr, "rrbl"),
	C(fgetxattr, "frbl"), C(listxattr, "rbl"), C(llistxattr, "rbl"),
	C(flistxattr, "fbl"), C(pagoda_frame, "m"), C(waitid, "kWpFp"),
	C(statfs, "rp"), C(fstatfs, "fp"), C(statfs64, "rZp"),
	C(fstatfs64, "fZp"), C(getpriority, "uP"), C(setpriority, "uPi"),
	C(fadvise64, "foolu"), C(fadvise64_64, "foolou"),
};
#undef C
#define FZ_NCALLS ((int)NELEM(fz_calls))

/* The programs execve may be given (and the ELF corpus, found at run
 * time). */
static const char *fz_exec_paths[40] = {
	"/bin/true", "/bin/false", "/bin/exit42", "/nonexistent", "/tmp/fz/a",
	"/bin", "/dev/null", "/proc/self/maps",
};
static int fz_nexec = 8;

static inline uint32_t gen_exec_path(struct fz_env *e)
{
	return rn(6) ? (uint32_t)fz_exec_paths[rn(fz_nexec)] : gen_rpath(e);
}

/* An argv or envp: a few strings and NULL, or a bad array. */
static inline uint32_t gen_argv(const struct fz_env *e, int pos)
{
	if (!rn(5))
		return rn(2) ? 0 : gen_ptr(e);
	uint32_t *v = (uint32_t *)slot(e, pos);
	int n = rn(4);
	for (int i = 0; i < n; i++)
		v[i] = rn(4) ? (uint32_t)"x=1" : gen_ptr(e);
	v[n] = rn(8) ? 0 : gen_ptr(e);  /* sometimes unterminated */
	return (uint32_t)v;
}

static inline uint32_t gen_ioctl(void)
{
	static const uint32_t v[] = { 0x5401, 0x5402, 0x540f, 0x5410, 0x5413,
				      0x5414, 0x541b, 0x5421, 0x5429, 0 };
	return rn(4) ? v[rn(NELEM(v))] : gen_int();
}

static inline uint32_t gen_clone_flags(void)
{
	static const uint32_t common[] = {
		0x11 /* SIGCHLD */, 0x100 /* VM */, 0x200 /* FS */,
		0x400 /* FILES */, 0x800 /* SIGHAND */, 0x4000 /* VFORK */,
		0x10000 /* THREAD */, 0x80000 /* SETTLS */,
		0x100000 /* PARENT_SETTID */, 0x200000 /* CHILD_CLEARTID */,
		0x1000000 /* CHILD_SETTID */, 0x8000 /* PARENT */,
	};
	uint32_t f = 0;
	for (int n = rn(5); n > 0; n--)
		f |= common[rn(NELEM(common))];
	return rn(8) ? f : f | gen_flags();
}

/* The value of one argument of kind k, at position pos. */
static inline uint32_t gen_arg(struct fz_env *e, char k, int pos)
{
	switch (k) {
	case 'i': return gen_int();
	case 'l': return gen_len();
	case 'u': return gen_small();
	case 'f': return gen_fd(e);
	case 'd': return gen_dirfd(e);
	case 'b': return gen_buf(e);
	case 'p': return gen_ptr(e);
	case 'F': return gen_flags();
	case 's': return gen_sig();
	case 'P': return gen_pid(e);
	case 'W': return gen_waitpid(e);
	case 'r': return gen_rpath(e);
	case 'w': return gen_wpath(e);
	case 'x': return gen_exec_path(e);
	case 'a': return gen_argv(e, pos);
	case 't': return gen_time(e, pos);
	case 'T': return gen_desc(e, pos);
	case 'S': return gen_sigset(e, pos);
	case 'z': return gen_sigsetsize();
	case 'Z': return rn(6) ? 84 : gen_len();  /* sizeof(struct statfs64) */
	case 'v': return gen_iov(e, pos);
	case 'o': return gen_off();
	case 'm': return gen_addr(e);
	case 'k': return rn(4) ? rn(12) : gen_int();
	case 'c': return gen_clone_flags();
	case 'I': return gen_ioctl();
	case 'Q': return rn(8) ? rn(60) : gen_int();
	case 'X': return rn(14) | (rn(2) ? 128 : 0) | (rn(6) ? 0 : 256);
	case 'O': {
		uint32_t fl = gen_flags();
		/* outside /tmp/fz a file is only ever opened to read */
		if (!e->path_scratch)
			fl &= ~(uint32_t)(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND);
		return fl;
	}
	default: return 0;
	}
}

/* Draw a call and its arguments. */
static inline const struct fz_call *gen_call(struct fz_env *e, uint32_t a[6])
{
	const struct fz_call *c = &fz_calls[rn(FZ_NCALLS)];
	int n = (int)strlen(c->args);
	e->path_scratch = 0;
	for (int i = 0; i < 6; i++)
		a[i] = i < n ? gen_arg(e, c->args[i], i) : (rn(8) ? 0 : rnd());
	return c;
}

#endif
