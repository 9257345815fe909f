/* stdlib.h: exit and atexit, the brk-based allocator, number parsing,
 * the environment (libc/src/stdlib/, libc/src/env/). */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
_Noreturn void abort(void);
int atexit(void (*fn)(void));

void *malloc(size_t size);
void free(void *p);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);

int atoi(const char *s);
long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);
int abs(int x);

/* Sort n elements of size bytes in place, cmp giving <0, 0, >0 (not stable). */
void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *));

char *getenv(const char *name);

#endif
