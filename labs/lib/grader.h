/* labs/lib/grader.h: what the lab graders (labs/NAME/grade.c) share: the
 * KTAP table of user/ktap.h, and readers of the /proc numbers the graders
 * measure with (free memory, a process's resident set and minor faults).
 * The graders are pagoda user programs, booted as init by labs/grade. */
#ifndef LABS_GRADER_H
#define LABS_GRADER_H

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/ktap.h"

/* Read the whole of a small file into buf (NUL-terminated); -1 if it
 * cannot be opened. */
static inline int read_small(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n = 0, r;
	if (fd < 0)
		return -1;
	while (n < size - 1 && (r = (int)read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return n;
}

/* The number after "key:" in a "Key: value" file (/proc/meminfo,
 * /proc/PID/status); -1 if the key is not there. */
static inline long proc_field(const char *path, const char *key)
{
	char buf[1024];
	if (read_small(path, buf, sizeof buf) < 0)
		return -1;
	size_t k = strlen(key);
	for (char *line = buf; line && *line; line = strchr(line, '\n')) {
		if (*line == '\n')
			line++;
		if (strncmp(line, key, k) == 0 && line[k] == ':')
			return strtol(line + k + 1, NULL, 10);
	}
	return -1;
}

/* Free memory in pages (/proc/meminfo's MemFree). */
static inline long free_pages(void)
{
	return proc_field("/proc/meminfo", "MemFree") / 4;
}

/* The resident pages of this process (/proc/self/status's VmRSS). */
static inline long rss_pages(void)
{
	return proc_field("/proc/self/status", "VmRSS") / 4;
}

/* This process's minor faults: field 10 of /proc/self/stat. */
static inline long minor_faults(void)
{
	char buf[1024];
	if (read_small("/proc/self/stat", buf, sizeof buf) < 0)
		return -1;
	char *p = strrchr(buf, ')');  /* the name may hold spaces */
	for (int field = 2; p && field < 10; field++)
		p = strchr(p + 1, ' ');
	return p ? strtol(p + 1, NULL, 10) : -1;
}

/* fork, with stdout flushed first so the child does not print the
 * parent's pending output again. */
static inline pid_t xfork(void)
{
	fflush(stdout);
	return fork();
}

/* A child's end: its notes printed, no atexit handler of the parent run. */
static inline void child_exit(int code)
{
	fflush(stdout);
	_exit(code);
}

/* Ends the program if a setup step failed: the grade is then incomplete
 * and labs/grade says which cases did not run. */
#define REQUIRE(cond)                                                     \
	do {                                                              \
		if (!(cond)) {                                            \
			printf("# grader setup failed: %s (%s:%d)\n", #cond, \
			       __FILE__, __LINE__);                       \
			exit(2);                                          \
		}                                                         \
	} while (0)

#endif
