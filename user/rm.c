/* user/rm.c: rm [-rf] FILE...: remove files; -r removes directories and
 * everything under them; -f says nothing of files that do not exist (and
 * of no operands at all). "." and ".." are refused. Exit status 1 if
 * anything could not be removed. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool opt_force, opt_recursive;

static int fail(const char *path, int err)
{
	if (opt_force && err == ENOENT)
		return 0;
	fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(err));
	return 1;
}

static int remove_path(const char *path);

/* Remove what is in the directory path, then the directory. */
static int remove_tree(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return fail(path, errno);
	int status = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		char *sub = malloc(strlen(path) + strlen(de->d_name) + 2);
		if (!sub) {
			status = fail(path, ENOMEM);
			break;
		}
		sprintf(sub, "%s/%s", path, de->d_name);
		status |= remove_path(sub);
		free(sub);
	}
	closedir(d);
	if (status)
		return status;  /* rmdir would only say "not empty" */
	return rmdir(path) < 0 ? fail(path, errno) : 0;
}

static int remove_path(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return fail(path, errno);
	if (!S_ISDIR(st.st_mode))
		return unlink(path) < 0 ? fail(path, errno) : 0;
	if (!opt_recursive)
		return fail(path, EISDIR);
	return remove_tree(path);
}

/* "." or "..", or a path ending in one of them. */
static bool is_dot(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strcmp(base, ".") == 0 || strcmp(base, "..") == 0;
}

int main(int argc, char **argv)
{
	int c, status = 0;

	opterr = 0;
	while ((c = getopt(argc, argv, "rRf")) != -1) {
		if (c == 'f') {
			opt_force = true;
		} else if (c == 'r' || c == 'R') {
			opt_recursive = true;
		} else {
			fprintf(stderr, "rm: invalid option -- '%c'\n", optopt);
			return 1;
		}
	}
	if (optind >= argc && !opt_force) {
		fprintf(stderr, "rm: missing operand\n");
		return 1;
	}
	for (int i = optind; i < argc; i++) {
		if (is_dot(argv[i])) {
			fprintf(stderr, "rm: refusing to remove '.' or '..' "
				"directory: skipping '%s'\n", argv[i]);
			status = 1;
			continue;
		}
		status |= remove_path(argv[i]);
	}
	return status;
}
