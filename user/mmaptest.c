/* user/mmaptest.c: anonymous memory mappings as a Linux program sees them:
 * mmap (private, shared across fork, MAP_FIXED, MAP_FIXED_NOREPLACE,
 * PROT_NONE, MAP_POPULATE), munmap splitting a mapping, mremap growing in
 * place and moving, madvise(MADV_DONTNEED), mincore, msync, mprotect and
 * brk, and Linux's errno for each bad argument. KTAP; exit 0 if all passed.
 * `mmaptest big` instead maps 64 MiB, touches every page and unmaps it. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define PAGE 4096u
#define RW (PROT_READ | PROT_WRITE)
#define PRIV (MAP_PRIVATE | MAP_ANONYMOUS)
#define SHARED (MAP_SHARED | MAP_ANONYMOUS)

static uint8_t peek(const volatile uint8_t *p)
{
	return *p;
}

/* Under qemu-i386 (the host check on a machine that cannot run i386),
 * qemu emulates mmap itself and differs from Linux in a few places:
 * MAP_POPULATE and unknown madvise advice are ignored, MAP_FIXED_NOREPLACE
 * gives ENOMEM, growing in place fails, unmapped guest ranges stay
 * reserved, mprotect checks prot even for length 0, mremap cannot
 * duplicate a shared mapping, MAP_GROWSDOWN mappings do not grow. Those checks are Linux's and run only on pagoda (or a real
 * i386 Linux). */
static bool qemu_user(void)
{
	return getenv("PAGODA_QEMU_USER") != NULL;
}

#define LINUX_ONLY(cond) (qemu_user() || (cond))

/* Map n anonymous pages with prot and flags, or NULL (noted). */
static uint8_t *map(size_t n, int prot, int flags)
{
	void *p = mmap(NULL, n * PAGE, prot, flags, -1, 0);
	if (p == MAP_FAILED) {
		note("mmap of %u pages failed: %s", (unsigned)n, strerror(errno));
		return NULL;
	}
	return p;
}

/* r is -1 with errno want. */
static bool fails_with(const char *what, long r, int want)
{
	if (r == -1 && errno == want)
		return true;
	note("%s: returned %ld, errno %d (%s), want %s", what, r, errno,
	     strerror(errno), strerror(want));
	return false;
}

#define EXPECT_ERR(call, want) fails_with(#call, (long)(call), want)

/* Run fn in a child; its wait status. */
static int in_child(int (*fn)(uint8_t *), uint8_t *arg)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn(arg));
	int status = -1;
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		note("fork or wait failed: %s", strerror(errno));
	return status;
}

/* mincore of n pages at p into vec; the vector as a string of 0/1. */
static bool resident(uint8_t *p, size_t n, const char *want)
{
	unsigned char vec[16];
	char got[17];
	if (mincore(p, n * PAGE, vec) < 0) {
		note("mincore: %s", strerror(errno));
		return false;
	}
	for (size_t i = 0; i < n; i++)
		got[i] = (char)('0' + (vec[i] & 1));
	got[n] = 0;
	if (strcmp(got, want) != 0)
		note("mincore says %s, want %s", got, want);
	return strcmp(got, want) == 0;
}

static bool anonymous_private_is_zeroed_and_writable(void)
{
	uint8_t *p = map(3, RW, PRIV);
	if (!p)
		return false;
	bool ok = peek(p) == 0 && peek(p + 3 * PAGE - 1) == 0;
	memset(p, 0xab, 3 * PAGE);
	ok = ok && peek(p + PAGE + 7) == 0xab;
	note("a 3-page private mapping at %p", (void *)p);
	return munmap(p, 3 * PAGE) == 0 && ok;
}

static int child_writes_77(uint8_t *p)
{
	int seen = p[0];
	p[0] = 77;
	return seen;
}

static bool private_mapping_is_isolated_across_fork(void)
{
	uint8_t *p = map(1, RW, PRIV);
	if (!p)
		return false;
	p[0] = 5;
	int status = in_child(child_writes_77, p);
	bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 5 && p[0] == 5;
	if (!ok)
		note("child status 0x%x, parent sees %d", status, p[0]);
	return munmap(p, PAGE) == 0 && ok;
}

