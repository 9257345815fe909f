/* user/mmapfile.c: file mappings as a Linux program sees them: a write
 * through MAP_SHARED is seen by read() and by every other mapping, across
 * fork too; a MAP_PRIVATE write is copy-on-write; write() is seen by a
 * mapping; a page past the file's end (mapped so, or truncated under the
 * mapping) is SIGBUS; and the errnos of mapping a file the wrong way.
 * Works in a scratch file in the working directory. KTAP; exit 0 if all
 * passed. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define PAGE 4096u
#define RW (PROT_READ | PROT_WRITE)
#define NAME "mmapfile.tmp"


/* qemu-i386 (the host check where i386 cannot run natively) does not know
 * MAP_SHARED_VALIDATE: that check is Linux's and runs only elsewhere. */
static bool qemu_user(void)
{
	return getenv("PAGODA_QEMU_USER") != NULL;
}

static bool fails_with(const char *what, long r, int want)
{
	if (r == -1 && errno == want)
		return true;
	note("%s: returned %ld, errno %d (%s), want %s", what, r, errno,
	     strerror(errno), strerror(want));
	return false;
}

#define EXPECT_ERR(call, want) fails_with(#call, (long)(call), want)

/* A new scratch file of n pages, page i filled with 'a' + i; its fd (open
 * with flags), or -1. */
static int scratch(unsigned n, int flags)
{
	int fd = open(NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		note("creating %s: %s", NAME, strerror(errno));
		return -1;
	}
	static char page[PAGE];
	for (unsigned i = 0; i < n; i++) {
		memset(page, 'a' + i, PAGE);
		if (write(fd, page, PAGE) != PAGE) {
			note("write: %s", strerror(errno));
			close(fd);
			return -1;
		}
	}
	if (flags != O_RDWR) {
		close(fd);
		fd = open(NAME, flags);
	}
	return fd;
}

/* The byte at off of the file, by read(). */
static int byte_at(int fd, uint32_t off)
{
	char c = 0;
	if (lseek(fd, off, SEEK_SET) != (off_t)off || read(fd, &c, 1) != 1)
		return -1;
	return (unsigned char)c;
}

static void *map(int fd, unsigned pages, int prot, int flags)
{
	void *p = mmap(NULL, pages * PAGE, prot, flags, fd, 0);
	if (p == MAP_FAILED)
		note("mmap: %s", strerror(errno));
	return p == MAP_FAILED ? NULL : p;
}

static void done(int fd)
{
	close(fd);
	syscall(__NR_unlink, NAME);
}

static bool shared_write_is_seen_by_read_and_other_mappings(void)
{
	int fd = scratch(2, O_RDWR);
	if (fd < 0)
		return false;
	char *s = map(fd, 2, RW, MAP_SHARED), *t = map(fd, 2, PROT_READ, MAP_SHARED);
	char *p = map(fd, 2, PROT_READ, MAP_PRIVATE);
	bool ok = s && t && p && p[PAGE] == 'b';
	if (ok) {
		s[PAGE + 5] = 'X';
		ok = byte_at(fd, PAGE + 5) == 'X' && t[PAGE + 5] == 'X' &&
		     p[PAGE + 5] == 'X';  /* not written privately: the cache's */
		if (!ok)
			note("after the write: read %c, other %c, private %c",
			     byte_at(fd, PAGE + 5), t[PAGE + 5], p[PAGE + 5]);
	}
	/* The page read() went through is in the cache: mincore says so for
	 * a mapping that never touched it. */
	char *u = map(fd, 2, PROT_READ, MAP_SHARED);
	unsigned char vec[2] = { 9, 9 };
	ok = ok && u && mincore(u, 2 * PAGE, vec) == 0 && (vec[1] & 1);
	if (ok && !(vec[1] & 1))
		note("mincore of a cached page: %d", vec[1]);
	munmap(u, 2 * PAGE);
	munmap(s, 2 * PAGE), munmap(t, 2 * PAGE), munmap(p, 2 * PAGE);
	/* ...and it is in the file after every mapping is gone. */
	ok = ok && byte_at(fd, PAGE + 5) == 'X';
	done(fd);
	return ok;
}

static bool private_write_is_copy_on_write(void)
{
	int fd = scratch(1, O_RDWR);
	if (fd < 0)
		return false;
	char *p = map(fd, 1, RW, MAP_PRIVATE), *s = map(fd, 1, PROT_READ, MAP_SHARED);
	bool ok = p && s;
	if (ok) {
		p[0] = 'Z';
		ok = p[0] == 'Z' && s[0] == 'a' && byte_at(fd, 0) == 'a';
		/* write() after the copy no longer reaches the private page. */
		ok = ok && lseek(fd, 0, SEEK_SET) == 0 && write(fd, "W", 1) == 1 &&
		     s[0] == 'W' && p[0] == 'Z';
		if (!ok)
			note("private %c, shared %c, file %c", p[0], s[0],
			     byte_at(fd, 0));
	}
	munmap(p, PAGE), munmap(s, PAGE);
	done(fd);
	return ok;
}

static int child_writes(char *p)
{
	p[7] = 'C';
	return 0;
}

