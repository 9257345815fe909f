/* user/proctest.c: /proc as ps-like tools read it, checked against what
 * Linux shows (the same binary runs there: tools/check-user-on-host):
 * /proc/self, maps, status and stat of this process and of a child,
 * cmdline, environ, exe, fd/, meminfo, uptime, and a listing of /proc
 * that follows the processes. Prints KTAP; exits 0 if every case passed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

extern char **environ;

static char text[16384];
static int main_argc;
static char **main_argv;

/* Read the whole file at path into text (NUL-terminated); its length,
 * or -1. */
static int slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int n = 0;
	ssize_t r;
	while (n < (int)sizeof(text) - 1 &&
	       (r = read(fd, text + n, sizeof(text) - 1 - (size_t)n)) > 0)
		n += (int)r;
	close(fd);
	text[n] = '\0';
	return n;
}

static const char *find(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

/* The value after "key:\t" in a status-like text, or -1. */
static long field(const char *key)
{
	char k[32];
	snprintf(k, sizeof(k), "\n%s:", key);
	const char *at = strncmp(text, k + 1, strlen(k + 1)) == 0 ? text - 1
								   : find(text, k);
	return at ? strtol(at + strlen(k), NULL, 10) : -1;
}

/* cond, else a note saying what failed. */
static bool expect_true(bool cond, const char *what)
{
	if (!cond)
		note("%s: failed (errno %d)", what, errno);
	return cond;
}

static bool self_is_my_pid(void)
{
	char buf[32] = { 0 }, want[32];
	ssize_t n = readlink("/proc/self", buf, sizeof(buf) - 1);
	snprintf(want, sizeof(want), "%d", getpid());
	if (n < 0 || strcmp(buf, want))
		note("/proc/self -> \"%s\" (%d), want \"%s\"", buf, (int)n, want);
	return n > 0 && strcmp(buf, want) == 0;
}

/* Whether a maps line's "dev inode" fields name the file st describes.
 * st_dev is the kernel's new_encode_dev() form; maps prints major:minor. */
static bool names_file(const char *line, const struct stat *st)
{
	const char *p = line;  /* "lo-hi perms offset major:minor inode" */
	for (int spaces = 0; spaces < 3; p++)
		if (!*p)
			return false;
		else if (*p == ' ')
			spaces++;
	char *end;
	unsigned long major = strtoul(p, &end, 16);
	if (*end != ':')
		return false;
	unsigned long minor = strtoul(end + 1, &end, 16);
	unsigned long ino = strtoul(end, NULL, 10);
	unsigned long d = st->st_dev;
	return major == ((d >> 8) & 0xfff) &&
	       minor == ((d & 0xff) | ((d >> 12) & 0xfff00)) && ino == st->st_ino;
}

/* My text's line names this program, with its device and inode as stat
 * gives them; my stack's line is [stack]. */
static bool maps_shows_my_code_and_stack(void)
{
	struct stat exe;
	if (stat("/proc/self/exe", &exe))
		return note("stat /proc/self/exe: errno %d", errno), false;
	if (slurp("/proc/self/maps") <= 0)
		return note("no /proc/self/maps: errno %d", errno), false;
	unsigned long code = (unsigned long)&maps_shows_my_code_and_stack;
	unsigned long local = (unsigned long)&code;
	bool in_code = false, in_stack = false;
	for (const char *l = text; *l; ) {
		unsigned long lo = strtoul(l, NULL, 16);
		const char *dash = find(l, "-");
		unsigned long hi = dash ? strtoul(dash + 1, NULL, 16) : 0;
		const char *end = find(l, "\n");
		size_t len = end ? (size_t)(end - l) : strlen(l);
		char line[400];
		snprintf(line, sizeof(line), "%.*s", (int)len, l);
		if (code >= lo && code < hi)
			in_code = find(line, " r-xp ") && find(line, "proctest") &&
				  names_file(line, &exe);
		if (local >= lo && local < hi)
			in_stack = find(line, " rw-p ") && find(line, "[stack]");
		l += len + (end ? 1 : 0);
	}
	if (!in_code || !in_stack)
		note("code %d stack %d in:\n%s", in_code, in_stack, text);
	return in_code && in_stack;
}

/* A child asleep on a pipe, as ps would see it. */
static bool status_of_a_child(void)
{
	int fds[2];
	if (pipe(fds))
		return note("pipe: errno %d", errno), false;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		char c;
		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 1 ? 0 : 1);
	}
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	bool ok = true;
	/* Until it sleeps in read: 10 s at most, in 1 ms naps (a count of
	 * sched_yields ran out on a loaded host). */
	for (int tries = 0; tries < 10000; tries++) {
		slurp(path);
		if (find(text, "State:\tS (sleeping)\n"))
			break;
		struct timespec nap = { 0, 1000 * 1000 };
		nanosleep(&nap, NULL);
	}
	if (strncmp(text, "Name:\tproctest\n", 15) != 0 ||
	    !find(text, "State:\tS (sleeping)\n") || field("Pid") != pid ||
	    field("Tgid") != pid || field("PPid") != getpid() ||
	    field("Threads") != 1 || field("VmSize") <= 0 || field("VmRSS") <= 0) {
		note("%s:\n%s", path, text);
		ok = false;
	}
	write(fds[1], "x", 1);
	int s;
	waitpid(pid, &s, 0);
	close(fds[0]);
	close(fds[1]);
	errno = 0;
	if (open(path, O_RDONLY) != -1 || errno != ENOENT) {
		note("%s after the child was reaped: errno %d", path, errno);
		ok = false;
	}
	return ok && s == 0;
}

