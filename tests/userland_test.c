/* tests/userland_test.c: the user land from the inside: user/utiltest
 * and user/texttest run ls, cat, cp, mv, rm, mkdir, rmdir, ln, echo, wc,
 * grep, head, tail, sort, env, kill, help, true and false through fork
 * and execve and compare what they print with GNU's; user/systest checks
 * ps, free and maps against /proc (docs/userland.md); user/shtest runs
 * the shell's scripts, tests/sh/, against their expected output. */
#include "kernel/proc.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

static void run_ktap(struct ktest *t, const char *path)
{
	uprog_run_ktap(t, path, NULL, &res);
	EXPECT_EQ(proc_count(), 0);  /* every child was reaped */
}

KTEST(userland, file_utilities_behave_as_gnu)
{
	run_ktap(t, "/bin/utiltest");
}

KTEST(userland, text_utilities_behave_as_gnu)
{
	run_ktap(t, "/bin/texttest");
}

KTEST(userland, shell_scripts_print_what_they_should)
{
	run_ktap(t, "/bin/shtest");
}

KTEST(userland, proc_utilities_agree_with_proc)
{
	run_ktap(t, "/bin/systest");
}
