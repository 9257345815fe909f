/* kernel/jobctl_test.c: the terminal's job control. user/jobctl.c checks
 * the controlling terminal, SIGTTIN, termios and interrupted console
 * reads from user space; here a kernel thread types into the console
 * (console_inject) while /bin/sh runs `cat`: Ctrl-C must end cat and not
 * the shell. */
#include "exec/exec.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

KTEST(jobctl, terminal_calls_behave_as_linux)
{
	uprog_run_ktap(t, "/bin/jobctl",
		       (const char *const[]){ "jobctl", NULL }, &res);
	EXPECT_EQ(console_foreground(), 0);  /* its session ended */
}

struct typist {
	int sh_pgid;
	bool ok;          /* every step happened in time */
};

/* Wait (up to 5 s) until someone reads the console, with group pgid in
 * the foreground (want_sh) or another one (!want_sh). */
static bool wait_for_reader(int sh_pgid, bool want_sh)
{
	uint64_t end = time_monotonic_ns() + 5 * NSEC_PER_SEC;
	while (time_monotonic_ns() < end) {
		int fg = console_foreground();
		if (console_has_reader() && fg &&
		    (fg == sh_pgid) == want_sh)
			return true;
		thread_yield();
	}
	return false;
}

/* Type as a person would: a command when the shell waits for one, Ctrl-C
 * once cat reads, then two more commands. */
static void type_commands(void *arg)
{
	struct typist *ty = arg;
	ty->ok = wait_for_reader(ty->sh_pgid, true);
	console_inject("cat\r", 4);
	ty->ok = ty->ok && wait_for_reader(ty->sh_pgid, false);
	console_inject("\x03", 1);
	ty->ok = ty->ok && wait_for_reader(ty->sh_pgid, true);
	console_inject("echo status $?\r", 15);
	ty->ok = ty->ok && wait_for_reader(ty->sh_pgid, true);
	console_inject("exit 7\r", 7);
}

KTEST(jobctl, ctrl_c_ends_the_foreground_cat_not_the_shell)
{
	static const char *const argv[] = { "sh", NULL };
	static const char *const envp[] = { "HOME=/", NULL };
	static char echo[128];
	struct exec_args args = { argv, envp, false };
	struct capture cap = { res.out, PAGE_SIZE - 1, 0 };
	struct console_echo_capture ec = { echo, sizeof(echo), 0 };
	int err;
	struct proc *p = exec_spawn(NULL, "/bin/sh", &args, &err);
	ASSERT_NOT_NULL(p);
	struct file *cf = uprog_capture(p, &cap);
	struct typist ty = { p->pid, false };
	struct thread *typist = thread_create_kernel(type_commands, &ty);
	ASSERT_NOT_NULL(typist);
	console_capture_echo(&ec);
	thread_start(typist);
	int status = proc_wait(p);
	console_capture_echo(NULL);
	uprog_uncapture(cf);
	while (typist->state != THREAD_DEAD)
		thread_yield();
	thread_free(typist);
	res.out[cap.len] = '\0';
	EXPECT_TRUE(ty.ok);
	EXPECT_EQ(status, WAIT_EXITED(7));  /* the shell lived to exit 7 */
	EXPECT_NOT_NULL(strstr(res.out, "status 130"));  /* 128 + SIGINT */
	EXPECT_NOT_NULL(strstr(echo, "cat\n^C"));
	if (t->failures) {
		kprintf("# echo: %s\n", echo);
		uprog_show(&res);
	}
	EXPECT_EQ(console_foreground(), 0);
	EXPECT_EQ(proc_count(), 0);
}
