/* libc/src/internal/libc.h: state __libc_start_main sets up for the rest
 * of libc, and the hooks exit() runs. */
#ifndef _INTERNAL_LIBC_H
#define _INTERNAL_LIBC_H

#include <stdint.h>

/* The auxiliary vector: (key, value) pairs after envp's NULL, ending
 * with AT_NULL. Set before main runs. */
extern uint32_t *__auxv;

/* Parse [spaces][+|-][0x|0]digits for strtol and strtoul: the magnitude,
 * *neg for a '-', *over when it passed ULONG_MAX. *end as C says. */
unsigned long __intscan(const char *s, char **end, int base, int *neg,
			int *over);

struct statvfs;
struct statfs;
/* statvfs's fields from statfs's (libc/src/stat/statvfs.c). */
void __statvfs_from_statfs(struct statvfs *out, const struct statfs *in);

/* execve file, or each PATH candidate for it, with raw system calls
 * (errno untouched); returns -errno (libc/src/process/execvpe.c). */
int __execvpe(const char *file, char *const argv[], char *const envp[]);

/* Flush stdout (called by exit after the atexit functions). */
void __stdio_exit(void);

/* Run the atexit functions, last registered first. */
void __funcs_on_exit(void);

#endif
