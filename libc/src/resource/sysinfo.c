/* libc/src/resource/sysinfo.c: sysinfo(2). */
#include <sys/sysinfo.h>

#include "syscall.h"

int sysinfo(struct sysinfo *info)
{
	return __syscall_ret(__syscall1(__NR_sysinfo, (long)info));
}
