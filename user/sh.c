/* user/sh.c: /bin/sh, a small shell. Reads a line, splits it into words,
 * runs a builtin or forks and execs /bin/WORD, and waits for it. On a
 * terminal it does job control as POSIX shells do: each command runs in
 * its own process group, which gets the terminal while it runs, so
 * Ctrl-C and Ctrl-Z reach the command and not the shell (docs/tty.md). */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX 1024  /* bytes in a line, its newline included */
#define WORDS_MAX 64   /* words in a command */

static int last_status;  /* what $? expands to */
static bool job_control;  /* on a terminal that is ours: groups, fg */
static pid_t stopped;     /* the last command Ctrl-Z stopped, for fg */

/* The signals the shell itself ignores while it has job control, and
 * its commands get back at their default. */
static const int job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };
#define NJOB_SIGNALS (int)(sizeof(job_signals) / sizeof(job_signals[0]))

/* Take the terminal as ours: become its session's controlling process
 * group, ignoring the keyboard's signals. False if it cannot be ours. */
static bool start_job_control(void)
{
	for (int i = 0; i < NJOB_SIGNALS; i++)
		signal(job_signals[i], SIG_IGN);
	ioctl(0, TIOCSCTTY, 0);  /* a session leader without one takes it */
	setpgid(0, 0);           /* fails for a session leader: it leads one */
	if (tcsetpgrp(0, getpgrp()) == 0)
		return true;
	for (int i = 0; i < NJOB_SIGNALS; i++)
		signal(job_signals[i], SIG_DFL);
	return false;
}

/* Bytes read but not yet used: read() may return less than a line (a pipe)
 * or more (a pipe again; a terminal gives one line at a time). */
static char pending[LINE_MAX];
static int npending;

/* Read one line into line (NUL-terminated, newline dropped). Returns its
 * length, -1 at end of file, -2 if it was too long (it is skipped). */
static int read_line(char *line)
{
	bool too_long = false;
	for (;;) {
		char *nl = memchr(pending, '\n', npending);
		if (nl) {
			int len = nl - pending;
			memcpy(line, pending, len);
			line[len] = '\0';
			npending -= len + 1;
			memmove(pending, nl + 1, npending);
			return too_long ? -2 : len;
		}
		if (npending == LINE_MAX) {  /* full, and no newline: drop it */
			too_long = true;
			npending = 0;
		}
		ssize_t n = read(0, pending + npending, LINE_MAX - npending);
		if (n <= 0) {  /* end of file (or an error) */
			int len = npending;
			npending = 0;
			if (too_long)
				return -2;
			if (len == 0)
				return -1;
			memcpy(line, pending, len);  /* a last line without newline */
			line[len] = '\0';
			return len;
		}
		npending += n;
	}
}

/* Split the command at *pos into words, up to an unquoted ';' or the end;
 * *pos moves past it. Quotes group ("..." and '...'), a backslash takes the
 * next character as it is, $? becomes the last status (not in '...'). The
 * words are written to out (room for 2 * LINE_MAX bytes). Returns the word
 * count, or -1 after printing why the line is wrong. */
static int split(const char **pos, char *out, char **words)
{
	const char *p = *pos;
	int n = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == ';')
			break;
		if (n == WORDS_MAX) {
			fprintf(stderr, "sh: too many words (at most %d)\n", WORDS_MAX);
			return -1;
		}
		words[n++] = out;
		char quote = 0;
		for (; *p && (quote || (*p != ' ' && *p != '\t' && *p != ';')); p++) {
			if (quote == *p) {
				quote = 0;
			} else if (!quote && (*p == '"' || *p == '\'')) {
				quote = *p;
			} else if (*p == '\\' && quote != '\'' && p[1]) {
				*out++ = *++p;
			} else if (p[0] == '$' && p[1] == '?' && quote != '\'') {
				out += sprintf(out, "%d", last_status);
				p++;
			} else {
				*out++ = *p;
			}
		}
		if (quote) {
			fprintf(stderr, "sh: unterminated %c quote\n", quote);
			return -1;
		}
		*out++ = '\0';
	}
	words[n] = NULL;
	*pos = *p == ';' ? p + 1 : p;
	return n;
}

/* What bash says of a child killed by signal sig. */
static void report_signal(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "Hangup", [SIGQUIT] = "Quit",
		[SIGILL] = "Illegal instruction", [SIGABRT] = "Aborted",
		[SIGBUS] = "Bus error", [SIGFPE] = "Floating point exception",
		[SIGKILL] = "Killed", [SIGSEGV] = "Segmentation fault",
		[SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
	};
	if (sig == SIGINT || sig == SIGPIPE)  /* bash: just a new line */
		fputs(sig == SIGINT ? "\n" : "", stderr);
	else if (sig < (int)(sizeof(names) / sizeof(names[0])) && names[sig])
		fprintf(stderr, "%s\n", names[sig]);
	else
		fprintf(stderr, "terminated by signal %d\n", sig);
}

