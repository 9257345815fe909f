/* kernel/syscall.c: the system-call table and the calls that belong to no
 * subsystem of their own. Every user pointer goes through mm/uaccess.h. */
#include "kernel/syscall.h"

#include <stdint.h>

#include "exec/exec.h"
#include "fs/syscalls.h"
#include "kernel/arch/x86/tls.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/clock.h"
#include "kernel/console.h"
#include "kernel/futex.h"
#include "kernel/itimer.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/resource.h"
#include "kernel/restart.h"
#include "kernel/session.h"
#include "kernel/signal_sys.h"
#include "kernel/thread.h"
#include "kernel/trace.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/pagoda_unistd.h"
#include "kernel/uapi/unistd_32.h"
#include "mm/as.h"
#include "mm/mmap.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"


static long sys_exit(uint32_t code, uint32_t a2, uint32_t a3, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	proc_exit_thread(WAIT_EXITED(code & 0xff));  /* this thread only */
}

static long sys_exit_group(uint32_t code, uint32_t a2, uint32_t a3,
			   uint32_t a4, uint32_t a5, uint32_t a6)
{
	proc_exit_group(WAIT_EXITED(code & 0xff));  /* every thread */
}

static long sys_gettid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		       uint32_t a5, uint32_t a6)
{
	return thread_current()->tid;
}

static long sys_getpid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		       uint32_t a5, uint32_t a6)
{
	return proc_current()->pid;
}

/* LAB(syscall.impl) begin: getppid (labs/syscall) */
static long sys_getppid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
			uint32_t a5, uint32_t a6)
{
	struct proc *parent = proc_current()->parent;
	return parent ? parent->pid : 0;
}
/* LAB(syscall.impl) end */

static long sys_fork(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	return proc_fork();
}

/* i386 clone(flags, newsp, parent_tid, tls, child_tid). */
static long sys_clone(uint32_t flags, uint32_t newsp, uint32_t parent_tid,
		      uint32_t tls, uint32_t child_tid, uint32_t a6)
{
	return proc_clone(flags, newsp, parent_tid, tls, child_tid);
}

static long sys_vfork(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		      uint32_t a5, uint32_t a6)
{
	return proc_vfork();
}

static long sys_set_tid_address(uint32_t tidptr, uint32_t a2, uint32_t a3,
				uint32_t a4, uint32_t a5, uint32_t a6)
{
	return proc_set_tid_address(tidptr);
}

static long sys_wait4(uint32_t pid, uint32_t ustatus, uint32_t options,
		      uint32_t urusage, uint32_t a5, uint32_t a6)
{
	return proc_wait4((int)pid, (int *)ustatus, (int)options,
			  (void *)urusage);
}

static long sys_waitid(uint32_t idtype, uint32_t id, uint32_t uinfo,
		       uint32_t options, uint32_t urusage, uint32_t a6)
{
	return proc_waitid((int)idtype, (int)id, (void *)uinfo, (int)options,
			   (void *)urusage);
}

static long sys_waitpid(uint32_t pid, uint32_t ustatus, uint32_t options,
			uint32_t a4, uint32_t a5, uint32_t a6)
{
	return proc_wait4((int)pid, (int *)ustatus, (int)options, NULL);
}

/* execve(path, argv, envp): the two phases of exec/exec.h on the calling
 * process. Until the commit, any failure returns to the old image intact;
 * after it, the process runs the new program from its entry point. */
static long sys_execve(uint32_t upath, uint32_t uargv, uint32_t uenvp,
		       uint32_t a4, uint32_t a5, uint32_t a6)
{
	paddr_t page = pmm_alloc_frame(PMM_LOWMEM);  /* PATH_MAX is 4096 */
	if (!page)
		return -ENOMEM;
	char *path = P2V(page);
	long err = strncpy_from_user(path, (const char *)upath, PAGE_SIZE);
	struct exec_args args = { (const char *const *)uargv,
				  (const char *const *)uenvp, true };
	struct exec_image img;
	if (err >= 0)
		err = exec_prepare(path, &args, &img);
	pmm_free_frame(page);
	if (err < 0)
		return err;
	err = proc_de_thread();  /* the other threads end first */
	if (err < 0) {
		exec_abandon(&img);
		return err;
	}
	futex_exit_robust_list();  /* the old image's robust mutexes */
	exec_commit(proc_current(), &img);
	proc_vfork_release(proc_current());  /* its own memory now */
	thread_set_user_entry(thread_current(), img.entry, img.sp);
	thread_current()->clear_child_tid = 0;  /* an address in the old image */
	signal_exec(proc_current(), thread_current());
	proc_current()->did_exec = true;
	return 0;  /* into the new image's eax, which Linux also zeroes */
}