static bool stat_has_linux_fields(void)
{
	if (slurp("/proc/self/stat") <= 0)
		return note("no /proc/self/stat"), false;
	char want[64];
	snprintf(want, sizeof(want), "%d (proctest) R %d ", getpid(), getppid());
	int fields = 0;
	for (const char *p = text; *p; p++)
		if (*p != ' ' && *p != '\n' && (p == text || p[-1] == ' '))
			fields++;
	/* field 20 is num_threads */
	const char *f = text;
	for (int i = 1; i < 20 && f; i++) {
		f = find(f, " ");
		f = f ? f + 1 : NULL;
	}
	long threads = f ? strtol(f, NULL, 10) : -1;
	bool ok = strncmp(text, want, strlen(want)) == 0 && fields == 52 &&
		  threads == 1;
	if (!ok)
		note("%d fields, num_threads %ld: %s", fields, threads, text);
	return ok;
}

static bool cmdline_and_environ_are_mine(void)
{
	int n = slurp("/proc/self/cmdline");
	int at = 0;
	bool ok = n > 0;
	for (int i = 0; ok && i < main_argc; i++) {
		ok = strcmp(text + at, main_argv[i]) == 0;
		at += (int)strlen(main_argv[i]) + 1;
	}
	if (!ok || at != n) {
		note("cmdline: %d bytes, \"%s\"...", n, text);
		return false;
	}
	n = slurp("/proc/self/environ");
	at = 0;
	for (char **e = environ; ok && *e; e++) {
		ok = strcmp(text + at, *e) == 0;
		at += (int)strlen(*e) + 1;
	}
	if (!ok || at != n)
		note("environ: %d bytes, want %d", n, at);
	return ok && at == n;
}