static bool shared_anonymous_is_shared_across_fork(void)
{
	uint8_t *p = map(2, RW, SHARED);
	if (!p)
		return false;
	p[0] = 5;
	int status = in_child(child_writes_77, p);
	/* The child's write reaches the parent, and a grandchild's too. */
	bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 5 && p[0] == 77;
	p[PAGE] = 1;
	status = in_child(child_writes_77, p + PAGE);
	ok = ok && WEXITSTATUS(status) == 1 && p[PAGE] == 77;
	if (!ok)
		note("child status 0x%x, parent sees %d %d", status, p[0], p[PAGE]);
	return munmap(p, 2 * PAGE) == 0 && ok;
}

static int touch(uint8_t *p)
{
	return peek(p);
}

static bool munmap_of_the_middle_splits_the_mapping(void)
{
	uint8_t *p = map(3, RW, PRIV);
	if (!p)
		return false;
	p[0] = 1, p[PAGE] = 2, p[2 * PAGE] = 3;
	bool ok = munmap(p + PAGE, PAGE) == 0 && p[0] == 1 && p[2 * PAGE] == 3;
	ok = ok && EXPECT_ERR(mincore(p + PAGE, PAGE, (unsigned char[1]){ 0 }), ENOMEM);
	int status = in_child(touch, p + PAGE);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != 11)
		note("touching the hole: status 0x%x, want SIGSEGV", status);
	ok = ok && WIFSIGNALED(status) && WTERMSIG(status) == 11;
	/* Unmapping across the hole takes both halves. */
	ok = ok && munmap(p, 3 * PAGE) == 0;
	return ok && EXPECT_ERR(mincore(p, PAGE, (unsigned char[1]){ 0 }), ENOMEM);
}

static bool map_fixed_replaces_what_was_there(void)
{
	uint8_t *p = map(2, RW, PRIV);
	if (!p)
		return false;
	memset(p, 9, 2 * PAGE);
	uint8_t *q = mmap(p + PAGE, PAGE, RW, PRIV | MAP_FIXED, -1, 0);
	bool ok = q == p + PAGE && p[0] == 9 && q[0] == 0;
	if (!ok)
		note("MAP_FIXED at %p gave %p, bytes %d %d", (void *)(p + PAGE),
		     (void *)q, p[0], q == MAP_FAILED ? -1 : q[0]);
	return munmap(p, 2 * PAGE) == 0 && ok;
}

static bool map_fixed_noreplace_refuses_a_used_range(void)
{
	uint8_t *p = map(2, RW, PRIV);
	if (!p)
		return false;
	bool ok = LINUX_ONLY(EXPECT_ERR(mmap(p + PAGE, 2 * PAGE, RW,
					     PRIV | MAP_FIXED_NOREPLACE, -1, 0),
				     EEXIST));
	munmap(p + PAGE, PAGE);
	uint8_t *q = mmap(p + PAGE, PAGE, RW, PRIV | MAP_FIXED_NOREPLACE, -1, 0);
	if (q != p + PAGE)
		note("NOREPLACE on a free page gave %p, want %p", (void *)q,
		     (void *)(p + PAGE));
	return munmap(p, 2 * PAGE) == 0 && ok && q == p + PAGE;
}

static bool prot_none_faults_until_mprotect(void)
{
	uint8_t *p = map(1, PROT_NONE, PRIV);
	if (!p)
		return false;
	int status = in_child(touch, p);
	bool ok = WIFSIGNALED(status) && WTERMSIG(status) == 11;
	if (!ok)
		note("reading PROT_NONE: status 0x%x", status);
	ok = ok && mprotect(p, PAGE, RW | PROT_SEM) == 0;
	if (ok)
		p[0] = 1;
	return munmap(p, PAGE) == 0 && ok && p != NULL;
}

