/* user/selcheck.c: a hostile program's segment registers. It loads a TLS
 * selector (set_thread_area) into %gs, %fs, %ds, %es or %ss and then
 * clears that descriptor with set_thread_area, so the kernel's way back to
 * ring 3 must restore a register naming a dead descriptor. Linux never
 * panics here: a data segment register comes back null (its entry code's
 * fixup on i386, an explicit reload on x86-64), and a stack segment that
 * iret cannot load kills the process (SIGSEGV). And the direction flag a
 * caller leaves set must not turn the kernel's copies around, nor its
 * alignment-check flag (AC) stop them or get lost. The same
 * binary runs on the host (tools/check-user-on-host). Prints KTAP. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kernel/uapi/signal.h"
#include "kernel/uapi/unistd_32.h"
#include "ktap.h"

struct user_desc {
	uint32_t entry_number, base_addr, limit;
	uint32_t seg_32bit : 1, contents : 2, read_exec_only : 1,
		 limit_in_pages : 1, seg_not_present : 1, useable : 1;
};

/* A flat writable 4 GiB data segment in a free TLS entry; its selector. */
static uint32_t flat_segment(uint32_t *entry)
{
	struct user_desc d = { .entry_number = (uint32_t)-1, .base_addr = 0,
			       .limit = 0xfffff, .seg_32bit = 1,
			       .limit_in_pages = 1, .useable = 1 };
	if (syscall(__NR_set_thread_area, &d) != 0)
		return 0;
	*entry = d.entry_number;
	return d.entry_number * 8 + 3;
}

/* Linux's "empty" descriptor: what clears an entry. */
static struct user_desc empty(uint32_t entry)
{
	return (struct user_desc){ .entry_number = entry, .read_exec_only = 1,
				   .seg_not_present = 1 };
}

/* Load sel into the register, clear its descriptor (a system call, on
 * whose way back the register is restored), make one more call, and
 * return what the register holds then; ds and es are set back to the
 * ordinary data selector (ss's) before any memory access. */
#define CLEAR_WITH(reg)                                                        \
	static uint32_t clear_with_##reg(uint32_t sel, struct user_desc *d)    \
	{                                                                      \
		uint32_t after, eax;                                           \
		__asm__ volatile(                                              \
			"push %%ebx\n\t"                                       \
			"mov %%ss, %%ecx\n\t"                                  \
			"mov %%esi, %%" #reg "\n\t"                            \
			"mov %[d], %%ebx\n\t"                                  \
			"mov %[nr], %%eax\n\t"                                 \
			"int $0x80\n\t"                                        \
			"mov %[getpid], %%eax\n\t"                             \
			"int $0x80\n\t"                                        \
			"xor %%edx, %%edx\n\t"                                 \
			"mov %%" #reg ", %%edx\n\t"                            \
			"mov %%ecx, %%ds\n\t"                                  \
			"mov %%ecx, %%es\n\t"                                  \
			"pop %%ebx"                                            \
			: "=d"(after), "=a"(eax)                               \
			: "S"(sel), [d] "r"(d), [nr] "i"(__NR_set_thread_area),\
			  [getpid] "i"(__NR_getpid)                            \
			: "ecx", "memory");                                    \
		(void)eax;                                                     \
		return after;                                                  \
	}

CLEAR_WITH(gs)
CLEAR_WITH(fs)
CLEAR_WITH(ds)
CLEAR_WITH(es)

static bool check(const char *reg, uint32_t (*fn)(uint32_t,
						  struct user_desc *))
{
	uint32_t entry, sel = flat_segment(&entry);
	if (!sel) {
		note("%s: set_thread_area failed, errno %d", reg, errno);
		return false;
	}
	struct user_desc d = empty(entry);
	uint32_t after = fn(sel, &d);
	if (after != 0)
		note("%s holds %#x after its descriptor was cleared (want 0)",
		     reg, after);
	return after == 0;
}

static bool gs_comes_back_null(void) { return check("gs", clear_with_gs); }
static bool fs_comes_back_null(void) { return check("fs", clear_with_fs); }
static bool ds_comes_back_null(void) { return check("ds", clear_with_ds); }
static bool es_comes_back_null(void) { return check("es", clear_with_es); }

/* In a child: run on a TLS stack segment through timer interrupts (it is
 * valid), then clear it: the return from that call cannot load ss. */
static int ss_child(void)
{
	uint32_t entry, sel = flat_segment(&entry);
	if (!sel)
		return 2;
	struct user_desc d = empty(entry);
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	__asm__ volatile("mov %0, %%ss" : : "r"(sel));
	do  /* interrupts come and go with the TLS ss loaded */
		clock_gettime(CLOCK_MONOTONIC, &t);
	while ((t.tv_sec - t0.tv_sec) * 1000000000ll + t.tv_nsec - t0.tv_nsec <
	       20000000);
	__asm__ volatile("push %%ebx\n\t"
			 "mov %0, %%ebx\n\t"
			 "int $0x80\n\t"
			 "pop %%ebx"
			 : : "r"(&d), "a"(__NR_set_thread_area) : "memory");
	return 3;  /* survived an ss that names nothing: wrong */
}

