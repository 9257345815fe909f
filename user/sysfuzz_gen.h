/* user/sysfuzz_gen.h: the system-call fuzzer's random values
 * (user/sysfuzz.c, docs/testing.md). A PRNG seeded per batch, and one
 * generator per kind of argument, each drawn toward the values kernels get
 * wrong: 0, -1, small numbers, page boundaries, the top of user space
 * (0xBFFFF000) and the kernel's first address (0xC0000000), 0xFFFFFFFF,
 * and pointers into the fuzzer's own readable-writable, read-only,
 * unmapped and guard pages, objects that straddle into the guard page,
 * live fds, pids and TLS selectors. Only user/sysfuzz.c includes it. */
#ifndef USER_SYSFUZZ_GEN_H
#define USER_SYSFUZZ_GEN_H

#include <stdint.h>
#include <string.h>

#define PG 4096u
#define RW_PAGES 4u

/* The fuzzing child's memory and its live objects (set up per child). */
struct fz_env {
	uint8_t *rw;          /* RW_PAGES read-write pages ... */
	uint8_t *guard;       /* ... followed by a PROT_NONE page */
	uint8_t *ro;          /* one read-only page */
	uint32_t hole;        /* a page that was mapped and unmapped */
	uint32_t stack;       /* an address on the stack */
	uint32_t text;        /* an address in the program's text */
	int pid, ppid, tid;   /* self; ppid is never a target */
	int last_child;       /* what the last fork or clone returned */
	int nfds;             /* fds 0..nfds-1 were opened at the start */
	int depth;            /* 0: the batch's child; 1: its fork */
	int path_scratch;     /* the last path drawn was under /tmp/fz */
};

static uint64_t fz_state;

static inline uint32_t rnd(void)
{
	/* xorshift64*: small, and the same on every machine */
	fz_state ^= fz_state >> 12;
	fz_state ^= fz_state << 25;
	fz_state ^= fz_state >> 27;
	return (uint32_t)((fz_state * 2685821657736338717ull) >> 32);
}

static inline uint32_t rn(uint32_t n)
{
	return n ? rnd() % n : 0;
}

static inline void fz_seed(uint64_t seed)
{
	fz_state = seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull;
	if (!fz_state)
		fz_state = 1;
	for (int i = 0; i < 4; i++)
		rnd();
}

/* Any integer, drawn toward the edges. */
static inline uint32_t gen_int(void)
{
	static const uint32_t v[] = { 0, 1, 2, 0xffffffff, 0x7fffffff,
				      0x80000000, 0xbffff000, 0xc0000000,
				      4095, 4096, 4097, 0xfffff000 };
	return rn(3) ? v[rn(sizeof(v) / sizeof(v[0]))] : (rn(2) ? rn(64) : rnd());
}

static inline uint32_t gen_len(void)
{
	static const uint32_t v[] = { 0, 1, 4, 8, 16, 64, 4095, 4096, 4097,
				      RW_PAGES * PG, 65536, 0x7fffffff,
				      0xffffffff, 0x40000000, 0xc0000000 };
	return rn(4) ? v[rn(sizeof(v) / sizeof(v[0]))] : rn(8192);
}

/* A pointer of any kind: mostly good ones, since a good pointer gets
 * further into the call. */
static inline uint32_t gen_ptr(const struct fz_env *e)
{
	uint32_t rw = (uint32_t)e->rw;
	switch (rn(16)) {
	case 0: return 0;
	case 1: case 2: case 3: return rw + (rn(RW_PAGES * PG) & ~3u);
	case 4: return rw + RW_PAGES * PG - 1 - rn(64);  /* into the guard */
	case 5: return (uint32_t)e->ro + (rn(PG) & ~3u);
	case 6: return e->hole + rn(PG);
	case 7: return (uint32_t)e->guard + rn(PG);
	case 8: return 0xbffff000 + (rn(2) ? 0 : PG - 4);
	case 9: return 0xc0000000 + (rn(2) ? 0 : rn(0x100000));
	case 10: return 0xffffffff - rn(8);
	case 11: return 0xfffff000;
	case 12: return e->stack - rn(256);
	case 13: return e->text;
	case 14: return rw + (rn(2) ? PG - 2 : 2 * PG - 1);  /* straddles a page */
	default: return rnd();
	}
}