static bool map_populate_makes_pages_resident(void)
{
	uint8_t *p = map(4, RW, PRIV | MAP_POPULATE);
	uint8_t *q = map(4, RW, PRIV | MAP_NORESERVE);
	if (!p || !q)
		return false;
	bool ok = LINUX_ONLY(resident(p, 4, "1111")) && resident(q, 4, "0000");
	return munmap(p, 4 * PAGE) == 0 && munmap(q, 4 * PAGE) == 0 && ok;
}

static bool mincore_reports_touched_pages(void)
{
	uint8_t *p = map(4, RW, PRIV);
	if (!p)
		return false;
	p[0] = 1;
	(void)peek(p + 2 * PAGE);
	bool ok = resident(p, 4, "1010");
	ok = ok && EXPECT_ERR(mincore(p + 1, PAGE, (unsigned char[1]){ 0 }), EINVAL);
	ok = ok && EXPECT_ERR(mincore(p, 4 * PAGE, (void *)0xc0000000), EFAULT);
	return munmap(p, 4 * PAGE) == 0 && ok;
}

static bool madv_dontneed_zeroes_private_pages(void)
{
	uint8_t *p = map(2, RW, PRIV), *s = map(1, RW, SHARED);
	if (!p || !s)
		return false;
	memset(p, 7, 2 * PAGE);
	s[0] = 7;
	bool ok = madvise(p, 2 * PAGE, MADV_DONTNEED) == 0 &&
		  madvise(s, PAGE, MADV_DONTNEED) == 0;
	ok = ok && resident(p, 2, "00");
	/* Private anonymous pages read as zeros again; a shared page keeps
	 * its bytes, which live in the shared object. */
	ok = ok && p[0] == 0 && p[2 * PAGE - 1] == 0 && s[0] == 7;
	for (int a = MADV_NORMAL; a <= MADV_WILLNEED; a++)
		ok = ok && madvise(p, PAGE, a) == 0;
	ok = ok && LINUX_ONLY(EXPECT_ERR(madvise(p, PAGE, 12345), EINVAL));
	ok = ok && EXPECT_ERR(madvise(p + 1, PAGE, MADV_NORMAL), EINVAL);
	munmap(p + PAGE, PAGE);
	ok = ok && LINUX_ONLY(EXPECT_ERR(madvise(p, 2 * PAGE, MADV_DONTNEED),
					 ENOMEM));
	return munmap(p, PAGE) == 0 && munmap(s, PAGE) == 0 && ok;
}

static bool mremap_grows_in_place_and_shrinks(void)
{
	uint8_t *p = map(4, RW, PRIV);
	if (!p)
		return false;
	munmap(p + 2 * PAGE, 2 * PAGE);
	p[PAGE] = 42;
	uint8_t *q = qemu_user() ? p : mremap(p, 2 * PAGE, 4 * PAGE, 0);
	bool ok = q == p && p[PAGE] == 42 && LINUX_ONLY(p[3 * PAGE] == 0);
	if (!ok)
		note("growing in place gave %p (was %p)", (void *)q, (void *)p);
	ok = ok && mremap(p, qemu_user() ? 2 * PAGE : 4 * PAGE, PAGE, 0) == p &&
	     p[0] == 0;
	ok = ok && LINUX_ONLY(EXPECT_ERR(mincore(p + PAGE, PAGE,
						(unsigned char[1]){ 0 }), ENOMEM));
	return munmap(p, PAGE) == 0 && ok;
}

