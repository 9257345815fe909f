/* user/textshare.c: 16 running copies of one program hold its text once.
 * This program carries 256 KiB of text (a function-sized block of
 * padding in .text); it starts 16 copies of itself with execve, each of
 * which reads every page of that text (faulting it in from the file) and
 * then waits on a pipe. With the copies all running, the memory they
 * cost together (MemFree from /proc/meminfo, before and after) must be
 * far below one text per copy: the text's frames are the page cache's,
 * mapped into every copy, not copied. On Linux (a host whose memory
 * other programs share) the figures are only shown. KTAP. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define COPIES 16
#define TEXT_PAGES 64

/* 256 KiB in .text, never executed, only read. */
__asm__(".text\n.balign 4096\n.globl textshare_pad\ntextshare_pad:\n"
	".fill 262144, 1, 0x90\n");
extern const unsigned char textshare_pad[];

static long meminfo_kb(const char *key)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[128];
	long v = -1;
	size_t n = strlen(key);
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, key, n) == 0 && line[n] == ':')
			v = strtol(line + n + 1, NULL, 10);
	if (f)
		fclose(f);
	return v;
}

/* A copy: touch every text page, say so on fd 3, wait for fd 4's end. */
static int copy_main(void)
{
	unsigned sum = 0;
	for (int i = 0; i < TEXT_PAGES; i++)
		sum += ((const volatile unsigned char *)textshare_pad)[i * 4096];
	char c = (char)sum;
	if (write(3, &c, 1) != 1)
		return 1;
	while (read(4, &c, 1) > 0)
		;
	return 0;
}

static const char *self;

static bool sixteen_copies_share_their_text(void)
{
	int ready[2], hold[2];
	if (pipe(ready) || pipe(hold))
		return false;
	long before = meminfo_kb("MemFree");
	pid_t pids[COPIES];
	int started = 0;
	for (; started < COPIES; started++) {
		pid_t pid = fork();
		if (pid == 0) {
			dup2(ready[1], 3);
			dup2(hold[0], 4);
			close(hold[1]);
			char *argv[] = { (char *)self, "copy", NULL };
			execv(self, argv);
			_exit(127);
		}
		if (pid < 0)
			break;
		pids[started] = pid;
	}
	close(ready[1]);
	close(hold[0]);
	char c;
	int up = 0;
	while (up < started && read(ready[0], &c, 1) == 1)
		up++;
	long after = meminfo_kb("MemFree");
	close(hold[1]);  /* the copies see the end and exit */
	bool ok = up == COPIES;
	for (int i = 0; i < started; i++) {
		int st;
		ok = waitpid(pids[i], &st, 0) == pids[i] && WIFEXITED(st) &&
		     WEXITSTATUS(st) == 0 && ok;
	}
	close(ready[0]);
	long per_copy = (before - after) / COPIES;  /* kB */
	note("%d copies running; MemFree %ld kB -> %ld kB: %ld kB each, "
	     "text %d kB", up, before, after, per_copy, TEXT_PAGES * 4);
	if (!getenv("PAGODA_TEST"))
		return ok;  /* a host's MemFree moves with every other program */
	/* each copy's own pages (stack, data, page tables, kernel stack)
	 * are far less than its 256 KiB of text */
	return ok && before > 0 && per_copy < TEXT_PAGES * 4 / 2;
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && strcmp(argv[1], "copy") == 0)
		return copy_main();
	static const struct ktap_case cases[] = {
		{ "textshare.sixteen_copies_share_their_text",
		  sixteen_copies_share_their_text },
	};
	return ktap_run(cases, 1);
}
