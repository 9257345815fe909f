/* user/echo.c: echo [-n] [ARG...]: the arguments, separated by spaces and
 * ended by a newline (none with -n), as GNU echo without -e. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	bool newline = true;
	int i = 1;

	while (i < argc && strcmp(argv[i], "-n") == 0) {
		newline = false;
		i++;
	}
	for (int first = i; i < argc; i++)
		printf("%s%s", i > first ? " " : "", argv[i]);
	if (newline)
		printf("\n");
	return fflush(stdout) == 0 ? 0 : 1;
}
