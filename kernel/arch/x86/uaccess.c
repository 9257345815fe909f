/* kernel/arch/x86/uaccess.c: user copies as single string instructions
 * (and one locked compare-and-exchange, for futex words) listed in the
 * exception table. A fault inside one first goes to the
 * fault resolver (kernel/arch/x86/pagefault.c); only if the address is
 * really bad does the copy end at its fixup with eax = -EFAULT. These are
 * the only instructions that touch user pages: each asm statement runs in
 * a user_access_begin()/user_access_end() window (smap.h), closed after
 * the fixup label too, so SMAP stops any other kernel access. A fault
 * inside the window saves the open AC in its frame and its iret (or the
 * fixup's) restores it. */
#include "mm/uaccess.h"

#include <stdint.h>

#include "kernel/arch/x86/extable.h"
#include "kernel/arch/x86/smap.h"
#include "kernel/uapi/errno.h"
#include "mm/memlayout.h"

bool user_range_ok(const void *uaddr, size_t n)
{
	uintptr_t a = (uintptr_t)uaddr;
	return a <= USER_TOP && n <= USER_TOP - a;
}

/* Four bytes per step (rep movsl), then the odd tail (rep movsb): a
 * signal frame's 512-byte FPU image is 128 steps, not 512. Each restarts
 * where it stopped after a resolved fault: esi, edi and ecx have
 * advanced. A bad address ends either at 3: with eax = -EFAULT. Inlined
 * into its two callers: a call more would cost what the guard does. */
static inline __attribute__((always_inline)) int
copy(void *dst, const void *src, size_t n)
{
	int err = 0;
	size_t words = n / 4, bytes = n % 4;
	user_access_begin();
	__asm__ volatile("1:\trep movsl\n\t"
			 "movl %[bytes], %%ecx\n"
			 "2:\trep movsb\n"
			 "3:\n\t"
			 EXTABLE_ENTRY(1b, 3b)
			 EXTABLE_ENTRY(2b, 3b)
			 : "+a"(err), "+D"(dst), "+S"(src), "+c"(words)
			 : [bytes] "r"(bytes)
			 : "memory");
	user_access_end();
	return err;
}

int copy_from_user(void *dst, const void *usrc, size_t n)
{
	return user_range_ok(usrc, n) ? copy(dst, usrc, n) : -EFAULT;
}

int copy_to_user(void *udst, const void *src, size_t n)
{
	return user_range_ok(udst, n) ? copy(udst, src, n) : -EFAULT;
}

int user_cmpxchg32(uint32_t *uaddr, uint32_t old, uint32_t new, uint32_t *cur)
{
	if ((uintptr_t)uaddr % 4)
		return -EINVAL;
	if (!user_range_ok(uaddr, 4))
		return -EFAULT;
	/* cmpxchg wants the expected value in eax and leaves the found one
	 * there, so the fixup's -EFAULT in eax cannot be the result: `done`
	 * is set only after the instruction completed. */
	uint32_t val = old;
	int done = 0;
	user_access_begin();
	__asm__ volatile("1:\tlock cmpxchgl %[new], %[mem]\n\t"
			 "movl $1, %[done]\n"
			 "2:\n\t"
			 EXTABLE_ENTRY(1b, 2b)
			 : "+a"(val), [mem] "+m"(*(volatile uint32_t *)uaddr),
			   [done] "+r"(done)
			 : [new] "r"(new)
			 : "memory", "cc");
	user_access_end();
	if (!done)
		return -EFAULT;
	*cur = val;
	return 0;
}

long strnlen_user(const char *usrc, size_t max)
{
	uintptr_t a = (uintptr_t)usrc;
	if (a >= USER_TOP)
		return -EFAULT;
	size_t room = USER_TOP - a, limit = max < room ? max : room;
	size_t left = limit;
	int err = 0;
	if (limit == 0)
		return 0;
	user_access_begin();
	__asm__ volatile("6:\tlodsb\n\t"   /* may fault: al = *esi++ */
			 "testb %%al, %%al\n\t"
			 "jz 7f\n\t"
			 "decl %%ecx\n\t"
			 "jnz 6b\n\t"
			 "jmp 8f\n"
			 "7:\n\t"
			 "xorl %%eax, %%eax\n"
			 "8:\n\t"
			 EXTABLE_ENTRY(6b, 8b)
			 : "+a"(err), "+S"(usrc), "+c"(left)
			 :
			 : "memory");
	user_access_end();
	if (err == -EFAULT)
		return -EFAULT;
	if (left == 0)  /* no NUL in limit bytes: past the top is a bad address */
		return limit < max ? -EFAULT : (long)max;
	return (long)(limit - left);
}

/* Measure, then copy: two passes over the string, but one fault-handling
 * loop in assembly instead of two. (With threads, the string could change
 * in between; the copy is still bounded by the measured length.) */
long strncpy_from_user(char *dst, const char *usrc, size_t size)
{
	long n = strnlen_user(usrc, size);
	if (n < 0)
		return n;
	if ((size_t)n == size)
		return -ENAMETOOLONG;  /* no NUL within size bytes */
	if (copy_from_user(dst, usrc, (size_t)n) < 0)
		return -EFAULT;
	dst[n] = '\0';
	return n;
}