static long sys_sched_yield(uint32_t a1, uint32_t a2, uint32_t a3,
			    uint32_t a4, uint32_t a5, uint32_t a6)
{
	thread_yield();
	return 0;
}

static long sys_set_thread_area(uint32_t uinfo, uint32_t a2, uint32_t a3,
				uint32_t a4, uint32_t a5, uint32_t a6)
{
	return tls_set_thread_area((void *)uinfo);
}

const syscall_fn syscall_table[] = {
	[__NR_restart_syscall] = sys_restart_syscall,
	[__NR_exit] = sys_exit,
	[__NR_fork] = sys_fork,
	[__NR_read] = sys_read,
	[__NR_write] = sys_write,
	[__NR_open] = sys_open,
	[__NR_close] = sys_close,
	[__NR_waitpid] = sys_waitpid,
	[__NR_creat] = sys_creat,
	[__NR_link] = sys_link,
	[__NR_unlink] = sys_unlink,
	[__NR_execve] = sys_execve,
	[__NR_chdir] = sys_chdir,
	[__NR_time] = sys_time,
	[__NR_chmod] = sys_chmod,
	[__NR_lchown] = sys_lchown16,
	[__NR_lseek] = sys_lseek,
	[__NR_getpid] = sys_getpid,
	[__NR_setuid] = sys_setuid16,
	[__NR_getuid] = sys_getuid16,
	[__NR_stime] = sys_stime,
	[__NR_alarm] = sys_alarm,
	[__NR_pause] = sys_pause,
	[__NR_utime] = sys_utime,
	[__NR_access] = sys_access,
	[__NR_sync] = sys_sync,
	[__NR_kill] = sys_kill,
	[__NR_rename] = sys_rename,
	[__NR_mkdir] = sys_mkdir,
	[__NR_rmdir] = sys_rmdir,
	[__NR_dup] = sys_dup,
	[__NR_pipe] = sys_pipe,
	[__NR_times] = sys_times,
	[__NR_brk] = sys_brk,
	[__NR_setgid] = sys_setgid16,
	[__NR_getgid] = sys_getgid16,
	[__NR_geteuid] = sys_geteuid16,
	[__NR_getegid] = sys_getegid16,
	[__NR_ioctl] = sys_ioctl,
	[__NR_fcntl] = sys_fcntl,
	[__NR_setpgid] = sys_setpgid,
	[__NR_umask] = sys_umask,
	[__NR_dup2] = sys_dup2,
	/* LAB(syscall.table) begin */
	[__NR_getppid] = sys_getppid,
	/* LAB(syscall.table) end */
	[__NR_getpgrp] = sys_getpgrp,
	[__NR_setsid] = sys_setsid,
	[__NR_sigaction] = sys_sigaction,
	[__NR_setreuid] = sys_setreuid16,
	[__NR_setregid] = sys_setregid16,
	[__NR_sigsuspend] = sys_sigsuspend,
	[__NR_sigpending] = sys_sigpending,
	[__NR_setrlimit] = sys_setrlimit,
	[__NR_getrlimit] = sys_old_getrlimit,
	[__NR_getrusage] = sys_getrusage,
	[__NR_gettimeofday] = sys_gettimeofday,
	[__NR_settimeofday] = sys_settimeofday,
	[__NR_getgroups] = sys_getgroups16,
	[__NR_setgroups] = sys_setgroups16,
	[__NR_symlink] = sys_symlink,
	[__NR_readlink] = sys_readlink,
	[__NR_mmap] = sys_old_mmap,
	[__NR_munmap] = sys_munmap,
	[__NR_fchmod] = sys_fchmod,
	[__NR_fchown] = sys_fchown16,
	[__NR_getpriority] = sys_getpriority,
	[__NR_setpriority] = sys_setpriority,
	[__NR_statfs] = sys_statfs,
	[__NR_fstatfs] = sys_fstatfs,
	[__NR_setitimer] = sys_setitimer,
	[__NR_getitimer] = sys_getitimer,
	[__NR_wait4] = sys_wait4,
	[__NR_waitid] = sys_waitid,
	[__NR_sysinfo] = sys_sysinfo,
	[__NR_fsync] = sys_fsync,
	[__NR_sigreturn] = sys_sigreturn,
	[__NR_clone] = sys_clone,
	[__NR_uname] = sys_uname,
	[__NR_mprotect] = sys_mprotect,
	[__NR_sigprocmask] = sys_sigprocmask,
	[__NR_getpgid] = sys_getpgid,
	[__NR_fchdir] = sys_fchdir,
	[__NR_setfsuid] = sys_setfsuid16,
	[__NR_setfsgid] = sys_setfsgid16,
	[__NR__llseek] = sys_llseek,
	[__NR__newselect] = sys_newselect,
	[__NR_msync] = sys_msync,
	[__NR_readv] = sys_readv,
	[__NR_writev] = sys_writev,
	[__NR_getsid] = sys_getsid,
	[__NR_fdatasync] = sys_fsync,
	[__NR_sched_yield] = sys_sched_yield,
	[__NR_nanosleep] = sys_nanosleep,
	[__NR_mremap] = sys_mremap,
	[__NR_setresuid] = sys_setresuid16,
	[__NR_getresuid] = sys_getresuid16,
	[__NR_poll] = sys_poll,
	[__NR_setresgid] = sys_setresgid16,
	[__NR_getresgid] = sys_getresgid16,
	[__NR_prctl] = sys_prctl,
	[__NR_rt_sigreturn] = sys_rt_sigreturn,
	[__NR_rt_sigaction] = sys_rt_sigaction,
	[__NR_rt_sigprocmask] = sys_rt_sigprocmask,
	[__NR_rt_sigpending] = sys_rt_sigpending,
	[__NR_rt_sigtimedwait] = sys_rt_sigtimedwait,
	[__NR_rt_sigqueueinfo] = sys_rt_sigqueueinfo,
	[__NR_rt_sigsuspend] = sys_rt_sigsuspend,
	[__NR_pread64] = sys_pread64,
	[__NR_pwrite64] = sys_pwrite64,
	[__NR_chown] = sys_chown16,
	[__NR_getcwd] = sys_getcwd,
	[__NR_sigaltstack] = sys_sigaltstack,
	[__NR_vfork] = sys_vfork,
	[__NR_ugetrlimit] = sys_getrlimit,
	[__NR_mmap2] = sys_mmap2,
	[__NR_truncate64] = sys_truncate64,
	[__NR_ftruncate64] = sys_ftruncate64,
	[__NR_stat64] = sys_stat64,
	[__NR_lstat64] = sys_lstat64,
	[__NR_fstat64] = sys_fstat64,
	[__NR_lchown32] = sys_lchown32,
	[__NR_getuid32] = sys_getuid,
	[__NR_getgid32] = sys_getgid,
	[__NR_geteuid32] = sys_geteuid,
	[__NR_getegid32] = sys_getegid,
	[__NR_setreuid32] = sys_setreuid,
	[__NR_setregid32] = sys_setregid,
	[__NR_getgroups32] = sys_getgroups,
	[__NR_setgroups32] = sys_setgroups,
	[__NR_fchown32] = sys_fchown32,
	[__NR_setresuid32] = sys_setresuid,
	[__NR_getresuid32] = sys_getresuid,
	[__NR_setresgid32] = sys_setresgid,
	[__NR_getresgid32] = sys_getresgid,
	[__NR_chown32] = sys_chown32,
	[__NR_setuid32] = sys_setuid,
	[__NR_setgid32] = sys_setgid,
	[__NR_setfsuid32] = sys_setfsuid,
	[__NR_setfsgid32] = sys_setfsgid,
	[__NR_mincore] = sys_mincore,
	[__NR_madvise] = sys_madvise,
	[__NR_getdents64] = sys_getdents64,
	[__NR_fcntl64] = sys_fcntl,
	[__NR_getxattr] = sys_getxattr,
	[__NR_lgetxattr] = sys_lgetxattr,
	[__NR_fgetxattr] = sys_fgetxattr,
	[__NR_listxattr] = sys_listxattr,
	[__NR_llistxattr] = sys_llistxattr,
	[__NR_flistxattr] = sys_flistxattr,
	[__NR_gettid] = sys_gettid,
	[__NR_tkill] = sys_tkill,
	[__NR_futex] = sys_futex,
	[__NR_sched_setaffinity] = sys_sched_setaffinity,
	[__NR_sched_getaffinity] = sys_sched_getaffinity,
	[__NR_set_thread_area] = sys_set_thread_area,
	[__NR_fadvise64] = sys_fadvise64,
	[__NR_exit_group] = sys_exit_group,
	[__NR_set_tid_address] = sys_set_tid_address,
	[__NR_clock_settime] = sys_clock_settime,
	[__NR_clock_gettime] = sys_clock_gettime,
	[__NR_clock_getres] = sys_clock_getres,
	[__NR_clock_nanosleep] = sys_clock_nanosleep,
	[__NR_statfs64] = sys_statfs64,
	[__NR_fstatfs64] = sys_fstatfs64,
	[__NR_tgkill] = sys_tgkill,
	[__NR_utimes] = sys_utimes,
	[__NR_fadvise64_64] = sys_fadvise64_64,
	[__NR_openat] = sys_openat,
	[__NR_mkdirat] = sys_mkdirat,
	[__NR_fchownat] = sys_fchownat,
	[__NR_futimesat] = sys_futimesat,
	[__NR_fstatat64] = sys_fstatat64,
	[__NR_unlinkat] = sys_unlinkat,
	[__NR_renameat] = sys_renameat,
	[__NR_linkat] = sys_linkat,
	[__NR_symlinkat] = sys_symlinkat,
	[__NR_readlinkat] = sys_readlinkat,
	[__NR_faccessat] = sys_faccessat,
	[__NR_pselect6] = sys_pselect6,
	[__NR_ppoll] = sys_ppoll,
	[__NR_set_robust_list] = sys_set_robust_list,
	[__NR_get_robust_list] = sys_get_robust_list,
	[__NR_getcpu] = sys_getcpu,
	[__NR_utimensat] = sys_utimensat,
	[__NR_dup3] = sys_dup3,
	[__NR_pipe2] = sys_pipe2,
	[__NR_rt_tgsigqueueinfo] = sys_rt_tgsigqueueinfo,
	[__NR_prlimit64] = sys_prlimit64,
	[__NR_syncfs] = sys_syncfs,
	[__NR_getrandom] = sys_getrandom,
	[__NR_membarrier] = sys_membarrier,
	[__NR_statx] = sys_statx,
	[__NR_clock_gettime64] = sys_clock_gettime64,
	[__NR_clock_settime64] = sys_clock_settime64,
	[__NR_clock_getres_time64] = sys_clock_getres_time64,
	[__NR_clock_nanosleep_time64] = sys_clock_nanosleep_time64,
	[__NR_utimensat_time64] = sys_utimensat_time64,
	[__NR_pselect6_time64] = sys_pselect6_time64,
	[__NR_ppoll_time64] = sys_ppoll_time64,
	[__NR_rt_sigtimedwait_time64] = sys_rt_sigtimedwait_time64,
	[__NR_futex_time64] = sys_futex_time64,
	[__NR_clone3] = sys_clone3,
	[__NR_faccessat2] = sys_faccessat2,
};

