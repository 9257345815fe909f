/* kernel/pid.h: process and thread ids. One number space, as on Linux:
 * a process's pid is its first thread's tid, and a number stays taken
 * while a thread has it as tid, a process (live or zombie) as pid, or any
 * process as its process group or session id. A hash table keyed by the
 * number finds the process or thread; numbers are handed out increasing
 * and wrap at pid_max to PID_WRAP_MIN, skipping the taken ones.
 * docs/processes.md. */
#ifndef KERNEL_PID_H
#define KERNEL_PID_H

#include <stdbool.h>

struct proc;
struct thread;

#define PID_MAX_DEFAULT 32768  /* Linux's pid_max: ids are 1..32767 */
#define PID_WRAP_MIN 300       /* Linux's RESERVED_PIDS: where ids wrap to */
#define MIN_THREADS 20         /* max_threads' floor, as Linux */

/* Give process p (not yet visible) a fresh pid in p->pid. Takes
 * proc_lock, so the caller must not hold it. Returns 0, -EAGAIN when
 * max_threads processes or threads exist or every id is taken, or
 * -ENOMEM. */
int pid_alloc_proc(struct proc *p);

/* Give thread t its tid: tid if not 0 (its process's pid, which must be
 * free of a thread), else a fresh one (-EAGAIN as pid_alloc_proc when
 * max_threads threads exist). Takes proc_lock. Returns 0 or -Exxx. */
int pid_attach_thread(struct thread *t, int tid);

/* Forget t's tid (if t still holds it): it can no longer be found, and
 * the number is free once nothing else holds it. proc_lock held. */
void pid_detach_thread(struct thread *t);

/* pid_detach_thread(t) for a caller that does not hold proc_lock. */
void pid_forget_thread(struct thread *t);

/* t, which holds no tid now, takes over tid (de_thread in execve: the
 * process's pid, whose leader thread is gone). proc_lock held. */
void pid_move_thread(struct thread *t, int tid);

/* p is being freed: its pid and its group and session ids are released.
 * proc_lock held. */
void pid_release_proc(struct proc *p);

/* Set p's process group and session to pgid and sid, both numbers held
 * already (by a process, or as some process's group or session), taking
 * them and releasing the old ones. Takes proc_lock. */
void pid_set_groups(struct proc *p, int pgid, int sid);

/* The process whose pid is nr (any state), or NULL. proc_lock held. */
struct proc *pid_proc(int nr);

/* The live thread whose tid is nr, or NULL. proc_lock held. */
struct thread *pid_thread(int nr);

/* Linux's max_threads: processes and threads the system may hold at
 * once, from the memory size (one thread's 4 KiB kernel stack may take
 * at most an eighth of it), at least MIN_THREADS. */
int pid_max_threads(void);

/* Change max_threads (as Linux's kernel.threads-max sysctl; tests).
 * Returns the old value. */
int pid_set_max_threads(int n);

/* Processes and threads that hold an id now. */
int pid_nr_procs(void);
int pid_nr_threads(void);

/* The last id handed out; pid_set_last() moves it (tests of the wrap).
 * proc_lock not needed: a test runs alone. */
int pid_last(void);
void pid_set_last(int nr);

#endif
