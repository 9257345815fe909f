/* mm/kheap_test.c: in-kernel tests of the kernel heap: size classes,
 * alignment, reuse, frames going back, poisoning, the double-free and
 * foreign-pointer checks, many objects, and running out of memory. */
#include <stdint.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/lib/string.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/kheap_internal.h"
#include "mm/memlayout.h"
#include "mm/pmm.h"
#include "tests/ktest.h"

/* The class kmalloc(size) should use, worked out independently. */
static size_t expected_class(size_t size)
{
	size_t c = KHEAP_MIN_CLASS;
	while (c < size)
		c <<= 1;
	return c;
}

/* The alignment kmalloc(size) promises in mm/kheap.h. */
static uintptr_t promised_align(size_t size)
{
	uintptr_t a = 8;
	while (a < size && a < 16)
		a <<= 1;
	return a;
}

static bool all_bytes(const void *p, size_t n, uint8_t b)
{
	const volatile uint8_t *q = p;
	for (size_t i = 0; i < n; i++)
		if (q[i] != b)
			return false;
	return true;
}

static uintptr_t page_of(const void *p)
{
	return PAGE_ROUND_DOWN((uintptr_t)p);
}

/* A small deterministic generator for sizes and orders. */
static uint32_t lcg(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

KTEST(kheap, zero_and_oversized_requests_return_null)
{
	size_t before = kheap_bytes_in_use();
	EXPECT_NULL(kmalloc(0));
	EXPECT_NULL(kmalloc(KMALLOC_MAX + 1));
	EXPECT_NULL(kmalloc(4096));
	EXPECT_NULL(kmalloc(SIZE_MAX));
	EXPECT_NULL(kzalloc(0));
	EXPECT_NULL(kzalloc(KMALLOC_MAX + 1));
	kfree(NULL);
	EXPECT_EQ(kheap_bytes_in_use(), before);
}

KTEST(kheap, every_size_gets_its_class_aligned_and_writable)
{
	size_t before = kheap_bytes_in_use();
	for (size_t size = 1; size <= KMALLOC_MAX; size++) {
		uint8_t *p = kmalloc(size);
		ASSERT_NOT_NULL(p);
		EXPECT_EQ((uintptr_t)p % promised_align(size), 0);
		EXPECT_EQ((uintptr_t)p % KHEAP_MIN_CLASS, 0);
		EXPECT_EQ(kheap_bytes_in_use() - before, expected_class(size));
		/* The object and the slab header must not overlap. */
		EXPECT_GE((uintptr_t)p - page_of(p), 64);
		EXPECT_LE((uintptr_t)p - page_of(p) + size, PAGE_SIZE);
		memset(p, 0x5a, size);
		EXPECT_EQ(kheap_check_free(p), 0);
		kfree(p);
		EXPECT_EQ(kheap_bytes_in_use(), before);
	}
}

KTEST(kheap, class_boundaries_pick_the_next_power_of_two)
{
	EXPECT_EQ(kheap_class_size(0), 0);
	EXPECT_EQ(kheap_class_size(1), KHEAP_MIN_CLASS);
	EXPECT_EQ(kheap_class_size(KMALLOC_MAX + 1), 0);
	EXPECT_EQ(kheap_slab_capacity(0), 0);
	for (size_t c = KHEAP_MIN_CLASS; c <= KHEAP_MAX_CLASS; c <<= 1) {
		EXPECT_EQ(kheap_class_size(c), c);
		EXPECT_EQ(kheap_class_size(c / 2 + 1), c);
		if (c < KHEAP_MAX_CLASS)
			EXPECT_EQ(kheap_class_size(c + 1), 2 * c);
		EXPECT_GE(kheap_slab_capacity(c), 1);
		EXPECT_LE(kheap_slab_capacity(c) * c, PAGE_SIZE - 64);

		size_t before = kheap_bytes_in_use();
		void *p = kmalloc(c);
		ASSERT_NOT_NULL(p);
		EXPECT_EQ(kheap_bytes_in_use() - before, c);
		kfree(p);
		if (c < KHEAP_MAX_CLASS) {
			p = kmalloc(c + 1);
			ASSERT_NOT_NULL(p);
			EXPECT_EQ(kheap_bytes_in_use() - before, 2 * c);
			kfree(p);
		}
	}
}

/* Fill a whole slab and one more object in every class, each object with
 * its own byte: no object may overlap another. */
KTEST(kheap, objects_of_a_class_do_not_overlap)
{
	static uint8_t *objs[256];
	for (size_t c = KHEAP_MIN_CLASS; c <= KHEAP_MAX_CLASS; c <<= 1) {
		unsigned n = kheap_slab_capacity(c) + 1;
		ASSERT_LE(n, 256);
		for (unsigned i = 0; i < n; i++) {
			objs[i] = kmalloc(c);
			ASSERT_NOT_NULL(objs[i]);
			memset(objs[i], (int)i, c);
		}
		for (unsigned i = 0; i < n; i++)
			EXPECT_TRUE(all_bytes(objs[i], c, (uint8_t)i));
		for (unsigned i = 0; i < n; i++)
			kfree(objs[i]);
	}
}

KTEST(kheap, free_then_alloc_of_the_same_class_reuses_the_object)
{
	void *pin = kmalloc(100);  /* keeps the slab alive */
	void *p = kmalloc(100);
	ASSERT_NOT_NULL(pin);
	ASSERT_NOT_NULL(p);
	kfree(p);
	void *q = kmalloc(120);    /* another size, same 128-byte class */
	EXPECT_PTR_EQ(q, p);
	kfree(q);
	kfree(pin);
}

/* A slab left empty is kept (one per class) so that the next allocation
 * of that class needs no new frame; kheap_shrink() gives it back. */
KTEST(kheap, one_object_slab_gives_its_frame_back_on_free)
{
	kheap_shrink();
	size_t frames = pmm_free_count();
	void *p = kmalloc(KMALLOC_MAX);
	ASSERT_NOT_NULL(p);
	EXPECT_EQ(frames - pmm_free_count(), 1);
	kfree(p);
	EXPECT_EQ(frames - pmm_free_count(), 1);  /* kept for reuse */
	void *q = kmalloc(KMALLOC_MAX);
	EXPECT_PTR_EQ(q, p);                      /* the same slab, no new frame */
	EXPECT_EQ(frames - pmm_free_count(), 1);
	kfree(q);
	EXPECT_EQ(kheap_shrink(), 1);
	EXPECT_EQ(pmm_free_count(), frames);
	EXPECT_EQ(kheap_shrink(), 0);
}

/* Allocate until a fresh slab appears, fill it, then free its objects:
 * the slab becomes free (and reclaimable) exactly when the last one goes. */
KTEST(kheap, slab_frame_returns_when_its_last_object_goes)
{
	static void *objs[2 * 256];
	size_t size = 48;  /* the 64-byte class */
	unsigned cap = kheap_slab_capacity(size), n = 0, first = 0;
	kheap_shrink();
	size_t frames = pmm_free_count();

	ASSERT_LE(cap, 256);
	while (pmm_free_count() == frames) {  /* fill any older partial slab */
		ASSERT_LT(n, 2 * 256);
		objs[n] = kmalloc(size);
		ASSERT_NOT_NULL(objs[n]);
		first = n++;
	}
	for (unsigned i = 1; i < cap; i++) {
		objs[n] = kmalloc(size);
		ASSERT_NOT_NULL(objs[n]);
		EXPECT_EQ(page_of(objs[n]), page_of(objs[first]));
		n++;
	}
	size_t in_use = pmm_free_count();
	EXPECT_EQ(frames - in_use, 1);
	for (unsigned i = first; i < n; i++) {
		EXPECT_EQ(kheap_shrink(), 0);  /* not empty yet */
		kfree(objs[i]);
	}
	EXPECT_EQ(kheap_shrink(), 1);
	EXPECT_EQ(pmm_free_count(), in_use + 1);
	for (unsigned i = 0; i < first; i++)
		kfree(objs[i]);
	kheap_shrink();
	EXPECT_EQ(pmm_free_count(), frames);
}

KTEST(kheap, new_memory_is_filled_with_0xa5)
{
	if (!KHEAP_DEBUG)
		return;
	for (size_t c = KHEAP_MIN_CLASS; c <= KHEAP_MAX_CLASS; c <<= 1) {
		uint8_t *p = kmalloc(c);  /* fresh or reused, it must be 0xa5 */
		ASSERT_NOT_NULL(p);
		EXPECT_TRUE(all_bytes(p, c, KHEAP_POISON_NEW));
		memset(p, 0, c);
		void *pin = kmalloc(c);
		kfree(p);
		uint8_t *q = kmalloc(c);  /* a reused object */
		EXPECT_TRUE(all_bytes(q, c, KHEAP_POISON_NEW));
		kfree(q);
		kfree(pin);
	}
}

KTEST(kheap, freed_memory_is_filled_with_0x6b)
{
	if (!KHEAP_DEBUG)
		return;
	for (size_t c = KHEAP_MIN_CLASS; c < KHEAP_MAX_CLASS; c <<= 1) {
		void *pin = kmalloc(c);
		uint8_t *p = kmalloc(c);
		ASSERT_NOT_NULL(pin);
		ASSERT_NOT_NULL(p);
		void *extra = NULL;
		if (page_of(p) != page_of(pin)) {  /* pin took a slab's last */
			extra = pin;      /* kept, so that slab stays full */
			pin = p;          /* the first of a new slab */
			p = kmalloc(c);
			ASSERT_NOT_NULL(p);
		}
		ASSERT_EQ(page_of(p), page_of(pin));  /* 2+ objects per slab */
		memset(p, 0x11, c);
		EXPECT_EQ(kheap_check_poison(p), -EINVAL);  /* allocated */
		kfree(p);
		/* The first word links the free list; the rest is poison. */
		EXPECT_TRUE(all_bytes(p + KHEAP_LINK_SIZE, c - KHEAP_LINK_SIZE,
				      KHEAP_POISON_FREE));
		EXPECT_EQ(kheap_check_poison(p), 0);
		kfree(pin);
		kfree(extra);
	}
}

KTEST(kheap, write_after_free_is_detected)
{
	if (!KHEAP_DEBUG)
		return;
	void *pin = kmalloc(64);
	volatile uint8_t *p = kmalloc(64);
	ASSERT_NOT_NULL(pin);
	ASSERT_NOT_NULL(p);
	kfree((void *)p);
	EXPECT_EQ(kheap_check_poison((void *)p), 0);
	p[40] = 0;  /* the bug kmalloc would panic on */
	EXPECT_EQ(kheap_check_poison((void *)p), -EINVAL);
	p[40] = KHEAP_POISON_FREE;
	EXPECT_EQ(kheap_check_poison((void *)p), 0);
	kfree(pin);
}

KTEST(kheap, kzalloc_returns_zeroed_memory)
{
	for (size_t size = 1; size <= KMALLOC_MAX; size = size * 3 + 1) {
		void *pin = kmalloc(size);
		uint8_t *p = kmalloc(size);
		ASSERT_NOT_NULL(pin);
		ASSERT_NOT_NULL(p);
		memset(p, 0xff, size);
		kfree(p);
		uint8_t *z = kzalloc(size);
		ASSERT_NOT_NULL(z);
		EXPECT_TRUE(all_bytes(z, size, 0));
		kfree(z);
		kfree(pin);
	}
}

KTEST(kheap, double_free_is_detected)
{
	void *pin = kmalloc(32);
	void *p = kmalloc(32);
	ASSERT_NOT_NULL(pin);
	ASSERT_NOT_NULL(p);
	EXPECT_EQ(kheap_check_free(p), 0);
	kfree(p);
	EXPECT_EQ(kheap_check_free(p), -EINVAL);  /* free, slab still live */
	EXPECT_EQ(kheap_check_free(pin), 0);
	kfree(pin);
	EXPECT_EQ(kheap_check_free(pin), -EINVAL);  /* free, or slab gone */

	void *big = kmalloc(KMALLOC_MAX);
	ASSERT_NOT_NULL(big);
	kfree(big);
	EXPECT_EQ(kheap_check_free(big), -EINVAL);
	/* The frame (likely the same one: the pmm is LIFO) now belongs to
	 * someone else; the stale pointer is still not an object. */
	paddr_t f = pmm_alloc_frame(PMM_LOWMEM);
	ASSERT_NE(f, 0);
	EXPECT_EQ(kheap_check_free(big), -EINVAL);
	pmm_free_frame(f);
}

/* kheap_frames() counts each slab's frame while it is one: the frames in
 * use outside the heap (what the runner compares, tests/ktest.c) do not
 * change as slabs come and go. KMALLOC_MAX objects are one to a slab. */
KTEST(kheap, frames_counts_each_slab)
{
	ASSERT_EQ(kheap_slab_capacity(KMALLOC_MAX), 1);
	kheap_shrink();
	size_t slabs = kheap_frames(), free = pmm_free_count();
	size_t outside = pmm_total_count() - free - slabs;
	void *p[3];
	for (int i = 0; i < 3; i++)
		ASSERT_NOT_NULL(p[i] = kmalloc(KMALLOC_MAX));
	EXPECT_EQ(kheap_frames(), slabs + 3);
	EXPECT_EQ(pmm_free_count(), free - 3);
	EXPECT_EQ(pmm_total_count() - pmm_free_count() - kheap_frames(),
		  outside);
	for (int i = 0; i < 3; i++)
		kfree(p[i]);
	EXPECT_EQ(kheap_frames(), slabs + 1);  /* one kept for reuse */
	EXPECT_EQ(kheap_shrink(), 1);
	EXPECT_EQ(kheap_frames(), slabs);
	EXPECT_EQ(pmm_free_count(), free);
}

static int a_static_int;

KTEST(kheap, pointers_kmalloc_never_returned_are_rejected)
{
	int on_stack = 0;
	uint8_t *p = kmalloc(64);
	uint8_t *big = kmalloc(KMALLOC_MAX);
	paddr_t frame = pmm_alloc_frame(PMM_LOWMEM | PMM_ZERO);
	ASSERT_NOT_NULL(p);
	ASSERT_NOT_NULL(big);
	ASSERT_NE(frame, 0);

	EXPECT_EQ(kheap_check_free(NULL), -EINVAL);
	EXPECT_EQ(kheap_check_free(p + 1), -EINVAL);   /* inside an object */
	EXPECT_EQ(kheap_check_free(p + 8), -EINVAL);
	EXPECT_EQ(kheap_check_free(p + 32), -EINVAL);
	EXPECT_EQ(kheap_check_free((void *)page_of(p)), -EINVAL); /* header */
	EXPECT_EQ(kheap_check_free(big + KMALLOC_MAX), -EINVAL); /* past last */
	EXPECT_EQ(kheap_check_free(&a_static_int), -EINVAL);
	EXPECT_EQ(kheap_check_free(&on_stack), -EINVAL);
	EXPECT_EQ(kheap_check_free((void *)kheap_check_free), -EINVAL);
	EXPECT_EQ(kheap_check_free((void *)0x08048000), -EINVAL); /* user */
	EXPECT_EQ(kheap_check_free((void *)KMAP_BASE), -EINVAL);
	EXPECT_EQ(kheap_check_free((uint8_t *)P2V(frame) + 64), -EINVAL);
	/* Nothing above was damaged by the checks. */
	EXPECT_EQ(kheap_check_free(p), 0);
	EXPECT_EQ(kheap_check_free(big), 0);
	pmm_free_frame(frame);
	kfree(big);
	kfree(p);
}

/* Thousands of objects of varied sizes, each filled with a pattern of its
 * own, freed and reallocated in scrambled orders. */
#define MANY 4000
static uint8_t *many[MANY];
static uint16_t many_size[MANY];

static uint8_t pattern(unsigned i, size_t j)
{
	return (uint8_t)(i * 131 + j * 7 + 1);
}

static bool many_alloc(unsigned i, uint32_t *seed)
{
	uint32_t r = lcg(seed);
	/* Mostly small objects, one in 16 of any size. */
	size_t size = 1 + (r % 16 == 0 ? (r >> 4) % KMALLOC_MAX : r % 200);
	many_size[i] = (uint16_t)size;
	many[i] = kmalloc(many_size[i]);
	if (!many[i])
		return false;
	for (size_t j = 0; j < many_size[i]; j++)
		many[i][j] = pattern(i, j);
	return true;
}

static unsigned many_bad(void)
{
	unsigned bad = 0;
	for (unsigned i = 0; i < MANY; i++)
		for (size_t j = 0; j < many_size[i]; j++)
			if (many[i][j] != pattern(i, j)) {
				bad++;
				break;
			}
	return bad;
}

KTEST(kheap, thousands_of_objects_keep_their_contents)
{
	uint32_t seed = 12345;
	size_t bytes = kheap_bytes_in_use();
	unsigned n = 0;

	for (; n < MANY; n++)
		if (!many_alloc(n, &seed))
			break;
	EXPECT_EQ(n, MANY);
	if (n == MANY) {
		EXPECT_EQ(many_bad(), 0);
		/* Free every third, in a scrambled order, then refill. */
		for (unsigned k = 0; k < MANY; k++) {
			unsigned i = (k * 1237) % MANY;  /* 1237 is prime */
			if (i % 3 == 0)
				kfree(many[i]);
		}
		for (unsigned i = 0; i < MANY; i += 3)
			if (!many_alloc(i, &seed))
				many_size[i] = 0;  /* kept out of the check */
		EXPECT_EQ(many_bad(), 0);
	}
	for (unsigned k = 0; k < n; k++)  /* all, in another scrambled order */
		kfree(many[n == MANY ? (k * 2711) % MANY : k]);
	EXPECT_EQ(kheap_bytes_in_use(), bytes);
}

/* Take every direct-mapped frame, threading them into a list through
 * their first word. Returns the head (a physical address) or 0. */
static paddr_t take_all_lowmem(size_t *count)
{
	paddr_t head = 0, f;
	*count = 0;
	while ((f = pmm_alloc_frame(PMM_LOWMEM)) != 0) {
		*(paddr_t *)P2V(f) = head;
		head = f;
		(*count)++;
	}
	return head;
}

static void give_back(paddr_t head)
{
	while (head) {
		paddr_t next = *(paddr_t *)P2V(head);
		pmm_free_frame(head);
		head = next;
	}
}

KTEST(kheap, out_of_memory_returns_null_and_recovers)
{
	/* Leave a free slot in a live 16-byte slab: a and b share it. */
	void *a = kmalloc(16), *b = kmalloc(16);
	ASSERT_NOT_NULL(a);
	ASSERT_NOT_NULL(b);
	if (page_of(a) != page_of(b)) {  /* a took an old slab's last slot */
		kfree(a);
		a = b;
		b = kmalloc(16);
		ASSERT_NOT_NULL(b);
	}
	EXPECT_EQ(page_of(a), page_of(b));
	kfree(b);

	size_t taken;
	paddr_t hoard = take_all_lowmem(&taken);
	EXPECT_GT(taken, 0);
	EXPECT_EQ(pmm_free_lowmem_count(), 0);
	size_t bytes = kheap_bytes_in_use();
	/* A 2048-byte slab holds one object, so this class is never partial. */
	EXPECT_NULL(kmalloc(KMALLOC_MAX));
	EXPECT_NULL(kzalloc(KMALLOC_MAX));
	EXPECT_EQ(kheap_bytes_in_use(), bytes);
	void *c = kmalloc(16);  /* a partial slab still serves */
	EXPECT_NOT_NULL(c);
	kfree(c);
	give_back(hoard);

	void *d = kmalloc(KMALLOC_MAX);  /* the heap works again */
	EXPECT_NOT_NULL(d);
	kfree(d);
	kfree(a);
}

KTEST(kheap, interrupt_state_is_preserved)
{
	bool was_on = read_eflags() & EFLAGS_IF;
	cpu_sti();
	kfree(kmalloc(24));
	EXPECT_TRUE(read_eflags() & EFLAGS_IF);
	cpu_cli();
	kfree(kmalloc(24));
	EXPECT_FALSE(read_eflags() & EFLAGS_IF);
	if (was_on)
		cpu_sti();
}
