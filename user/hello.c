/* user/hello.c: the smallest program that talks: one line to stdout. */
#include <stdio.h>

int main(void)
{
	printf("hello, world\n");
	return 0;
}
