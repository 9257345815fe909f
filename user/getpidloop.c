/* user/getpidloop.c: `getpidloop N` makes N getpid system calls and exits
 * 0: the benchmark of a round trip into the kernel (tools/bench times it
 * for two values of N and divides the difference). */
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 0;
	pid_t me = getpid();

	for (long i = 0; i < n; i++)
		if (getpid() != me)
			return 1;
	return 0;
}
