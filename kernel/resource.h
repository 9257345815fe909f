/* kernel/resource.h: a process's credentials and resource limits, and the
 * system calls that read and set them, with uname, prctl and the scheduler
 * queries every C library makes at start-up (kernel/sys.c). There is one
 * user, root, but the ids are kept and change as Linux's setuid rules say,
 * so a program that drops privileges sees what it would on Linux. */
#ifndef KERNEL_RESOURCE_H
#define KERNEL_RESOURCE_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/uapi/resource.h"

struct proc;

#define NGROUPS_KEPT 32  /* supplementary groups a process may have */

struct cred {
	uint32_t uid, euid, suid, fsuid;  /* real, effective, saved, fs */
	uint32_t gid, egid, sgid, fsgid;
	uint32_t ngroups;                 /* supplementary groups */
	uint32_t groups[NGROUPS_KEPT];
};

/* What struct proc holds (p->res): inherited by fork, kept by execve. */
struct proc_res {
	struct cred cred;
	struct rlimit64 rlim[RLIM_NLIMITS];
	unsigned membarrier_registered;   /* MEMBARRIER_CMD_REGISTER_* seen */
};

/* Set up a new process's credentials and limits: a copy of parent's, or
 * (parent NULL: started by the kernel) root with Linux's default limits. */
void resource_init(struct proc *p, const struct proc *parent);

/* The current soft limit of resource (RLIMIT_*) for p (RLIM64_INFINITY:
 * none). */
uint64_t rlimit_cur(const struct proc *p, int resource);

/* fork()'s RLIMIT_NPROC check: -EAGAIN if p's real user already has as
 * many processes as p's soft limit allows (root is exempt, as on Linux),
 * else 0. */
int resource_may_fork(const struct proc *p);

#define SYS_SYSCALL(name)                                                      \
	long name(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,          \
		  uint32_t a5, uint32_t a6)

SYS_SYSCALL(sys_uname);
SYS_SYSCALL(sys_getpriority);
SYS_SYSCALL(sys_setpriority);
SYS_SYSCALL(sys_getuid16);
SYS_SYSCALL(sys_geteuid16);
SYS_SYSCALL(sys_getgid16);
SYS_SYSCALL(sys_getegid16);
SYS_SYSCALL(sys_setuid16);
SYS_SYSCALL(sys_setgid16);
SYS_SYSCALL(sys_getresuid16);
SYS_SYSCALL(sys_getresgid16);
SYS_SYSCALL(sys_getgroups16);
SYS_SYSCALL(sys_getuid);
SYS_SYSCALL(sys_geteuid);
SYS_SYSCALL(sys_getgid);
SYS_SYSCALL(sys_getegid);
SYS_SYSCALL(sys_setuid);
SYS_SYSCALL(sys_setgid);
SYS_SYSCALL(sys_setreuid);
SYS_SYSCALL(sys_setregid);
SYS_SYSCALL(sys_setresuid);
SYS_SYSCALL(sys_setresgid);
SYS_SYSCALL(sys_getresuid);
SYS_SYSCALL(sys_getresgid);
SYS_SYSCALL(sys_getgroups);
SYS_SYSCALL(sys_setgroups);
SYS_SYSCALL(sys_setreuid16);
SYS_SYSCALL(sys_setregid16);
SYS_SYSCALL(sys_setresuid16);
SYS_SYSCALL(sys_setresgid16);
SYS_SYSCALL(sys_setgroups16);
SYS_SYSCALL(sys_setfsuid);
SYS_SYSCALL(sys_setfsgid);
SYS_SYSCALL(sys_setfsuid16);
SYS_SYSCALL(sys_setfsgid16);
SYS_SYSCALL(sys_old_getrlimit);
SYS_SYSCALL(sys_getrlimit);
SYS_SYSCALL(sys_setrlimit);
SYS_SYSCALL(sys_prlimit64);
SYS_SYSCALL(sys_prctl);
SYS_SYSCALL(sys_getcpu);
SYS_SYSCALL(sys_sched_getaffinity);
SYS_SYSCALL(sys_sched_setaffinity);
SYS_SYSCALL(sys_membarrier);

#endif
