/* user/framecheck.c: pagoda_frame(), pagoda's own system call, shows which
 * physical frame backs a page: this program's text page and a mapping of
 * its own file at the same offset are one frame (the page cache's), a
 * private write gets a frame of its own, fork shares a page until one side
 * writes. On Linux the call is ENOSYS and every case is skipped. KTAP;
 * exit 0 if all passed (or were skipped). */
#include <errno.h>
#include <fcntl.h>
#include <pagoda/syscall.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define PAGE 4096u

/* The page holding this function's code, and where it comes from in the
 * program's file (its /proc/self/maps line). */
static uintptr_t text_page;
static long text_offset;
static char text_file[256];

static bool find_text(void)
{
	char line[512];
	FILE *f = fopen("/proc/self/maps", "r");
	uintptr_t here = (uintptr_t)find_text;

	while (f && fgets(line, sizeof(line), f)) {
		/* "start-end perm offset dev inode name" */
		char *s = line, *name = strchr(line, '/'), *nl;
		unsigned long start = strtoul(s, &s, 16), end = strtoul(s + 1, &s, 16);
		unsigned long off = strtoul(s + 6, NULL, 16);
		if (here < start || here >= end || !name)
			continue;
		if ((nl = strchr(name, '\n')))
			*nl = '\0';
		snprintf(text_file, sizeof(text_file), "%s", name);
		text_page = here & ~(uintptr_t)(PAGE - 1);
		text_offset = (long)(off + (text_page - start));
		fclose(f);
		return true;
	}
	if (f)
		fclose(f);
	note("no /proc/self/maps line for %p", (void *)here);
	return false;
}

/* The frame at addr, noting a failure. */
static long frame_of(const void *addr)
{
	long fr = pagoda_frame(addr);
	if (fr < 0)
		note("pagoda_frame(%p): %s", addr, strerror(errno));
	return fr;
}

/* Maps the program's text page from its file; NULL on failure. */
static unsigned char *map_text(int prot, int flags)
{
	int fd = open(text_file, O_RDONLY);
	void *m = fd < 0 ? MAP_FAILED : mmap(NULL, PAGE, prot, flags, fd, text_offset);
	if (fd >= 0)
		close(fd);
	if (m == MAP_FAILED) {
		note("mapping %s at %ld: %s", text_file, text_offset, strerror(errno));
		return NULL;
	}
	return m;
}

static bool exec_and_mmap_share_one_frame(void)
{
	unsigned char *m = map_text(PROT_READ, MAP_SHARED);
	if (!m)
		return false;
	volatile unsigned char touch = m[0];
	(void)touch;
	long a = frame_of((void *)text_page), b = frame_of(m);
	bool ok = a >= 0 && a == b && memcmp(m, (void *)text_page, PAGE) == 0;
	if (!ok)
		note("text page frame %ld, mapped file page frame %ld", a, b);
	munmap(m, PAGE);
	return ok;
}

static bool private_write_gets_its_own_frame(void)
{
	unsigned char *m = map_text(PROT_READ | PROT_WRITE, MAP_PRIVATE);
	if (!m)
		return false;
	volatile unsigned char touch = m[0];
	(void)touch;
	long text = frame_of((void *)text_page), before = frame_of(m);
	m[0] ^= 0xff;  /* copy-on-write: a private copy */
	long after = frame_of(m);
	bool ok = text >= 0 && before == text && after >= 0 && after != text &&
		  frame_of((void *)text_page) == text;
	if (!ok)
		note("text %ld, private before %ld, after a write %ld", text, before, after);
	munmap(m, PAGE);
	return ok;
}

static bool untouched_or_bad_address_is_efault(void)
{
	unsigned char *m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return false;
	errno = 0;
	bool ok = pagoda_frame(m) == -1 && errno == EFAULT;
	m[0] = 1;
	ok = ok && pagoda_frame(m) >= 0;
	errno = 0;
	ok = ok && pagoda_frame(NULL) == -1 && errno == EFAULT;
	errno = 0;
	ok = ok && pagoda_frame((void *)0xc0000000u) == -1 && errno == EFAULT;
	munmap(m, PAGE);
	return ok;
}

/* After fork a written page is one frame in both, read-only, until one
 * side writes (copy-on-write). The child reports by its exit status. */
static bool fork_shares_a_page_until_a_write(void)
{
	static unsigned char page[PAGE] __attribute__((aligned(4096)));
	page[0] = 1;
	long parent = frame_of(page);
	pid_t pid = fork();
	if (pid == 0) {
		long before = pagoda_frame(page);
		page[0] = 2;
		long after = pagoda_frame(page);
		_exit(before != parent ? 1 : after == parent || after < 0 ? 2 : 0);
	}
	int st = -1;
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return false;
	bool ok = WIFEXITED(st) && WEXITSTATUS(st) == 0 && frame_of(page) == parent &&
		  page[0] == 1;
	if (!ok)
		note("child status %#x (1: another frame at once; 2: no copy on write)", st);
	return ok;
}

static bool skipped(void)
{
	return true;
}

int main(void)
{
	struct ktap_case cases[] = {
		{ "frame.exec_and_mmap_share_one_frame", exec_and_mmap_share_one_frame },
		{ "frame.private_write_gets_its_own_frame", private_write_gets_its_own_frame },
		{ "frame.untouched_or_bad_address_is_efault", untouched_or_bad_address_is_efault },
		{ "frame.fork_shares_a_page_until_a_write", fork_shares_a_page_until_a_write },
	};
	errno = 0;
	if (pagoda_frame((void *)main) == -1 && errno == ENOSYS) {
		static char names[KTAP_COUNT(cases)][96];
		for (int i = 0; i < KTAP_COUNT(cases); i++) {
			snprintf(names[i], sizeof(names[i]), "%s # SKIP not pagoda",
				 cases[i].name);
			cases[i].name = names[i];
			cases[i].run = skipped;
		}
	} else if (!find_text()) {
		return 1;
	}
	return ktap_run(cases, KTAP_COUNT(cases));
}
