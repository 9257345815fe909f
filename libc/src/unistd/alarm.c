/* libc/src/unistd/alarm.c: SIGALRM in `seconds` (0: cancel); returns the
 * seconds that were left of the previous alarm. */
#include <unistd.h>

#include "syscall.h"

unsigned alarm(unsigned seconds)
{
	return (unsigned)__syscall1(__NR_alarm, seconds);
}
