/* libc/src/spawn/posix_spawn.c: posix_spawn and posix_spawnp, as musl
 * does them: the child is clone(CLONE_VM | CLONE_VFORK), so no page of
 * the caller is copied and the caller sleeps until the child execs or
 * exits. The child runs on its own small stack (a buffer in the caller's
 * frame), with every signal blocked until just before the exec, and
 * makes only raw system calls (errno is the caller's memory too). An
 * exec that fails writes its errno into a close-on-exec pipe, which the
 * caller reads (nothing: the exec happened) and returns after reaping
 * the child; a pipe, not shared memory, because an emulator may run
 * CLONE_VM | CLONE_VFORK as a plain fork (qemu-i386 does). */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>

#include "pthread_impl.h"
#include "spawn_impl.h"
#include "libc.h"
#include "syscall.h"

#define CLONE_VM    0x00000100
#define CLONE_VFORK 0x00004000
#define SIGCHLD_NR  17
#define CHILD_STACK (1024 + 4096 + 256)  /* frames + one PATH candidate */

struct spawn_args {
	const char *path;
	int search;                 /* posix_spawnp: look path up in PATH */
	char *const *argv, *const *envp;
	const posix_spawn_file_actions_t *fa;
	const posix_spawnattr_t *attr;
	ksigset_t caller_mask;      /* restored unless SETSIGMASK says */
	int report;                 /* the pipe's write end */
};

/* Signals: a handler of the caller must not run in the child (it would
 * run on the child's stack, in the caller's memory): those with one, and
 * those SETSIGDEF names, go back to SIG_DFL. */
static int reset_handlers(const posix_spawnattr_t *attr)
{
	uint64_t def = attr && (attr->__flags & POSIX_SPAWN_SETSIGDEF) ?
		       *(const uint64_t *)&attr->__def : 0;
	uint64_t todo = (def | __sig_handlers) & ~((1ull << 8) | (1ull << 18));
	struct k_sigaction dfl = { 0, 0, 0, 0 };  /* SIG_DFL */
	for (int sig = 1; todo; sig++, todo >>= 1) {
		if (!(todo & 1))
			continue;
		long r = __syscall4(__NR_rt_sigaction, sig, (long)&dfl, 0,
				    sizeof(ksigset_t));
		if (r < 0)
			return (int)r;
	}
	return 0;
}

static int apply_attr(const posix_spawnattr_t *attr)
{
	int flags = attr ? attr->__flags : 0;
	long r = 0;
	if (flags & POSIX_SPAWN_SETSID)
		r = __syscall0(__NR_setsid);
	if (r >= 0 && (flags & POSIX_SPAWN_SETPGROUP))
		r = __syscall2(__NR_setpgid, 0, attr->__pgrp);
	if (r >= 0 && (flags & POSIX_SPAWN_RESETIDS)) {
		r = __syscall1(__NR_setgid32, __syscall0(__NR_getgid32));
		if (r >= 0)
			r = __syscall1(__NR_setuid32, __syscall0(__NR_getuid32));
	}
	return r < 0 ? (int)r : 0;
}

/* exec path, or each PATH candidate for it; returns -errno. */
static int exec_it(struct spawn_args *a)
{
	if (a->search)
		return __execvpe(a->path, a->argv, a->envp);
	return (int)__syscall3(__NR_execve, (long)a->path, (long)a->argv,
			       (long)a->envp);
}

static int child(void *arg)
{
	struct spawn_args *a = arg;
	int r = reset_handlers(a->attr);
	if (!r)
		r = apply_attr(a->attr);
	if (!r)
		r = __spawn_run_actions(a->fa);
	if (!r) {
		const void *mask = a->attr && (a->attr->__flags &
					       POSIX_SPAWN_SETSIGMASK) ?
				   (const void *)&a->attr->__mask : &a->caller_mask;
		r = (int)__syscall4(__NR_rt_sigprocmask, SIG_SETMASK,
				    (long)mask, 0, sizeof(ksigset_t));
	}
	if (!r)
		r = exec_it(a);
	int err = -r;
	__syscall3(__NR_write, a->report, (long)&err, sizeof(err));
	__syscall1(__NR_exit_group, 127);
	return 0;
}

static int spawn(pid_t *pid, const char *path, int search,
		 const posix_spawn_file_actions_t *fa,
		 const posix_spawnattr_t *attr, char *const argv[],
		 char *const envp[])
{
	char stack[CHILD_STACK] __attribute__((aligned(16)));
	struct spawn_args a = { path, search, argv, envp, fa, attr, 0, -1 };
	int p[2];
	long e = __syscall2(__NR_pipe2, (long)p, O_CLOEXEC);
	if (e < 0)
		return (int)-e;
	a.report = p[1];
	ksigset_t all = ~(ksigset_t)0;
	__syscall4(__NR_rt_sigprocmask, SIG_BLOCK, (long)&all,
		   (long)&a.caller_mask, sizeof(ksigset_t));
	int r = __clone(child, stack + sizeof(stack),
			CLONE_VM | CLONE_VFORK | SIGCHLD_NR, &a, 0, 0, 0);
	__syscall1(__NR_close, p[1]);
	int err = 0;
	if (r > 0 && __syscall3(__NR_read, p[0], (long)&err, sizeof(err)) !=
		     sizeof(err))
		err = 0;  /* end of file: the exec closed the pipe */
	__syscall1(__NR_close, p[0]);
	__syscall4(__NR_rt_sigprocmask, SIG_SETMASK, (long)&a.caller_mask, 0,
		   sizeof(ksigset_t));
	if (r < 0)
		return -r;
	if (err) {  /* the child is gone (exit 127): reap it */
		__syscall4(__NR_wait4, r, 0, 0, 0);
		return err;
	}
	if (pid)
		*pid = r;
	return 0;
}

int posix_spawn(pid_t *pid, const char *path,
		const posix_spawn_file_actions_t *fa,
		const posix_spawnattr_t *attr, char *const argv[],
		char *const envp[])
{
	return spawn(pid, path, 0, fa, attr, argv, envp);
}

int posix_spawnp(pid_t *pid, const char *file,
		 const posix_spawn_file_actions_t *fa,
		 const posix_spawnattr_t *attr, char *const argv[],
		 char *const envp[])
{
	return spawn(pid, file, 1, fa, attr, argv, envp);
}
