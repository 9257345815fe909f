/* libc/src/process/execvpe.c: __execvpe, the PATH search execvp and
 * posix_spawnp share. A file name with a '/' is run as it is; one
 * without is tried in each directory of PATH (an empty entry is the
 * current directory; without PATH, /usr/local/bin:/bin:/usr/bin). Raw
 * system calls only, errno untouched: posix_spawn's child runs it on
 * the parent's memory. Returns only on failure, -errno: EACCES if some
 * candidate could not be run and none could, else the first error other
 * than ENOENT and ENOTDIR (the file was there), else ENOENT. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "libc.h"
#include "syscall.h"

int __execvpe(const char *file, char *const argv[], char *const envp[])
{
	if (!*file)
		return -ENOENT;
	if (strchr(file, '/'))
		return (int)__syscall3(__NR_execve, (long)file, (long)argv,
				       (long)envp);
	const char *p = getenv("PATH");
	if (!p)
		p = "/usr/local/bin:/bin:/usr/bin";
	size_t len = strnlen(file, 256);
	if (len == 256)
		return -ENAMETOOLONG;
	char buf[4096 + 256];  /* posix_spawn's CHILD_STACK counts it */
	int err = -ENOENT;
	for (;;) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n < 4096) {
			memcpy(buf, p, n);
			buf[n] = '/';
			memcpy(buf + n + (n ? 1 : 0), file, len + 1);
			int r = (int)__syscall3(__NR_execve, (long)buf,
						(long)argv, (long)envp);
			if (r != -ENOENT && r != -ENOTDIR)
				err = r;  /* EACCES and the like: remembered */
			if (r != -ENOENT && r != -ENOTDIR && r != -EACCES)
				return r;
		}
		if (!end)
			return err;
		p = end + 1;
	}
}
