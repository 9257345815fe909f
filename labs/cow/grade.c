/* labs/cow/grade.c: the grader of the copy-on-write lab (README.md). A
 * process with a 16 MiB heap, every page touched, forks: the fork must
 * take few frames, the first write to a page must copy just that page,
 * and writes after the fork must stay on their own side, both ways. */
#include <sys/wait.h>

#include "labs/lib/grader.h"

#define PAGE 4096
#define HEAP_PAGES 4096  /* 16 MiB */

static volatile int *heap;  /* HEAP_PAGES pages, one int used in each */

static void fill(int value)
{
	for (int i = 0; i < HEAP_PAGES; i++)
		heap[i * (PAGE / sizeof(int))] = value + i;
}

/* How many pages do not hold value + i. */
static int differ(int value)
{
	int bad = 0;
	for (int i = 0; i < HEAP_PAGES; i++)
		bad += heap[i * (PAGE / sizeof(int))] != value + i;
	return bad;
}

/* Wait for the child and say whether it exited with 0. */
static bool child_ok(pid_t pid)
{
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return false;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		note("child status 0x%x", status);
		return false;
	}
	return true;
}

static bool fork_takes_few_frames(void)
{
	int fds[2];
	long after = 0;
	fill(1);
	REQUIRE(pipe(fds) == 0);
	long before = free_pages();
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		after = free_pages();
		write(fds[1], &after, sizeof after);
		child_exit(0);
	}
	bool got = read(fds[0], &after, sizeof after) == sizeof after;
	close(fds[0]);
	close(fds[1]);
	if (!child_ok(pid) || !got)
		return false;
	note("fork of a process with %d touched heap pages took %ld frames",
	     HEAP_PAGES, before - after);
	return before - after < HEAP_PAGES / 16;
}

static bool child_writes_stay_in_child(void)
{
	fill(100);
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		fill(200);
		child_exit(differ(200) ? 1 : 0);
	}
	bool ok = child_ok(pid);
	int bad = differ(100);
	if (bad)
		note("%d of the parent's pages changed when its child wrote", bad);
	return ok && !bad;
}

static bool parent_writes_stay_in_parent(void)
{
	int fds[2];
	char go;
	fill(300);
	REQUIRE(pipe(fds) == 0);
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		close(fds[1]);
		if (read(fds[0], &go, 1) != 1)
			child_exit(2);
		int bad = differ(300);
		if (bad)
			note("%d of the child's pages changed when its parent wrote", bad);
		child_exit(bad ? 1 : 0);
	}
	close(fds[0]);
	fill(400);  /* the child has not looked yet */
	write(fds[1], "g", 1);
	close(fds[1]);
	bool ok = child_ok(pid);
	return ok && differ(400) == 0;
}

static bool first_write_copies_one_page(void)
{
	fill(500);
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		free_pages();  /* warm up: the stack, /proc's buffers */
		long before = free_pages();
		heap[(HEAP_PAGES / 2) * (PAGE / sizeof(int))] = 7;
		long after = free_pages();
		note("the child's first write to a shared page took %ld frames",
		     before - after);
		bool ok = before - after >= 1 && before - after <= 2;
		child_exit(ok && differ(500) == 1 ? 0 : 1);
	}
	return child_ok(pid) && differ(500) == 0;
}

static bool last_sharer_writes_in_place(void)
{
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0)
		child_exit(0);
	REQUIRE(child_ok(pid));
	/* Every page of the heap was shared with the child, which is gone:
	 * each is the parent's alone again, and a write needs no copy. */
	long before = free_pages();
	fill(600);
	long after = free_pages();
	note("writing %d pages no one else shares took %ld frames", HEAP_PAGES,
	     before - after);
	return before - after < 16 && differ(600) == 0;
}

static const struct ktap_case cases[] = {
	{ "cow.fork_takes_few_frames", fork_takes_few_frames },
	{ "cow.child_writes_stay_in_child", child_writes_stay_in_child },
	{ "cow.parent_writes_stay_in_parent", parent_writes_stay_in_parent },
	{ "cow.first_write_copies_one_page", first_write_copies_one_page },
	{ "cow.last_sharer_writes_in_place", last_sharer_writes_in_place },
};

int main(void)
{
	void *p = sbrk(HEAP_PAGES * PAGE);
	REQUIRE(p != (void *)-1);
	heap = p;
	return ktap_run(cases, KTAP_COUNT(cases));
}
