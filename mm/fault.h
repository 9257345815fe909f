/* mm/fault.h: the page-fault resolver, the architecture-neutral half of
 * the fault path. The x86 trap reads CR2 and the error code once, then
 * asks vm_fault() what the faulting address means. */
#ifndef MM_FAULT_H
#define MM_FAULT_H

#include "mm/as.h"

/* What the access was. */
#define FAULT_WRITE   0x1u  /* a write (else a read or fetch) */
#define FAULT_PRESENT 0x2u  /* the page was mapped: a protection fault */
#define FAULT_USER    0x4u  /* from user mode (else a user copy); only
				for the tracer */
#define FAULT_EXEC    0x8u  /* an instruction fetch, as far as the arch
				can tell; only for the tracer */

enum vm_fault_result {
	VM_FAULT_OK,      /* the page is mapped now: retry the access */
	VM_FAULT_NOMAP,   /* no VMA there (and no stack to grow): SIGSEGV */
	VM_FAULT_PROT,    /* the VMA does not allow this access: SIGSEGV */
	VM_FAULT_OOM,     /* no frame to resolve it: kill the process */
	VM_FAULT_SIGBUS,  /* a VMA page past the end of its object (a file
			     truncated under a mapping, a shared anonymous
			     mapping grown by mremap): SIGBUS, as Linux */
};

/* Resolve a fault at addr in as: map a zero page, a file page (shared
 * through the page cache or copied), grow a stack, or break copy-on-write.
 * Never panics for anything a program can do. */
enum vm_fault_result vm_fault(struct address_space *as, vaddr_t addr,
			      unsigned access);

/* vm_fault() for a process traced with TRACE_FAULT: resolves the fault
 * the same way, then prints one trace line saying what happened
 * (docs/trace.md). Called only when trace_maybe(TRACE_FAULT). */
enum vm_fault_result vm_fault_traced(struct address_space *as, vaddr_t addr,
				     unsigned access);

/* A word or two for logs: "no mapping", "protection", ... */
const char *vm_fault_result_name(enum vm_fault_result r);

#endif
