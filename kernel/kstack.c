/* kernel/kstack.c: painting kernel stacks and finding how deep they went
 * (kernel/kstack.h). The record is guarded by interrupts off (one CPU). */
#include "kernel/kstack.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/thread.h"

#define WORDS (KSTACK_SIZE / sizeof(uint32_t))

static struct kstack_record deepest = { .syscall = -1 };

void kstack_paint(void *base)
{
#ifdef PAGODA_DEBUG
	uint32_t *w = base;
	for (size_t i = 0; i < WORDS; i++)
		w[i] = KSTACK_PAINT;
#else
	(void)base;
#endif
}

size_t kstack_used(const void *base)
{
	const uint32_t *w = base;
	size_t i = 1;  /* word 0 holds the canary */
	while (i < WORDS && w[i] == KSTACK_PAINT)
		i++;
	return (WORDS - i) * sizeof(uint32_t);
}

void kstack_deepest(struct kstack_record *out)
{
	bool irq = irq_save();
	*out = deepest;
	irq_restore(irq);
}

#ifdef PAGODA_DEBUG
static void record(const struct thread *t, size_t used, int nr)
{
	bool irq = irq_save();
	if (used > deepest.bytes) {
		deepest.bytes = used;
		deepest.tid = t->tid;
		memset(deepest.name, 0, sizeof(deepest.name));
		if (t->proc)
			memcpy(deepest.name, t->proc->name,
			       sizeof(deepest.name) - 1);
		deepest.syscall = nr;
	}
	irq_restore(irq);
}

void kstack_account(struct thread *t)
{
	if (t->kstack)
		record(t, kstack_used(t->kstack), -1);
}

void kstack_after_syscall(int nr)
{
	const struct thread *me = thread_current();
	if (!me->kstack || deepest.bytes >= KSTACK_SIZE - sizeof(uint32_t))
		return;
	/* The word just past the deepest use so far: still painted means
	 * this thread went no deeper (nearly always: one load). */
	const uint32_t *w = (const uint32_t *)me->kstack;
	if (w[WORDS - deepest.bytes / sizeof(uint32_t) - 1] == KSTACK_PAINT)
		return;
	record(me, kstack_used(me->kstack), nr);
}
#else
void kstack_account(struct thread *t)
{
	(void)t;
}
#endif
