/* kernel/arch/x86/pagefault.c: the x86 side of a page fault. Reads CR2 and
 * the error code once, then hands the address to the portable resolver,
 * vm_fault(). This is the only crossing of the arch boundary on the path. */
#include "kernel/arch/x86/pagefault.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/doublefault.h"
#include "kernel/arch/x86/extable.h"
#include "kernel/arch/x86/smap.h"
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
#include "mm/vmstat.h"

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
	if (r == VM_FAULT_OOM)
		vmstat_inc(VM_OOM_KILL);  /* SIGKILL: no handler can stop it */
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

/* Which CPU guard a kernel-mode fault at addr tripped, or NULL: SMEP, an
 * instruction fetch from a present user page; SMAP, a present user page
 * read or written with EFLAGS.AC clear, i.e. outside the user-copy
 * routines' window. Either is a kernel bug, never a page to bring in. */
static const char *guard_tripped(const struct trapframe *tf, vaddr_t addr)
{
	if (addr >= USER_TOP || !(tf->err & PF_PRESENT))
		return NULL;
	if (smep_enabled && (tf->err & PF_INSTR))
		return "SMEP";
	if (smap_enabled && !(tf->eflags & EFLAGS_AC))
		return "SMAP";
	return NULL;
}

/* The report names the function at fault. After a SMEP fault eip is the
 * user address itself; the function that jumped there is the one whose
 * return address is on top of the stack (the CPU pushed no esp for a
 * kernel-mode trap: the stack goes on where the frame ends). */
static __attribute__((noreturn)) void guard_panic(const struct trapframe *tf,
						  vaddr_t addr,
						  const char *guard)
{
	bool fetch = tf->err & PF_INSTR;
	uint32_t at = fetch ? tf->user_esp - 1 : tf->eip, off = 0;
	const char *fn = ksyms_lookup(at, &off);

	panic_with_frame(tf, "%s violation: %s+0x%x %s user address %08x %s",
			 guard, fn ? fn : "?", off + fetch,
			 fetch ? "called" : tf->err & PF_WRITE ? "wrote" : "read",
			 addr, fetch ? "(the kernel never executes user pages)"
				     : "outside the user-copy routines");
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
		/* A present page refused to a supervisor-mode access made on
		 * the program's behalf (error code without PF_USER): SMAP.
		 * QEMU's TCG pops the frame of a user iret into v86 mode that
		 * way; the page is there, so resolving again would loop. The
		 * error code is tested first: the common fault pays no load. */
		if (__builtin_expect((tf->err & (PF_PRESENT | PF_USER)) ==
				     PF_PRESENT, 0) && smap_enabled)
			r = VM_FAULT_PROT;
		if (r != VM_FAULT_OK)
			user_fault_signal(tf, r, addr);
		return;
	}
	const char *guard = guard_tripped(tf, addr);
	if (guard)
		guard_panic(tf, addr, guard);
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
	/* An overflow that skipped past the stack's end (a large frame)
	 * while the CPU could still push this fault's frame. */
	kstack_overflow_check(tf, addr, (vaddr_t)&tf->user_esp);
	if (addr >= KERNEL_BASE && (tf->err & (PF_PRESENT | PF_WRITE)) ==
				   (PF_PRESENT | PF_WRITE))
		ro_write_panic(tf, addr);
	panic_with_frame(tf, "page fault in kernel mode at %08x%s", addr,
			 addr < USER_TOP ? " (a user address outside the user-copy routines)" : "");
}
