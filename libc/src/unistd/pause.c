/* libc/src/unistd/pause.c: sleep until a signal is caught. */
#include <unistd.h>

#include "syscall.h"

int pause(void)
{
	return __syscall_ret(__syscall0(__NR_pause));
}
