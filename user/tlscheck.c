/* user/tlscheck.c: set_thread_area(2) as Linux defines it on i386: entry
 * -1 picks a free GDT entry and reports it, %gs then reaches the segment's
 * base; code or 16-bit segments and entries outside 6..8 are refused with
 * EINVAL; a forked child keeps the segment. Prints KTAP; exits 0 if all
 * passed. Runs unchanged on Linux (3.19 and later refuse 16-bit and code
 * TLS segments, arch/x86/kernel/tls.c); qemu-user's emulation of the call
 * does not check them, so tools/check-user-on-host leaves it out. */
#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

struct user_desc {
	uint32_t entry_number, base_addr, limit;
	uint32_t seg_32bit : 1, contents : 2, read_exec_only : 1,
		 limit_in_pages : 1, seg_not_present : 1, useable : 1;
};

static uint32_t block[4] = { 0xdeadbeef, 0x600df00d };
static uint32_t entry;

static struct user_desc data_segment(uint32_t number)
{
	return (struct user_desc){ .entry_number = number,
				   .base_addr = (uint32_t)block,
				   .limit = 0xfffff, .seg_32bit = 1,
				   .limit_in_pages = 1, .useable = 1 };
}

static uint32_t read_gs(uint32_t offset)
{
	uint32_t v;
	__asm__ volatile("movl %%gs:(%1), %0" : "=r"(v) : "r"(offset));
	return v;
}

static bool picks_an_entry_and_gs_reaches_it(void)
{
	struct user_desc d = data_segment((uint32_t)-1);
	if (syscall(__NR_set_thread_area, &d) != 0) {
		note("set_thread_area failed: errno %d", errno);
		return false;
	}
	entry = d.entry_number;
	uint16_t sel = (uint16_t)(entry * 8 + 3);
	__asm__ volatile("movw %0, %%gs" : : "r"(sel));
	bool ok = entry >= 6 && entry <= 8 && read_gs(0) == 0xdeadbeef &&
		  read_gs(4) == 0x600df00d;
	if (!ok)
		note("entry %u", entry);
	return ok;
}

static bool refuses_bad_requests(void)
{
	struct user_desc out_of_range = data_segment(5);
	struct user_desc code = data_segment((uint32_t)-1);
	code.contents = 2;
	struct user_desc sixteen = data_segment((uint32_t)-1);
	sixteen.seg_32bit = 0;
	bool ok = true;
	struct user_desc *bad[] = { &out_of_range, &code, &sixteen };
	for (int i = 0; i < 3; i++) {
		errno = 0;
		if (syscall(__NR_set_thread_area, bad[i]) != -1 || errno != EINVAL) {
			note("request %d: errno %d, want EINVAL", i, errno);
			ok = false;
		}
	}
	errno = 0;
	if (syscall(__NR_set_thread_area, (void *)0xc0000000) != -1 || errno != EFAULT)
		ok = false;
	return ok;
}

static bool fork_keeps_the_segment(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(read_gs(0) == 0xdeadbeef ? 0 : 1);
	int status;
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0 && read_gs(4) == 0x600df00d;
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "tls.picks_an_entry_and_gs_reaches_it", picks_an_entry_and_gs_reaches_it },
		{ "tls.refuses_bad_requests", refuses_bad_requests },
		{ "tls.fork_keeps_the_segment", fork_keeps_the_segment },
	};
	return ktap_run(cases, 3);
}
