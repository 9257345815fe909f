/* kernel/thread.h: threads of execution and the scheduler. A thread is a
 * kernel stack plus the registers saved on it; a user thread also has a
 * process (its address space) and enters ring 3 through the trapframe at
 * the top of its stack. One CPU, round robin, preemption only at the
 * boundary with user mode. */
#ifndef KERNEL_THREAD_H
#define KERNEL_THREAD_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/restart.h"
#include "kernel/signal.h"
#include "kernel/time.h"
#include "mm/memlayout.h"

struct fpu_state;
struct proc;
struct trapframe;

#define KSTACK_SIZE PAGE_SIZE  /* one frame, as xv6: keep kernel frames small */
#define KSTACK_CANARY 0x57ac4ca7u  /* the stack's lowest word, checked at
				      every switch: an overflow overwrites it */

enum thread_state {
	THREAD_RUNNABLE,   /* on the run queue (or running: see thread_current) */
	THREAD_BLOCKED,    /* waiting for thread_wake() */
	THREAD_DEAD,       /* will never run again; its owner frees it */
};

struct thread {
	int tid;
	enum thread_state state;
	struct proc *proc;        /* owning process; NULL for the boot thread */
	uint8_t *kstack;          /* KSTACK_SIZE bytes in the kernel-stack
				     window, above an unmapped guard page
				     (mm/kstack.h); NULL for the boot thread
				     (it runs on the boot stack) */
	void (*kernel_fn)(void *);/* a kernel thread's function (its name in
				     reports); NULL for the others */
	uint32_t saved_esp;       /* while switched out: its kernel esp */
	struct thread *next_run;  /* run queue link, while queued */
	bool queued;              /* on the run queue (interrupts off) */
	struct thread *group_next;/* next thread of the same process (its
				     live list, then its dead list), guarded
				     by kernel/proc.c's proc_lock */
	uint32_t clear_child_tid; /* user address zeroed and futex-woken when
				     it exits (CLONE_CHILD_CLEARTID,
				     set_tid_address), or 0 */
	uint32_t robust_list;     /* set_robust_list's head, or 0: walked
				     when it exits (kernel/futex_robust.c) */
	struct fpu_state *fpu;    /* its x87/SSE registers while switched out
				     (user threads; NULL for the boot thread) */
	uint64_t tls[3];          /* its thread-local-storage segment
				     descriptors (set_thread_area), loaded
				     into the GDT whenever it runs */
	/* Sleeping (kernel/wait.c), interrupts off to touch: */
	bool sig_pending;         /* a signal awaits delivery: interruptible
				     sleeps end with -EINTR (set and cleared
				     by the signal code, woken by
				     thread_kick()) */
	bool must_exit;           /* its process is ending (exit_group, a
				     fatal fault, execve in another thread):
				     interruptible sleeps end with -EINTR
				     and it exits on its way to user mode */
	bool sleep_interruptible; /* blocked in an interruptible sleep */
	struct timer sleep_timer; /* wakes it at its sleep's deadline
				     (kernel/time.c) */
	struct thread_signals sig; /* mask, pending, altstack (kernel/signal.h) */
	struct restart_block restart; /* how an interrupted call resumes
					 (kernel/restart.h); its own */
	struct cputime cpu;       /* CPU time used (kernel/time.c) */
	int nice;                 /* -20..19, its slice's length
				     (kernel/priority.c, kernel/preempt.c);
				     written under proc_lock */
};

/* Make the running context (kmain on the boot stack) thread 0. */
void thread_init(void);

/* The thread running now (written only by the scheduler, kernel/thread.c;
 * inline because every system call and fault asks). */
extern struct thread *thread_running;
static inline struct thread *thread_current(void)
{
	return thread_running;
}

/* A new thread of process p with id tid (0: a fresh one) that will enter
 * ring 3 at eip with user stack esp and all general registers zero, once
 * it is first scheduled; on its way there it calls proc_return_to_user()
 * like every return to user mode. Not yet runnable: call thread_start().
 * Returns NULL when out of memory. */
struct thread *thread_create_user(struct proc *p, int tid, uint32_t eip,
				  uint32_t esp);

/* Make t's next return to ring 3 start afresh at eip with user stack esp,
 * every general register zero, FPU/SSE state and TLS entries clean (a new
 * thread, or execve). */
void thread_set_user_entry(struct thread *t, uint32_t eip, uint32_t esp);

/* The user-mode registers saved at the top of t's kernel stack. */
struct trapframe *thread_user_frame(struct thread *t);

/* A name for reports: t's process's (comm), "boot" for thread 0, or a
 * kernel thread's function. Static or t's own: never free it. */
const char *thread_name(const struct thread *t);

/* Thread 0, kmain's, which runs on the boot stack (boot/boot.asm). */
struct thread *thread_boot(void);

/* t's kernel stack still has its canary (threads without a stack of
 * their own, the boot thread, always do). schedule() panics, naming the
 * thread, when one it switches from or to has lost it. */
bool thread_stack_intact(const struct thread *t);

/* Make t runnable. */
void thread_start(struct thread *t);

/* Give the CPU to the next runnable thread, if any. */
void thread_yield(void);

/* Stop running until thread_wake(); the caller rechecks its condition. */
void thread_block(void);

/* Make a blocked thread runnable again. */
void thread_wake(struct thread *t);

/* Wake t if it sleeps interruptibly (a signal arrived for it, or its
 * process is ending): its waitq_sleep() returns -EINTR if t->sig_pending
 * or t->must_exit is set. */
void thread_kick(struct thread *t);

/* A kernel-only thread that runs fn(arg) in ring 0 and ends with
 * thread_exit() when fn returns; not yet runnable (thread_start()). Its
 * creator frees it with thread_free() once it is THREAD_DEAD. Returns
 * NULL when out of memory. */
struct thread *thread_create_kernel(void (*fn)(void *arg), void *arg);

/* Mark the current thread dead and switch away for good; whoever owns it
 * frees it with thread_free(). */
__attribute__((noreturn)) void thread_exit(void);

/* Copy the running thread's FPU/SSE registers into t (fork). */
void thread_copy_fpu(struct thread *t);

/* Free a dead thread's kernel stack and structure. */
void thread_free(struct thread *t);

#endif
