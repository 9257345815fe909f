/* tests/dynamic/sharetext.c: do two processes running one dynamic
 * program share libc's text frames? Run without arguments, it reads
 * every page of libc's text (found in /proc/self/maps), starts a second
 * copy of itself with "child", which does the same and reports through a
 * pipe, then reads the page cache's size (/proc/meminfo Cached) before and
 * after reading libc's text again and after the child's reads: if the
 * text pages are shared frames of the page cache, neither process adds a
 * page. Prints "shared" and exits 0, else "not shared" and exits 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static long cached_kb(void)
{
	char line[128];
	long kb = -1;
	FILE *f = fopen("/proc/meminfo", "r");
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "Cached: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

/* Read one byte of every page of libc's executable mapping; the count. */
static int touch_libc_text(void)
{
	char line[512];
	unsigned long start, end;
	char perms[8];
	int pages = 0;
	volatile unsigned char sum = 0;
	FILE *f = fopen("/proc/self/maps", "r");
	while (f && fgets(line, sizeof(line), f)) {
		if (!strstr(line, "libc.so.6") ||
		    sscanf(line, "%lx-%lx %7s", &start, &end, perms) != 3 ||
		    perms[2] != 'x')
			continue;
		for (unsigned long a = start; a < end; a += 4096, pages++)
			sum += *(volatile unsigned char *)a;
	}
	if (f)
		fclose(f);
	return pages;
}

int main(int argc, char **argv)
{
	int fd[2];
	if (argc > 1) {  /* the child: touch, then tell the parent */
		int pages = touch_libc_text();
		return write(1, &pages, sizeof(pages)) == sizeof(pages) ? 0 : 1;
	}
	int pages = touch_libc_text();
	long before = cached_kb();
	if (pipe(fd) < 0)
		return 2;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], 1);
		execl("/proc/self/exe", argv[0], "child", (char *)NULL);
		execl(argv[0], argv[0], "child", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	int child_pages = 0, status;
	if (read(fd[0], &child_pages, sizeof(child_pages)) != sizeof(child_pages))
		child_pages = -1;
	waitpid(pid, &status, 0);
	long after_child = cached_kb();
	touch_libc_text();
	long after = cached_kb();
	printf("libc text: %d pages here, %d in the second process\n", pages,
	       child_pages);
	printf("page cache growth: %ld kB for the second process, %ld kB for "
	       "reading it again\n", after_child - before, after - after_child);
	/* Not shared, the second process would add 4 kB a page: allow a few
	 * pages of other activity (the pipe, /proc). */
	int ok = pages > 100 && child_pages == pages &&
		 after_child - before < 4 * 8 && after - after_child < 4 * 8;
	printf("%s\n", ok ? "shared" : "not shared");
	return ok ? 0 : 1;
}
