/* user/sh/heredoc.c: here-documents. `cmd <<WORD` takes the lines after
 * the command's line, up to one that is WORD alone, as cmd's standard
 * input; `<<-` drops leading tabs from them and from the WORD line. The
 * lexer calls heredoc_read_bodies() at each newline, so the body is in
 * the delimiter's token before anything is parsed; a quote anywhere in
 * WORD keeps the body as it is, else it is expanded as in double quotes
 * (expand_heredoc). The command reads the body from a file in /tmp that
 * is removed as soon as it is open, so a long body cannot fill a pipe
 * nobody reads yet. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* The delimiter as written (quotes and backslashes removed); *quoted
 * says whether there were any. */
static char *delimiter(const char *word, bool *quoted)
{
	char *d = sh_alloc(strlen(word) + 1), *o = d;
	*quoted = false;
	for (const char *w = word; *w; w++) {
		if (*w == '\'' || *w == '"' || (*w == '\\' && w[1])) {
			*quoted = true;
			if (*w == '\\')
				*o++ = *++w;
			continue;
		}
		*o++ = *w;
	}
	*o = '\0';
	return d;
}

/* Read one body from *p up to the line that is delim; -1 if the text
 * ends first. */
static int read_body(struct token *word, bool strip_tabs, const char **p)
{
	bool quoted;
	char *delim = delimiter(word->text, &quoted);
	size_t dlen = strlen(delim), len = 0, size = 64;
	char *body = sh_alloc(size);
	for (const char *s = *p;;) {
		const char *nl = strchr(s, '\n');
		if (!nl)
			return -1;  /* no delimiter line yet */
		if (strip_tabs)
			while (*s == '\t')
				s++;
		size_t n = nl - s;
		if (n == dlen && strncmp(s, delim, dlen) == 0) {
			*p = nl + 1;
			break;
		}
		if (len + n + 2 > size) {
			char *bigger = sh_alloc(2 * (len + n + 2));
			memcpy(bigger, body, len);
			body = bigger;
			size = 2 * (len + n + 2);
		}
		memcpy(body + len, s, n + 1);  /* the line and its newline */
		len += n + 1;
		s = nl + 1;
	}
	body[len] = '\0';
	word->heredoc = body;
	word->literal = quoted;
	return 0;
}

int heredoc_read_bodies(struct token *toks, int from, int n, const char **p)
{
	for (int i = from; i + 1 < n; i++) {
		if (toks[i].type != T_DLT && toks[i].type != T_DLTDASH)
			continue;
		if (toks[i + 1].type != T_WORD || toks[i + 1].heredoc)
			continue;  /* no delimiter: the parser reports it */
		if (read_body(&toks[i + 1], toks[i].type == T_DLTDASH, p) < 0)
			return -1;
	}
	return 0;
}

int heredoc_open(const struct redir *r)
{
	static unsigned serial;
	char path[64];
	snprintf(path, sizeof(path), "/tmp/.sh-heredoc-%d-%u", (int)getpid(),
		 serial++);
	const char *body = r->literal ? r->word : expand_heredoc(r->word);
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		fprintf(stderr, "sh: cannot make a here-document: %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	unlink(path);
	size_t len = strlen(body);
	if (write(fd, body, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET) != 0) {
		fprintf(stderr, "sh: here-document: %s\n", strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}
