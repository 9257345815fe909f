/* user/maps.c: maps [PID | self]: the virtual memory areas of a process,
 * from /proc/PID/maps (this process's own for none or "self"), as pmap
 * shows them: a first line with the pid and its command line, then one
 * line per area, its start and end, size in KiB, protection (r, w, x;
 * p private, s shared), offset in the file and name (a path, [heap],
 * [stack], or nothing for anonymous memory); the total last. Exit status
 * 1 if there is no such process. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A hexadecimal number at *s (64-bit: a host's maps may have them);
 * *s moves past it. */
static unsigned long long hex(char **s)
{
	unsigned long long v = 0;
	for (;; (*s)++) {
		int c = **s, d = c >= '0' && c <= '9' ? c - '0' :
				 (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1;
		if (d < 0)
			return v;
		v = v * 16 + d;
	}
}

/* Skip n space-separated words at s. */
static char *skip_words(char *s, int n)
{
	while (n--) {
		while (*s == ' ')
			s++;
		while (*s && *s != ' ')
			s++;
	}
	while (*s == ' ')
		s++;
	return s;
}

/* "START-END PERM OFFSET DEV INODE NAME" into one pmap-like line;
 * the area's size in KiB. */
static unsigned long long show(char *line)
{
	char *s = line;
	unsigned long long start = hex(&s);
	if (*s++ != '-')
		return 0;
	unsigned long long end = hex(&s);
	char *perm = skip_words(s, 0);
	char *off_text = skip_words(perm, 1);
	char *p = off_text;
	unsigned long long off = hex(&p);
	char *name = skip_words(off_text, 3);
	int width = end > 0xffffffffULL ? 12 : 8;
	printf("%0*llx-%0*llx %8lluK %.4s %08llx%s%s\n", width, start, width, end,
	       (end - start) / 1024, perm, off, *name ? " " : "", name);
	return (end - start) / 1024;
}

/* The command line, its NULs made spaces, into buf. */
static void command_line(const char *pid, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%s/cmdline", pid);
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? 0 : read(fd, buf, size - 1);
	if (fd >= 0)
		close(fd);
	if (n < 0)
		n = 0;
	buf[n] = 0;
	for (ssize_t i = 0; i + 1 < n; i++)
		if (!buf[i])
			buf[i] = ' ';
}

int main(int argc, char **argv)
{
	const char *pid = argc > 1 ? argv[1] : "self";
	char path[64], cmd[256];
	snprintf(path, sizeof(path), "/proc/%s/maps", pid);
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "maps: cannot read '%s': %s\n", path, strerror(errno));
		return 1;
	}
	command_line(pid, cmd, sizeof(cmd));
	if (strcmp(pid, "self") == 0)
		printf("%d:   %s\n", getpid(), cmd);
	else
		printf("%s:   %s\n", pid, cmd);
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long long total = 0;
	while ((len = getline(&line, &cap, f)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = 0;
		total += show(line);
	}
	free(line);
	fclose(f);
	printf(" total %8lluK\n", total);
	return 0;
}
