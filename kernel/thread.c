/* kernel/thread.c: thread creation, the run queue and the switch. Every
 * switch happens in schedule(), with interrupts off. */
#include "kernel/thread.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/fpu.h"
#include "kernel/arch/x86/gdt.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/kstack.h"
#include "kernel/ksyms.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/pid.h"
#include "kernel/preempt.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/trace.h"
#include "kernel/watchdog.h"
#include "mm/as.h"
#include "mm/failinject.h"
#include "mm/kheap.h"
#include "mm/kstack.h"

void switch_context(uint32_t *save_esp, uint32_t new_esp);
extern char trap_return[];

static struct thread boot_thread;
struct thread *thread_running = &boot_thread;  /* thread.h's thread_current() */
static struct thread *run_head, *run_tail;  /* FIFO of runnable threads */

void thread_init(void)
{
	boot_thread.tid = 0;
	boot_thread.state = THREAD_RUNNABLE;
}

struct trapframe *thread_user_frame(struct thread *t)
{
	return (struct trapframe *)(t->kstack + KSTACK_SIZE) - 1;
}

void thread_set_user_entry(struct thread *t, uint32_t eip, uint32_t esp)
{
	struct trapframe *tf = thread_user_frame(t);
	memset(tf, 0, sizeof(*tf));  /* general registers zero, as Linux */
	tf->ds = tf->es = tf->fs = tf->gs = SEG_UDATA;
	tf->cs = SEG_UCODE;
	tf->user_ss = SEG_UDATA;
	tf->eflags = EFLAGS_IF | 0x2;  /* bit 1 always reads as one */
	tf->eip = eip;
	tf->user_esp = esp;
	fpu_reset(t->fpu);
	memset(t->tls, 0, sizeof(t->tls));
	if (t == thread_running) {
		fpu_restore(t->fpu);
		gdt_load_tls(t->tls);
	}
}

void thread_copy_fpu(struct thread *t)
{
	fpu_save(t->fpu);  /* the running thread's registers are the live ones */
}

/* Where a new user thread's first switch returns: what every return to
 * user mode does (exit if its process is ending, act on a pending
 * signal), then trap_return (the next word on the stack) enters ring 3
 * through the trapframe above it. */
static void user_thread_start(void)
{
	proc_return_to_user();
	signal_return_to_user(thread_user_frame(thread_running), -1);
}

struct thread *thread_create_user(struct proc *p, int tid, uint32_t eip,
				  uint32_t esp)
{
	struct thread *t = kzalloc(sizeof(*t));
	if (!t)
		return NULL;
	t->kstack = kstack_alloc();
	t->fpu = t->kstack ? kmalloc(sizeof(*t->fpu)) : NULL;
	if (!t->fpu || pid_attach_thread(t, tid)) {
		kfree(t->fpu);
		if (t->kstack)
			kstack_free(t->kstack);
		kfree(t);
		return NULL;
	}
	KASSERT((uintptr_t)t->fpu % 16 == 0);  /* fxsave's alignment */
	t->proc = p;
	/* fork and clone copy the caller's nice value; a process the
	 * kernel starts has 0 */
	t->nice = thread_current()->proc ? thread_current()->nice : 0;
	kstack_paint(t->kstack);  /* the debug build measures its depth */
	*(uint32_t *)t->kstack = KSTACK_CANARY;
	t->state = THREAD_BLOCKED;

	struct trapframe *tf = thread_user_frame(t);
	thread_set_user_entry(t, eip, esp);

	/* What switch_context pops the first time: four callee-saved
	 * registers, then a return into user_thread_start, which returns
	 * into trap_return, which irets to ring 3. */
	uint32_t *sp = (uint32_t *)tf;
	*--sp = (uint32_t)trap_return;
	*--sp = (uint32_t)user_thread_start;
	for (int i = 0; i < 4; i++)
		*--sp = 0;
	t->saved_esp = (uint32_t)sp;
	return t;
}

static void enqueue(struct thread *t)
{
	KASSERT(!t->queued);  /* twice would make the queue a loop */
	t->queued = true;
	t->next_run = NULL;
	if (run_tail)
		run_tail->next_run = t;
	else
		run_head = t;
	run_tail = t;
}

static struct thread *dequeue(void)
{
	struct thread *t = run_head;
	if (t && !(run_head = t->next_run))
		run_tail = NULL;
	if (t)
		t->queued = false;
	return t;
}

