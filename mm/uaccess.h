/* mm/uaccess.h: the only way the kernel touches user memory. Each routine
 * checks that the whole range lies below USER_TOP without wrapping, then
 * copies; a fault on the way is resolved like a user access (lazy pages
 * arrive, stacks grow) or, if the address is bad, ends the copy with
 * -EFAULT instead of a panic. */
#ifndef MM_UACCESS_H
#define MM_UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True if [uaddr, uaddr + n) is all user space (n may be 0). */
bool user_range_ok(const void *uaddr, size_t n);

/* Copy n bytes from user address usrc. Returns 0 or -EFAULT (then part of
 * dst may have been written). */
int copy_from_user(void *dst, const void *usrc, size_t n);

/* Copy n bytes to user address udst. Returns 0 or -EFAULT. */
int copy_to_user(void *udst, const void *src, size_t n);

/* Copy the NUL-terminated string at usrc into dst[0..size). Returns its
 * length (< size, dst terminated), -ENAMETOOLONG if no NUL is within the
 * first size bytes, or -EFAULT. */
long strncpy_from_user(char *dst, const char *usrc, size_t size);

/* The length of the string at usrc if its NUL lies within the first max
 * bytes, max if it does not, or -EFAULT. */
long strnlen_user(const char *usrc, size_t max);

/* Atomically (one locked instruction, so also against user code on another
 * CPU): if the aligned word at uaddr holds old, store new there. *cur gets
 * the value found. Returns 0 or -EFAULT (-EINVAL if uaddr is not 4-byte
 * aligned). The futex code's read-modify-writes go through it. */
int user_cmpxchg32(uint32_t *uaddr, uint32_t old, uint32_t new, uint32_t *cur);

#endif
