/*
 * tests/static/filepipe.c: an ordinary Linux program, built static with
 * musl or glibc (never pagoda's libc) by tools/check-static-programs and
 * run unmodified on pagoda and on the host; what it prints must match.
 * It reads the file named by argv[1], sends it through a child over a
 * pipe (the child reads it as its stdin after dup2), maps the same file,
 * and maps, fills and unmaps 64 MiB of anonymous memory.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define BIG (64u << 20)

/* The child: reads stdin (the pipe) line by line, prints the first and
 * last lines upper-cased and a count, exits with lines % 256. */
static int filter(void)
{
	char line[256], first[256] = "", last[256] = "";
	unsigned long lines = 0, bytes = 0, sum = 0;

	while (fgets(line, sizeof(line), stdin)) {
		size_t n = strlen(line);
		for (size_t i = 0; i < n; i++) {
			sum = sum * 31 + (unsigned char)line[i];
			if (line[i] >= 'a' && line[i] <= 'z')
				line[i] -= 'a' - 'A';
		}
		if (lines++ == 0)
			strcpy(first, line);
		strcpy(last, line);
		bytes += n;
	}
	printf("child: %lu lines, %lu bytes, sum %08lx\n", lines, bytes, sum & 0xfffffffful);
	printf("child: first %schild: last %s", first, last);
	fflush(stdout);
	return (int)(lines % 256);
}

/* Reads the whole file with stdio; the caller frees. */
static char *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "r");
	size_t cap = 4096, n = 0, got;
	char *buf = malloc(cap);

	if (!f || !buf)
		return NULL;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap && !(buf = realloc(buf, cap *= 2)))
			return NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

/* Writes the bytes into a pipe whose reader is a forked child running
 * filter() on it; more than the pipe holds, so the writer blocks. */
static int through_child(const char *buf, size_t size)
{
	int p[2], st;
	pid_t pid;

	if (pipe(p))
		return -1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(p[0], 0);
		close(p[0]);
		close(p[1]);
		exit(filter());
	}
	close(p[0]);
	for (size_t off = 0; off < size;) {
		ssize_t w = write(p[1], buf + off, size - off);
		if (w <= 0)
			return -1;
		off += (size_t)w;
	}
	close(p[1]);
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	printf("parent: child exited %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	/* a write to a pipe with no reader: EPIPE (SIGPIPE ignored) */
	signal(SIGPIPE, SIG_IGN);
	if (pipe(p))
		return -1;
	close(p[0]);
	ssize_t r = write(p[1], "x", 1);
	printf("parent: write with no reader: %zd %s\n", r, r < 0 ? strerror(errno) : "");
	close(p[1]);
	return 0;
}

/* Maps the file privately and compares it with what read() gave. */
static void map_file(const char *path, const char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	char *m;

	if (fd < 0 || fstat(fd, &st)) {
		printf("map: open/fstat failed: %s\n", strerror(errno));
		return;
	}
	m = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED) {
		printf("map: mmap failed: %s\n", strerror(errno));
		return;
	}
	printf("map: size %lld, same bytes as read: %d\n", (long long)st.st_size,
	       (size_t)st.st_size == size && memcmp(m, buf, size) == 0);
	m[0] = '#';  /* private: the file does not change */
	munmap(m, (size_t)st.st_size);
}

/* 64 MiB of anonymous memory: zero at first, written page by page, read
 * back, unmapped; then the same through malloc. */
static void map_big(void)
{
	unsigned char *m = mmap(NULL, BIG, PROT_READ | PROT_WRITE,
	                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long sum = 0, zero = 1;

	if (m == MAP_FAILED) {
		printf("big: mmap failed: %s\n", strerror(errno));
		return;
	}
	for (size_t off = 0; off < BIG; off += 4096) {
		zero &= m[off] == 0 && m[off + 4095] == 0;
		m[off] = (unsigned char)(off >> 12);
		m[off + 4095] = (unsigned char)(off >> 20);
	}
	for (size_t off = 0; off < BIG; off += 4096)
		sum += m[off] + m[off + 4095];
	printf("big: 64 MiB mapped, zero at first %lu, sum %lu, munmap %d\n", zero, sum,
	       munmap(m, BIG));
	m = malloc(BIG);
	if (!m) {
		printf("big: malloc failed\n");
		return;
	}
	memset(m, 0x5a, BIG);
	printf("big: malloc 64 MiB, last byte %02x\n", m[BIG - 1]);
	free(m);
}

int main(int argc, char **argv)
{
	size_t size;
	char *buf;

	if (argc != 2) {
		fprintf(stderr, "usage: filepipe FILE\n");
		return 2;
	}
	buf = slurp(argv[1], &size);
	if (!buf) {
		printf("read %s failed: %s\n", argv[1], strerror(errno));
		return 1;
	}
	printf("read: %zu bytes\n", size);
	if (through_child(buf, size))
		printf("pipe: failed: %s\n", strerror(errno));
	map_file(argv[1], buf, size);
	map_big();
	int fd = open("/nonexistent/x", O_RDONLY);
	printf("missing file: %d %s\n", fd, fd < 0 ? strerror(errno) : "");
	free(buf);
	return 3;
}
