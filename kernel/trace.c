/* kernel/trace.c: the trace= option, the per-process trace masks, the
 * line printer and the process-creation events (exec, fork, switches).
 * The system-call tracer is kernel/trace_syscall.c, the fault tracer
 * mm/fault_trace.c. Line formats: docs/trace.md. */
#include "kernel/trace.h"

#include <stdarg.h>

#include "kernel/arch/x86/pagefault.h"
#include "kernel/arch/x86/serial.h"
#include "kernel/console.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/lock.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/syscall.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/vm_file.h"
#include "mm/vma.h"
#include "mm/vmm.h"

#define LINE_MAX 256

unsigned trace_active;
static unsigned global_mask;  /* [trace_lock] the boot option's */
/* trace_lock guards global_mask, trace_active's updates, the line buffer
 * and the capture; a spinlock, so interrupt handlers may trace. */
static struct spinlock trace_lock = SPINLOCK_INIT("trace");
static struct trace_capture *capture;
static bool to_com2;  /* trace_to=com2: beside the log, off the console */
static char line[LINE_MAX];

static const struct {
	const char *name;
	unsigned mask;
} words[] = {
	{ "exec", TRACE_EXEC }, { "fault", TRACE_FAULT },
	{ "syscall", TRACE_SYSCALL }, { "sched", TRACE_SCHED },
	{ "signal", TRACE_SIGNAL }, { "all", TRACE_ALL }, { "none", 0 },
};

int trace_parse(const char *list, unsigned *mask)
{
	*mask = 0;
	for (const char *s = list; *s;) {
		const char *e = s;
		while (*e && *e != ',')
			e++;
		size_t n = (size_t)(e - s);
		size_t i = 0;
		while (i < sizeof(words) / sizeof(words[0]) &&
		       !(strlen(words[i].name) == n &&
			 strncmp(words[i].name, s, n) == 0))
			i++;
		if (n && i == sizeof(words) / sizeof(words[0]))
			return -EINVAL;
		if (n)
			*mask |= words[i].mask;
		s = *e ? e + 1 : e;
	}
	return 0;
}

static void or_mask(struct proc *p, void *arg)
{
	*(unsigned *)arg |= p->trace;
}

/* trace_active = what anyone asks for now (trace_lock held). */
static void recompute(void)
{
	unsigned all = global_mask;
	proc_for_each(or_mask, &all);
	trace_active = all;
	syscall_set_traced(all & TRACE_SYSCALL);
	x86_fault_set_traced(all & TRACE_FAULT);
}

void trace_init(const char *option, const char *to)
{
	unsigned mask = 0;
	to_com2 = to && strcmp(to, "com2") == 0;
	if (!option)
		return;
	if (trace_parse(option, &mask) < 0) {
		pr_warn("trace=%s: unknown word (known: exec, fault, syscall, "
			"sched, signal, all, none)\n", option);
		unsigned rest = 0;  /* every known word still counts */
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (strstr(option, words[i].name))
				rest |= words[i].mask;
		mask = rest;
	}
	trace_set_global(mask);
}

unsigned trace_global(void)
{
	return global_mask;
}

void trace_set_global(unsigned mask)
{
	spin_lock(&trace_lock);
	global_mask = mask & TRACE_ALL;
	recompute();
	spin_unlock(&trace_lock);
}

void trace_set_proc(struct proc *p, unsigned mask)
{
	p->trace = mask & TRACE_ALL;
	spin_lock(&trace_lock);
	trace_active |= p->trace;  /* a superset until the next recompute */
	syscall_set_traced(trace_active & TRACE_SYSCALL);
	x86_fault_set_traced(trace_active & TRACE_FAULT);
	spin_unlock(&trace_lock);
}

bool trace_wants(const struct proc *p, unsigned what)
{
	return ((global_mask | (p ? p->trace : 0)) & what) != 0;
}

void trace_capture(struct trace_capture *c)
{
	spin_lock(&trace_lock);
	if (c) {
		c->len = 0;
		if (c->size)
			c->buf[0] = '\0';
	}
	capture = c;
	spin_unlock(&trace_lock);
}