static bool mremap_moves_when_blocked(void)
{
	uint8_t *p = map(3, RW, PRIV);
	if (!p)
		return false;
	/* A read-only mapping right above the first two pages blocks growing
	 * them in place (what lies above a fresh mapping is not ours). */
	uint8_t *b = p + 2 * PAGE;
	p[0] = 1, p[PAGE] = 2;
	bool ok = mprotect(b, PAGE, PROT_READ) == 0 &&
		  EXPECT_ERR(mremap(p, 2 * PAGE, 8 * PAGE, 0), ENOMEM);
	uint8_t *q = mremap(p, 2 * PAGE, 8 * PAGE, MREMAP_MAYMOVE);
	ok = ok && q != MAP_FAILED && q != p && q[0] == 1 && q[PAGE] == 2 &&
	     q[7 * PAGE] == 0;
	if (!ok)
		note("moving: %p -> %p, bytes %d %d %d", (void *)p, (void *)q,
		     q == MAP_FAILED ? -1 : q[0], q == MAP_FAILED ? -1 : q[PAGE],
		     q == MAP_FAILED ? -1 : q[7 * PAGE]);
	/* The old range is gone, the pages moved (not copied, not lost). */
	ok = ok && EXPECT_ERR(mincore(p, PAGE, (unsigned char[1]){ 0 }), ENOMEM);
	ok = ok && resident(q, 3, "110");
	/* MREMAP_FIXED puts it where asked, replacing the blocker. */
	uint8_t *r = mremap(q, 8 * PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, b);
	ok = ok && r == b && r[0] == 1;
	return munmap(r, PAGE) == 0 && ok;
}

static bool shared_anonymous_grown_past_its_end_is_a_bus_error(void)
{
	uint8_t *p = map(1, RW, SHARED);
	if (!p)
		return false;
	uint8_t *q = mremap(p, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
	int status = q == MAP_FAILED ? -1 : in_child(touch, q + PAGE);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != 7)
		note("touching past the object: status 0x%x, want SIGBUS", status);
	return munmap(q, 2 * PAGE) == 0 && WIFSIGNALED(status) &&
	       WTERMSIG(status) == 7;
}

static bool mremap_of_length_0_duplicates_a_shared_mapping(void)
{
	uint8_t *s = map(1, RW, SHARED), *p = map(1, RW, PRIV);
	if (!s || !p)
		return false;
	s[0] = 42;
	uint8_t *d = qemu_user() ? MAP_FAILED : mremap(s, 0, PAGE, MREMAP_MAYMOVE);
	bool ok = LINUX_ONLY(d != MAP_FAILED && d != s && d[0] == 42);
	if (ok && d != MAP_FAILED) {
		d[1] = 43;  /* the same page, seen through both */
		ok = s[1] == 43;
	}
	ok = ok && LINUX_ONLY(EXPECT_ERR(mremap(s, 0, PAGE, 0), ENOMEM));
	ok = ok && LINUX_ONLY(EXPECT_ERR(mremap(p, 0, PAGE, MREMAP_MAYMOVE), EINVAL));
	if (d != MAP_FAILED)
		munmap(d, PAGE);
	return munmap(s, PAGE) == 0 && munmap(p, PAGE) == 0 && ok;
}

/* A MAP_GROWSDOWN mapping grows when the page below it is touched, as a
 * stack does; mprotect with PROT_GROWSDOWN reaches down to its start. */
static bool growsdown_mapping_grows_when_touched_below(void)
{
	if (qemu_user()) {
		note("skipped: qemu-user does not grow MAP_GROWSDOWN mappings");
		return true;
	}
	uint8_t *a = map(64, PROT_READ, PRIV);
	if (!a)
		return false;
	munmap(a, 64 * PAGE);
	uint8_t *g = mmap(a + 32 * PAGE, PAGE, RW, PRIV | MAP_GROWSDOWN | MAP_FIXED,
			  -1, 0);
	if (g != a + 32 * PAGE)
		return false;
	g[-1] = 1;
	g[-(int)PAGE - 1] = 2;
	bool ok = resident(g - 2 * PAGE, 3, "110") || resident(g - 2 * PAGE, 3, "111");
	ok = ok && mprotect(g, PAGE, RW | PROT_EXEC | PROT_GROWSDOWN) == 0;
	munmap(g - 2 * PAGE, 3 * PAGE);
	return ok;
}

static int write_new_break(uint8_t *p)
{
	p[0] = 1;
	return 0;
}

