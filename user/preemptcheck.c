/* user/preemptcheck.c: a long system call does not freeze the others. One
 * thread writes a big writev (one buffer repeated) to a file, the console
 * by default; another wakes every millisecond to read the clock meanwhile. On pagoda's one
 * CPU the clock reader runs during the write only if the kernel gives
 * the CPU away inside the call (cond_resched): the largest gap between
 * its readings during the write must be a small part of the write's time.
 *
 *   preemptcheck [PATH [BYTES [MIN_MS]]]
 *
 * PATH defaults to /dev/console, BYTES to 1 GiB; MIN_MS (default 0) is
 * how long the write must take for the measure to mean something (the
 * kernel suite asks for 200 ms). Prints KTAP; exits 0 if it passed. The
 * same binary runs on Linux (tools/check-user-on-host, to /dev/null). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define MS 1000000ll
#define NIOV 1024      /* Linux's IOV_MAX */
#define LINE 64        /* the buffer is lines of this length */

static const char *path = "/dev/console";
static uint64_t bytes = 1ull << 30;
static int64_t min_ms;

static int64_t now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

/* The write runs in [t0, t1) (INT64_MAX: not yet known). The reader
 * wakes every millisecond and keeps the longest stretch of [t0, t1) it
 * did not run in; a stretch that ends after t1 but began before the
 * reader learnt t1 counts whole (at most a time slice too long). */
static volatile int64_t t0 = INT64_MAX, t1 = INT64_MAX, longest;
static volatile int stop;
static volatile long readings;

static void *read_the_clock(void *arg __attribute__((unused)))
{
	const struct timespec ms = { 0, MS };
	int64_t prev = now(), t;
	do {
		nanosleep(&ms, NULL);
		t = now();
		readings++;
		int64_t a = prev > t0 ? prev : t0, b = t < t1 ? t : t1;
		if (b - a > longest)
			longest = b - a;
		prev = t;
	} while (!stop);
	return NULL;
}

/* The iovecs: NIOV pieces of one buffer of lines, BYTES in all. */
static char *filler(struct iovec *iov, int *n)
{
	uint64_t piece = (bytes + NIOV - 1) / NIOV;
	piece = (piece + LINE - 1) / LINE * LINE;
	char *buf = malloc(piece);
	if (!buf)
		return NULL;
	for (uint64_t i = 0; i < piece; i += LINE) {
		memset(buf + i, '.', LINE - 1);
		memcpy(buf + i, "preemptcheck filler ", 20);
		buf[i + LINE - 1] = '\n';
	}
	uint64_t left = bytes;
	for (*n = 0; left; (*n)++) {
		iov[*n].iov_base = buf;
		iov[*n].iov_len = left < piece ? left : piece;
		left -= iov[*n].iov_len;
	}
	return buf;
}

static bool a_long_writev_lets_other_threads_run(void)
{
	static struct iovec iov[NIOV];
	int n, fd = open(path, O_WRONLY);
	char *buf = filler(iov, &n);
	pthread_t reader;
	if (fd < 0 || !buf || pthread_create(&reader, NULL, read_the_clock, NULL)) {
		note("open %s: %d, buffer %p, errno %d", path, fd, buf, errno);
		return false;
	}
	while (readings < 3)  /* the reader is running */
		sched_yield();
	t0 = now();
	ssize_t r = writev(fd, iov, n);
	t1 = now();
	stop = 1;
	pthread_join(reader, NULL);
	close(fd);
	free(buf);
	int64_t took = t1 - t0, pause = longest;
	/* A kernel that kept the CPU through the call pauses the reader for
	 * all of it; one that yields every 10 ms slice, for a slice or two. */
	bool ok = r == (ssize_t)bytes && took >= min_ms * MS &&
		  (pause <= took / 4 || pause <= 20 * MS);
	note("writev of %llu bytes to %s: %lld ms; the other thread's longest "
	     "pause in it %lld ms", (unsigned long long)bytes, path,
	     (long long)(took / MS), (long long)(pause / MS));
	if (!ok)
		note("writev returned %ld (errno %d), %ld clock readings",
		     (long)r, errno, readings);
	return ok;
}

static const struct ktap_case cases[] = {
	{ "preempt.a_long_writev_lets_other_threads_run",
	  a_long_writev_lets_other_threads_run },
};

int main(int argc, char **argv)
{
	if (argc > 1)
		path = argv[1];
	if (argc > 2)
		bytes = strtoul(argv[2], NULL, 0);
	if (argc > 3)
		min_ms = (int64_t)strtoul(argv[3], NULL, 0);
	return ktap_run(cases, KTAP_COUNT(cases));
}
