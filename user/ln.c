/* user/ln.c: ln [-s] TARGET [LINK_NAME], or ln [-s] TARGET... DIRECTORY:
 * make hard links (link(2)), or symbolic links with -s (symlink(2), the
 * target stored as written). With no LINK_NAME the link goes in the
 * current directory under the target's last name. An existing LINK_NAME
 * is an error (no -f). Exit status 1 on any error. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool opt_symbolic;

static int make_link(const char *target, const char *name)
{
	struct stat st;
	if (!opt_symbolic && lstat(target, &st) < 0) {
		fprintf(stderr, "ln: failed to access '%s': %s\n", target,
			strerror(errno));
		return 1;
	}
	int r = opt_symbolic ? symlink(target, name) : link(target, name);
	if (r < 0) {
		fprintf(stderr, "ln: failed to create %s link '%s': %s\n",
			opt_symbolic ? "symbolic" : "hard", name, strerror(errno));
		return 1;
	}
	return 0;
}

/* dir/basename(target) ("basename" alone for dir NULL), malloc'd. */
static char *into(const char *dir, const char *target)
{
	const char *base = strrchr(target, '/');
	base = base && base[1] ? base + 1 : target;
	char *p = malloc((dir ? strlen(dir) : 0) + strlen(base) + 2);
	if (p)
		sprintf(p, "%s%s%s", dir ? dir : "", dir ? "/" : "", base);
	return p;
}

int main(int argc, char **argv)
{
	int c;
	opterr = 0;
	while ((c = getopt(argc, argv, "s")) != -1) {
		if (c != 's') {
			fprintf(stderr, "ln: invalid option -- '%c'\n", optopt);
			return 1;
		}
		opt_symbolic = true;
	}
	int n = argc - optind;
	char **ops = argv + optind;
	if (n < 1) {
		fprintf(stderr, "ln: missing file operand\n");
		return 1;
	}
	struct stat st;
	const char *dir = n == 1 ? NULL : ops[n - 1];
	bool to_dir = n == 1 || (stat(dir, &st) == 0 && S_ISDIR(st.st_mode));
	if (n > 2 && !to_dir) {
		fprintf(stderr, "ln: target '%s' is not a directory\n", dir);
		return 1;
	}
	if (!to_dir)
		return make_link(ops[0], ops[1]);
	int status = 0;
	for (int i = 0; i < (n == 1 ? 1 : n - 1); i++) {
		char *name = into(dir, ops[i]);
		status |= name ? make_link(ops[i], name) : 1;
		free(name);
	}
	return status;
}
