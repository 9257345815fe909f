/* tests/shell_test.c: the shell's job control, typed as a person types.
 * A kernel thread types into the console (console_inject) while /bin/sh
 * runs on it with job control: `sleep 100 &`, `jobs`, `kill %1`; a
 * foreground `sleep 100` ended with Ctrl-C; one stopped with Ctrl-Z,
 * continued with `bg`, brought back with `fg` and ended with Ctrl-C; the
 * history on the up arrow. The
 * shell must stay alive throughout and say what bash says. The scripts
 * of tests/sh/ (user/shtest, the userland suite) test the rest. */
#include "exec/exec.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

enum wait_for { SHELL_READS, JOB_IN_FOREGROUND };
struct step {
	enum wait_for when;  /* type once this holds */
	const char *text;
};
struct typist {
	int sh_pgid;
	const struct step *steps;
	int nsteps;
	int done;            /* steps typed in time */
};

/* Wait (up to 5 s) until the shell reads the console in the foreground
 * (SHELL_READS) or another group has the terminal (JOB_IN_FOREGROUND). */
static bool wait_until(int sh_pgid, enum wait_for w)
{
	uint64_t end = time_monotonic_ns() + 5 * NSEC_PER_SEC;
	while (time_monotonic_ns() < end) {
		int fg = console_foreground();
		if (w == SHELL_READS && fg == sh_pgid && console_has_reader())
			return true;
		if (w == JOB_IN_FOREGROUND && fg && fg != sh_pgid)
			return true;
		thread_yield();
	}
	return false;
}

static void type_steps(void *arg)
{
	struct typist *ty = arg;
	for (int i = 0; i < ty->nsteps; i++) {
		if (!wait_until(ty->sh_pgid, ty->steps[i].when))
			return;
		if (ty->steps[i].when == JOB_IN_FOREGROUND) {  /* let it run */
			uint64_t until = time_monotonic_ns() + NSEC_PER_SEC / 50;
			while (time_monotonic_ns() < until)
				thread_yield();
		}
		console_inject(ty->steps[i].text, strlen(ty->steps[i].text));
		ty->done = i + 1;
	}
}

static bool with_term;  /* TERM set: the shell edits lines itself */

/* Run /bin/sh on the console while the steps are typed; its output in
 * res, what the terminal echoed in echo. Returns the shell's wait status. */
static int run_typed(struct ktest *t, const struct step *steps, int n,
		     char *echo, uint32_t echo_size, int *done)
{
	static const char *const argv[] = { "sh", NULL };
	static const char *const envp[] = { "HOME=/", "PATH=/bin", NULL };
	static const char *const envp_term[] = {
		"HOME=/", "PATH=/bin", "TERM=linux", NULL,
	};
	struct exec_args args = { argv, with_term ? envp_term : envp, false };
	struct capture cap = { res.out, PAGE_SIZE - 1, 0 };
	struct console_echo_capture ec = { echo, echo_size, 0 };
	int err;
	struct proc *p = exec_spawn(NULL, "/bin/sh", &args, &err);
	if (!p) {
		EXPECT_NOT_NULL(p);
		return -1;
	}
	struct file *cf = uprog_capture(p, &cap);
	struct typist ty = { p->pid, steps, n, 0 };
	struct thread *typist = thread_create_kernel(type_steps, &ty);
	EXPECT_NOT_NULL(typist);
	console_capture_echo(&ec);
	if (typist)
		thread_start(typist);
	else
		console_inject("exit 9\r", 7);
	int status = proc_wait(p);
	console_capture_echo(NULL);
	uprog_uncapture(cf);
	while (typist && typist->state != THREAD_DEAD)
		thread_yield();
	if (typist)
		thread_free(typist);
	res.out[cap.len] = '\0';
	echo[ec.len < echo_size ? ec.len : echo_size - 1] = '\0';
	*done = ty.done;
	return status;
}

static void check_output(struct ktest *t, const char *const *want, int n,
			 const char *echo)
{
	for (int i = 0; i < n; i++) {
		EXPECT_NOT_NULL(strstr(res.out, want[i]));
		if (!strstr(res.out, want[i]))
			kprintf("# missing: %s\n", want[i]);
	}
	if (t->failures) {
		kprintf("# echo: %s\n", echo);
		uprog_show(&res);
	}
	EXPECT_EQ(console_foreground(), 0);  /* its session ended */
	EXPECT_EQ(proc_count(), 0);          /* and no sleep is left */
}

