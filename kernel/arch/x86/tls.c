/* kernel/arch/x86/tls.c: set_thread_area(2), Linux's i386 way of giving a
 * thread a segment for its thread-local storage: C libraries point %gs at
 * a descriptor in GDT entries 6..8 whose base is the thread's TLS block. */
#include "kernel/arch/x86/tls.h"

#include "kernel/arch/x86/gdt.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"

/* Linux's struct user_desc (asm/ldt.h). */
struct user_desc {
	uint32_t entry_number;
	uint32_t base_addr;
	uint32_t limit;
	uint32_t seg_32bit : 1;
	uint32_t contents : 2;
	uint32_t read_exec_only : 1;
	uint32_t limit_in_pages : 1;
	uint32_t seg_not_present : 1;
	uint32_t useable : 1;
};

/* The two ways to ask for a cleared entry, as Linux's LDT_empty and
 * LDT_zero. */
static bool clears(const struct user_desc *u)
{
	bool zero = !u->base_addr && !u->limit && !u->contents &&
		    !u->read_exec_only && !u->seg_32bit && !u->limit_in_pages &&
		    !u->seg_not_present && !u->useable;
	bool empty = !u->base_addr && !u->limit && !u->contents &&
		     u->read_exec_only && !u->seg_32bit && !u->limit_in_pages &&
		     u->seg_not_present && !u->useable;
	return zero || empty;
}

/* The descriptor Linux's fill_ldt() builds: a ring-3 data segment. */
static uint64_t descriptor(const struct user_desc *u)
{
	if (clears(u))
		return 0;
	uint32_t lo = (u->base_addr << 16) | (u->limit & 0xffff);
	uint32_t hi = (u->base_addr & 0xff000000) | ((u->base_addr >> 16) & 0xff) |
		      (u->limit & 0xf0000) | ((uint32_t)!u->read_exec_only << 9) |
		      (u->contents << 10) | ((uint32_t)!u->seg_not_present << 15) |
		      (u->seg_32bit << 22) | (u->limit_in_pages << 23) |
		      (u->useable << 20) | 0x7000;  /* code/data, DPL 3 */
	return ((uint64_t)hi << 32) | lo;
}

long tls_set(struct thread *t, void *uinfo, bool can_allocate)
{
	struct user_desc u;
	if (copy_from_user(&u, uinfo, sizeof(u)))
		return -EFAULT;
	/* As Linux's tls_desc_okay(): only present 32-bit data segments. */
	if (!clears(&u) && (!u.seg_32bit || u.contents > 1 || u.seg_not_present))
		return -EINVAL;
	if (u.entry_number == (uint32_t)-1 && can_allocate) {
		/* Pick a free entry and tell the caller which one. */
		u.entry_number = 0;
		for (uint32_t i = 0; i < GDT_TLS_COUNT && !u.entry_number; i++)
			if (!t->tls[i])
				u.entry_number = GDT_TLS_FIRST + i;
		if (!u.entry_number)
			return -ESRCH;
		if (copy_to_user(uinfo, &u.entry_number, sizeof(u.entry_number)))
			return -EFAULT;
	}
	if (u.entry_number < GDT_TLS_FIRST ||
	    u.entry_number >= GDT_TLS_FIRST + GDT_TLS_COUNT)
		return -EINVAL;
	t->tls[u.entry_number - GDT_TLS_FIRST] = descriptor(&u);
	if (t == thread_current())
		gdt_load_tls(t->tls);  /* it is running: take effect now */
	return 0;
}

long tls_set_thread_area(void *uinfo)
{
	return tls_set(thread_current(), uinfo, true);
}
