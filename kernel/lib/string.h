/* kernel/lib/string.h: the C string and memory functions the kernel uses.
 * Named as in ISO C because the compiler may emit calls to memcpy/memset. */
#ifndef KERNEL_LIB_STRING_H
#define KERNEL_LIB_STRING_H

#include <stddef.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);

/* Zero n bytes at dst, n a multiple of 4 and dst 4-aligned (a page, a
 * page table): one rep stosl, inline, with no tail to handle. */
static inline void memzero_words(void *dst, size_t n)
{
	size_t words = n / 4;
	__asm__ volatile("rep stosl"
			 : "+D"(dst), "+c"(words)
			 : "a"(0)
			 : "memory");
}

#endif
