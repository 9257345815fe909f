/* user/cat.c: cat [FILE...]: copy each file (standard input for none, or
 * for "-") to standard output, as POSIX cat does. A file that cannot be
 * opened or read is reported on stderr and makes the exit status 1; the
 * others are still copied. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Copy fd to stdout. Returns 0, or the errno of a failed read or write. */
static int copy(int fd)
{
	char buf[512];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(1, buf + done, n - done);
			if (w < 0)
				return errno;
			done += w;
		}
	}
	return n < 0 ? errno : 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2)
		return copy(0) ? 1 : 0;
	for (int i = 1; i < argc; i++) {
		bool stdin_arg = strcmp(argv[i], "-") == 0;
		int fd = stdin_arg ? 0 : open(argv[i], O_RDONLY);
		int err = fd < 0 ? errno : copy(fd);
		if (err) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(err));
			status = 1;
		}
		if (fd > 0)
			close(fd);
	}
	return status;
}
