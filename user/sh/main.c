/* user/sh/main.c: the shell's main loop. Where the commands come from:
 *   sh                 standard input (a terminal: prompts, job control)
 *   sh FILE [ARG...]   a script; $0 is FILE, $1... the ARGs
 *   sh -c CMD [NAME [ARG...]]
 * Each line is parsed whole (with the lines after it while it is
 * incomplete: a trailing |, &&, || or an open quote) and then run, so a
 * syntax error runs nothing of it. Also the arena, the memory of one
 * line's tokens, tree and words. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

char *sh_name = "sh";
char **pos_args;
int npos_args;

#define ARENA_SIZE (256 * 1024)
static char arena[ARENA_SIZE];
static size_t arena_used;
static jmp_buf line_abort;  /* the arena is full: give up this line */

void *sh_alloc(size_t n)
{
	n = (n + 7) & ~(size_t)7;
	if (n > ARENA_SIZE - arena_used) {
		fprintf(stderr, "sh: command too long\n");
		longjmp(line_abort, 1);
	}
	void *p = arena + arena_used;
	arena_used += n;
	memset(p, 0, n);
	return p;
}

char *sh_strndup(const char *s, size_t n)
{
	char *p = sh_alloc(n + 1);
	memcpy(p, s, n);
	return p;
}

static size_t arena_base;  /* below it: the tree of a `.` running now */

size_t sh_arena_mark(void)
{
	return arena_used;
}

void sh_arena_release(size_t mark)
{
	arena_used = mark;
}

void sh_arena_reset(void)
{
	arena_used = arena_base;
}

/* Where lines come from: a descriptor, read a block at a time. */
struct input {
	int fd;
	char buf[4096];
	int start, len;
	char *text;     /* the command being read (more lines if incomplete) */
	size_t tlen;
};

/* The next line, newline included, appended to *text (malloc'd, grown).
 * False at end of input with nothing read. */
static bool read_line(struct input *in, char **text, size_t *len)
{
	bool got = false;
	for (;;) {
		if (in->start == in->len) {
			ssize_t n = read(in->fd, in->buf, sizeof(in->buf));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				return got;
			in->start = 0;
			in->len = n;
		}
		char *nl = memchr(in->buf + in->start, '\n', in->len - in->start);
		int take = nl ? nl - (in->buf + in->start) + 1 : in->len - in->start;
		char *bigger = realloc(*text, *len + take + 2);
		if (!bigger)
			sh_exit(2);
		*text = bigger;
		memcpy(*text + *len, in->buf + in->start, take);
		*len += take;
		(*text)[*len] = '\0';
		in->start += take;
		got = true;
		if (nl)
			return true;
	}
}

/* Parse and run text; returns -1 on a syntax error. */
static int run_text(const char *text)
{
	struct node *tree;
	int r = parse(text, &tree);
	if (r == 1) {
		fprintf(stderr, "sh: syntax error: unexpected end of file\n");
		r = -1;
	}
	if (r < 0) {
		last_status = 2;
		return -1;
	}
	run_tree(tree);
	return 0;
}

int sh_run_string(const char *text)
{
	size_t mark = sh_arena_mark();
	jmp_buf outer;  /* a full arena gives up this text, not the line */
	memcpy(outer, line_abort, sizeof(jmp_buf));
	if (setjmp(line_abort) == 0)
		run_text(text);
	else
		last_status = 2;
	memcpy(line_abort, outer, sizeof(jmp_buf));
	sh_arena_release(mark);
	return last_status;
}

/* Read, parse, run until the input ends (prompting: the user's own
 * terminal). Returns $?. */
static int run_input(struct input *in, bool prompting, bool editing)
{
	for (;;) {
		if (setjmp(line_abort)) {
			last_status = 2;
			in->tlen = 0;
		}
		sh_arena_reset();
		const char *prompt = in->tlen ? "> " : "$ ";
		if (prompting) {
			traps_run_pending();  /* a signal that came at the prompt */
			jobs_notify();
		}
		if (prompting && !editing)
			fputs(prompt, stderr);
		if (editing ? !edit_line(prompt, &in->text, &in->tlen) :
			      !read_line(in, &in->text, &in->tlen)) {
			if (in->tlen) {  /* the end came inside a command */
				fprintf(stderr, "sh: syntax error: "
						"unexpected end of file\n");
				last_status = 2;
			}
			break;
		}
		struct node *tree;
		int r = parse(in->text, &tree);
		if (r == 1)
			continue;  /* incomplete: read the next line too */
		in->tlen = 0;
		if (r < 0) {
			last_status = 2;
			if (!prompting)
				break;
			continue;
		}
		interrupted = false;
		run_tree(tree);
	}
	if (prompting)
		fputs("\n", stderr);
	free(in->text);
	in->text = NULL;
	return last_status;
}

/* Open path for reading commands, at a descriptor of 10 or above, out of
 * the way of the commands' `exec 3<f`. -1 after a message. */
static int open_script(const char *who, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "sh: %s%s: %s\n", who, path, strerror(errno));
		return -1;
	}
	int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (high >= 0) {
		close(fd);
		fd = high;
	}
	return fd;
}

int sh_source(const char *path)
{
	struct input *in = calloc(1, sizeof(*in));
	if (!in)
		return 1;
	in->fd = open_script(".: ", path);
	if (in->fd < 0) {
		free(in);
		return 1;
	}
	/* The line that ran `.` stays in the arena, under a new base, and
	 * a full arena must not jump back to a frame of ours once we return. */
	size_t base = arena_base;
	jmp_buf outer;
	memcpy(outer, line_abort, sizeof(jmp_buf));
	arena_base = arena_used;
	int status = run_input(in, false, false);
	arena_base = base;
	memcpy(line_abort, outer, sizeof(jmp_buf));
	close(in->fd);
	free(in);
	return status;
}

/* sh -e, -x, -u, -f (set's options, alone or together, -eu) before -c
 * or the script: how many. A c among them (sh -ec CMD) is -c. */
static int leading_options(int argc, char **argv)
{
	int n = 0;
	while (n + 1 < argc) {
		int r = sh_options(argv[n + 1]);
		if (r < 0)
			break;
		if (r == 1) {  /* -euc: the options, then it is -c */
			argv[n + 1] = "-c";
			break;
		}
		n++;
	}
	return n;
}

int main(int argc0, char **argv0, char **envp)
{
	struct input in = { .fd = 0 };
	vars_init(envp);
	shell_pid = getpid();
	const int skip = leading_options(argc0, argv0), argc = argc0 - skip;
	char **const argv = argv0 + skip;  /* argv[0] may be an option now:
					      argv0[0] names the shell */
	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		sh_name = argc > 3 ? argv[3] : argv0[0];
		pos_args = argv + 4;
		npos_args = argc > 4 ? argc - 4 : 0;
		if (setjmp(line_abort) == 0)
			run_text(argv[2]);
		else
			last_status = 2;
		sh_exit(last_status);
	}
	if (argc > 1) {
		in.fd = open_script("", argv[1]);
		if (in.fd < 0)
			sh_exit(errno == ENOENT ? 127 : 126);
		sh_name = argv[1];
		pos_args = argv + 2;
		npos_args = argc - 2;
	} else {
		interactive = isatty(0);
		jobs_init();
	}
	sh_exit(run_input(&in, interactive, interactive && edit_wanted()));
	return 0;
}
