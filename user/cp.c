/* user/cp.c: cp SOURCE DEST, or cp SOURCE... DIRECTORY: copy regular
 * files, as GNU cp without options: a new file gets the source's
 * permissions less the umask, an existing one is truncated and keeps its
 * own. Directories are not copied (no -r). Exit status 1 on any error. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int copy_data(int in, int out)
{
	char buf[4096];
	ssize_t n;
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(out, buf + done, n - done);
			if (w < 0)
				return errno;
			done += w;
		}
	}
	return n < 0 ? errno : 0;
}

/* Copy the file src to the path dst; 0, or 1 after a message. */
static int copy(const char *src, const char *dst)
{
	struct stat s, d;
	if (stat(src, &s) < 0) {
		fprintf(stderr, "cp: cannot stat '%s': %s\n", src, strerror(errno));
		return 1;
	}
	if (S_ISDIR(s.st_mode)) {
		fprintf(stderr, "cp: -r not specified; omitting directory '%s'\n", src);
		return 1;
	}
	if (stat(dst, &d) == 0 && d.st_dev == s.st_dev && d.st_ino == s.st_ino) {
		fprintf(stderr, "cp: '%s' and '%s' are the same file\n", src, dst);
		return 1;
	}
	int in = open(src, O_RDONLY);
	if (in < 0) {
		fprintf(stderr, "cp: cannot open '%s' for reading: %s\n", src,
			strerror(errno));
		return 1;
	}
	int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, s.st_mode & 07777);
	if (out < 0) {
		fprintf(stderr, "cp: cannot create regular file '%s': %s\n", dst,
			strerror(errno));
		close(in);
		return 1;
	}
	int err = copy_data(in, out);
	if (err)
		fprintf(stderr, "cp: error copying '%s' to '%s': %s\n", src, dst,
			strerror(err));
	close(in);
	if (close(out) < 0 && !err) {
		fprintf(stderr, "cp: failed to close '%s': %s\n", dst, strerror(errno));
		err = 1;
	}
	return err ? 1 : 0;
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
		fprintf(stderr, "cp: missing file operand\n");
		return 1;
	}
	if (argc < 3) {
		fprintf(stderr, "cp: missing destination file operand after '%s'\n",
			argv[1]);
		return 1;
	}
	const char *dest = argv[argc - 1];
	struct stat st;
	bool to_dir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
	if (argc > 3 && !to_dir) {
		fprintf(stderr, "cp: target '%s' is not a directory\n", dest);
		return 1;
	}
	if (!to_dir)
		return copy(argv[1], dest);
	int status = 0;
	for (int i = 1; i < argc - 1; i++) {
		char *dst = into(dest, argv[i]);
		status |= dst ? copy(argv[i], dst) : 1;
		free(dst);
	}
	return status;
}
