/* user/free.c: free: memory in use and free, in KiB, from /proc/meminfo,
 * laid out and computed as procps-ng 4's free: used is total less
 * available, buff/cache is Buffers + Cached + SReclaimable. Exit status 1
 * if /proc/meminfo cannot be read. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char text[4096];

/* The value of "Key:   N kB", or 0 if the key is missing. */
static unsigned long long field(const char *key)
{
	size_t len = strlen(key);
	for (const char *line = text; line && *line; line = strchr(line, '\n')) {
		if (*line == '\n')
			line++;
		if (strncmp(line, key, len) == 0 && line[len] == ':')
			return strtoul(line + len + 1, NULL, 10);
	}
	return 0;
}

int main(void)
{
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n = 0, got = 0;
	while (fd >= 0 && n < (ssize_t)sizeof(text) - 1 &&
	       (got = read(fd, text + n, sizeof(text) - 1 - n)) > 0)
		n += got;
	if (fd < 0 || got < 0) {
		fprintf(stderr, "free: cannot read '/proc/meminfo': %s\n", strerror(errno));
		return 1;
	}
	close(fd);
	text[n] = 0;
	unsigned long long total = field("MemTotal"), mfree = field("MemFree");
	unsigned long long avail = field("MemAvailable");
	unsigned long long cache = field("Buffers") + field("Cached") + field("SReclaimable");
	unsigned long long swap = field("SwapTotal"), swap_free = field("SwapFree");
	if (avail > total)
		avail = total;
	printf("%-7s%13s%12s%12s%12s%12s%12s\n", "", "total", "used", "free",
	       "shared", "buff/cache", "available");
	printf("%-7s%13llu%12llu%12llu%12llu%12llu%12llu\n", "Mem:", total,
	       total - avail, mfree, field("Shmem"), cache, avail);
	printf("%-7s%13llu%12llu%12llu\n", "Swap:", swap, swap - swap_free, swap_free);
	return 0;
}
