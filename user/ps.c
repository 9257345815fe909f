/* user/ps.c: ps: every process, one line each, read from /proc (as
 * procps-ng's `ps -eo pid,ppid,s,vsz,rss,comm`): its pid, its parent's,
 * its state letter (R running, S sleeping, T stopped, Z zombie, ...),
 * its virtual size and resident size in KiB, and its name. Sorted by
 * pid. Exit status 1 if /proc cannot be read. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct proc_line {
	long pid, ppid;
	char state;
	unsigned long vsz_kb, rss_kb;
	char name[64];
};

/* Parse /proc/PID/stat: "pid (comm) S ppid ... vsize rss ..."; the name
 * may hold spaces and parentheses, so it ends at the last ')'. */
static int read_stat(long pid, struct proc_line *p)
{
	char path[32], buf[1024];
	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	char *open_paren = strchr(buf, '('), *close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren || !close_paren[1])
		return -1;
	snprintf(p->name, sizeof(p->name), "%.*s",
		 (int)(close_paren - open_paren - 1), open_paren + 1);
	p->pid = pid;
	p->state = close_paren[2];
	/* Fields 4 (ppid) .. 24 (rss), counted from 1, after the state. */
	char *s = close_paren + 3;
	for (int field = 4; field <= 24 && *s; field++) {
		char *end;
		unsigned long v = strtoul(s, &end, 10);
		if (field == 4)
			p->ppid = strtol(s, NULL, 10);
		else if (field == 23)
			p->vsz_kb = v / 1024;
		else if (field == 24)
			p->rss_kb = v * (4096 / 1024);
		s = *end ? end + 1 : end;
	}
	return 0;
}

static int by_pid(const void *a, const void *b)
{
	long x = ((const struct proc_line *)a)->pid, y = ((const struct proc_line *)b)->pid;
	return x < y ? -1 : x > y;
}

int main(void)
{
	DIR *d = opendir("/proc");
	if (!d) {
		fprintf(stderr, "ps: cannot open directory '/proc': %s\n", strerror(errno));
		return 1;
	}
	struct proc_line *v = NULL;
	int n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		char *end;
		long pid = strtol(de->d_name, &end, 10);
		if (*end || pid <= 0)
			continue;  /* not a process's directory */
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			struct proc_line *m = realloc(v, cap * sizeof(*v));
			if (!m)
				break;
			v = m;
		}
		if (read_stat(pid, &v[n]) == 0)  /* it may have gone meanwhile */
			n++;
	}
	closedir(d);
	qsort(v, n, sizeof(*v), by_pid);
	printf("%7s %7s S %6s %5s COMMAND\n", "PID", "PPID", "VSZ", "RSS");
	for (int i = 0; i < n; i++)
		printf("%7ld %7ld %c %6lu %5lu %s\n", v[i].pid, v[i].ppid, v[i].state,
		       v[i].vsz_kb, v[i].rss_kb, v[i].name);
	free(v);
	return 0;
}
