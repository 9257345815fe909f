/* user/mkdir.c: mkdir [-p] DIR...: make directories (mode 0777 less the
 * umask). -p makes the missing parents too, and a directory that exists
 * already is no error. Exit status 1 if any could not be made. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool opt_parents;

/* mkdir path, and with -p each missing ancestor first. 0 or an errno. */
static int make(char *path)
{
	if (mkdir(path, 0777) == 0)
		return 0;
	int err = errno;
	struct stat st;
	if (!opt_parents)
		return err;
	if (err == EEXIST)
		return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : EEXIST;
	if (err != ENOENT)
		return err;
	char *slash = strrchr(path, '/');
	while (slash && slash > path && slash[-1] == '/')
		slash--;
	if (!slash || slash == path)
		return err;
	*slash = 0;  /* the parent, made first */
	err = make(path);
	*slash = '/';
	if (err)
		return err;
	return mkdir(path, 0777) == 0 ? 0 : errno;
}

int main(int argc, char **argv)
{
	int c, status = 0;

	opterr = 0;
	while ((c = getopt(argc, argv, "p")) != -1) {
		if (c != 'p') {
			fprintf(stderr, "mkdir: invalid option -- '%c'\n", optopt);
			return 1;
		}
		opt_parents = true;
	}
	if (optind >= argc) {
		fprintf(stderr, "mkdir: missing operand\n");
		return 1;
	}
	for (int i = optind; i < argc; i++) {
		int err = make(argv[i]);
		if (err) {
			fprintf(stderr, "mkdir: cannot create directory '%s': %s\n",
				argv[i], strerror(err));
			status = 1;
		}
	}
	return status;
}