static bool brk_after_mprotect_of_the_heap_is_writable(void)
{
	uint8_t *heap = sbrk(0);
	uintptr_t start = ((uintptr_t)heap + PAGE - 1) & -(uintptr_t)PAGE;
	if (sbrk(start - (uintptr_t)heap + PAGE) == (void *)-1)
		return false;
	bool ok = mprotect((void *)start, PAGE, PROT_READ) == 0;
	uint8_t *more = sbrk(PAGE);
	ok = ok && more != (void *)-1;
	int status = in_child(write_new_break, (uint8_t *)start + PAGE);
	if (status != 0)
		note("writing the new break: status 0x%x", status);
	mprotect((void *)start, PAGE, RW);
	return ok && status == 0;
}

static bool bad_arguments_get_linux_errnos(void)
{
	uint8_t *p = map(1, RW, PRIV);
	bool ok = p != NULL;
	ok &= EXPECT_ERR(mmap(NULL, 0, RW, PRIV, -1, 0), EINVAL);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, RW, MAP_ANONYMOUS, -1, 0), EINVAL);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS,
			      -1, 0), EINVAL);
	ok &= EXPECT_ERR(mmap(p + 1, PAGE, RW, PRIV | MAP_FIXED, -1, 0), EINVAL);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, RW, MAP_PRIVATE, -1, 0), EBADF);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, RW, MAP_SHARED, 1000, 0), EBADF);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, RW, PRIV, -1, 100), EINVAL);
	ok &= EXPECT_ERR(mmap(NULL, 0xfffff000u, RW, PRIV, -1, 0), ENOMEM);
	ok &= EXPECT_ERR(mmap(NULL, PAGE, RW, SHARED | MAP_GROWSDOWN, -1, 0), EINVAL);
	ok &= EXPECT_ERR(munmap(p + 1, PAGE), EINVAL);
	ok &= EXPECT_ERR(munmap(p, 0), EINVAL);
	ok &= LINUX_ONLY(EXPECT_ERR(munmap((void *)0xfffff000, 2 * PAGE), EINVAL));
	ok &= EXPECT_ERR(mremap(p, PAGE, 2 * PAGE, 8), EINVAL);
	ok &= EXPECT_ERR(mremap(p, PAGE, 2 * PAGE, MREMAP_FIXED, p), EINVAL);
	ok &= EXPECT_ERR(mremap(p + 1, PAGE, 2 * PAGE, 0), EINVAL);
	ok &= LINUX_ONLY(EXPECT_ERR(mremap(p, PAGE, 0, 0), EINVAL));
	ok &= EXPECT_ERR(msync(p, PAGE, 8), EINVAL);
	ok &= EXPECT_ERR(msync(p, PAGE, MS_ASYNC | MS_SYNC), EINVAL);
	ok &= EXPECT_ERR(msync(p + 1, PAGE, MS_SYNC), EINVAL);
	ok &= msync(p, PAGE, MS_SYNC) == 0 && msync(p, PAGE, MS_ASYNC) == 0;
	ok &= EXPECT_ERR(mprotect(p + 1, PAGE, PROT_READ), EINVAL);
	ok &= EXPECT_ERR(mprotect(p, PAGE, 0x10), EINVAL);
	ok &= EXPECT_ERR(mprotect(p, PAGE, PROT_READ | PROT_GROWSDOWN), EINVAL);
	ok &= EXPECT_ERR(mprotect(p, PAGE, PROT_GROWSDOWN | PROT_GROWSUP), EINVAL);
	ok &= LINUX_ONLY(mprotect(p, 0, 0x10) == 0);  /* len 0 checks less */
	munmap(p, PAGE);
	ok &= munmap(p, PAGE) == 0;  /* nothing there is not an error */
	if (qemu_user())
		return ok;
	/* The page is gone now: every call on it finds no mapping. */
	ok &= EXPECT_ERR(mremap(p, PAGE, 2 * PAGE, 0), EFAULT);
	ok &= EXPECT_ERR(mremap(p, 2 * PAGE, PAGE, 0), EFAULT);
	ok &= EXPECT_ERR(msync(p, PAGE, MS_SYNC), ENOMEM);
	ok &= EXPECT_ERR(mprotect(p, PAGE, PROT_READ), ENOMEM);
	ok &= EXPECT_ERR(mincore(p, PAGE, (unsigned char[1]){ 0 }), ENOMEM);
	return ok;
}