/* In a child: an iret to the kernel's code selector with EFLAGS.VM set.
 * A CPU at CPL 3 ignores VM and faults on the selector; QEMU's TCG
 * enters virtual-8086 mode instead, and pagoda's next trap came from
 * there looking like a kernel one (a panic, found by the fuzzer). */
static int v86_child(void)
{
	__asm__ volatile("pushl $0x20202\n\t"  /* EFLAGS: VM, IF */
			 "pushl $0x08\n\t"
			 "pushl $1f\n\t"
			 "iret\n"
			 "1:" : : : "memory");
	return 3;  /* came back: wrong */
}

/* Runs child in a forked process: it must die of SIGSEGV. */
static bool child_dies_of_sigsegv(int (*child)(void))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(child());
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return false;
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGSEGV) {
		note("child status %#x, want killed by SIGSEGV", status);
		return false;
	}
	return true;
}

static bool ss_that_cannot_load_is_sigsegv(void)
{
	return child_dies_of_sigsegv(ss_child);
}

static bool iret_into_v86_mode_is_sigsegv(void)
{
	return child_dies_of_sigsegv(v86_child);
}

/* The direction flag set by the caller: the kernel's copies (rep movs,
 * rep stos) must still run forwards (Linux clears DF on entry), and the
 * caller gets its DF back. Found by the fuzzer: pagoda's entry kept DF,
 * and this read wrote the kernel's memory backwards. */
static bool df_set_at_a_system_call_changes_nothing(void)
{
	static unsigned char buf[300];
	memset(buf, 0xff, sizeof(buf));
	int fd = open("/dev/zero", O_RDONLY);
	if (fd < 0)
		return false;
	long r;
	uint32_t flags;
	__asm__ volatile("std\n\tint $0x80\n\tpushf\n\tpop %1\n\tcld"
			 : "=a"(r), "=r"(flags)
			 : "a"(__NR_read), "b"(fd), "c"(buf + 20), "d"(256)
			 : "memory", "cc");
	close(fd);
	int bad = 0;
	for (int i = 0; i < (int)sizeof(buf); i++)
		bad += buf[i] != (i >= 20 && i < 276 ? 0 : 0xff);
	if (r != 256 || bad || !(flags & 0x400)) {
		note("read %ld, %d bytes wrong, DF after the call %d", r, bad,
		     !!(flags & 0x400));
		return false;
	}
	return true;
}

/* EFLAGS.AC set by the caller: in ring 3 it makes a misaligned access an
 * alignment check (SIGBUS), and to a CPU with SMAP it is the kernel's
 * "user access allowed" bit, so the kernel's entry clears it for itself.
 * The program must see none of that: a read into a misaligned buffer on
 * a page not yet touched (the kernel's copy faults it in) works, so does
 * an aligned store that faults in another page, and AC is still set
 * afterwards, as on Linux. */
static bool ac_set_at_a_system_call_changes_nothing(void)
{
	static const char msg[] = "eflags.ac";
	int p[2];
	unsigned char *buf = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED || pipe(p) < 0 ||
	    write(p[1], msg, sizeof(msg)) != (ssize_t)sizeof(msg))
		return false;
	long r;
	uint32_t flags;
	__asm__ volatile("pushf\n\torl $0x40000, (%%esp)\n\tpopf\n\t"
			 "int $0x80\n\t"
			 "movl $0x5a5a5a5a, (%%esi)\n\t"
			 "pushf\n\tpop %1\n\t"
			 "pushf\n\tandl $~0x40000, (%%esp)\n\tpopf"
			 : "=a"(r), "=&r"(flags)
			 : "a"(__NR_read), "b"(p[0]), "c"(buf + 1),
			   "d"(sizeof(msg)), "S"(buf + 4096)
			 : "memory", "cc");
	close(p[0]);
	close(p[1]);
	bool ok = r == (long)sizeof(msg) &&
		  memcmp(buf + 1, msg, sizeof(msg)) == 0 &&
		  *(uint32_t *)(buf + 4096) == 0x5a5a5a5a && (flags & 0x40000);
	if (!ok)
		note("read %ld, AC after the call %d", r, !!(flags & 0x40000));
	munmap(buf, 2 * 4096);
	return ok;
}

static const struct ktap_case cases[] = {
	{ "sel.gs_comes_back_null", gs_comes_back_null },
	{ "sel.fs_comes_back_null", fs_comes_back_null },
	{ "sel.ds_comes_back_null", ds_comes_back_null },
	{ "sel.es_comes_back_null", es_comes_back_null },
	{ "sel.ss_that_cannot_load_is_sigsegv", ss_that_cannot_load_is_sigsegv },
	{ "sel.iret_into_v86_mode_is_sigsegv", iret_into_v86_mode_is_sigsegv },
	{ "flags.df_set_at_a_system_call_changes_nothing",
	  df_set_at_a_system_call_changes_nothing },
	{ "flags.ac_set_at_a_system_call_changes_nothing",
	  ac_set_at_a_system_call_changes_nothing },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
