/* tests/host/cmdline_test.c: host tests of kernel/cmdline.c, the Multiboot
 * command-line parser: words, flags, key=value, "--", quotes, escapes and
 * the E2BIG limits. */
#include "tests/host/hosttest.h"

#include <stdio.h>
#include <stdlib.h>

#include "kernel/cmdline.h"
#include "kernel/uapi/errno.h"

/* On the heap, so ASan sees a write past the end of the structure. */
static struct cmdline *parse(const char *s, int *err)
{
	struct cmdline *cl = malloc(sizeof(*cl));
	if (cl) {
		memset(cl, 0x5a, sizeof(*cl));
		*err = cmdline_parse(cl, s);
	}
	return cl;
}

/* Every word lies inside buf, NUL included; the counts are in range. */
static bool words_inside_buf(const struct cmdline *cl)
{
	if (cl->nkernel < 0 || cl->nkernel > cl->nwords ||
	    cl->nwords > CMDLINE_MAX_WORDS)
		return false;
	for (int i = 0; i < cl->nwords; i++) {
		const char *w = cl->words[i];
		if (w < cl->buf || w >= cl->buf + sizeof(cl->buf))
			return false;
		size_t room = (size_t)(cl->buf + sizeof(cl->buf) - w);
		if (strnlen(w, room) == room)
			return false;
	}
	return true;
}

/* A line of n words "w0 w1 w2 ...". */
static char *numbered_words(int n)
{
	char *s = malloc((size_t)n * 8 + 1), *p = s;
	if (!s)
		return NULL;
	for (int i = 0; i < n; i++)
		p += sprintf(p, "%sw%d", i ? " " : "", i);
	return s;
}

static char *repeat(char c, size_t n)
{
	char *s = malloc(n + 1);
	if (s) {
		memset(s, c, n);
		s[n] = '\0';
	}
	return s;
}

