/* libc/src/resource/uname.c: uname(2). */
#include <sys/utsname.h>

#include "syscall.h"

int uname(struct utsname *u)
{
	return __syscall_ret(__syscall1(__NR_uname, (long)u));
}
