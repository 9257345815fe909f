/* kernel/arch/x86/gdt.c: the global descriptor table and the task state
 * segment. */
#include "kernel/arch/x86/gdt.h"

#include "kernel/arch/x86/trap.h"
#include "kernel/lib/string.h"

struct gdt_entry {
	uint16_t limit_lo, base_lo;
	uint8_t base_mid, access, flags_limit_hi, base_hi;
} __attribute__((packed));

struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
} __attribute__((packed));

static struct gdt_entry gdt[GDT_ENTRIES];
static struct tss tss;     /* the only task but the double-fault one */
static struct tss df_tss;  /* the double-fault task's state */

static void set_entry(int i, uint32_t base, uint32_t limit, uint8_t access,
		      uint8_t flags)
{
	gdt[i] = (struct gdt_entry){
		.limit_lo = limit & 0xffff,
		.base_lo = base & 0xffff,
		.base_mid = (base >> 16) & 0xff,
		.access = access,
		.flags_limit_hi = (uint8_t)((flags << 4) | ((limit >> 16) & 0xf)),
		.base_hi = base >> 24,
	};
}

void gdt_init(void)
{
	enum { PRESENT = 0x80, DPL3 = 0x60, CODE_DATA = 0x10, EXEC = 0x08,
	       RW = 0x02, TSS32 = 0x09 };
	enum { GRAN_4K_32BIT = 0xc };

	set_entry(1, 0, 0xfffff, PRESENT | CODE_DATA | EXEC | RW, GRAN_4K_32BIT);
	set_entry(2, 0, 0xfffff, PRESENT | CODE_DATA | RW, GRAN_4K_32BIT);
	set_entry(3, 0, 0xfffff, PRESENT | DPL3 | CODE_DATA | EXEC | RW, GRAN_4K_32BIT);
	set_entry(4, 0, 0xfffff, PRESENT | DPL3 | CODE_DATA | RW, GRAN_4K_32BIT);
	memset(&tss, 0, sizeof(tss));
	tss.ss0 = SEG_KDATA;
	tss.iomap_base = sizeof(tss);  /* no I/O bitmap: ring 3 gets no ports */
	set_entry(5, (uint32_t)&tss, sizeof(tss) - 1, PRESENT | TSS32, 0);
	set_entry(9, (uint32_t)&df_tss, sizeof(df_tss) - 1, PRESENT | TSS32, 0);

	struct { uint16_t limit; uint32_t base; } __attribute__((packed)) gdtr = {
		sizeof(gdt) - 1, (uint32_t)gdt
	};
	__asm__ volatile("lgdt %0\n\t"
			 "ljmp %1, $1f\n"
			 "1:\n\t"
			 "mov %2, %%ax\n\t"
			 "mov %%ax, %%ds\n\t"
			 "mov %%ax, %%es\n\t"
			 "mov %%ax, %%ss\n\t"
			 "xor %%ax, %%ax\n\t"
			 "mov %%ax, %%fs\n\t"
			 "mov %%ax, %%gs\n\t"
			 "ltr %w3"
			 :
			 : "m"(gdtr), "i"(SEG_KCODE), "i"(SEG_KDATA), "r"(SEG_TSS)
			 : "eax", "memory");
}

void gdt_load_tls(const uint64_t tls[GDT_TLS_COUNT])
{
	memcpy(&gdt[GDT_TLS_FIRST], tls, GDT_TLS_COUNT * sizeof(gdt[0]));
}

void tss_set_kernel_stack(uint32_t esp0)
{
	tss.esp0 = esp0;
}

void tss_init_double_fault(void (*entry)(void), uint32_t stack_top,
			   uint32_t pd_phys)
{
	memset(&df_tss, 0, sizeof(df_tss));
	df_tss.eip = (uint32_t)entry;
	df_tss.esp = stack_top;
	df_tss.ebp = 0;  /* ends any backtrace of the task itself */
	df_tss.eflags = 0x2;  /* interrupts off; bit 1 always reads as one */
	df_tss.cs = SEG_KCODE;
	df_tss.ds = df_tss.es = df_tss.ss = SEG_KDATA;
	df_tss.cr3 = pd_phys;
	df_tss.iomap_base = sizeof(df_tss);
}

void tss_interrupted_frame(struct trapframe *tf)
{
	memset(tf, 0, sizeof(*tf));
	tf->eax = tss.eax, tf->ecx = tss.ecx, tf->edx = tss.edx;
	tf->ebx = tss.ebx, tf->ebp = tss.ebp, tf->esi = tss.esi;
	tf->edi = tss.edi;
	tf->ds = tss.ds, tf->es = tss.es, tf->fs = tss.fs, tf->gs = tss.gs;
	tf->eip = tss.eip, tf->cs = tss.cs, tf->eflags = tss.eflags;
	tf->user_esp = tss.esp, tf->user_ss = tss.ss;
}

_Static_assert(sizeof(struct gdt_entry) == sizeof(uint64_t), "8-byte entries");
