/* kernel/syscall.h: the system-call entry. Linux i386 ABI: int 0x80,
 * number in eax, arguments in ebx, ecx, edx, esi, edi, ebp, the result
 * (or -errno) back in eax. */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include <stdbool.h>
#include <stdint.h>

struct trapframe;

/* A system call's function: the six argument registers (ebx, ecx, edx,
 * esi, edi, ebp), the result or -errno. */
typedef long (*syscall_fn)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t,
			   uint32_t);

/* The table, indexed by number (NULL: not implemented), and how many of
 * its entries kernel/arch/x86/trap.asm may call directly: all of them,
 * or none while trace=syscall may be on (every call then goes through
 * syscall_dispatch(), which traces it; the fast path pays nothing). */
extern const syscall_fn syscall_table[];
extern uint32_t syscall_table_len;

/* Send every call through syscall_dispatch() (traced true), or let the
 * entry call the table directly again (kernel/trace.c). */
void syscall_set_traced(bool traced);

#define SYSCALL_NR_MAX 470  /* above every i386 number (463 and up) */

/* Run the system call tf describes and store its result in tf->eax. A
 * number pagoda does not implement gives ENOSYS, and the first time a
 * process calls it the kernel log says
 * `pid N (name): unimplemented system call NNN (name)` (numbers past
 * SYSCALL_NR_MAX: only the first of them). */
void syscall_dispatch(struct trapframe *tf);

/* The way back from a system call (trap.asm, interrupts off): a switch
 * if the thread's time slice is over, then what every return to ring 3
 * does (exit, signals, restarts; kernel/arch/x86/trap.c). nr is the
 * number the call was made with. */
void syscall_return(struct trapframe *tf, int nr);

/* The Linux i386 name of system call nr ("clock_gettime"), or NULL
 * (kernel/syscall_names.c, generated from kernel/uapi/unistd_32.h). */
const char *syscall_name(unsigned nr);

/* True if pagoda implements system call nr. */
bool syscall_implemented(unsigned nr);

#endif
