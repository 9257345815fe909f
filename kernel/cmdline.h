/* kernel/cmdline.h: the Multiboot command line, split into words.
 * "test quiet init=/bin/sh -- a b" has flags (test, quiet), options
 * (init=/bin/sh) and, after "--", init's arguments (a, b). */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#include <stdbool.h>

#define CMDLINE_MAX_BYTES 4096
#define CMDLINE_MAX_WORDS 256

struct cmdline {
	char buf[CMDLINE_MAX_BYTES];      /* the words, NUL-separated */
	char *words[CMDLINE_MAX_WORDS];   /* kernel words, then init's */
	int nkernel;                      /* words[0..nkernel) are the kernel's */
	int nwords;                       /* words[nkernel..nwords) follow "--" */
};

/* Split s into words. Whitespace separates words, double quotes group
 * (the quotes are removed) and a backslash takes the next character
 * literally. Returns 0, or -E2BIG when s did not fit (what fit is kept). */
int cmdline_parse(struct cmdline *cl, const char *s);

/* True if the kernel part has the bare word name ("test", "quiet"). */
bool cmdline_flag(const struct cmdline *cl, const char *name);

/* The value of the last "key=value" kernel word, or NULL if there is none. */
const char *cmdline_value(const struct cmdline *cl, const char *key);

/* The words after "--", for init's argv[1..]; *count receives how many. */
char *const *cmdline_init_args(const struct cmdline *cl, int *count);

/* The command line this kernel was booted with. */
extern struct cmdline kernel_cmdline;

#endif
