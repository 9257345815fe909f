/* kernel/futex_robust.c: robust futexes. A thread tells the kernel, with
 * set_robust_list, where its C library keeps the list of robust mutexes
 * it holds; if it dies holding one, the kernel marks the futex word
 * FUTEX_OWNER_DIED and wakes a waiter, who then gets EOWNERDEAD from
 * pthread_mutex_lock instead of waiting forever. The list lives in user
 * memory, so every step of the walk may fault: a fault ends the walk. */
#include "kernel/futex.h"

#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"

/* Linux's struct robust_list_head on i386 (12 bytes). */
struct robust_list_head {
	uint32_t list;             /* first entry; the list ends back here */
	int32_t futex_offset;      /* from an entry to its futex word */
	uint32_t list_op_pending;  /* an entry being added or removed */
};

#define FUTEX_WAITERS    0x80000000u
#define FUTEX_OWNER_DIED 0x40000000u
#define FUTEX_TID_MASK   0x3fffffffu
#define ROBUST_LIST_LIMIT 2048  /* as Linux: a loop in the list ends here */

long sys_set_robust_list(uint32_t head, uint32_t len, uint32_t a3,
			 uint32_t a4, uint32_t a5, uint32_t a6)
{
	if (len != sizeof(struct robust_list_head))
		return -EINVAL;
	thread_current()->robust_list = head;
	return 0;
}

long sys_get_robust_list(uint32_t pid, uint32_t head_ptr, uint32_t len_ptr,
			 uint32_t a4, uint32_t a5, uint32_t a6)
{
	struct thread *t = pid ? proc_find_thread((int)pid, 0)
			       : thread_current();
	if (!t)
		return -ESRCH;
	uint32_t head = t->robust_list, len = sizeof(struct robust_list_head);
	if (copy_to_user((void *)len_ptr, &len, sizeof(len)) ||
	    copy_to_user((void *)head_ptr, &head, sizeof(head)))
		return -EFAULT;
	return 0;
}

/* The futex at uaddr of a dying thread with id tid, as Linux's
 * handle_futex_death(): still ours, it gets FUTEX_OWNER_DIED (keeping
 * FUTEX_WAITERS) and a waiter is woken; a pending op on a free word only
 * wakes. Returns -1 to end the walk (a fault). */
static int futex_death(uint32_t uaddr, int tid, bool pi, bool pending)
{
	uint32_t uval;
	if (uaddr % sizeof(uint32_t))
		return -1;
	for (;;) {
		if (copy_from_user(&uval, (void *)uaddr, sizeof(uval)))
			return -1;
		if (pending && !pi && !uval) {
			futex_wake_one(uaddr);
			return 0;
		}
		if ((uval & FUTEX_TID_MASK) != (uint32_t)tid)
			return 0;
		uint32_t mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED, cur;
		if (futex_cmpxchg(uaddr, uval, mval, &cur))
			return -1;
		if (cur != uval)
			continue;  /* it changed under us: look again */
		if (!pi && (uval & FUTEX_WAITERS))
			futex_wake_one(uaddr);
		return 0;
	}
}

/* An entry pointer as stored: the low bit says "priority inheritance". */
static int fetch_entry(uint32_t uptr, uint32_t *entry, bool *pi)
{
	uint32_t v;
	if (copy_from_user(&v, (void *)uptr, sizeof(v)))
		return -1;
	*entry = v & ~1u;
	*pi = v & 1;
	return 0;
}

void futex_exit_robust_list(void)
{
	struct thread *me = thread_current();
	struct robust_list_head h;
	uint32_t head = me->robust_list, entry, pending;
	bool pi, pending_pi;
	me->robust_list = 0;
	if (!head || copy_from_user(&h, (void *)head, sizeof(h)) ||
	    fetch_entry(head, &entry, &pi) ||
	    fetch_entry(head + 8, &pending, &pending_pi))
		return;
	for (int n = 0; entry != head && n < ROBUST_LIST_LIMIT; n++) {
		uint32_t next = 0;
		bool next_pi = false;
		int r = fetch_entry(entry, &next, &next_pi);
		if (entry != pending &&
		    futex_death(entry + (uint32_t)h.futex_offset, me->tid, pi,
				false))
			return;
		if (r)
			return;
		entry = next;
		pi = next_pi;
	}
	if (pending)
		futex_death(pending + (uint32_t)h.futex_offset, me->tid,
			    pending_pi, true);
}
