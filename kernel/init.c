/* kernel/init.c: from kernel to user space: exec init and wait for it. */
#include "kernel/init.h"

#include <stddef.h>

#include "exec/exec.h"
#include "kernel/arch/x86/machine.h"
#include "kernel/cmdline.h"
#include "kernel/console.h"
#include "kernel/lib/errname.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"

#define INIT_MAX_ARGS 64

/* The code a shell would report for wait status s. */
static int shell_code(int s)
{
	return WIFSIGNALED(s) ? 128 + WTERMSIG(s) : WEXITSTATUS(s);
}

void init_run(void)
{
	const char *path = cmdline_value(&kernel_cmdline, "init");
	if (!path)
		path = "/bin/init";
	int nextra;
	char *const *extra = cmdline_init_args(&kernel_cmdline, &nextra);
	if (nextra > INIT_MAX_ARGS - 2)
		nextra = INIT_MAX_ARGS - 2;

	const char *argv[INIT_MAX_ARGS] = { path };
	for (int i = 0; i < nextra; i++)
		argv[1 + i] = extra[i];
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	struct exec_args args = { argv, envp, false };

	int err;
	struct proc *init = exec_spawn(NULL, path, &args, &err);
	if (!init) {
		pr_err("exec %s failed: %s\n", path, errno_name(err));
		machine_exit(err == -ENOENT ? 127 : 126);
	}
	proc_set_init(init);  /* it adopts orphans */
	int status = proc_wait(init);
	int code = shell_code(status);
	if (WIFSIGNALED(status))
		pr_info("init killed by signal %d: status %d\n", WTERMSIG(status), code);
	else
		pr_info("init exited with status %d\n", code);
	machine_exit((unsigned)code);
}
