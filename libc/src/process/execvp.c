/* libc/src/process/execvp.c: execvp(3): execv, with a file name that has
 * no '/' looked for in each directory of PATH (an empty entry is the
 * current directory; without PATH, posix_spawnp's default). It returns
 * only on failure: EACCES if some candidate could not be run and none
 * could, else the first error other than ENOENT and ENOTDIR, else
 * ENOENT. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int execvp(const char *file, char *const argv[])
{
	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execv(file, argv);
	const char *p = getenv("PATH");
	if (!p)
		p = "/usr/local/bin:/bin:/usr/bin";
	size_t len = strlen(file);
	int err = ENOENT;
	for (;;) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char buf[512];
		if (n + len + 2 <= sizeof(buf)) {
			memcpy(buf, p, n);
			buf[n] = '/';
			memcpy(buf + n + (n ? 1 : 0), file, len + 1);
			execv(buf, argv);
			if (errno == EACCES)
				err = EACCES;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;  /* ENOEXEC, E2BIG, ...: it was there */
		}
		if (!end)
			break;
		p = end + 1;
	}
	errno = err;
	return -1;
}
