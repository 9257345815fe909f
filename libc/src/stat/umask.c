/* libc/src/stat/umask.c: umask(2). */
#include <sys/stat.h>

#include "syscall.h"

mode_t umask(mode_t mask)
{
	return (mode_t)__syscall1(__NR_umask, mask);
}
