/* kernel/arch/x86/cpu.h: the x86 instructions C cannot express, as static
 * inline wrappers. Nothing outside kernel/arch/x86/ uses inline asm. */
#ifndef ARCH_X86_CPU_H
#define ARCH_X86_CPU_H

#include <stdbool.h>
#include <stdint.h>

#define EFLAGS_IF 0x200u
#define EFLAGS_VM 0x20000u  /* virtual-8086 mode */
#define EFLAGS_AC 0x40000u  /* alignment check (ring 3); SMAP: user access allowed */
#define CR0_WP    0x00010000u
#define CR4_SMEP  0x00100000u  /* ring 0 may not execute user pages */
#define CR4_SMAP  0x00200000u  /* ... nor touch them unless EFLAGS.AC */

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline void cpu_cli(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void cpu_sti(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void cpu_hlt(void) { __asm__ volatile("hlt" ::: "memory"); }
static inline void cpu_pause(void) { __asm__ volatile("pause"); }

static inline uint32_t read_eflags(void)
{
	uint32_t f;
	__asm__ volatile("pushfl; popl %0" : "=r"(f));
	return f;
}

/* Disable interrupts and return whether they were on, for irq_restore(). */
static inline bool irq_save(void)
{
	bool on = read_eflags() & EFLAGS_IF;
	cpu_cli();
	return on;
}

static inline void irq_restore(bool on)
{
	if (on)
		cpu_sti();
}

#define DEFINE_READ_CR(n)                                               \
	static inline uint32_t read_cr##n(void)                         \
	{                                                               \
		uint32_t v;                                             \
		__asm__ volatile("mov %%cr" #n ", %0" : "=r"(v));      \
		return v;                                               \
	}
DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)

static inline void write_cr0(uint32_t v)
{
	__asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline void write_cr4(uint32_t v)
{
	__asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

/* Load a page directory (physical address); flushes non-global TLB entries. */
static inline void write_cr3(uint32_t pd_phys)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(pd_phys) : "memory");
}

static inline void invlpg(uint32_t va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline uint32_t read_ebp(void)
{
	uint32_t v;
	__asm__ volatile("mov %%ebp, %0" : "=r"(v));
	return v;
}

static inline void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c,
			 uint32_t *d)
{
	__asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			 : "a"(leaf), "c"(0));
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#endif
