/* labs/lazy/grade.c: the grader of the lazy-allocation lab (README.md).
 * Grows the heap by 64 MiB with sbrk and measures, through /proc, what
 * that and the first touches cost: free frames (/proc/meminfo), resident
 * pages (/proc/self/status) and minor faults (/proc/self/stat). */
#include "labs/lib/grader.h"

#define PAGE 4096
#define GROW (64 << 20)
#define TOUCHED 1024  /* pages written before the heap shrinks */

static volatile char *heap;  /* the 64 MiB grown */

static bool growing_takes_no_frames(void)
{
	free_pages();  /* warm up /proc's buffers */
	long before = free_pages();
	void *p = sbrk(GROW);
	long after = free_pages();
	if (p == (void *)-1) {
		note("sbrk(64 MiB) failed");
		return false;
	}
	heap = p;
	note("growing the heap by 64 MiB took %ld frames", before - after);
	return before - after < 16;
}

static bool first_touch_takes_one_frame(void)
{
	long rss = rss_pages(), before = free_pages();
	heap[GROW / 2] = 1;
	long after = free_pages(), rss_after = rss_pages();
	note("the first write to a heap page took %ld frames, %ld resident pages",
	     before - after, rss_after - rss);
	/* One frame, and one more if its page table is new. */
	return before - after >= 1 && before - after <= 2 && rss_after - rss == 1;
}

static bool first_touch_is_one_fault(void)
{
	minor_faults();
	long before = minor_faults();
	heap[GROW / 2 + PAGE] = 1;  /* the page table is there now */
	long after = minor_faults();
	note("the first write to a heap page took %ld minor faults", after - before);
	return after - before == 1;
}

static bool new_pages_read_zero(void)
{
	for (int i = 0; i < 64; i++) {
		volatile char *page = heap + (long)i * (GROW / 64) + 123;
		if (page != heap + GROW / 2 + 123 && *page != 0) {
			note("byte %ld of the new heap is %d", (long)(page - heap), *page);
			return false;
		}
	}
	return true;
}

static bool shrinking_gives_frames_back(void)
{
	for (int i = 0; i < TOUCHED; i++)
		heap[(long)i * PAGE] = (char)0xaa;
	long before = free_pages();
	REQUIRE(sbrk(-GROW) != (void *)-1);
	long after = free_pages();
	note("shrinking the heap gave %ld frames back", after - before);
	return after - before >= TOUCHED;
}

static bool regrown_pages_read_zero(void)
{
	void *p = sbrk(TOUCHED * PAGE);
	REQUIRE(p == (void *)heap);
	for (int i = 0; i < TOUCHED; i++) {
		if (heap[(long)i * PAGE] != 0) {
			note("page %d of the regrown heap kept its old bytes", i);
			return false;
		}
	}
	return true;
}

static const struct ktap_case cases[] = {
	{ "lazy.growing_takes_no_frames", growing_takes_no_frames },
	{ "lazy.first_touch_takes_one_frame", first_touch_takes_one_frame },
	{ "lazy.first_touch_is_one_fault", first_touch_is_one_fault },
	{ "lazy.new_pages_read_zero", new_pages_read_zero },
	{ "lazy.shrinking_gives_frames_back", shrinking_gives_frames_back },
	{ "lazy.regrown_pages_read_zero", regrown_pages_read_zero },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