/* A buffer: usually valid, sometimes not. */
static inline uint32_t gen_buf(const struct fz_env *e)
{
	return rn(3) ? (uint32_t)e->rw + rn(RW_PAGES * PG / 2) : gen_ptr(e);
}

static inline uint32_t gen_flags(void)
{
	switch (rn(6)) {
	case 0: return 0;
	case 1: return 1u << rn(32);
	case 2: return (1u << rn(32)) | (1u << rn(32));
	case 3: return rn(4096);
	case 4: return rnd();
	default: return rn(16);
	}
}

static inline uint32_t gen_fd(const struct fz_env *e)
{
	static const uint32_t bad[] = { 0xffffffff, 1023, 1024, 65535,
					0x7fffffff, 0x80000000 };
	return rn(5) ? rn(e->nfds + 3) : bad[rn(sizeof(bad) / sizeof(bad[0]))];
}

static inline uint32_t gen_dirfd(const struct fz_env *e)
{
	return rn(2) ? (uint32_t)-100 /* AT_FDCWD */ : gen_fd(e);
}

/* A pid that is never the fuzzer's parent, nor everyone (-1), nor the
 * parent's process group: the child runs in a group of its own. */
static inline uint32_t gen_pid(const struct fz_env *e)
{
	int v;
	switch (rn(9)) {
	case 0: v = 0; break;
	case 1: case 2: v = e->pid; break;
	case 3: v = e->last_child; break;
	case 4: v = e->tid; break;
	case 5: v = -e->pid; break;
	case 6: v = 99999; break;
	case 7: v = 0x7fffffff; break;
	default: v = (int)0x80000000; break;
	}
	if (v == e->ppid || v == -e->ppid || v == -1 || v == 1 || v == -1 * 1)
		v = e->pid;
	return (uint32_t)v;
}

/* A pid for wait: any child (-1) is fine here. */
static inline uint32_t gen_waitpid(const struct fz_env *e)
{
	return rn(3) ? (uint32_t)-1 : gen_pid(e);
}

static inline uint32_t gen_sig(void)
{
	return rn(4) ? rn(32) : rn(70);
}

static inline uint32_t gen_small(void)
{
	return rn(4) ? rn(8) : gen_int();
}

static inline uint32_t gen_off(void)
{
	static const uint32_t v[] = { 0, 4096, 0xffffffff, 0x7fffffff, 1, 8192 };
	return rn(2) ? v[rn(6)] : rn(100000);
}

/* An address for the memory calls: page-aligned, mostly. */
static inline uint32_t gen_addr(const struct fz_env *e)
{
	switch (rn(12)) {
	case 0: return 0;
	case 1: case 2: return (uint32_t)e->rw + PG * rn(RW_PAGES);
	case 3: return e->hole;
	case 4: return (uint32_t)e->guard;
	case 5: return (uint32_t)e->ro;
	case 6: return 0xbffff000;
	case 7: return 0xc0000000;
	case 8: return 0x08048000;
	case 9: return rnd() & ~(PG - 1);
	case 10: return 0xfffff000;
	default: return rnd();
	}
}

/* Scratch space for the structures the generators build: one slot per
 * argument position, so no two arguments of one call overlap. */
static inline uint8_t *slot(const struct fz_env *e, int pos)
{
	return e->rw + RW_PAGES * PG / 2 + pos * 512;
}

