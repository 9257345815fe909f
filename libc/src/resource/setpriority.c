/* libc/src/resource/setpriority.c: setpriority(2). */
#include <sys/resource.h>

#include "syscall.h"

int setpriority(int which, id_t who, int nice)
{
	return __syscall_ret(__syscall3(__NR_setpriority, which, (long)who,
					nice));
}
