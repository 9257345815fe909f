/* stdio.h: buffered streams over file descriptors and the printf family
 * (libc/src/stdio/). stdout is line-buffered, stderr unbuffered. */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

#define EOF (-1)
#define BUFSIZ 1024

typedef struct _FILE FILE;

extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;

/* The formats: %d %i %u %x %X %o %p %s %c %%, with the flags - 0 + space #,
 * a width and precision (digits or *), and the sizes hh h l ll z. */
int printf(const char *restrict fmt, ...)
	__attribute__((format(printf, 1, 2)));
int fprintf(FILE *restrict f, const char *restrict fmt, ...)
	__attribute__((format(printf, 2, 3)));
int sprintf(char *restrict buf, const char *restrict fmt, ...)
	__attribute__((format(printf, 2, 3)));
int snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vprintf(const char *restrict fmt, va_list ap);
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap);
int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt,
	      va_list ap);

int fputc(int c, FILE *f);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict f);
int puts(const char *s);
size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f);
int fflush(FILE *f);
void perror(const char *s);

int fgetc(FILE *f);
int getchar(void);
char *fgets(char *restrict buf, int n, FILE *restrict f);
int feof(FILE *f);
int ferror(FILE *f);

/* Streams over files: modes "r", "w", "a" with an optional "+". A stream
 * opened for writing is flushed by fflush(f) or fclose, not by exit. */
FILE *fopen(const char *restrict path, const char *restrict mode);
int fclose(FILE *f);
int fileno(FILE *f);
/* Read a line (with its delimiter) into *line, a malloc'd buffer of *cap
 * bytes grown as needed; its length, or -1 at the end or on an error. */
ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim,
		 FILE *restrict f);
ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f);

#define putc fputc
#define getc fgetc

int rename(const char *old, const char *new);

#endif
