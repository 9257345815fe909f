/* kernel/arch/x86/pagefault.c: the x86 side of a page fault. Reads CR2 and
 * the error code once, then hands the address to the portable resolver,
 * vm_fault(). This is the only crossing of the arch boundary on the path. */
#include "kernel/arch/x86/pagefault.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/extable.h"
#include "kernel/console.h"
#include "kernel/ksyms.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/trace.h"
#include "mm/as.h"
#include "mm/fault.h"

/* A page fault the program caused: SIGSEGV with SEGV_MAPERR (nothing
 * mapped there) or SEGV_ACCERR (the mapping forbids it) and si_addr, or
 * SIGBUS with BUS_ADRERR past the end of a mapped file, or SIGKILL when
 * memory ran out. If it kills, the log says why, as Linux:
 * `pid 7 (prog): segfault at c0001000 ip 08048123 error 5`, then the
 * process's memory map. */
static void user_fault_signal(struct trapframe *tf, enum vm_fault_result r,
			      vaddr_t addr)
{
	struct proc *p = proc_current();
	siginfo_t info;
	memset(&info, 0, sizeof(info));
	info.si_signo = r == VM_FAULT_OOM ? SIGKILL
			: r == VM_FAULT_SIGBUS ? SIGBUS : SIGSEGV;
	info.si_code = r == VM_FAULT_PROT ? SEGV_ACCERR
		       : r == VM_FAULT_SIGBUS ? BUS_ADRERR : SEGV_MAPERR;
	info.si_addr = (void *)addr;
	thread_current()->sig.fault_cr2 = addr;
	if (!signal_force(info.si_signo, &info))
		return;  /* the program handles it */
	pr_info("pid %d (%s): %s at %08x ip %08x error %x\n", p->pid, p->name,
		r == VM_FAULT_OOM ? "out of memory"
		: r == VM_FAULT_SIGBUS ? "bus error" : "segfault", addr, tf->eip,
		tf->err);
	as_dump(p->as, "    ");
}

/* Faults from user mode while trace=fault may be on: the access as the
 * tracer names it, then the traced resolver. x86 without NX cannot tell a
 * fetch from a read: a fault within the instruction at eip counts as one. */
static enum vm_fault_result user_traced(struct address_space *as,
					vaddr_t addr, unsigned access)
{
	const struct trapframe *tf = thread_user_frame(thread_current());
	access |= FAULT_USER;
	if (!(access & FAULT_WRITE) && addr - tf->eip < 16)
		access |= FAULT_EXEC;
	return vm_fault_traced(as, addr, access);
}

/* Who resolves a fault from user mode: vm_fault, or user_traced. A call
 * through it costs what a direct call does, so tracing costs the fault
 * path nothing while off. */
static enum vm_fault_result (*user_resolver)(struct address_space *,
					     vaddr_t, unsigned) = vm_fault;

void x86_fault_set_traced(bool traced)
{
	user_resolver = traced ? user_traced : vm_fault;
}

/* A user copy's fault (rare): a test of the trace mask is cheap enough. */
static enum vm_fault_result kernel_resolve(struct address_space *as,
					   vaddr_t addr, unsigned access)
{
	if (trace_maybe(TRACE_FAULT))
		return vm_fault_traced(as, addr, access);
	return vm_fault(as, addr, access);
}

/* A kernel write to a present kernel page that forbids writing: the only
 * such pages are the image's read-only ones (paging.c), so the report
 * names what was written and which function wrote it. */
static __attribute__((noreturn)) void ro_write_panic(struct trapframe *tf,
						     vaddr_t addr)
{
	uint32_t off = 0, from_off = 0;
	const char *what = ksyms_lookup_any(addr, &off);
	const char *from = ksyms_lookup(tf->eip, &from_off);
	panic_with_frame(tf, "write to read-only kernel memory at %08x "
			 "(%s+0x%x) from %s+0x%x", addr, what ? what : "?",
			 off, from ? from : "?", from_off);
}

void x86_page_fault(struct trapframe *tf)
{
	vaddr_t addr = read_cr2();
	unsigned access = (tf->err & PF_WRITE ? FAULT_WRITE : 0) |
			  (tf->err & PF_PRESENT ? FAULT_PRESENT : 0);
	struct address_space *as = as_current();

	if (trap_from_user(tf)) {
		enum vm_fault_result r = as ? user_resolver(as, addr, access)
					    : VM_FAULT_NOMAP;
		if (r != VM_FAULT_OK)
			user_fault_signal(tf, r, addr);
		return;
	}
	/* In the kernel: a user copy touching a lazy page gets it exactly as
	 * the program would have; a bad user address ends the copy. */
	if (addr < USER_TOP && extable_find(tf->eip)) {
		if (as && kernel_resolve(as, addr, access) == VM_FAULT_OK)
			return;
		extable_fixup(tf);
		return;
	}
	if (extable_fixup(tf))  /* probe_read_u32 and friends */
		return;
	if (addr >= KERNEL_BASE && (tf->err & (PF_PRESENT | PF_WRITE)) ==
				   (PF_PRESENT | PF_WRITE))
		ro_write_panic(tf, addr);
	panic_with_frame(tf, "page fault in kernel mode at %08x%s", addr,
			 addr < USER_TOP ? " (a user address outside the user-copy routines)" : "");
}
