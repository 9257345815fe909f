/* kernel/cmdline.c: command-line parsing. Pure code: the host unit tests
 * build it too. */
#include "kernel/cmdline.h"

#include "kernel/sections.h"
#include "kernel/uapi/errno.h"

#ifdef HOST_TEST
#include <string.h>
#else
#include "kernel/lib/string.h"
#endif

struct cmdline kernel_cmdline __ro_after_init;  /* parsed once, at boot */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int cmdline_parse(struct cmdline *cl, const char *s)
{
	char *out = cl->buf, *end = cl->buf + sizeof(cl->buf) - 1;
	int err = 0;

	cl->nwords = 0;
	cl->nkernel = -1;
	while (*s) {
		while (is_space(*s))
			s++;
		if (!*s)
			break;
		if (cl->nwords == CMDLINE_MAX_WORDS || out >= end) {
			err = -E2BIG;
			break;
		}
		char *word = out;
		bool quoted = false;
		for (; *s && (quoted || !is_space(*s)); s++) {
			if (*s == '"') {
				quoted = !quoted;
				continue;
			}
			if (*s == '\\' && s[1])
				s++;
			if (out >= end) {
				err = -E2BIG;
				break;
			}
			*out++ = *s;
		}
		*out++ = '\0';
		if (err)
			break;
		if (cl->nkernel < 0 && strcmp(word, "--") == 0) {
			cl->nkernel = cl->nwords;  /* "--" itself is not kept */
			continue;
		}
		cl->words[cl->nwords++] = word;
	}
	if (cl->nkernel < 0)
		cl->nkernel = cl->nwords;
	return err;
}

bool cmdline_flag(const struct cmdline *cl, const char *name)
{
	for (int i = 0; i < cl->nkernel; i++)
		if (strcmp(cl->words[i], name) == 0)
			return true;
	return false;
}

const char *cmdline_value(const struct cmdline *cl, const char *key)
{
	size_t n = strlen(key);
	const char *found = NULL;

	for (int i = 0; i < cl->nkernel; i++)
		if (strncmp(cl->words[i], key, n) == 0 && cl->words[i][n] == '=')
			found = cl->words[i] + n + 1;
	return found;
}

char *const *cmdline_init_args(const struct cmdline *cl, int *count)
{
	*count = cl->nwords - cl->nkernel;
	return &cl->words[cl->nkernel];
}
