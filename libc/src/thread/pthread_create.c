/* libc/src/thread/pthread_create.c: a thread is a clone(2) sharing
 * everything, with an mmap'd stack (a PROT_NONE guard page below it, so an
 * overflow faults, as musl and glibc do) whose top holds its struct pthread,
 * and a TLS segment (the same GDT entry in every thread, a different
 * base) so %gs:0 is that struct. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "kernel/uapi/sched.h"
#include "pthread_impl.h"
#include "syscall.h"

#define DEFAULT_STACK (64 * 1024)
#define PAGE 4096u

/* Linux's struct user_desc, for a 4 GiB 32-bit data segment at base. */
struct user_desc {
	unsigned entry_number;
	unsigned base_addr;
	unsigned limit;
	unsigned flags;  /* seg_32bit 1, contents 2, read_exec_only 1,
			    limit_in_pages 1, seg_not_present 1, useable 1 */
};

#define DESC_FLAGS (1u | 1u << 4 | 1u << 6)  /* 32-bit, in pages, usable */

static int tls_entry = -1;  /* the GDT entry every thread's %gs selects */

/* The first time: give the main thread its segment and load %gs. */
static int enter_multi(void)
{
	struct user_desc d = { (unsigned)-1, (unsigned)(uintptr_t)&__pthread_main,
			       0xfffff, DESC_FLAGS };
	long r = __syscall1(__NR_set_thread_area, (long)&d);
	if (r < 0)
		return (int)-r;
	tls_entry = (int)d.entry_number;
	unsigned sel = (unsigned)tls_entry * 8 + 3;
	__asm__ volatile("movw %w0, %%gs" : : "q"(sel));
	__pthread_multi = 1;
	return 0;
}

static int start(void *p)
{
	struct pthread *self = p;
	pthread_exit(self->start(self->arg));
}

int pthread_create(pthread_t *out, const pthread_attr_t *attr,
		   void *(*fn)(void *), void *arg)
{
	size_t size = attr && attr->stacksize ? attr->stacksize : DEFAULT_STACK;
	if (!__pthread_multi) {
		int err = enter_multi();
		if (err)
			return err;
	}
	int saved = errno;
	if (size > SIZE_MAX / 2)
		return EINVAL;
	size_t len = PAGE + ((size + sizeof(struct pthread) + PAGE - 1) & -PAGE);
	char *block = mmap(NULL, len, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (block != MAP_FAILED && mprotect(block, PAGE, PROT_NONE) < 0) {
		munmap(block, len);
		block = MAP_FAILED;
	}
	errno = saved;
	if (block == MAP_FAILED)
		return EAGAIN;
	struct pthread *t = (struct pthread *)(((uintptr_t)block + len -
						sizeof(struct pthread)) & -16);
	memset(t, 0, sizeof(*t));
	t->self = t;
	t->start = fn;
	t->arg = arg;
	t->block = block;
	t->block_len = len;
	struct user_desc d = { (unsigned)tls_entry, (unsigned)(uintptr_t)t,
			       0xfffff, DESC_FLAGS };
	int r = __clone(start, t, CLONE_VM | CLONE_FS | CLONE_FILES |
			CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
			CLONE_SETTLS | CLONE_PARENT_SETTID |
			CLONE_CHILD_CLEARTID, t, &t->tid, &d, &t->tid);
	if (r < 0) {
		munmap(block, len);
		return r == -ENOMEM ? EAGAIN : -r;
	}
	*out = t;
	return 0;
}
