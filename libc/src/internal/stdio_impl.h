/* libc/src/internal/stdio_impl.h: what a FILE is. A stream writes through
 * a buffer to its write function (a file descriptor, or vsnprintf's string). */
#ifndef _INTERNAL_STDIO_IMPL_H
#define _INTERNAL_STDIO_IMPL_H

#include <stddef.h>
#include <stdio.h>

#include "pthread_impl.h"

#define F_LBF 1  /* line-buffered: flush on '\n' */
#define F_EOF 2  /* a read returned 0 */
#define F_ERR 4  /* a read or write failed */

struct _FILE {
	int fd;
	int flags;               /* F_* */
	unsigned char *buf;      /* NULL: unbuffered */
	size_t size;             /* bytes at buf */
	size_t wpos;             /* output waiting: buf[0, wpos) */
	size_t rpos, rend;       /* input not yet taken: buf[rpos, rend) */
	/* Send n bytes on; returns how many went (short on error). */
	size_t (*write)(FILE *f, const unsigned char *s, size_t n);
	volatile int lock;       /* libc's __lock: one thread at a time
				    moves the positions above */
	char *str;               /* vsnprintf: the caller's buffer */
	size_t str_len, str_cap; /* bytes stored there; its size less the NUL */
};

/* The write function of a stream over f->fd: write(2) until done. */
size_t __stdio_write(FILE *f, const unsigned char *s, size_t n);

/* Put n bytes into f's buffer (or straight through when unbuffered),
 * holding f's lock; returns n, or less on a write error. */
size_t __fwritex(const unsigned char *s, size_t n, FILE *f);
size_t __fwritex_unlocked(const unsigned char *s, size_t n, FILE *f);

/* Take / release f's lock, only once the program has threads: a
 * single-threaded program never writes the lock word (after a fork, a
 * write would copy the page for nothing). FLOCK returns whether it took
 * the lock, for FUNLOCK. */
#define FLOCK(f) (__pthread_multi ? (__lock(&(f)->lock), 1) : 0)
#define FUNLOCK(f, taken) do { if (taken) __unlock(&(f)->lock); } while (0)

/* Write out f's buffered bytes; 0 or EOF (and F_ERR) on failure.
 * __fflush_one takes f's lock; __fflush_unlocked is for its holder. */
int __fflush_one(FILE *f);
int __fflush_unlocked(FILE *f);

#endif