/* pagoda's own calls (kernel/uapi/pagoda_unistd.h), from PAGODA_NR_BASE. */
_Static_assert(PAGODA_NR_BASE > SYSCALL_NR_MAX, "pagoda's calls above Linux's");
static const syscall_fn pagoda_table[PAGODA_NR_END - PAGODA_NR_BASE] = {
	[__NR_pagoda_frame - PAGODA_NR_BASE] = sys_pagoda_frame,
};






#define SYSCALL_TABLE_LEN (sizeof(syscall_table) / sizeof(syscall_table[0]))
uint32_t syscall_table_len = SYSCALL_TABLE_LEN;

void syscall_set_traced(bool traced)
{
	syscall_table_len = traced ? 0 : SYSCALL_TABLE_LEN;
}

_Static_assert(SYSCALL_TABLE_LEN <= SYSCALL_NR_MAX,
	       "SYSCALL_NR_MAX below the table");

/* The handler of number nr, or NULL. */
static syscall_fn syscall_lookup(uint32_t nr)
{
	if (nr < SYSCALL_TABLE_LEN)
		return syscall_table[nr];
	if (nr >= PAGODA_NR_BASE && nr < PAGODA_NR_END)
		return pagoda_table[nr - PAGODA_NR_BASE];
	return NULL;
}

