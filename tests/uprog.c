/* tests/uprog.c: spawn, capture, wait. */
#include "tests/uprog.h"

#include "exec/exec.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"

void uprog_run(const char *path, const char *const *argv,
	       struct uprog_result *r)
{
	static const char *const envp[] = { "HOME=/", "TERM=linux",
					    "PAGODA_TEST=1", NULL };
	struct exec_args args = { argv, envp, false };
	struct proc_capture cap = { r->out, 0 };

	r->err = 0;
	r->status = 0;
	r->len = 0;
	r->out[0] = '\0';
	struct proc *p = exec_spawn(NULL, path, &args, &r->err);
	if (!p)
		return;
	p->capture = &cap;  /* it has not run yet: the spawner runs first */
	r->status = proc_wait(p);
	proc_forget_capture(&cap);  /* children it left behind write nowhere */
	r->len = cap.len < PAGE_SIZE - 1 ? cap.len : PAGE_SIZE - 1;
	r->out[r->len] = '\0';
}

bool uprog_ktap_passed(const struct uprog_result *r)
{
	const char *line = r->out;
	bool summary = false;
	while (*line) {
		if (strncmp(line, "not ok", 6) == 0)
			return false;
		const char *p = line;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p > line && strncmp(p, " passed, 0 failed", 17) == 0)
			summary = true;
		const char *nl = strchr(line, '\n');
		line = nl ? nl + 1 : line + strlen(line);
	}
	return summary;
}

void uprog_show(const struct uprog_result *r)
{
	const char *line = r->out;
	while (*line) {
		const char *nl = strchr(line, '\n');
		int n = nl ? (int)(nl - line) : (int)strlen(line);
		kprintf("#   | %.*s\n", n, line);
		line += n + (nl ? 1 : 0);
	}
}