static bool exe_and_fd_links(void)
{
	char buf[256] = { 0 }, want[64];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	bool ok = n > 9 && strcmp(buf + n - 9, "/proctest") == 0;
	if (!ok)
		note("exe -> \"%s\"", buf);
	int fds[2], null = open("/dev/null", O_RDONLY);
	pipe(fds);
	struct stat st;
	fstat(fds[0], &st);
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fds[1]);
	memset(buf, 0, sizeof(buf));
	n = readlink(path, buf, sizeof(buf) - 1);
	snprintf(want, sizeof(want), "pipe:[%lu]", (unsigned long)st.st_ino);
	if (strcmp(buf, want)) {
		note("%s -> \"%s\" (%d, errno %d), want \"%s\"", path, buf,
		     (int)n, errno, want);
		ok = false;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", null);
	memset(buf, 0, sizeof(buf));
	readlink(path, buf, sizeof(buf) - 1);
	if (strcmp(buf, "/dev/null")) {
		note("%s -> \"%s\", want /dev/null", path, buf);
		ok = false;
	}
	close(fds[0]);
	close(fds[1]);
	close(null);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", null);
	errno = 0;
	if (readlink(path, buf, sizeof(buf)) != -1 || errno != ENOENT) {
		note("a closed descriptor's link: errno %d", errno);
		ok = false;
	}
	return ok;
}

/* ls -l's pattern: getdents64 a few entries at a time, a readlink of
 * each in between. Every descriptor is listed once, and the listing ends. */
static bool fd_listing_sees_each_once(void)
{
	int fd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return note("open /proc/self/fd: errno %d", errno), false;
	int seen[64] = { 0 }, calls = 0;
	char buf[64], link[300];
	ssize_t n;
	bool ok = true;
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0 && ++calls < 200) {
		for (ssize_t at = 0; at < n;) {
			struct linux_dirent64 *d = (void *)(buf + at);
			at += d->d_reclen;
			if (d->d_name[0] == '.')
				continue;
			int num = atoi(d->d_name);
			if (num >= 0 && num < 64 && seen[num]++)
				ok = false;
			char path[64];
			snprintf(path, sizeof(path), "/proc/self/fd/%s", d->d_name);
			readlink(path, link, sizeof(link));
		}
	}
	close(fd);
	ok = ok && calls < 200 && seen[0] == 1 && seen[1] == 1 && seen[2] == 1;
	if (!ok)
		note("%d getdents64 calls; fds 0-3 seen %d %d %d %d times", calls,
		     seen[0], seen[1], seen[2], seen[3]);
	return ok;
}

static bool meminfo_and_uptime_parse(void)
{
	if (slurp("/proc/meminfo") <= 0)
		return note("no /proc/meminfo"), false;
	long total = field("MemTotal"), free = field("MemFree");
	long avail = field("MemAvailable"), cached = field("Cached");
	long slab = field("Slab");  /* the kernel heap: never empty */
	bool ok = strncmp(text, "MemTotal:", 9) == 0 && total > 0 &&
		  free > 0 && free <= total && avail >= 0 && avail <= total &&
		  cached >= 0 && slab > 0 && slab < total &&
		  find(text, " kB\nMemFree:        ");
	if (!ok)
		note("meminfo: %s", text);
	if (slurp("/proc/uptime") <= 0)
		return note("no /proc/uptime"), false;
	char *dot;
	long sec = strtol(text, &dot, 10);
	if (*dot != '.' || sec < 0 || !find(dot, " ")) {
		note("uptime: %s", text);
		ok = false;
	}
	return ok;
}

/* Whether a getdents64 listing of /proc has name. */
static bool proc_lists(const char *name)
{
	int fd = open("/proc", O_RDONLY | O_DIRECTORY);
	static char buf[8192];
	bool found = false;
	ssize_t n;
	while (fd >= 0 && !found && (n = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t at = 0; at < n;) {
			struct linux_dirent64 *d = (void *)(buf + at);
			found |= strcmp(d->d_name, name) == 0;
			at += d->d_reclen;
		}
	}
	close(fd);
	return found;
}

static bool listing_follows_the_processes(void)
{
	char me[16], child[16];
	int fds[2];
	pipe(fds);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		char c;
		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 1 ? 0 : 1);
	}
	snprintf(me, sizeof(me), "%d", getpid());
	snprintf(child, sizeof(child), "%d", pid);
	bool ok = proc_lists(me) && proc_lists(child) && proc_lists("self") &&
		  proc_lists("meminfo");
	write(fds[1], "x", 1);
	int s;
	waitpid(pid, &s, 0);
	close(fds[0]);
	close(fds[1]);
	bool gone = !proc_lists(child);
	if (!ok || !gone)
		note("listing: me, child, self, meminfo %d; child gone %d", ok, gone);
	return ok && gone;
}

