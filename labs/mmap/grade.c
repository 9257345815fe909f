/* labs/mmap/grade.c: the grader of the mmap lab (README.md): a file in
 * /tmp, mapped MAP_SHARED and MAP_PRIVATE, written through mappings and
 * with write(); what each side sees, and what reading a mapping costs.
 * Runs as init. */
#include <sys/mman.h>
#include <sys/wait.h>

#include "labs/lib/grader.h"

#define PAGE 4096
#define PAGES 16
#define FILE_PATH "/tmp/mmaplab"

static char page_buf[PAGE];

/* A fresh file of PAGES pages, page i filled with 'a' + i; its fd (RW). */
static int make_file(void)
{
	int fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
	REQUIRE(fd >= 0);
	for (int i = 0; i < PAGES; i++) {
		memset(page_buf, 'a' + i, PAGE);
		REQUIRE(write(fd, page_buf, PAGE) == PAGE);
	}
	return fd;
}

static char *map(int fd, int prot, int flags)
{
	char *p = mmap(NULL, PAGES * PAGE, prot, flags, fd, 0);
	REQUIRE(p != MAP_FAILED);
	return p;
}

/* The byte at off in the file, through read(). */
static char file_byte(int fd, long off)
{
	char c = 0;
	REQUIRE(pread(fd, &c, 1, off) == 1);
	return c;
}

static bool shared_writes_reach_the_file(void)
{
	int fd = make_file();
	char *p = map(fd, PROT_READ | PROT_WRITE, MAP_SHARED);
	p[3 * PAGE + 5] = 'X';
	char seen = file_byte(fd, 3 * PAGE + 5);
	munmap(p, PAGES * PAGE);
	char after = file_byte(fd, 3 * PAGE + 5);
	close(fd);
	if (seen != 'X' || after != 'X')
		note("read() saw '%c' while mapped and '%c' after munmap, want 'X'",
		     seen, after);
	return seen == 'X' && after == 'X';
}

static bool file_writes_show_in_the_mapping(void)
{
	int fd = make_file();
	char *p = map(fd, PROT_READ, MAP_SHARED);
	char before = p[7 * PAGE];  /* faulted in now */
	REQUIRE(pwrite(fd, "Y", 1, 7 * PAGE) == 1);
	char after = p[7 * PAGE];
	munmap(p, PAGES * PAGE);
	close(fd);
	if (before != 'a' + 7 || after != 'Y')
		note("the mapping saw '%c' then '%c', want '%c' then 'Y'", before,
		     after, 'a' + 7);
	return before == 'a' + 7 && after == 'Y';
}

static bool two_mappings_see_one_page(void)
{
	int fd = make_file();
	char *p = map(fd, PROT_READ | PROT_WRITE, MAP_SHARED);
	char *q = map(fd, PROT_READ, MAP_SHARED);
	char q_before = q[PAGE];  /* both faulted in */
	p[PAGE] = 'Z';
	bool same = q_before == 'b' && q[PAGE] == 'Z';
	if (!same)
		note("the other mapping saw '%c' after the write, want 'Z'", q[PAGE]);
	/* And another process's mapping of its own. */
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		int cfd = open(FILE_PATH, O_RDWR);
		char *c = cfd < 0 ? MAP_FAILED
				  : mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0);
		if (c == MAP_FAILED)
			child_exit(2);
		c[9] = 'W';
		child_exit(0);
	}
	int status;
	REQUIRE(waitpid(pid, &status, 0) == pid);
	bool other = status == 0 && p[9] == 'W';
	if (!other)
		note("a child's write through its own mapping: the parent sees '%c'", p[9]);
	munmap(p, PAGES * PAGE);
	munmap(q, PAGES * PAGE);
	close(fd);
	return same && other;
}

static bool reading_cached_pages_takes_no_frames(void)
{
	int fd = make_file();  /* its pages are in the page cache now */
	char *p = map(fd, PROT_READ, MAP_PRIVATE);
	free_pages();  /* warm up /proc's buffers */
	long before = free_pages();
	long sum = 0;
	for (int i = 0; i < PAGES; i++)
		sum += p[i * PAGE];
	long after = free_pages();
	munmap(p, PAGES * PAGE);
	close(fd);
	note("reading %d cached pages through a private mapping took %ld frames",
	     PAGES, before - after);
	return sum > 0 && before - after < PAGES / 4;
}

static bool private_writes_stay_private(void)
{
	int fd = make_file();
	char *s = map(fd, PROT_READ, MAP_SHARED);
	char *p = map(fd, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char s_before = s[2 * PAGE];
	p[2 * PAGE] = 'P';
	bool ok = p[2 * PAGE] == 'P' && s[2 * PAGE] == s_before &&
		  file_byte(fd, 2 * PAGE) == 'c';
	if (!ok)
		note("a MAP_PRIVATE write reached the file or a shared mapping");
	munmap(s, PAGES * PAGE);
	munmap(p, PAGES * PAGE);
	close(fd);
	return ok;
}

static const struct ktap_case cases[] = {
	{ "mmap.shared_writes_reach_the_file", shared_writes_reach_the_file },
	{ "mmap.file_writes_show_in_the_mapping", file_writes_show_in_the_mapping },
	{ "mmap.two_mappings_see_one_page", two_mappings_see_one_page },
	{ "mmap.reading_cached_pages_takes_no_frames", reading_cached_pages_takes_no_frames },
	{ "mmap.private_writes_stay_private", private_writes_stay_private },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
