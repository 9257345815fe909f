/* user/vmstat.h: reading one counter of /proc/vmstat ("name value"
 * lines: pagoda's names in mm/vmstat.h, Linux's on a host). */
#ifndef USER_VMSTAT_H
#define USER_VMSTAT_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The counter's value, or -1 if /proc/vmstat or its line is missing. */
static inline long vmstat_get(const char *name)
{
	static char buf[8192];  /* Linux's file is about 4 KiB */
	int fd = open("/proc/vmstat", O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n, len = 0;
	while (len < (ssize_t)sizeof(buf) - 1 &&
	       (n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	size_t k = strlen(name);
	for (char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncmp(p, name, k) && p[k] == ' ')
			return strtol(p + k + 1, NULL, 10);
	return -1;
}

/* v[i] = the counter names[i] (-1 if missing), for i < n. */
static inline void vmstat_snapshot(const char *const *names, unsigned n,
				   long *v)
{
	for (unsigned i = 0; i < n; i++)
		v[i] = vmstat_get(names[i]);
}

/* One line "# vmstat: NAME DELTA ..." of how much each counter moved
 * since before (vmstat_snapshot); a missing counter is left out. */
static inline void vmstat_print_delta(const char *const *names, unsigned n,
				      const long *before)
{
	printf("# vmstat:");
	for (unsigned i = 0; i < n; i++) {
		long now = vmstat_get(names[i]);
		if (before[i] >= 0 && now >= 0)
			printf(" %s %ld", names[i], now - before[i]);
	}
	printf("\n");
}

#endif
