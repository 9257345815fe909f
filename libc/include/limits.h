/* limits.h: the ranges of the integer types on i386 (ILP32), and the
 * POSIX limits pagoda shares with Linux. */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT   8
#define SCHAR_MIN  (-128)
#define SCHAR_MAX  127
#define UCHAR_MAX  255
#define CHAR_MIN   SCHAR_MIN  /* char is signed on i386 */
#define CHAR_MAX   SCHAR_MAX
#define SHRT_MIN   (-1 - 0x7fff)
#define SHRT_MAX   0x7fff
#define USHRT_MAX  0xffff
#define INT_MIN    (-1 - 0x7fffffff)
#define INT_MAX    0x7fffffff
#define UINT_MAX   0xffffffffu
#define LONG_MIN   (-1l - 0x7fffffffl)
#define LONG_MAX   0x7fffffffl
#define ULONG_MAX  0xfffffffful
#define LLONG_MIN  (-1ll - 0x7fffffffffffffffll)
#define LLONG_MAX  0x7fffffffffffffffll
#define ULLONG_MAX 0xffffffffffffffffull

#define PATH_MAX   4096
#define ARG_MAX    131072
#define PAGE_SIZE  4096

#endif