HOSTTEST(cmdline, empty_line_has_no_words)
{
	int err, count = -1;
	struct cmdline *cl = parse("", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	EXPECT_EQ(cl->nwords, 0);
	EXPECT_EQ(cl->nkernel, 0);
	EXPECT_FALSE(cmdline_flag(cl, "test"));
	EXPECT_NULL(cmdline_value(cl, "init"));
	cmdline_init_args(cl, &count);
	EXPECT_EQ(count, 0);
	free(cl);
}

HOSTTEST(cmdline, blank_line_has_no_words)
{
	int err;
	struct cmdline *cl = parse(" \t\r\n  ", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	EXPECT_EQ(cl->nwords, 0);
	EXPECT_EQ(cl->nkernel, 0);
	free(cl);
}

HOSTTEST(cmdline, whitespace_separates_words)
{
	int err;
	struct cmdline *cl = parse("  a  bc\td\r\ne ", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	ASSERT_EQ(cl->nwords, 4);
	EXPECT_EQ(cl->nkernel, 4);
	EXPECT_STREQ(cl->words[0], "a");
	EXPECT_STREQ(cl->words[1], "bc");
	EXPECT_STREQ(cl->words[2], "d");
	EXPECT_STREQ(cl->words[3], "e");
	EXPECT_TRUE(words_inside_buf(cl));
	free(cl);
}

HOSTTEST(cmdline, flag_matches_whole_bare_word_only)
{
	int err;
	struct cmdline *cl =
		parse("/boot/kernel.elf test quiet init=/bin/sh", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	EXPECT_TRUE(cmdline_flag(cl, "test"));
	EXPECT_TRUE(cmdline_flag(cl, "quiet"));
	EXPECT_FALSE(cmdline_flag(cl, "tes"));
	EXPECT_FALSE(cmdline_flag(cl, "tests"));
	EXPECT_FALSE(cmdline_flag(cl, "init"));
	EXPECT_FALSE(cmdline_flag(cl, ""));
	free(cl);
}

HOSTTEST(cmdline, value_is_the_text_after_equals)
{
	int err;
	struct cmdline *cl = parse("init=/bin/sh root= a=b=c test", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	EXPECT_STREQ(cmdline_value(cl, "init"), "/bin/sh");
	EXPECT_STREQ(cmdline_value(cl, "root"), "");
	EXPECT_STREQ(cmdline_value(cl, "a"), "b=c");
	EXPECT_NULL(cmdline_value(cl, "ini"));
	EXPECT_NULL(cmdline_value(cl, "init=/bin"));
	EXPECT_NULL(cmdline_value(cl, "test"));
	EXPECT_NULL(cmdline_value(cl, "missing"));
	free(cl);
}

HOSTTEST(cmdline, last_value_wins)
{
	int err;
	struct cmdline *cl = parse("test=pmm init=/a test=vmm,exec", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	EXPECT_STREQ(cmdline_value(cl, "test"), "vmm,exec");
	EXPECT_STREQ(cmdline_value(cl, "init"), "/a");
	free(cl);
}

HOSTTEST(cmdline, double_dash_splits_kernel_and_init_words)
{
	int err, count;
	struct cmdline *cl = parse("quiet init=/bin/sh -- -c test x=1", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	EXPECT_EQ(cl->nkernel, 2);
	EXPECT_EQ(cl->nwords, 5);
	char *const *args = cmdline_init_args(cl, &count);
	ASSERT_EQ(count, 3);
	EXPECT_STREQ(args[0], "-c");
	EXPECT_STREQ(args[1], "test");
	EXPECT_STREQ(args[2], "x=1");
	/* Words after "--" are init's, not the kernel's. */
	EXPECT_TRUE(cmdline_flag(cl, "quiet"));
	EXPECT_FALSE(cmdline_flag(cl, "test"));
	EXPECT_NULL(cmdline_value(cl, "x"));
	free(cl);
}

HOSTTEST(cmdline, only_the_first_double_dash_splits)
{
	int err, count;
	struct cmdline *cl = parse("a -- b -- c", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	EXPECT_EQ(cl->nkernel, 1);
	char *const *args = cmdline_init_args(cl, &count);
	ASSERT_EQ(count, 3);
	EXPECT_STREQ(args[0], "b");
	EXPECT_STREQ(args[1], "--");
	EXPECT_STREQ(args[2], "c");
	free(cl);
}

HOSTTEST(cmdline, double_dash_at_either_end)
{
	int err, count;
	struct cmdline *cl = parse("-- a", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(cl->nkernel, 0);
	cmdline_init_args(cl, &count);
	EXPECT_EQ(count, 1);
	free(cl);

	cl = parse("a --", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	EXPECT_EQ(cl->nkernel, 1);
	cmdline_init_args(cl, &count);
	EXPECT_EQ(count, 0);
	free(cl);
}

HOSTTEST(cmdline, quotes_group_words_and_are_removed)
{
	int err;
	struct cmdline *cl =
		parse("init=\"/bin/sh -x\" a\"b c\"d \"\" e", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	ASSERT_EQ(cl->nwords, 4);
	EXPECT_STREQ(cl->words[0], "init=/bin/sh -x");
	EXPECT_STREQ(cl->words[1], "ab cd");
	EXPECT_STREQ(cl->words[2], "");
	EXPECT_STREQ(cl->words[3], "e");
	EXPECT_STREQ(cmdline_value(cl, "init"), "/bin/sh -x");
	free(cl);
}

HOSTTEST(cmdline, unterminated_quote_runs_to_the_end)
{
	int err;
	struct cmdline *cl = parse("a \"b  c", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	ASSERT_EQ(cl->nwords, 2);
	EXPECT_STREQ(cl->words[1], "b  c");
	free(cl);
}

HOSTTEST(cmdline, backslash_takes_the_next_char_literally)
{
	int err;
	struct cmdline *cl =
		parse("a\\ b \\\"q\\\" c\\\\d \"x\\\"y\" end\\", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	ASSERT_EQ(cl->nwords, 5);
	EXPECT_STREQ(cl->words[0], "a b");
	EXPECT_STREQ(cl->words[1], "\"q\"");
	EXPECT_STREQ(cl->words[2], "c\\d");
	EXPECT_STREQ(cl->words[3], "x\"y");
	/* A backslash with nothing after it stays. */
	EXPECT_STREQ(cl->words[4], "end\\");
	free(cl);
}

HOSTTEST(cmdline, quoted_double_dash_still_splits)
{
	/* As in Linux: the split looks at the word once quotes are removed. */
	int err;
	struct cmdline *cl = parse("a \"--\" b", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(cl->nkernel, 1);
	EXPECT_EQ(cl->nwords, 2);
	free(cl);
}

HOSTTEST(cmdline, a_new_parse_forgets_the_old_words)
{
	int err;
	struct cmdline *cl = parse("a b c -- d", &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(cmdline_parse(cl, "x"), 0);
	EXPECT_EQ(cl->nwords, 1);
	EXPECT_EQ(cl->nkernel, 1);
	EXPECT_STREQ(cl->words[0], "x");
	free(cl);
}

HOSTTEST(cmdline, max_words_fit)
{
	int err, count;
	char *line = numbered_words(CMDLINE_MAX_WORDS);
	ASSERT_NOT_NULL(line);
	struct cmdline *cl = parse(line, &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	EXPECT_EQ(cl->nwords, CMDLINE_MAX_WORDS);
	EXPECT_STREQ(cl->words[CMDLINE_MAX_WORDS - 1], "w255");
	cmdline_init_args(cl, &count);
	EXPECT_EQ(count, 0);
	EXPECT_TRUE(words_inside_buf(cl));
	free(cl);
	free(line);
}

HOSTTEST(cmdline, too_many_words_give_e2big_and_keep_the_first)
{
	int err;
	char *line = numbered_words(CMDLINE_MAX_WORDS + 50);
	ASSERT_NOT_NULL(line);
	struct cmdline *cl = parse(line, &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, -E2BIG);
	EXPECT_EQ(cl->nwords, CMDLINE_MAX_WORDS);
	EXPECT_EQ(cl->nkernel, CMDLINE_MAX_WORDS);
	EXPECT_STREQ(cl->words[0], "w0");
	EXPECT_STREQ(cl->words[CMDLINE_MAX_WORDS - 1], "w255");
	EXPECT_TRUE(words_inside_buf(cl));
	free(cl);
	free(line);
}

HOSTTEST(cmdline, longest_word_fits)
{
	int err;
	char *line = repeat('a', CMDLINE_MAX_BYTES - 1);
	ASSERT_NOT_NULL(line);
	struct cmdline *cl = parse(line, &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, 0);
	ASSERT_EQ(cl->nwords, 1);
	EXPECT_EQ(strlen(cl->words[0]), CMDLINE_MAX_BYTES - 1);
	free(cl);
	free(line);
}

HOSTTEST(cmdline, too_long_word_gives_e2big_and_no_partial_word)
{
	int err;
	char *line = repeat('a', CMDLINE_MAX_BYTES);
	ASSERT_NOT_NULL(line);
	struct cmdline *cl = parse(line, &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, -E2BIG);
	EXPECT_EQ(cl->nwords, 0);
	EXPECT_EQ(cl->nkernel, 0);
	free(cl);
	free(line);
}

/* 5000 bytes of 23-letter words: the buffer fills before the word limit. */
HOSTTEST(cmdline, too_long_line_gives_e2big_and_keeps_whole_words)
{
	static const char word[] = "abcdefghijklmnopqrstuvw";
	const size_t step = sizeof(word); /* the word and a space */
	int err, count;
	char *line = repeat(' ', 5000);
	ASSERT_NOT_NULL(line);
	for (size_t at = 0; at + step <= 5000; at += step)
		memcpy(line + at, word, step - 1);
	memcpy(line, "k1 k2 -- ", 9); /* the first words are the kernel's */
	struct cmdline *cl = parse(line, &err);
	ASSERT_NOT_NULL(cl);
	EXPECT_EQ(err, -E2BIG);
	EXPECT_TRUE(words_inside_buf(cl));
	EXPECT_EQ(cl->nkernel, 2);
	EXPECT_STREQ(cl->words[1], "k2");
	cmdline_init_args(cl, &count);
	EXPECT_GT(count, 150);
	EXPECT_LT(cl->nwords, CMDLINE_MAX_WORDS);
	for (int i = 3; i < cl->nwords; i++)
		EXPECT_STREQ(cl->words[i], word);
	free(cl);
	free(line);
}

/* No write outside the structure, however the 5000 bytes are made. */
HOSTTEST(cmdline, long_lines_stay_inside_the_buffer)
{
	static const char fill[] = { 'a', ' ', '"', '\\' };
	int err;

	for (size_t f = 0; f < sizeof(fill); f++) {
		char *line = repeat(fill[f], 5000);
		ASSERT_NOT_NULL(line);
		struct cmdline *cl = parse(line, &err);
		ASSERT_NOT_NULL(cl);
		EXPECT_TRUE(words_inside_buf(cl));
		free(cl);
		free(line);
	}
}