static bool mappings_go_down_from_the_top(void)
{
	uint8_t *a = map(1, RW, PRIV), *b = map(1, RW, PRIV);
	bool ok = a && b;
	note("layout: first mapping at %p, second at %p", (void *)a, (void *)b);
	/* Top-down: each new mapping lands just below the last. */
	return munmap(a, PAGE) == 0 && munmap(b, PAGE) == 0 && ok &&
	       b == a - PAGE;
}

#define BIG (64u << 20)

/* 64 MiB mapped, every page written and checked, then unmapped. With
 * MAP_NORESERVE, so that on a machine with less memory the mapping is made
 * (not refused by the overcommit check) and the faults run out instead. */
static int big(void)
{
	uint8_t *p = mmap(NULL, BIG, RW, PRIV | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		printf("big: mmap: %s\n", strerror(errno));
		return 1;
	}
	for (uint32_t off = 0; off < BIG; off += PAGE)
		p[off] = (uint8_t)(off >> 12);
	for (uint32_t off = 0; off < BIG; off += PAGE)
		if (p[off] != (uint8_t)(off >> 12)) {
			printf("big: page %u lost its byte\n", off >> 12);
			return 1;
		}
	if (munmap(p, BIG) < 0) {
		printf("big: munmap: %s\n", strerror(errno));
		return 1;
	}
	printf("big: 64 MiB touched and unmapped\n");
	return 0;
}

static const struct ktap_case cases[] = {
	{ "mmap.anonymous_private_is_zeroed_and_writable",
	  anonymous_private_is_zeroed_and_writable },
	{ "mmap.private_mapping_is_isolated_across_fork",
	  private_mapping_is_isolated_across_fork },
	{ "mmap.shared_anonymous_is_shared_across_fork",
	  shared_anonymous_is_shared_across_fork },
	{ "mmap.munmap_of_the_middle_splits_the_mapping",
	  munmap_of_the_middle_splits_the_mapping },
	{ "mmap.map_fixed_replaces_what_was_there",
	  map_fixed_replaces_what_was_there },
	{ "mmap.map_fixed_noreplace_refuses_a_used_range",
	  map_fixed_noreplace_refuses_a_used_range },
	{ "mmap.prot_none_faults_until_mprotect", prot_none_faults_until_mprotect },
	{ "mmap.map_populate_makes_pages_resident",
	  map_populate_makes_pages_resident },
	{ "mmap.mincore_reports_touched_pages", mincore_reports_touched_pages },
	{ "mmap.madv_dontneed_zeroes_private_pages",
	  madv_dontneed_zeroes_private_pages },
	{ "mmap.mremap_grows_in_place_and_shrinks",
	  mremap_grows_in_place_and_shrinks },
	{ "mmap.mremap_moves_when_blocked", mremap_moves_when_blocked },
	{ "mmap.shared_anonymous_grown_past_its_end_is_a_bus_error",
	  shared_anonymous_grown_past_its_end_is_a_bus_error },
	{ "mmap.mremap_of_length_0_duplicates_a_shared_mapping",
	  mremap_of_length_0_duplicates_a_shared_mapping },
	{ "mmap.growsdown_mapping_grows_when_touched_below",
	  growsdown_mapping_grows_when_touched_below },
	{ "mmap.brk_after_mprotect_of_the_heap_is_writable",
	  brk_after_mprotect_of_the_heap_is_writable },
	{ "mmap.bad_arguments_get_linux_errnos", bad_arguments_get_linux_errnos },
	{ "mmap.mappings_go_down_from_the_top", mappings_go_down_from_the_top },
};

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "big") == 0)
		return big();
	return ktap_run(cases, KTAP_COUNT(cases));
}
