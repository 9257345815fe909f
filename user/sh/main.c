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

void sh_arena_reset(void)
{
	arena_used = 0;
}

/* Where lines come from: a descriptor, read a block at a time. */
struct input {
	int fd;
	char buf[4096];
	int start, len;
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

/* Read, parse, run until the input ends. Returns $?. */
static char *text;   /* the command being read (more lines if incomplete) */
static size_t len;

static int run_input(struct input *in, bool editing)
{
	for (;;) {
		if (setjmp(line_abort)) {
			last_status = 2;
			len = 0;
		}
		sh_arena_reset();
		const char *prompt = len ? "> " : "$ ";
		if (interactive)
			jobs_notify();
		if (interactive && !editing)
			fputs(prompt, stderr);
		if (editing ? !edit_line(prompt, &text, &len) :
			      !read_line(in, &text, &len)) {
			if (len) {  /* the end came inside a command */
				fprintf(stderr, "sh: syntax error: "
						"unexpected end of file\n");
				last_status = 2;
			}
			break;
		}
		struct node *tree;
		int r = parse(text, &tree);
		if (r == 1)
			continue;  /* incomplete: read the next line too */
		len = 0;
		if (r < 0) {
			last_status = 2;
			if (!interactive)
				break;
			continue;
		}
		run_tree(tree);
	}
	if (interactive)
		fputs("\n", stderr);
	free(text);
	return last_status;
}

int main(int argc, char **argv, char **envp)
{
	struct input in = { .fd = 0 };
	vars_init(envp);
	shell_pid = getpid();
	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		sh_name = argc > 3 ? argv[3] : argv[0];
		pos_args = argv + 4;
		npos_args = argc > 4 ? argc - 4 : 0;
		if (setjmp(line_abort) == 0)
			run_text(argv[2]);
		else
			last_status = 2;
		sh_exit(last_status);
	}
	if (argc > 1) {
		in.fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (in.fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			sh_exit(errno == ENOENT ? 127 : 126);
		}
		int high = fcntl(in.fd, F_DUPFD_CLOEXEC, 10);
		if (high >= 0) {  /* out of the way of the script's `exec 3<f` */
			close(in.fd);
			in.fd = high;
		}
		sh_name = argv[1];
		pos_args = argv + 2;
		npos_args = argc - 2;
	} else {
		interactive = isatty(0);
		jobs_init();
	}
	sh_exit(run_input(&in, interactive && edit_wanted()));
	return 0;
}
