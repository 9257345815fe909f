/* user/runutil.h: running pagoda's utilities from a test program: each
 * run is fork + execve with standard input from a given text, and its
 * stdout, stderr and exit status compared byte for byte with what is
 * expected. The programs are found in /bin, or in PAGODA_BIN (a host
 * run: the build's user/); PAGODA_RUNNER (qemu-i386 on a host that
 * cannot exec i386) is put in front of each, given argv[0] with -0.
 * The programs run in /tmp/NAME.PID, their input and output are the
 * files /tmp/NAME.PID.in, .out and .err; all removed at the end. */
#ifndef USER_RUNUTIL_H
#define USER_RUNUTIL_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static char ut_work[64];    /* /tmp/NAME.PID: the programs' working directory */
static const char *ut_bin = "/bin";
static const char *ut_runner;
static char ut_out[65536], ut_err[4096];  /* what the last run wrote (ps on a host is long) */

/* Write text to path (created or truncated); false on failure. */
static inline bool put_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return false;
	size_t n = strlen(text);
	bool ok = write(fd, text, n) == (ssize_t)n;
	return close(fd) == 0 && ok;
}

/* Read at most size - 1 bytes of path into buf, NUL-terminated; -1 if
 * it cannot be opened. */
static inline int get_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	buf[0] = 0;
	if (fd < 0)
		return -1;
	ssize_t n, len = 0;
	while (len < (ssize_t)size - 1 &&
	       (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = 0;
	close(fd);
	return len;
}

/* The text as one line with \n and other bytes escaped, for a note. */
static inline const char *shown(const char *s)
{
	static char buf[2][300];
	static int which;
	char *b = buf[which ^= 1];
	size_t k = 0;
	for (; *s && k < sizeof(buf[0]) - 6; s++) {
		if (*s == '\n')
			k += sprintf(b + k, "\\n");
		else if ((unsigned char)*s < 32)
			k += sprintf(b + k, "\\x%02x", (unsigned char)*s);
		else
			b[k++] = *s;
	}
	b[k] = 0;
	return b;
}

static inline void ut_child(const char *const *argv)
{
	char path[300], in[100], out[100], err[100];
	snprintf(in, sizeof(in), "%s.in", ut_work);
	snprintf(out, sizeof(out), "%s.out", ut_work);
	snprintf(err, sizeof(err), "%s.err", ut_work);
	int fd0 = open(in, O_RDONLY), fd1 = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int fd2 = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd0 < 0 || fd1 < 0 || fd2 < 0 || dup2(fd0, 0) < 0 || dup2(fd1, 1) < 0 ||
	    dup2(fd2, 2) < 0)
		_exit(120);
	if (strchr(argv[0], '/'))
		snprintf(path, sizeof(path), "%s", argv[0]);
	else
		snprintf(path, sizeof(path), "%s/%s", ut_bin, argv[0]);
	if (!ut_runner) {
		execve(path, (char *const *)argv, environ);
		_exit(121);
	}
	const char *v[40] = { ut_runner, "-0", argv[0], path };
	for (int i = 1, k = 4; argv[i] && k < 39; i++)
		v[k++] = argv[i];
	execve(ut_runner, (char *const *)v, environ);
	_exit(122);
}

/* Run argv[0] (a name in the bin directory, or a path) with argv, stdin
 * the text in; its wait status, or -1 (noted). Output in ut_out, ut_err. */
static inline int run_argv(const char *in, const char *const *argv)
{
	char path[100];
	snprintf(path, sizeof(path), "%s.in", ut_work);
	if (!put_file(path, in)) {
		note("cannot write %s: errno %d", path, errno);
		return -1;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		ut_child(argv);
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		note("fork or waitpid failed: errno %d", errno);
		return -1;
	}
	snprintf(path, sizeof(path), "%s.out", ut_work);
	get_file(path, ut_out, sizeof(ut_out));
	snprintf(path, sizeof(path), "%s.err", ut_work);
	get_file(path, ut_err, sizeof(ut_err));
	return status;
}

/* Run and compare: stdout, stderr and the exit status must be these. */
static inline bool expect_argv(const char *in, const char *out, const char *err,
			       int status, const char *const *argv)
{
	int s = run_argv(in, argv);
	bool ok = s >= 0 && WIFEXITED(s) && WEXITSTATUS(s) == status &&
		  strcmp(ut_out, out) == 0 && strcmp(ut_err, err) == 0;
	if (!ok) {
		char cmd[200] = "";
		for (int i = 0; argv[i] && strlen(cmd) < 150; i++)
			snprintf(cmd + strlen(cmd), sizeof(cmd) - strlen(cmd),
				 "%s%s", i ? " " : "", argv[i]);
		note("%s: status 0x%x, want exit %d", cmd, s, status);
		if (strcmp(ut_out, out))
			note("  stdout \"%s\", want \"%s\"", shown(ut_out), shown(out));
		if (strcmp(ut_err, err))
			note("  stderr \"%s\", want \"%s\"", shown(ut_err), shown(err));
	}
	return ok;
}

/* EXPECT(stdin, stdout, stderr, status, "prog", "arg"...). */
#define EXPECT(in, out, err, status, ...) \
	expect_argv(in, out, err, status, (const char *const[]){ __VA_ARGS__, NULL })

/* Make /tmp/NAME.PID and go there; false (noted) on failure. */
static inline bool ut_setup(const char *name)
{
	if (getenv("PAGODA_BIN"))
		ut_bin = getenv("PAGODA_BIN");
	ut_runner = getenv("PAGODA_RUNNER");
	umask(022);
	snprintf(ut_work, sizeof(ut_work), "/tmp/%s.%d", name, getpid());
	mkdir("/tmp", 01777);
	if (mkdir(ut_work, 0755) < 0 || chdir(ut_work) < 0) {
		note("cannot make %s: errno %d", ut_work, errno);
		return false;
	}
	return true;
}

/* Remove the directory with `rm -r` (so rm is tested once more), then
 * the capture files. */
static inline bool ut_cleanup(void)
{
	chdir("/");
	bool ok = EXPECT("", "", "", 0, "rm", "-r", ut_work);
	struct stat st;
	ok = ok && stat(ut_work, &st) < 0 && errno == ENOENT;
	static const char *const ext[] = { "in", "out", "err" };
	for (int i = 0; i < 3; i++) {
		char path[100];
		snprintf(path, sizeof(path), "%s.%s", ut_work, ext[i]);
		ok = unlink(path) == 0 && ok;
	}
	return ok;
}

#endif