bool syscall_implemented(unsigned nr)
{
	return syscall_lookup(nr) != NULL;
}

/* The first call of an unimplemented number by a process: say so on the
 * kernel log (tools/run-elf shows these lines), once per number. */
static void log_unimplemented(uint32_t nr)
{
	struct proc *p = proc_current();
	if (!p)
		return;
	uint32_t slot = nr < SYSCALL_NR_MAX ? nr : SYSCALL_NR_MAX;  /* the
		last bit stands for every number past the table */
	uint32_t bit = 1u << (slot % 32);
	if (p->unimplemented_seen[slot / 32] & bit)
		return;
	p->unimplemented_seen[slot / 32] |= bit;
	const char *name = syscall_name(nr);
	pr_info("pid %d (%s): unimplemented system call %u (%s)\n", p->pid,
		p->name, nr, name ? name : "unknown");
}

void syscall_dispatch(struct trapframe *tf)
{
	uint32_t nr = tf->eax;
	syscall_fn fn = syscall_lookup(nr);
	if (trace_maybe(TRACE_SYSCALL)) {
		if (!fn)
			log_unimplemented(nr);
		tf->eax = (uint32_t)trace_syscall(nr, fn, tf);
		return;
	}
	if (!fn) {
		log_unimplemented(nr);
		tf->eax = (uint32_t)-ENOSYS;
		return;
	}
	tf->eax = (uint32_t)fn(tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi,
			       tf->ebp);
}
