/* kernel/main.c: kmain, the order in which the kernel comes up. */
#include "exec/initrd.h"
#include "fs/inode.h"
#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/fpu.h"
#include "kernel/arch/x86/gdt.h"
#include "kernel/arch/x86/machine.h"
#include "kernel/arch/x86/mmu.h"
#include "kernel/arch/x86/pit.h"
#include "kernel/arch/x86/smap.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/bootinfo.h"
#include "kernel/cmdline.h"
#include "kernel/console.h"
#include "kernel/init.h"
#include "kernel/lib/string.h"
#include "kernel/thread.h"
#include "kernel/trace.h"
#include "kernel/time.h"
#include "kernel/panic.h"
#include "mm/check.h"
#include "mm/failinject.h"
#include "mm/pmm.h"
#include "tests/bench.h"
#include "tests/crash.h"
#include "tests/ktest.h"

void kmain(uint32_t magic, paddr_t mbi);

/* The highest RAM address the direct map must cover. */
static paddr_t lowmem_top(void)
{
	uint64_t top = 0;
	for (int i = 0; i < bootinfo.nram; i++) {
		uint64_t end = bootinfo.ram[i].end;
		if (end > LOWMEM_LIMIT)
			end = LOWMEM_LIMIT;
		if (bootinfo.ram[i].start < end && end > top)
			top = end;
	}
	return (paddr_t)top;
}

/* fail=N: the Nth frame or heap allocation from here on fails (docs/testing.md). */
static void arm_fail_option(const char *value)
{
	uint32_t n = 0;
	for (const char *c = value; c && *c >= '0' && *c <= '9'; c++)
		n = n * 10 + (uint32_t)(*c - '0');
	if (n) {
		pr_info("fail=%u: allocation %u from now on will fail\n", n, n);
		failinject_arm(NULL, n);
	}
}

void kmain(uint32_t magic, paddr_t mbi)
{
	bench_boot_tsc = rdtsc();
	console_init();
	int err = bootinfo_init(magic, mbi);
	const char *log = cmdline_value(&kernel_cmdline, "log");
	console_set_log(cmdline_flag(&kernel_cmdline, "quiet"),
			!(log && strcmp(log, "com2") == 0));
	const char *console = cmdline_value(&kernel_cmdline, "console");
	console_set_raw(console && strcmp(console, "raw") == 0);
	/* The BIOS leaves its last line open: start on a fresh one. */
	pr_info("\npagoda %s: booting\n", PAGODA_VERSION);
	if (err)
		panic("not started by a Multiboot loader (magic 0x%x)", magic);

	gdt_init();
	trap_init();
	fpu_init();
	thread_init();
	paging_init(lowmem_top());
	smap_init();  /* before the first user copy */
	pmm_init(&bootinfo);
	time_init();  /* before the tree: files are made with the time */
	initrd_init();
	fs_init();
	pit_init();
	console_input_init();
	cpu_sti();
	paging_protect_kernel();  /* boot's tables are done: read-only now */

	trace_init(cmdline_value(&kernel_cmdline, "trace"),
		   cmdline_value(&kernel_cmdline, "trace_to"));
	crash_run(cmdline_value(&kernel_cmdline, "crash"));
	arm_fail_option(cmdline_value(&kernel_cmdline, "fail"));
	/* check: every checker after every system call (mm/check.h) */
	mm_check_syscalls = cmdline_flag(&kernel_cmdline, "check");
	if (cmdline_flag(&kernel_cmdline, "bench")) {
		bench_run();
		machine_exit(EXIT_PASS);
	}
	if (cmdline_flag(&kernel_cmdline, "test") ||
	    cmdline_value(&kernel_cmdline, "test")) {
		int failed = ktest_run_all(cmdline_value(&kernel_cmdline, "test"));
		machine_exit(failed ? EXIT_FAIL : EXIT_PASS);
	}
	init_run();
}
