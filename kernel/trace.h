/* kernel/trace.h: the live view of process creation (docs/trace.md).
 * The `trace=` option (or prctl PR_PAGODA_SET_TRACE for one process and
 * its children) turns on one line per event on COM1: each exec's VMAs,
 * each page fault and its outcome, each system call strace style, each
 * thread switch, each signal sent and delivered. Off, each hook costs one
 * load and one branch that is never taken (trace_maybe). */
#ifndef KERNEL_TRACE_H
#define KERNEL_TRACE_H

#include <stdbool.h>

#include "kernel/uapi/resource.h"  /* TRACE_* */

struct proc;
struct thread;
struct trapframe;
struct vma;

/* Every TRACE_* bit some process (or the boot option) has asked for,
 * ever: a superset of what is traced now. Written under the trace lock,
 * read without it (a stale read only delays or adds a trace_wants()). */
extern unsigned trace_active;

/* The cheap test the hot paths make: could any event of kind `what` be
 * traced? Only when true do they call the hooks below. */
static inline bool trace_maybe(unsigned what)
{
	return __builtin_expect((trace_active & what) != 0, 0);
}

/* Parse a comma list of exec, fault, syscall, sched, signal, all (and
 * none) into *mask. Returns 0, or -EINVAL at an unknown word (*mask then
 * holds the words before it). Pure: the host tests build it. */
int trace_parse(const char *list, unsigned *mask);

/* Boot: apply the `trace=LIST` option (NULL: none). An unknown word is
 * reported on the log and the rest still applies. to is the value of
 * `trace_to=` (NULL: none): "com2" sends the lines to COM2 instead of
 * COM1, out of the programs' output (tools/run-elf --trace). */
void trace_init(const char *option, const char *to);

/* The mask every process is traced with (the boot option's); tests set
 * it for a while and put the old one back. */
unsigned trace_global(void);
void trace_set_global(unsigned mask);

/* Trace p (and the children it creates later) with mask on top of the
 * global one. mask must be within TRACE_ALL. */
void trace_set_proc(struct proc *p, unsigned mask);

/* True if events of kind `what` are traced for p (NULL: a kernel thread,
 * which only the global mask covers). */
bool trace_wants(const struct proc *p, unsigned what);

/* Print one event line: "trace: " then the formatted text then "\n", on
 * COM1 (or COM2, see trace_init), whole (lines of two CPUs' threads never interleave; a line is cut
 * at 255 bytes). Safe in interrupt handlers. */
void trace_emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* For tests: while c is set, event lines go into c->buf (NUL-terminated,
 * at most size - 1 bytes, len counting them; what does not fit is
 * dropped) instead of COM1. NULL sends them to COM1 again. */
struct trace_capture {
	char *buf;
	unsigned size, len;
};
void trace_capture(struct trace_capture *c);

/* The name a trace line gives v: its label ([heap], [stack]), its file's
 * path, "/dev/zero (deleted)" for shared anonymous memory (as
 * /proc/PID/maps), or "[anon]". */
const char *trace_vma_name(const struct vma *v);

/* The hooks. Each is called only after trace_maybe() said yes. */

/* syscall: run fn for the frame and trace it (kernel/trace_syscall.c). */
typedef long (*trace_syscall_fn)(unsigned, unsigned, unsigned, unsigned,
				 unsigned, unsigned);
long trace_syscall(unsigned nr, trace_syscall_fn fn, struct trapframe *tf);

/* sched: prev hands the CPU to next. */
void trace_switch(const struct thread *prev, const struct thread *next);

/* exec: p has committed to its new image, entry and stack pointer. */
void trace_exec(struct proc *p, unsigned entry, unsigned sp);

/* exec (fork is process creation too): child was forked from parent. */
void trace_fork(struct proc *parent, struct proc *child);

/* signal: sig was sent to p ("send", arg its si_code), forced on it by
 * a fault ("force", arg si_code), or delivered: to a handler ("deliver",
 * arg the handler's address) or by its default action, which kills
 * ("default", arg unused). */
void trace_signal(const struct proc *p, int sig, const char *what,
		  unsigned arg);

#endif
