/* user/touch.c: touch [-c] FILE...: set each file's access and
 * modification times to now with utimensat(2), making an empty file (mode
 * 0666 less the umask) where none exists, unless -c. Exit status 1 if a
 * file could not be touched (GNU's message). */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int touch(const char *path, bool no_create)
{
	if (utimensat(AT_FDCWD, path, NULL, 0) == 0)
		return 0;
	if (errno == ENOENT && no_create)
		return 0;
	if (errno == ENOENT) {
		int fd = open(path, O_WRONLY | O_CREAT | O_NOCTTY, 0666);
		if (fd >= 0)
			return close(fd), 0;  /* a new file's times are now */
	}
	fprintf(stderr, "touch: cannot touch '%s': %s\n", path, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	bool no_create = false;
	int c;
	while ((c = getopt(argc, argv, "c")) != -1) {
		if (c != 'c') {
			fprintf(stderr, "usage: touch [-c] FILE...\n");
			return 1;
		}
		no_create = true;
	}
	if (optind == argc) {
		fprintf(stderr, "touch: missing file operand\n");
		return 1;
	}
	int status = 0;
	for (int i = optind; i < argc; i++)
		status |= touch(argv[i], no_create);
	return status;
}
