/* mm/failinject.c: the fail-nth countdown (mm/failinject.h). Interrupts
 * off guard it: allocators may run in interrupt handlers. */
#include "mm/failinject.h"

#include <stddef.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/thread.h"

static struct thread *armed_thread;  /* NULL with a count: any thread */
static uint32_t countdown;           /* 0: nothing armed */

void failinject_arm(struct thread *t, uint32_t nth)
{
	bool irq = irq_save();
	armed_thread = t;
	countdown = nth;
	irq_restore(irq);
}

uint32_t failinject_pending(void)
{
	return countdown;
}

uint32_t failinject_pending_for(struct thread *t)
{
	bool irq = irq_save();
	uint32_t n = armed_thread == t ? countdown : 0;
	irq_restore(irq);
	return n;
}

bool failinject_should_fail(void)
{
	if (__builtin_expect(countdown == 0, 1))
		return false;
	bool irq = irq_save();
	bool fail = false;
	if (countdown && (!armed_thread || armed_thread == thread_current()))
		fail = --countdown == 0;
	irq_restore(irq);
	return fail;
}

void failinject_forget(struct thread *t)
{
	bool irq = irq_save();
	if (armed_thread == t) {
		armed_thread = NULL;
		countdown = 0;
	}
	irq_restore(irq);
}