/* Fork; the child execs the program, the parent waits. Returns the status
 * a shell reports: the exit code, 128 + signal, 126 or 127 if exec failed. */
static int wait_for(pid_t pid);

static int run_program(char **argv)
{
	char path[LINE_MAX + 8];
	if (strchr(argv[0], '/'))
		snprintf(path, sizeof(path), "%s", argv[0]);
	else
		snprintf(path, sizeof(path), "/bin/%s", argv[0]);

	fflush(stdout);  /* or the child would write our buffer again */
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "sh: fork: %s\n", strerror(errno));
		return 126;
	}
	if (pid == 0) {
		if (job_control) {  /* its own group, in the foreground */
			setpgid(0, 0);
			tcsetpgrp(0, getpid());
			for (int i = 0; i < NJOB_SIGNALS; i++)
				signal(job_signals[i], SIG_DFL);
		}
		execve(path, argv, environ);
		int err = errno;  /* only reached if execve failed */
		fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(err));
		_exit(err == ENOENT ? 127 : 126);
	}
	if (job_control) {  /* both sides, or the child could run first */
		setpgid(pid, pid);
		tcsetpgrp(0, pid);
	}
	return wait_for(pid);
}

/* Wait for the command in group pid to end or stop; take the terminal
 * back. Returns its status as $? shows it. */
static int wait_for(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, job_control ? WUNTRACED : 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "sh: waitpid: %s\n", strerror(errno));
			return 126;
		}
	}
	if (job_control)
		tcsetpgrp(0, getpgrp());
	if (WIFSTOPPED(status)) {
		stopped = pid;
		fprintf(stderr, "\n[%d] Stopped (fg continues it)\n", pid);
		return 128 + WSTOPSIG(status);
	}
	/* Run as init (init=/bin/sh) the shell adopts orphans: collect any
	 * that have ended, or they would fill the process table. */
	int other;
	while (waitpid(-1, &other, WNOHANG) > 0)
		;
	if (WIFSIGNALED(status)) {
		report_signal(WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}

/* The shell's own words, then /bin/help's list of what is in /bin. */
static int help(void)
{
	printf("pagoda's shell. Builtins: echo ARGS..., exit [N], fg, help.\n"
	       "Other commands run /bin/NAME (or a path with a '/').\n"
	       "Quotes \"...\" and '...' group words, \\ escapes, $? is the last\n"
	       "status, ';' separates commands. Ctrl-D on an empty line leaves.\n"
	       "Ctrl-C ends the running command, Ctrl-Z stops it (fg resumes).\n");
	char *argv[] = { "help", NULL };
	return run_program(argv);
}

/* Run one command (argc >= 1); returns its status. */
static int run(int argc, char **argv)
{
	if (strcmp(argv[0], "exit") == 0) {
		fflush(stdout);
		exit(argc > 1 ? atoi(argv[1]) & 0xff : last_status);
	}
	if (strcmp(argv[0], "fg") == 0) {
		if (!stopped) {
			fprintf(stderr, "sh: fg: no stopped command\n");
			return 1;
		}
		pid_t pid = stopped;
		stopped = 0;
		tcsetpgrp(0, pid);
		kill(-pid, SIGCONT);
		return wait_for(pid);
	}
	if (strcmp(argv[0], "help") == 0)
		return help();
	if (strcmp(argv[0], "echo") == 0) {
		for (int i = 1; i < argc; i++)
			printf("%s%s", argv[i], i + 1 < argc ? " " : "");
		printf("\n");
		return 0;
	}
	return run_program(argv);
}

int main(void)
{
	static char line[LINE_MAX + 1], words_buf[2 * LINE_MAX];
	char *words[WORDS_MAX + 1];
	bool interactive = isatty(0);
	job_control = interactive && start_job_control();

	for (;;) {
		if (interactive)
			fputs("$ ", stderr);
		int len = read_line(line);
		if (len == -1)
			break;
		if (len == -2) {
			fprintf(stderr, "sh: line too long (at most %d bytes)\n",
				LINE_MAX - 1);
			last_status = 2;
			continue;
		}
		const char *pos = line;
		while (*pos) {
			int argc = split(&pos, words_buf, words);
			if (argc < 0) {
				last_status = 2;
				break;
			}
			if (argc > 0)
				last_status = run(argc, words);
		}
	}
	if (interactive)
		fputs("\n", stderr);
	return 0;
}
