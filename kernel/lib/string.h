/* kernel/lib/string.h: the C string and memory functions the kernel uses.
 * Named as in ISO C because the compiler may emit calls to memcpy/memset. */
#ifndef KERNEL_LIB_STRING_H
#define KERNEL_LIB_STRING_H

#include <stddef.h>
#include <stdint.h>

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

/* The index of the first nonzero word of w[0..n), or n if all are zero:
 * one repe scasl, so an empty stretch (page-table entries, descriptor
 * slots) costs one counted step per word, not a loop's four
 * instructions. */
static inline size_t words_first_nonzero(const void *w, size_t n)
{
	const uint32_t *p = w;
	size_t left = n;
	if (n == 0)
		return 0;
	__asm__ volatile("repe scasl"
			 : "+D"(p), "+c"(left)
			 : "a"(0)
			 : "cc", "memory");
	size_t i = (size_t)(p - (const uint32_t *)w) - 1;  /* last compared */
	return ((const uint32_t *)w)[i] ? i : n;
}

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
