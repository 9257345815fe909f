/* kernel/arch/x86/dump.c: printing a trapframe and walking the ebp chain,
 * for panic(). Everything here must work on a broken kernel: no locks, no
 * allocation, and no memory read that has not been checked or probed. */
#include "kernel/arch/x86/dump.h"

#include <stddef.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/probe.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/console.h"
#include "kernel/ksyms.h"
#include "mm/memlayout.h"

static inline uint32_t read_ss(void)
{
	uint32_t v;
	__asm__ volatile("mov %%ss, %0" : "=r"(v));
	return v;
}

/* Print "function+0x1c", or "?" outside kernel text. A return address is
 * looked up one byte back: when a call is a function's last instruction
 * (a call to a noreturn function) the address after it is the next
 * function's. */
/* The esp of a trap taken in ring 0. The CPU pushed no esp: the stack
 * went on from where the frame ends. A double fault's frame is built from
 * the TSS (doublefault.c), on another stack, with the esp saved in it. */
static uint32_t trap_kernel_esp(const struct trapframe *tf)
{
	return tf->vector == T_DOUBLE_FAULT ? tf->user_esp
					    : (uint32_t)&tf->user_esp;
}

static void print_symbol(uint32_t addr, bool is_return)
{
	uint32_t off;
	const char *name = ksyms_lookup(addr - is_return, &off);

	if (name)
		kprintf("%s+0x%x", name, off + is_return);
	else
		kprintf("?");
}

static void print_frame(uint32_t addr, bool is_return)
{
	kprintf("  [<%08x>] ", addr);
	print_symbol(addr, is_return);
	kprintf("\n");
}

/* "error 0x2: not-present page, write, kernel mode", as the CPU's bits say. */
static void print_page_fault_error(uint32_t err)
{
	const char *access = err & PF_WRITE ? "write" : "read";

	if (err & PF_INSTR)
		access = "instruction fetch";
	kprintf("error 0x%x: %s, %s, %s mode%s\n", err,
		err & PF_PRESENT ? "protection violation" : "not-present page",
		access, err & PF_USER ? "user" : "kernel",
		err & PF_RSVD ? ", reserved bit set" : "");
}

void dump_trapframe(const struct trapframe *tf)
{
	uint32_t cr2 = read_cr2();
	bool user = trap_from_user(tf);
	/* A trap from ring 0 pushes no esp/ss: the stack went on from where
	 * the frame ends. */
	uint32_t esp = user ? tf->user_esp : trap_kernel_esp(tf);
	uint32_t ss = user ? tf->user_ss : read_ss();

	kprintf("trap %u (%s), ", tf->vector, trap_name(tf->vector));
	if (tf->vector == T_PAGE_FAULT) {
		print_page_fault_error(tf->err);
		kprintf("fault address (CR2): 0x%08x\n", cr2);
	} else {
		kprintf("error code 0x%x\n", tf->err);
	}
	kprintf("EIP: %04x:%08x ", tf->cs & 0xffff, tf->eip);
	print_symbol(tf->eip, false);
	kprintf("  EFLAGS: %08x\n", tf->eflags);
	kprintf("EAX: %08x  EBX: %08x  ECX: %08x  EDX: %08x\n", tf->eax,
		tf->ebx, tf->ecx, tf->edx);
	kprintf("ESI: %08x  EDI: %08x  EBP: %08x  ESP: %08x\n", tf->esi,
		tf->edi, tf->ebp, esp);
	kprintf("DS: %04x  ES: %04x  FS: %04x  GS: %04x  SS: %04x\n",
		tf->ds & 0xffff, tf->es & 0xffff, tf->fs & 0xffff,
		tf->gs & 0xffff, ss & 0xffff);
	kprintf("CR0: %08x  CR2: %08x  CR3: %08x  CR4: %08x\n", read_cr0(), cr2,
		read_cr3(), read_cr4());
}

/* Is a a return address: in kernel text, right after a direct call
 * (e8 rel32) or a call through a register (ff d0+r)? */
static bool looks_like_return(uint32_t a)
{
	const uint8_t *p = (const uint8_t *)a;

	if (!ksyms_lookup(a - 1, NULL) || !ksyms_lookup(a - 5, NULL))
		return false;
	return p[-5] == 0xe8 || (p[-2] == 0xff && (p[-1] & 0xf8) == 0xd0);
}

/* GCC gives a leaf function that uses no stack no frame, even with
 * -fno-omit-frame-pointer: it does not start with push %ebp, and ebp still
 * holds its caller's frame, so the ebp walk would skip that caller. Its
 * return address is on top of the trap-time stack, under at most the
 * registers it saved: print the first word there that looks like one,
 * marked "?" as Linux marks a guess. Also right for a fault on a
 * function's first instruction, and for a call to an address outside
 * kernel text (a bad function pointer, or a user page under SMEP). */
static void print_leaf_caller(const struct trapframe *tf)
{
	const uint32_t *sp = (const uint32_t *)trap_kernel_esp(tf);
	uint32_t off, word;

	if (ksyms_lookup(tf->eip, &off) && off > 0 &&
	    *(const uint8_t *)(tf->eip - off) == 0x55)
		return;
	for (int i = 0; i < 5; i++) {
		if (probe_read_u32(&sp[i], &word) == 0 &&
		    looks_like_return(word)) {
			kprintf("  [<%08x>] ? ", word);
			print_symbol(word, true);
			kprintf("\n");
			return;
		}
	}
}

/* May fp be the next frame? It must lie above the previous one (stacks
 * grow down, so callers' frames are higher: this also stops loops), be
 * aligned, and leave room for two words inside the direct map or the
 * kernel-stack window. */
static bool frame_plausible(uint32_t fp, uint32_t prev)
{
	return fp > prev && fp % 4 == 0 && fp >= KERNEL_BASE &&
	       fp <= KSTACK_END - 8;
}

static void print_repeats(uint32_t n)
{
	if (n)
		kprintf("  ... the line above %u more time%s\n", n,
			n == 1 ? "" : "s");
}

void dump_backtrace(const struct trapframe *tf)
{
	uint32_t fp = tf ? tf->ebp : read_ebp(), prev = 0;

	kprintf("Backtrace:\n");
	if (tf) {
		print_frame(tf->eip, false);
		if (trap_from_user(tf))
			return; /* fp is a user address: not ours to walk */
		print_leaf_caller(tf);
	}
	/* Each frame: [fp] = the caller's fp, [fp + 4] = the return address.
	 * A run of frames with the same return address (a recursion, as in a
	 * stack overflow) prints once, with a count. */
	uint32_t last = 0, repeats = 0, next = 0;
	for (int depth = 0; fp != 0; prev = fp, fp = next) {
		uint32_t ret;

		if (!frame_plausible(fp, prev) ||
		    probe_read_u32((const void *)fp, &next) ||
		    probe_read_u32((const void *)(fp + 4), &ret)) {
			print_repeats(repeats);
			kprintf("  (bad frame pointer 0x%08x: backtrace ends)\n",
				fp);
			return;
		}
		if (ret == 0)  /* a thread's first frame: nothing called it */
			break;
		if (ret == last) {
			repeats++;
			continue;
		}
		print_repeats(repeats);
		repeats = 0;
		if (depth++ == DUMP_MAX_FRAMES) {
			kprintf("  ... (more than %d frames)\n",
				DUMP_MAX_FRAMES);
			return;
		}
		print_frame(ret, true);
		last = ret;
	}
	print_repeats(repeats);
}
