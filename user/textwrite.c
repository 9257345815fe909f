/* user/textwrite.c: writes to its own text, which is mapped read and
 * execute only: the kernel must kill it with SIGSEGV (a shell shows 139).
 * Surviving the write is a failure: exit status 1. */
#include <stdint.h>
#include <stdio.h>

int main(void)
{
	volatile uint8_t *text = (volatile uint8_t *)(uintptr_t)main;

	printf("textwrite: writing to main() at %p, expect SIGSEGV\n", text);
	fflush(stdout);
	*text = 0xc3;  /* ret */
	printf("textwrite: the write to text succeeded: text is writable\n");
	return 1;
}