/* A child that has exited but is not reaped keeps /proc/PID, as on
 * Linux: status says State Z (zombie) and has no Vm lines, cmdline is
 * empty, exe is ENOENT; once reaped the directory is gone. */
static bool a_zombie_keeps_its_directory_until_reaped(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(3);
	char path[64], child[16], link[64];
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	snprintf(child, sizeof(child), "%d", pid);
	for (int tries = 0; tries < 200; tries++) {  /* until it has exited */
		if (slurp(path) > 0 && find(text, "State:\tZ (zombie)\n"))
			break;
		struct timespec ts = { 0, 5 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	bool ok = true;
	if (!find(text, "State:\tZ (zombie)\n") || field("PPid") != getpid() ||
	    field("Pid") != pid || find(text, "VmSize:")) {
		note("%s:\n%s", path, text);
		ok = false;
	}
	snprintf(link, sizeof(link), "/proc/%d/cmdline", pid);
	ok &= expect_true(slurp(link) == 0, "a zombie's cmdline is empty");
	snprintf(link, sizeof(link), "/proc/%d/exe", pid);
	char target[64];
	errno = 0;
	ok &= expect_true(readlink(link, target, sizeof(target)) == -1 && errno == ENOENT,
			  "a zombie's exe is ENOENT");
	ok &= expect_true(proc_lists(child), "/proc lists the zombie");
	int s;
	ok &= expect_true(waitpid(pid, &s, 0) == pid && WIFEXITED(s) && WEXITSTATUS(s) == 3,
			  "reaped with its status");
	errno = 0;
	ok &= expect_true(open(path, O_RDONLY) == -1 && errno == ENOENT,
			  "status after the zombie was reaped is ENOENT");
	ok &= expect_true(!proc_lists(child), "and /proc no longer lists it");
	return ok;
}

static bool skipped(void)
{
	return true;
}

int main(int argc, char **argv)
{
	main_argc = argc;
	main_argv = argv;
	struct ktap_case cases[] = {
		{ "proc.self_is_my_pid", self_is_my_pid },
		{ "proc.maps_shows_my_code_and_stack", maps_shows_my_code_and_stack },
		{ "proc.status_of_a_child", status_of_a_child },
		{ "proc.stat_has_linux_fields", stat_has_linux_fields },
		{ "proc.cmdline_and_environ_are_mine", cmdline_and_environ_are_mine },
		{ "proc.exe_and_fd_links", exe_and_fd_links },
		{ "proc.fd_listing_sees_each_once", fd_listing_sees_each_once },
		{ "proc.meminfo_and_uptime_parse", meminfo_and_uptime_parse },
		{ "proc.listing_follows_the_processes", listing_follows_the_processes },
		{ "proc.a_zombie_keeps_its_directory_until_reaped",
		  a_zombie_keeps_its_directory_until_reaped },
	};
	/* qemu-user answers /proc/self's maps, stat and environ itself, from
	 * its own view, and other pids' files are the host's (qemu's own
	 * process): those cases need a kernel that runs i386 itself. */
	if (getenv("PAGODA_NO_I386_EXECVE")) {
		static const char *why = " # SKIP qemu-user's /proc is not i386 Linux's";
		static char names[4][96];
		int which[4] = { 1, 2, 3, 4 };
		for (int i = 0; i < 4; i++) {
			snprintf(names[i], sizeof(names[i]), "%s%s",
				 cases[which[i]].name, why);
			cases[which[i]].name = names[i];
			cases[which[i]].run = skipped;
		}
	}
	return ktap_run(cases, KTAP_COUNT(cases));
}
