/* user/nosys.c: calls system calls pagoda does not implement (vm86, and a
 * number beyond every table), each twice, and prints what they returned:
 * ENOSYS every time. tools/check-syscalls runs it through tools/run-elf to
 * see the kernel log name each one exactly once. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "kernel/uapi/unistd_32.h"

int main(void)
{
	int bad = 0;
	for (int i = 0; i < 2; i++) {
		errno = 0;
		bad |= syscall(__NR_vm86, 0, 0) != -1 || errno != ENOSYS;
		errno = 0;
		bad |= syscall(999) != -1 || errno != ENOSYS;
	}
	puts(bad ? "nosys: not ENOSYS" : "nosys: ENOSYS");
	return bad;
}
