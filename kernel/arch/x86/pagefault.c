/* kernel/arch/x86/pagefault.c: the x86 side of a page fault. Reads CR2 and
 * the error code once, then hands the address to the portable resolver,
 * vm_fault(). This is the only crossing of the arch boundary on the path. */
#include "kernel/arch/x86/pagefault.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/extable.h"
#include "kernel/panic.h"
#include "kernel/proc.h"
#include "kernel/uapi/signal.h"
#include "mm/fault.h"

void x86_page_fault(struct trapframe *tf)
{
	vaddr_t addr = read_cr2();
	unsigned access = (tf->err & PF_WRITE ? FAULT_WRITE : 0) |
			  (tf->err & PF_PRESENT ? FAULT_PRESENT : 0);
	struct address_space *as = as_current();

	if (trap_from_user(tf)) {
		enum vm_fault_result r = as ? vm_fault(as, addr, access)
					    : VM_FAULT_NOMAP;
		if (r == VM_FAULT_OK)
			return;
		proc_kill_fault(tf, r == VM_FAULT_OOM      ? SIGKILL
				    : r == VM_FAULT_SIGBUS ? SIGBUS
							   : SIGSEGV,
				addr);
	}
	/* In the kernel: a user copy touching a lazy page gets it exactly as
	 * the program would have; a bad user address ends the copy. */
	if (addr < USER_TOP && extable_find(tf->eip)) {
		if (as && vm_fault(as, addr, access) == VM_FAULT_OK)
			return;
		extable_fixup(tf);
		return;
	}
	if (extable_fixup(tf))  /* probe_read_u32 and friends */
		return;
	panic_with_frame(tf, "page fault in kernel mode at %08x%s", addr,
			 addr < USER_TOP ? " (a user address outside the user-copy routines)" : "");
}
