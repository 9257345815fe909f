/* kernel/arch/x86/extable.c: finding an instruction in the exception fixup
 * table and resuming a faulting kernel at its fixup. */
#include "kernel/arch/x86/extable.h"

#include "kernel/arch/x86/trap.h"
#include "kernel/uapi/errno.h"

extern const struct extable_entry __extable_start[], __extable_end[];

/* A linear scan: the table holds a few dozen entries, and a fixup is
 * taken only on a fault that would otherwise be a panic or an -EFAULT. */
uint32_t extable_find(uint32_t eip)
{
	for (const struct extable_entry *e = __extable_start; e < __extable_end;
	     e++)
		if (e->insn == eip)
			return e->fixup;
	return 0;
}

bool extable_fixup(struct trapframe *tf)
{
	if (trap_from_user(tf))
		return false;
	uint32_t fixup = extable_find(tf->eip);
	if (!fixup)
		return false;
	tf->eip = fixup;
	tf->eax = (uint32_t)-EFAULT;
	return true;
}
