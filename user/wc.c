/* user/wc.c: wc [-lwc] [FILE...]: count newlines, words (runs of
 * non-space bytes) and bytes of each file (standard input for none or
 * "-"), and a total line for several; the three counts without options.
 * The columns are as wide as GNU wc makes them: as wide as the total
 * size of the files, at least 7 when one is not a regular file, and 1 for
 * one count of one input. Exit status 1 if a file could not be read. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct counts {
	unsigned long long lines, words, bytes;
};

static bool opt_l, opt_w, opt_c;
static int width;

static int count(int fd, struct counts *c)
{
	char buf[4096];
	bool in_word = false;
	ssize_t n;
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		c->bytes += n;
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == '\n')
				c->lines++;
			bool space = isspace((unsigned char)buf[i]);
			if (!space && !in_word)
				c->words++;
			in_word = !space;
		}
	}
	return n < 0 ? errno : 0;
}

static void print(const struct counts *c, const char *name)
{
	const char *sep = "";
	if (opt_l) {
		printf("%*llu", width, c->lines);
		sep = " ";
	}
	if (opt_w) {
		printf("%s%*llu", sep, width, c->words);
		sep = " ";
	}
	if (opt_c)
		printf("%s%*llu", sep, width, c->bytes);
	printf("%s%s\n", name ? " " : "", name ? name : "");
}

/* GNU wc's compute_number_width. */
static int number_width(int nfiles, char **files)
{
	if (nfiles == 1 && opt_l + opt_w + opt_c == 1)
		return 1;
	unsigned long long total = 0;
	int min = 1, w = 1;
	for (int i = 0; i < nfiles; i++) {
		struct stat st;
		bool is_stdin = strcmp(files[i], "-") == 0;
		if ((is_stdin ? fstat(0, &st) : stat(files[i], &st)) < 0)
			continue;
		if (S_ISREG(st.st_mode))
			total += st.st_size;
		else
			min = 7;
	}
	for (; total >= 10; total /= 10)
		w++;
	return w < min ? min : w;
}

int main(int argc, char **argv)
{
	int c, status = 0;
	opterr = 0;
	while ((c = getopt(argc, argv, "lwc")) != -1) {
		if (c == 'l')
			opt_l = true;
		else if (c == 'w')
			opt_w = true;
		else if (c == 'c')
			opt_c = true;
		else {
			fprintf(stderr, "wc: invalid option -- '%c'\n", optopt);
			return 1;
		}
	}
	if (!opt_l && !opt_w && !opt_c)
		opt_l = opt_w = opt_c = true;
	int nfiles = argc - optind;
	char **files = argv + optind;
	char *dash[] = { "-", NULL };
	width = nfiles ? number_width(nfiles, files) : number_width(1, dash);
	if (nfiles == 0) {
		struct counts n = { 0 };
		if (count(0, &n)) {
			fprintf(stderr, "wc: standard input: %s\n", strerror(errno));
			return 1;
		}
		print(&n, NULL);
		return 0;
	}
	struct counts total = { 0 };
	for (int i = 0; i < nfiles; i++) {
		struct counts n = { 0 };
		bool is_stdin = strcmp(files[i], "-") == 0;
		int fd = is_stdin ? 0 : open(files[i], O_RDONLY);
		int err = fd < 0 ? errno : count(fd, &n);
		if (fd > 0)
			close(fd);
		if (err) {
			fprintf(stderr, "wc: %s: %s\n", files[i], strerror(err));
			status = 1;
			if (fd < 0)
				continue;
		}
		print(&n, files[i]);
		total.lines += n.lines;
		total.words += n.words;
		total.bytes += n.bytes;
	}
	if (nfiles > 1)
		print(&total, "total");
	return status;
}
