/* libc/src/stdlib/atexit.c: functions exit() calls, last registered first. */
#include <stdlib.h>

#include "libc.h"

#define ATEXIT_MAX 32  /* C asks for at least 32 */

static void (*funcs[ATEXIT_MAX])(void);
static int count;

int atexit(void (*fn)(void))
{
	if (count == ATEXIT_MAX)
		return -1;
	funcs[count++] = fn;
	return 0;
}

void __funcs_on_exit(void)
{
	/* --count first: a function that calls exit() does not run again. */
	while (count > 0)
		funcs[--count]();
}
