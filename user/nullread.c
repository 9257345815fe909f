/* user/nullread.c: reads address 0, which is never mapped: the kernel
 * must kill it with SIGSEGV (a shell shows 139). Surviving: exit 1. */
#include <stdint.h>
#include <stdio.h>

int main(void)
{
	volatile uint32_t *null = (volatile uint32_t *)0;

	printf("nullread: reading address 0, expect SIGSEGV\n");
	fflush(stdout);
	uint32_t v = *null;
	printf("nullread: read 0x%x from address 0: page 0 is mapped\n", v);
	return 1;
}
