/* user/shtest.c: the shell's tests. Runs each script of tests/sh/ with
 * /bin/sh (stdin /dev/null, stdout and stderr into one file) and compares
 * what it wrote with the script's .out file, byte for byte; the script
 * must end with status 0. On pagoda the scripts are in the initrd at
 * /tests/sh; on a host SHTEST_DIR names them and PAGODA_BIN the programs
 * (tools/check-user-on-host), which are the scripts' PATH and SHTEST_BIN.
 * The same scripts, but builtins.sh, also run under dash there: the
 * expected outputs are what a real POSIX shell prints. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static const char *dir = "/tests/sh", *bin = "/bin";
static char got[16384], want[16384];

static int read_all(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), len = 0, n;
	if (fd < 0)
		return -1;
	while (len < (int)size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
	return len;
}

/* The first line where a and b differ, for the note. */
static void show_difference(const char *a, const char *b)
{
	for (int line = 1;; line++) {
		size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
		if (la != lb || memcmp(a, b, la) != 0 || !*a || !*b) {
			note("line %d: got \"%.*s\", want \"%.*s\"", line,
			     (int)la, a, (int)lb, b);
			return;
		}
		a += la + 1;
		b += lb + 1;
	}
}

static const char *ran[64];  /* the scripts run so far */
static int nran;

static bool run_script(const char *name)
{
	if (nran < (int)(sizeof(ran) / sizeof(ran[0])))
		ran[nran++] = name;
	char script[256], expect[256], out[64], path[256], home[300];
	snprintf(script, sizeof(script), "%s/%s.sh", dir, name);
	snprintf(expect, sizeof(expect), "%s/%s.out", dir, name);
	snprintf(out, sizeof(out), "/tmp/shtest.%d.out", (int)getpid());
	snprintf(path, sizeof(path), "PATH=%s", bin);
	snprintf(home, sizeof(home), "SHTEST_BIN=%s", bin);
	char sh[256];
	snprintf(sh, sizeof(sh), "%s/sh", bin);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (in < 0 || fd < 0 || dup2(in, 0) < 0 || dup2(fd, 1) < 0 ||
		    dup2(fd, 2) < 0 || chdir("/") < 0)
			_exit(120);
		char *const argv[] = { "sh", script, NULL };
		char *const envp[] = { path, "HOME=/", home, NULL };
		execve(sh, argv, envp);
		_exit(121);
	}
	int status = -1;
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		note("fork or waitpid: errno %d", errno);
		return false;
	}
	bool ok = true;
	if (read_all(expect, want, sizeof(want)) < 0) {
		note("cannot read %s", expect);
		ok = false;
	}
	read_all(out, got, sizeof(got));
	unlink(out);
	if (ok && strcmp(got, want) != 0) {
		show_difference(got, want);
		ok = false;
	}
	if (status != 0) {
		note("%s: wait status %#x, want 0", script, status);
		ok = false;
	}
	return ok;
}

static bool pipelines(void) { return run_script("pipeline"); }
static bool redirections(void) { return run_script("redirect"); }
static bool lists(void) { return run_script("control"); }
static bool quoting(void) { return run_script("quoting"); }
static bool builtins(void) { return run_script("builtins"); }
static bool subshells(void) { return run_script("subshell"); }
static bool compounds(void) { return run_script("compound"); }
static bool tests(void) { return run_script("test"); }
static bool arithmetic(void) { return run_script("arith"); }
static bool braced_parameters(void) { return run_script("params"); }
static bool loops_and_read(void) { return run_script("loops"); }
static bool case_statements(void) { return run_script("case"); }
static bool functions(void) { return run_script("func"); }
static bool set_and_shift(void) { return run_script("set"); }
static bool backquotes(void) { return run_script("backquote"); }
static bool here_documents(void) { return run_script("heredoc"); }
static bool traps(void) { return run_script("trap"); }
static bool options(void) { return run_script("options"); }

/* Last: a script in the directory that no case ran would pass unseen. */
static bool every_script_ran(void)
{
	DIR *d = opendir(dir);
	if (!d) {
		note("cannot open %s", dir);
		return false;
	}
	bool ok = true;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 4 || strcmp(e->d_name + len - 3, ".sh") != 0)
			continue;
		bool found = false;
		for (int i = 0; i < nran && !found; i++)
			found = strlen(ran[i]) == len - 3 &&
				strncmp(ran[i], e->d_name, len - 3) == 0;
		if (!found) {
			note("%s/%s has no case in user/shtest.c", dir, e->d_name);
			ok = false;
		}
	}
	closedir(d);
	return ok;
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "sh.pipelines", pipelines },
		{ "sh.redirections", redirections },
		{ "sh.and_or_lists_and_background", lists },
		{ "sh.quoting_and_expansion", quoting },
		{ "sh.builtins_path_exec_errors_jobs", builtins },
		{ "sh.subshells_and_command_substitution", subshells },
		{ "sh.if_while_until_for_and_groups", compounds },
		{ "sh.test_and_brackets", tests },
		{ "sh.arithmetic_expansion", arithmetic },
		{ "sh.braced_parameter_forms", braced_parameters },
		{ "sh.break_continue_and_read", loops_and_read },
		{ "sh.case", case_statements },
		{ "sh.functions", functions },
		{ "sh.set_and_shift", set_and_shift },
		{ "sh.backquotes", backquotes },
		{ "sh.here_documents", here_documents },
		{ "sh.trap", traps },
		{ "sh.set_u_f_and_o", options },
		{ "sh.every_script_ran", every_script_ran },
	};
	if (getenv("SHTEST_DIR"))
		dir = getenv("SHTEST_DIR");
	if (getenv("PAGODA_BIN"))
		bin = getenv("PAGODA_BIN");
	return ktap_run(cases, KTAP_COUNT(cases));
}
