/* tests/uprog.c: spawn, capture, wait. */
#include "tests/uprog.h"

#include "exec/exec.h"
#include "fs/file.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/wait.h"
#include "tests/ktest.h"

void uprog_run(const char *path, const char *const *argv,
	       struct uprog_result *r)
{
	static const char *const envp[] = { "HOME=/", "TERM=linux",
					    "PAGODA_TEST=1", NULL };
	struct exec_args args = { argv, envp, false };
	struct capture cap = { r->out, PAGE_SIZE - 1, 0 };

	r->err = 0;
	r->status = 0;
	r->len = 0;
	r->out[0] = '\0';
	struct proc *p = exec_spawn(NULL, path, &args, &r->err);
	if (!p)
		return;
	/* It has not run yet: the spawner runs first. */
	struct file *cf = uprog_capture(p, &cap);
	r->status = proc_wait(p);
	uprog_uncapture(cf);  /* children it left behind write nowhere */
	r->len = cap.len;
	r->out[r->len] = '\0';
}

struct file *uprog_capture(struct proc *p, struct capture *c)
{
	struct file *f = capture_file_new(c);
	if (!f)
		return NULL;
	for (int fd = 1; fd <= 2; fd++)
		if (fd_install_at(p->files, fd, file_get(f), false) < 0)
			file_put(f);
	return f;
}

void uprog_uncapture(struct file *f)
{
	if (!f)
		return;
	capture_file_detach(f);
	file_put(f);
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

bool uprog_run_ktap(struct ktest *t, const char *path,
		    const char *const *argv, struct uprog_result *r)
{
	int before = t->failures;
	const char *const just_path[] = { path, NULL };
	uprog_run(path, argv ? argv : just_path, r);
	EXPECT_EQ(r->err, 0);
	if (!r->err) {
		EXPECT_EQ(r->status, WAIT_EXITED(0));
		EXPECT_TRUE(uprog_ktap_passed(r));
	}
	if (t->failures != before)
		uprog_show(r);
	return t->failures == before;
}

/* SIGKILL for what is left (no sleeping here: proc_for_each holds the
 * process list's lock, as kill(-1) does; SIGKILL needs no allocation). */
static void kill_leftover(struct proc *p, void *arg)
{
	(void)arg;
	signal_send(p, SIGKILL, NULL);
}

/* Until no user process is left, or ns have passed: naps of 1 ms, so
 * the CPU goes to them (and the watchdog sees no thread spinning in
 * ring 0, as it would if this yielded to nobody for seconds). */
static void wait_for_none(uint64_t ns)
{
	static struct waitq nobody = WAITQ_INIT;  /* never woken: a nap */
	uint64_t deadline = time_monotonic_ns() + ns;
	for (;;) {
		proc_reap_orphans();  /* orphans that ended: nobody else frees
					 them until a process is made or reaped */
		if (proc_count() == 0 || time_monotonic_ns() >= deadline)
			return;
		waitq_sleep(&nobody, NULL, time_monotonic_ns() + 1000000, 0);
	}
}

void uprog_wait_for_orphans(void)
{
	wait_for_none(5000000000ull);
	if (proc_count() > 0) {
		pr_info("# %d processes outlived the run (left its process "
			"group?): killed\n", proc_count());
		proc_for_each(kill_leftover, NULL);
		wait_for_none(5000000000ull);
	}
}

void uprog_run_spec(struct ktest *t, const char *path, const char *name,
		    const char *spec)
{
	static char buf[128];
	static const char *argv[16];
	static const char *const envp[] = { NULL };
	int n = 0;
	size_t len = strnlen(spec, sizeof(buf) - 1);
	memcpy(buf, spec, len);
	buf[len] = '\0';
	argv[n++] = name;
	for (char *p = buf; *p && n < 15;) {
		argv[n++] = p;
		char *comma = strchr(p, ',');
		if (!comma)
			break;
		*comma = '\0';
		p = comma + 1;
	}
	argv[n] = NULL;
	struct exec_args args = { argv, envp, false };
	int err;
	struct proc *p = exec_spawn(NULL, path, &args, &err);
	ASSERT_NOT_NULL(p);
	EXPECT_EQ(proc_wait(p), WAIT_EXITED(0));
	uprog_wait_for_orphans();
	EXPECT_EQ(proc_count(), 0);
}