static bool shared_file_mapping_is_shared_across_fork(void)
{
	int fd = scratch(1, O_RDWR);
	if (fd < 0)
		return false;
	char *s = map(fd, 1, RW, MAP_SHARED);
	if (!s)
		return false;
	pid_t pid = fork();
	if (pid == 0)
		_exit(child_writes(s));
	int status = -1;
	waitpid(pid, &status, 0);
	bool ok = status == 0 && s[7] == 'C' && byte_at(fd, 7) == 'C';
	munmap(s, PAGE);
	done(fd);
	return ok;
}

static int touch(char *p)
{
	return *(volatile char *)p;
}

/* Touch p in a child; its wait status. */
static int child_touch(char *p)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(touch(p));
	int status = -1;
	waitpid(pid, &status, 0);
	return status;
}

static bool past_the_end_of_the_file_is_sigbus(void)
{
	int fd = scratch(2, O_RDWR);
	if (fd < 0)
		return false;
	char *s = map(fd, 3, PROT_READ, MAP_SHARED);
	char *p = map(fd, 3, PROT_READ, MAP_PRIVATE);
	if (!s || !p)
		return false;
	int st1 = child_touch(s + 2 * PAGE), st2 = child_touch(p + 2 * PAGE);
	/* Truncated under the mapping: the second page goes too, though this
	 * process has it mapped already. */
	bool ok = s[PAGE] == 'b' && p[PAGE] == 'b';
	ok = ok && syscall(__NR_ftruncate64, fd, PAGE, 0) == 0;
	int st3 = child_touch(s + PAGE), st4 = child_touch(p + PAGE);
	ok = ok && s[0] == 'a' && p[0] == 'a';
	if (!(WIFSIGNALED(st4) && WTERMSIG(st4) == 7))
		note("private, truncated under it: status 0x%x, want SIGBUS", st4);
	ok = ok && WIFSIGNALED(st4) && WTERMSIG(st4) == 7;
	if (!(WIFSIGNALED(st1) && WTERMSIG(st1) == 7))
		note("mapped past the end: status 0x%x, want SIGBUS", st1);
	if (!(WIFSIGNALED(st2) && WTERMSIG(st2) == 7))
		note("private, past the end: status 0x%x, want SIGBUS", st2);
	if (!(WIFSIGNALED(st3) && WTERMSIG(st3) == 7))
		note("truncated under the mapping: status 0x%x, want SIGBUS", st3);
	munmap(s, 3 * PAGE), munmap(p, 3 * PAGE);
	done(fd);
	return ok && WIFSIGNALED(st1) && WTERMSIG(st1) == 7 &&
	       WIFSIGNALED(st2) && WTERMSIG(st2) == 7 &&
	       WIFSIGNALED(st3) && WTERMSIG(st3) == 7;
}

static bool mapping_a_file_the_wrong_way_gets_linux_errnos(void)
{
	int ro = scratch(1, O_RDONLY), wo = open(NAME, O_WRONLY);
	bool ok = ro >= 0 && wo >= 0;
	ok &= EXPECT_ERR(mmap(NULL, PAGE, RW, MAP_SHARED, ro, 0), EACCES);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wo, 0), EACCES);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, wo, 0), EACCES);
	ok &= qemu_user() ||
	      EXPECT_ERR(mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE | 0x80000,
			      ro, 0), EOPNOTSUPP);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, PROT_READ, 0, ro, 0), EINVAL);
	ok &= EXPECT_ERR(mmap(NULL, 0, PROT_READ, MAP_SHARED, ro, 0), EINVAL);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 1), EINVAL);
	/* A read-only shared mapping of a read-only file stays read-only;
	 * a private one may become writable (its writes are its own). */
	char *s = map(ro, 1, PROT_READ, MAP_SHARED), *p = map(ro, 1, PROT_READ,
								MAP_PRIVATE);
	ok &= s && p;
	ok &= EXPECT_ERR(mprotect(s, PAGE, RW), EACCES);
	ok &= mprotect(p, PAGE, RW) == 0;
	if (ok)
		p[0] = 'P';
	ok &= byte_at(ro, 0) == 'a';
	munmap(s, PAGE), munmap(p, PAGE);
	int dir = open(".", O_RDONLY);
	ok &= dir >= 0 && EXPECT_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, dir, 0),
				     ENODEV);
	close(dir);
	close(wo);
	done(ro);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, ro, 0), EBADF);
	return ok;
}

static const struct ktap_case cases[] = {
	{ "mmapfile.shared_write_is_seen_by_read_and_other_mappings",
	  shared_write_is_seen_by_read_and_other_mappings },
	{ "mmapfile.private_write_is_copy_on_write", private_write_is_copy_on_write },
	{ "mmapfile.shared_file_mapping_is_shared_across_fork",
	  shared_file_mapping_is_shared_across_fork },
	{ "mmapfile.past_the_end_of_the_file_is_sigbus",
	  past_the_end_of_the_file_is_sigbus },
	{ "mmapfile.mapping_a_file_the_wrong_way_gets_linux_errnos",
	  mapping_a_file_the_wrong_way_gets_linux_errnos },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
