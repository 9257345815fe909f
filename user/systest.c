/* user/systest.c: the /proc utilities (ps, free, maps) run through fork
 * and execve (user/runutil.h): their lines agree with what the test reads
 * from /proc itself and knows of its own processes. KTAP; runs on pagoda
 * and on a Linux host (tools/check-user-on-host). */
#include <signal.h>

#include "runutil.h"

/* The value of "Key: N kB" in /proc/meminfo. */
static unsigned long long meminfo(const char *key)
{
	static char text[4096];
	get_file("/proc/meminfo", text, sizeof(text));
	size_t len = strlen(key);
	for (const char *line = text; *line; line++)
		if ((line == text || line[-1] == '\n') && !strncmp(line, key, len) &&
		    line[len] == ':')
			return strtoul(line + len + 1, NULL, 10);
	return ~0ULL;
}

/* The numbers after the label on the line of ut_out that starts with it. */
static int numbers(const char *label, unsigned long long *v, int max)
{
	char *line = strstr(ut_out, label);
	if (!line)
		return 0;
	char *s = line + strlen(label);
	int n = 0;
	while (n < max && *s && *s != '\n') {
		char *end;
		v[n] = strtoul(s, &end, 10);
		if (end == s)
			break;
		n++;
		s = end;
	}
	return n;
}

static bool free_agrees_with_meminfo(void)
{
	int s = run_argv("", (const char *const[]){ "free", NULL });
	unsigned long long mem[6], swap[3];
	const char *head = "               total        used        free      shared"
			   "  buff/cache   available\n";
	bool ok = s == 0 && strncmp(ut_out, head, strlen(head)) == 0 &&
		  numbers("\nMem:", mem, 6) == 6 && numbers("\nSwap:", swap, 3) == 3;
	ok = ok && mem[0] == meminfo("MemTotal") && mem[1] + mem[5] == mem[0] &&
	     swap[0] == meminfo("SwapTotal") && swap[1] + swap[2] == swap[0];
	if (!ok)
		note("free: status 0x%x, printed \"%s\"", s, shown(ut_out));
	return ok;
}

static const char *strchrnul_nl(const char *s)
{
	while (*s && *s != '\n')
		s++;
	return s;
}

/* The line of ps's output for pid: its fields in the pointers. */
static bool ps_line(long pid, long *ppid, char *state, char *name, size_t size)
{
	for (char *line = strchr(ut_out, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		char *s = line + 1, *end;
		if (strtol(s, &end, 10) != pid)
			continue;
		*ppid = strtol(end, &end, 10);
		*state = end[1];
		unsigned long vsz = strtoul(end + 2, &end, 10);
		strtoul(end, &end, 10);  /* RSS */
		snprintf(name, size, "%.*s", (int)(strchrnul_nl(end + 1) - (end + 1)), end + 1);
		return vsz > 0;
	}
	return false;
}

static bool ps_shows_this_process_and_itself(void)
{
	int s = run_argv("", (const char *const[]){ "ps", NULL });
	const char *head = "    PID    PPID S    VSZ   RSS COMMAND\n";
	long ppid = 0;
	char state = 0, name[64] = "";
	/* Under qemu-user the host names the process after qemu. */
	const char *want = ut_runner ? strrchr(ut_runner, '/') + 1 : "systest";
	bool ok = s == 0 && strncmp(ut_out, head, strlen(head)) == 0;
	if (!ok || !ps_line(getpid(), &ppid, &state, name, sizeof(name)) ||
	    ppid != getppid() || !strchr("RS", state) || strncmp(name, want, 15)) {
		note("ps: status 0x%x, this process (%d): ppid %ld, state '%c', name \"%s\"",
		     s, getpid(), ppid, state, name);
		note("ps printed \"%s\"", shown(ut_out));
		return false;
	}
	return true;
}

static bool maps_shows_areas(const char *pid, const char *name)
{
	const char *const argv[] = { "maps", pid, NULL };
	int s = run_argv("", argv);
	char *text = strstr(ut_out, "\n08048000-");
	char *stack = strstr(ut_out, " [stack]\n");
	char *line_end = text ? strchr(text + 1, '\n') : NULL;
	size_t nl = strlen(name);
	bool ok = s == 0 && text && stack && strstr(ut_out, "\n total ") && line_end &&
		  line_end - text > (long)nl && !strncmp(line_end - nl, name, nl);
	if (!ok)
		note("maps %s: status 0x%x, printed \"%s\"", pid, s, shown(ut_out));
	return ok;
}

static bool maps_shows_any_process(void)
{
	bool ok = maps_shows_areas("self", "/maps");
	if (ut_runner) {  /* qemu-user shows only a process's own, as its guest */
		note("maps of another process: skipped under qemu-user");
	} else {
		char pid[16];
		fflush(stdout);
		pid_t p = fork();
		if (p == 0)
			for (;;)
				pause();
		snprintf(pid, sizeof(pid), "%d", p);
		ok = maps_shows_areas(pid, "/systest") && ok;
		kill(p, SIGKILL);
		waitpid(p, NULL, 0);
	}
	fflush(stdout);
	pid_t gone = fork();  /* a pid that has just ended */
	if (gone == 0)
		_exit(0);
	waitpid(gone, NULL, 0);
	char pid[16], err[80];
	snprintf(pid, sizeof(pid), "%d", gone);
	snprintf(err, sizeof(err), "maps: cannot read '/proc/%d/maps': %s\n", gone,
		 strerror(ENOENT));
	return EXPECT("", "", err, 1, "maps", pid) && ok;
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "free.agrees_with_meminfo", free_agrees_with_meminfo },
		{ "ps.shows_this_process", ps_shows_this_process_and_itself },
		{ "maps.shows_any_process", maps_shows_any_process },
		{ "cleanup_with_rm_r", ut_cleanup },
	};
	if (!ut_setup("systest"))
		return 1;
	return ktap_run(cases, KTAP_COUNT(cases));
}