void trace_emit(const char *fmt, ...)
{
	static const char prefix[] = "trace: ";
	va_list ap;
	spin_lock(&trace_lock);
	memcpy(line, prefix, sizeof(prefix) - 1);
	va_start(ap, fmt);
	int n = kvsnprintf(line + sizeof(prefix) - 1,
			   LINE_MAX - sizeof(prefix), fmt, ap);
	va_end(ap);
	unsigned len = sizeof(prefix) - 1 +
		       (n < (int)(LINE_MAX - sizeof(prefix)) ? (unsigned)n
			: LINE_MAX - sizeof(prefix) - 1);
	line[len++] = '\n';
	if (capture) {
		if (capture->len + len < capture->size) {
			memcpy(capture->buf + capture->len, line, len);
			capture->len += len;
			capture->buf[capture->len] = '\0';
		}
	} else {
		if (!to_com2 && console_mid_line())  /* a line of its own */
			serial_putc(COM1, '\n');
		for (unsigned i = 0; i < len; i++)
			serial_putc(to_com2 ? COM2 : COM1, line[i]);
	}
	spin_unlock(&trace_lock);
}

const char *trace_vma_name(const struct vma *v)
{
	if (v->label)
		return v->label;
	if (v->kind == VMA_ANON_SHARED)
		return "/dev/zero (deleted)";
	return v->file && v->file->path && v->file->path[0] ? v->file->path
							    : "[anon]";
}

/* Each VMA of p as a line, then each of its pages that is already
 * resident (the stack exec wrote, the frames a fork shares). */
static void list_vmas(struct proc *p, const char *event)
{
	struct address_space *as = p->as;
	for (struct vma *v = vma_first(&as->vmas); v; v = vma_next(v)) {
		trace_emit("pid=%d %s vma %08x-%08x %c%c%c%c %08x %s", p->pid,
			   event, v->start, v->end,
			   v->prot & VMA_READ ? 'r' : '-',
			   v->prot & VMA_WRITE ? 'w' : '-',
			   v->prot & VMA_EXEC ? 'x' : '-',
			   vma_is_shared(v) ? 's' : 'p',
			   v->file || v->shm ? v->file_offset : 0,
			   trace_vma_name(v));
		for (vaddr_t page = v->start; page < v->end; page += PAGE_SIZE) {
			paddr_t frame;
			unsigned flags;
			if (vmm_query(as->pd, page, &frame, &flags))
				trace_emit("pid=%d %s page %08x frame=%08x %s",
					   p->pid, event, page, frame,
					   flags & VMM_WRITE ? "rw" : "ro");
		}
	}
}

void trace_exec(struct proc *p, unsigned entry, unsigned sp)
{
	if (!trace_wants(p, TRACE_EXEC) || !p->as)
		return;
	const char *path = p->name;
	for (struct vma *v = vma_first(&p->as->vmas); v; v = vma_next(v)) {
		if (v->file && v->file->path && v->file->path[0]) {
			path = v->file->path;  /* the program's first mapping */
			break;
		}
	}
	trace_emit("pid=%d exec %s entry=%08x sp=%08x", p->pid, path, entry, sp);
	list_vmas(p, "exec");
}

void trace_fork(struct proc *parent, struct proc *child)
{
	if (!trace_wants(child, TRACE_EXEC) || !child->as)
		return;
	trace_emit("pid=%d fork child=%d", parent->pid, child->pid);
	if (child->as != parent->as)  /* CLONE_VM shares the parent's */
		list_vmas(child, "fork");
}

void trace_signal(const struct proc *p, int sig, const char *what,
		  unsigned arg)
{
	if (!trace_wants(p, TRACE_SIGNAL))
		return;
	const char *name = signal_name(sig);
	if (strcmp(what, "default") == 0)
		trace_emit("pid=%d signal default %s action=kill", p->pid,
			   name ? name : "?");
	else
		trace_emit("pid=%d signal %s %s %s%x", p->pid, what,
			   name ? name : "?",
			   strcmp(what, "deliver") == 0 ? "handler=" : "code=0x",
			   arg);
}

static const char *state_name(enum thread_state s)
{
	return s == THREAD_RUNNABLE ? "runnable"
	       : s == THREAD_BLOCKED ? "blocked" : "dead";
}

void trace_switch(const struct thread *prev, const struct thread *next)
{
	if (!trace_wants(prev->proc, TRACE_SCHED) &&
	    !trace_wants(next->proc, TRACE_SCHED))
		return;
	trace_emit("pid=%d sched switch tid=%d %s -> pid=%d tid=%d",
		   prev->proc ? prev->proc->pid : 0, prev->tid,
		   state_name(prev->state), next->proc ? next->proc->pid : 0,
		   next->tid);
}
