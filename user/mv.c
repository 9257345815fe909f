/* user/mv.c: mv SOURCE DEST, or mv SOURCE... DIRECTORY: rename files and
 * directories with rename(2), as GNU mv within one file system (pagoda
 * has one, so there is no copying fallback). Exit status 1 on any error. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int move(const char *src, const char *dst)
{
	struct stat st;
	if (lstat(src, &st) < 0) {
		fprintf(stderr, "mv: cannot stat '%s': %s\n", src, strerror(errno));
		return 1;
	}
	if (rename(src, dst) < 0) {
		fprintf(stderr, "mv: cannot move '%s' to '%s': %s\n", src, dst,
			strerror(errno));
		return 1;
	}
	return 0;
}

/* dir/basename(src), malloc'd. */
static char *into(const char *dir, const char *src)
{
	const char *base = strrchr(src, '/');
	base = base ? base + 1 : src;
	char *p = malloc(strlen(dir) + strlen(base) + 2);
	if (p)
		sprintf(p, "%s/%s", dir, base);
	return p;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "mv: missing file operand\n");
		return 1;
	}
	if (argc < 3) {
		fprintf(stderr, "mv: missing destination file operand after '%s'\n",
			argv[1]);
		return 1;
	}
	const char *dest = argv[argc - 1];
	struct stat st;
	bool to_dir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
	if (argc > 3 && !to_dir) {
		fprintf(stderr, "mv: target '%s' is not a directory\n", dest);
		return 1;
	}
	if (!to_dir)
		return move(argv[1], dest);
	int status = 0;
	for (int i = 1; i < argc - 1; i++) {
		char *dst = into(dest, argv[i]);
		status |= dst ? move(argv[i], dst) : 1;
		free(dst);
	}
	return status;
}
