/* kernel/arch/x86/probe.c: one-word loads and stores that return -EFAULT
 * instead of faulting, each a single instruction listed in .extable. */
#include "kernel/arch/x86/probe.h"

#include "kernel/arch/x86/extable.h"

int probe_read_u32(const void *addr, uint32_t *out)
{
	int err = 0;
	uint32_t v;

	/* On a fault the trap handler sets eax (err) and resumes at 2. */
	__asm__ volatile("1:\tmovl (%2), %1\n"
			 "2:\n\t" EXTABLE_ENTRY(1b, 2b)
			 : "+a"(err), "=r"(v)
			 : "r"(addr)
			 : "memory");
	if (err == 0)
		*out = v;
	return err;
}

int probe_write_u32(void *addr, uint32_t v)
{
	int err = 0;

	__asm__ volatile("1:\tmovl %1, (%2)\n"
			 "2:\n\t" EXTABLE_ENTRY(1b, 2b)
			 : "+a"(err)
			 : "r"(v), "r"(addr)
			 : "memory");
	return err;
}