KTEST(shell, background_job_listed_and_killed_by_job_number)
{
	static const struct step steps[] = {
		{ SHELL_READS, "sleep 100 &\r" },
		{ SHELL_READS, "jobs\r" },
		{ SHELL_READS, "kill %1\r" },
		{ SHELL_READS, "jobs\r" },
		{ SHELL_READS, "exit 7\r" },
	};
	static const char *const want[] = {
		"[1] ",  /* and its pid */
		"[1]+  Running                 sleep 100 &\n",
		"[1]+  Terminated              sleep 100\n",
	};
	static char echo[256];
	int done;
	int status = run_typed(t, steps, 5, echo, sizeof(echo), &done);
	EXPECT_EQ(done, 5);
	EXPECT_EQ(status, WAIT_EXITED(7));  /* the shell lived to exit 7 */
	check_output(t, want, 3, echo);
}

KTEST(shell, ctrl_c_ends_the_foreground_sleep_not_the_shell)
{
	static const struct step steps[] = {
		{ SHELL_READS, "sleep 100\r" },
		{ JOB_IN_FOREGROUND, "\x03" },
		{ SHELL_READS, "echo status $?\r" },
		{ SHELL_READS, "exit 7\r" },
	};
	static const char *const want[] = { "status 130\n" };
	static char echo[256];
	int done;
	int status = run_typed(t, steps, 4, echo, sizeof(echo), &done);
	EXPECT_EQ(done, 4);
	EXPECT_EQ(status, WAIT_EXITED(7));
	EXPECT_NOT_NULL(strstr(echo, "sleep 100\n^C"));
	check_output(t, want, 1, echo);
}

KTEST(shell, ctrl_z_stops_then_bg_and_fg_continue)
{
	static const struct step steps[] = {
		{ SHELL_READS, "sleep 100\r" },
		{ JOB_IN_FOREGROUND, "\x1a" },      /* Ctrl-Z */
		{ SHELL_READS, "echo stopped $?\r" },
		{ SHELL_READS, "bg\r" },
		{ SHELL_READS, "jobs\r" },
		{ SHELL_READS, "fg %1\r" },
		{ JOB_IN_FOREGROUND, "\x03" },
		{ SHELL_READS, "echo status $?\r" },
		{ SHELL_READS, "exit 7\r" },
	};
	static const char *const want[] = {
		"[1]+  Stopped                 sleep 100\n",
		"stopped 148\n",                     /* 128 + SIGTSTP */
		"[1]+ sleep 100 &\n",
		"[1]+  Running                 sleep 100 &\n",
		"sleep 100\n",                       /* fg names the job */
		"status 130\n",
	};
	static char echo[256];
	int done;
	int status = run_typed(t, steps, 9, echo, sizeof(echo), &done);
	EXPECT_EQ(done, 9);
	EXPECT_EQ(status, WAIT_EXITED(7));
	EXPECT_NOT_NULL(strstr(echo, "^Z"));
	check_output(t, want, 6, echo);
}

/* With TERM set the shell edits the line itself (the terminal in raw
 * mode) and keeps a history: the up arrow (ESC [ A) twice brings back the
 * command before the last one; Backspace erases, Ctrl-C drops the line. */
KTEST(shell, up_arrow_recalls_earlier_commands)
{
	static const struct step steps[] = {
		{ SHELL_READS, "echo one\r" },
		{ SHELL_READS, "echo two\r" },
		{ SHELL_READS, "\x1b[A\x1b[A\r" },
		{ SHELL_READS, "echo abc\x7f\x7fx\r" },
		{ SHELL_READS, "echo dropped\x03" },
		{ SHELL_READS, "exit 7\r" },
	};
	static const char *const want[] = {
		"$ echo two\ntwo\n$ ",
		"echo one\none\n$ echo abc\b \b\b \bx\nax\n$ echo dropped^C\n$ exit 7\n",
	};
	static char echo[256];
	int done;
	with_term = true;
	int status = run_typed(t, steps, 6, echo, sizeof(echo), &done);
	with_term = false;
	EXPECT_EQ(done, 6);
	EXPECT_EQ(status, WAIT_EXITED(7));
	check_output(t, want, 2, echo);
}