/* A timespec (or timeval): short times (under 5 ms), so sleeps end soon. */
static inline uint32_t gen_time(const struct fz_env *e, int pos)
{
	if (!rn(5))
		return gen_ptr(e);
	int32_t *ts = (int32_t *)slot(e, pos);
	ts[0] = rn(8) ? 0 : (rn(2) ? -1 : 1);
	ts[1] = rn(8) ? (int32_t)rn(5000000) : (int32_t)gen_int();
	ts[2] = 0;
	ts[3] = rn(5000000);
	return (uint32_t)ts;
}

/* A user_desc for set_thread_area: the TLS entries (6..8), -1 (pick a
 * free one) or junk, with random flag bits. */
static inline uint32_t gen_desc(const struct fz_env *e, int pos)
{
	if (!rn(6))
		return gen_ptr(e);
	uint32_t *d = (uint32_t *)slot(e, pos);
	static const uint32_t entry[] = { 0xffffffff, 6, 7, 8, 0, 5, 9 };
	d[0] = rn(8) ? entry[rn(7)] : gen_int();
	d[1] = rn(2) ? 0 : gen_int();
	d[2] = rn(2) ? 0xfffff : gen_int();
	d[3] = rn(3) ? (rn(2) ? 0x51 : 0x28) : gen_flags();  /* flat / empty */
	return (uint32_t)d;
}

/* An 8-byte signal set. */
static inline uint32_t gen_sigset(const struct fz_env *e, int pos)
{
	if (!rn(5))
		return gen_ptr(e);
	uint32_t *s = (uint32_t *)slot(e, pos);
	s[0] = gen_flags();
	s[1] = gen_flags();
	return (uint32_t)s;
}

static inline uint32_t gen_sigsetsize(void)
{
	return rn(6) ? 8 : gen_len();
}

/* An array of up to four iovecs. */
static inline uint32_t gen_iov(const struct fz_env *e, int pos)
{
	if (!rn(5))
		return gen_ptr(e);
	uint32_t *v = (uint32_t *)slot(e, pos);
	for (int i = 0; i < 4; i++) {
		v[2 * i] = gen_buf(e);
		v[2 * i + 1] = rn(2) ? rn(256) : gen_len();
	}
	return (uint32_t)v;
}

static const char *const ro_paths[] = {
	"/", "/bin", "/bin/hello", "/proc/self/maps", "/proc/self/status",
	"/dev/null", "/dev/zero", "/dev/full", "/nonexistent", "", ".", "..",
	"hello", "/tmp", "/proc", "/bin/hello/x", "/proc/self/fd/0",
};
/* No "..": once a child has made /tmp/fz/d a symbolic link to /tmp/fz,
 * "/tmp/fz/d/../b" is /tmp/b, as on Linux, and a file made there outlived
 * the run (the leak check counted it: 1 frame and 176 heap bytes). */
static const char *const scratch_paths[] = {
	"/tmp/fz/a", "/tmp/fz/b", "/tmp/fz/d", "/tmp/fz/d/e", "/tmp/fz/l",
	"/tmp/fz/a/x", "/tmp/fz",
};
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A path the call may change: under /tmp/fz only (absolute, so a dirfd
 * or a chdir cannot move it elsewhere). */
static inline uint32_t gen_wpath(struct fz_env *e)
{
	e->path_scratch = 1;
	return (uint32_t)scratch_paths[rn(NELEM(scratch_paths))];
}

/* A path the call only reads: anywhere, or bad. */
static inline uint32_t gen_rpath(struct fz_env *e)
{
	static char longpath[5000];
	e->path_scratch = 0;
	switch (rn(10)) {
	case 0:
		memset(longpath, 'a', sizeof(longpath) - 1);
		longpath[rn(sizeof(longpath))] = '\0';
		return (uint32_t)longpath;
	case 1: {
		/* an unterminated name running into the guard page */
		uint8_t *p = e->rw + RW_PAGES * PG - 3;
		memcpy(p, "abc", 3);
		return (uint32_t)p;
	}
	case 2:
		return gen_ptr(e);
	case 3: case 4:
		return gen_wpath(e);
	default:
		return (uint32_t)ro_paths[rn(NELEM(ro_paths))];
	}
}

#endif