/* Switch to the next runnable thread. Interrupts are off. */
static void schedule(void)
{
	struct thread *prev = thread_running, *next = dequeue();
	/* A blocked prev that is woken while we idle below is queued by
	 * thread_wake(); only a running one is queued here. */
	bool prev_was_running = prev->state == THREAD_RUNNABLE;
	time_cpu_stop(prev);
	while (!next) {
		if (prev->state == THREAD_RUNNABLE) {
			time_cpu_start(prev, prev);
			return;  /* nobody else wants the CPU */
		}
		/* Idle until an interrupt makes someone runnable. */
		cpu_sti();
		cpu_hlt();
		cpu_cli();
		next = dequeue();
	}
	time_cpu_start(next, prev);
	if (next == prev)  /* woken while idling */
		return;
	preempt_switched(next);
	watchdog_touch();
	if (!thread_stack_intact(prev) || !thread_stack_intact(next))
		panic("kernel stack overflow: thread %d wrote below its stack "
		      "(canary at %p gone)", thread_stack_intact(prev) ?
		      next->tid : prev->tid, thread_stack_intact(prev) ?
		      next->kstack : prev->kstack);
	if (prev->state == THREAD_RUNNABLE && prev_was_running)
		enqueue(prev);
	thread_running = next;
	if (prev->fpu && prev->state != THREAD_DEAD)
		fpu_save(prev->fpu);
	if (next->kstack) {
		tss_set_kernel_stack((uint32_t)(next->kstack + KSTACK_SIZE));
		gdt_load_tls(next->tls);
		if (next->fpu)  /* NULL for kernel threads */
			fpu_restore(next->fpu);
	}
	as_switch(next->proc ? next->proc->as : NULL);
	if (trace_maybe(TRACE_SCHED))
		trace_switch(prev, next);
	switch_context(&prev->saved_esp, next->saved_esp);
}

const char *thread_name(const struct thread *t)
{
	if (t->proc)
		return t->proc->name;
	if (t == &boot_thread)
		return "boot";
	const char *fn = ksyms_lookup((uint32_t)t->kernel_fn, NULL);
	return fn ? fn : "kernel thread";
}

struct thread *thread_boot(void)
{
	return &boot_thread;
}

bool thread_stack_intact(const struct thread *t)
{
	return !t->kstack || *(const uint32_t *)t->kstack == KSTACK_CANARY;
}

void thread_start(struct thread *t)
{
	bool irq = irq_save();
	t->state = THREAD_RUNNABLE;
	enqueue(t);
	irq_restore(irq);
}

void thread_yield(void)
{
	bool irq = irq_save();
	schedule();
	irq_restore(irq);
}

void thread_block(void)
{
	bool irq = irq_save();
	thread_running->state = THREAD_BLOCKED;
	schedule();
	irq_restore(irq);
}

void thread_wake(struct thread *t)
{
	bool irq = irq_save();
	if (t->state == THREAD_BLOCKED) {
		t->state = THREAD_RUNNABLE;
		enqueue(t);
	}
	irq_restore(irq);
}

void thread_kick(struct thread *t)
{
	bool irq = irq_save();
	if (t->sleep_interruptible)
		thread_wake(t);
	irq_restore(irq);
}

/* Where a kernel thread starts: switch_context returns here with fn and
 * arg above it on the new stack. */
static void kernel_thread_start(void (*fn)(void *), void *arg)
{
	cpu_sti();  /* schedule() switched with interrupts off */
	fn(arg);
	thread_exit();
}

struct thread *thread_create_kernel(void (*fn)(void *arg), void *arg)
{
	struct thread *t = kzalloc(sizeof(*t));
	void *stack = t ? kstack_alloc() : NULL;
	if (!stack || pid_attach_thread(t, 0)) {
		if (stack)
			kstack_free(stack);
		kfree(t);
		return NULL;
	}
	t->kstack = stack;
	t->kernel_fn = fn;
	kstack_paint(t->kstack);  /* the debug build measures its depth */
	*(uint32_t *)t->kstack = KSTACK_CANARY;
	t->state = THREAD_BLOCKED;
	/* switch_context pops four registers and returns into
	 * kernel_thread_start, which finds (fn, arg) as its arguments. */
	uint32_t *sp = (uint32_t *)(t->kstack + KSTACK_SIZE);
	*--sp = (uint32_t)arg;
	*--sp = (uint32_t)fn;
	*--sp = 0;  /* kernel_thread_start's return address: never used */
	*--sp = (uint32_t)kernel_thread_start;
	for (int i = 0; i < 4; i++)
		*--sp = 0;
	t->saved_esp = (uint32_t)sp;
	return t;
}

void thread_exit(void)
{
	cpu_cli();
	thread_running->state = THREAD_DEAD;
	schedule();
	panic("a dead thread was scheduled");
}

void thread_free(struct thread *t)
{
	KASSERT(t->state == THREAD_DEAD && t != thread_running);
	failinject_forget(t);
	pid_forget_thread(t);  /* a user thread's went when it exited */
	kstack_account(t);
	kstack_free(t->kstack);
	kfree(t->fpu);  /* NULL for a kernel thread */
	kfree(t);
}
