/* tests/report.c: failure diagnostics and suite selection for both test
 * runners: printf on the host, kprintf in the kernel. */
#include "tests/report.h"

#ifdef HOST_TEST
#include <stdio.h>
#include <string.h>
#define out printf
#else
#include "kernel/console.h"
#include "kernel/lib/string.h"
#define out kprintf
#endif

void report_values(const char *file, int line, const char *expr, long long a,
		   long long b, bool show_values)
{
	if (show_values)
		out("# %s:%d expected %s, got %lld (0x%llx) and %lld (0x%llx)\n",
		    file, line, expr, a, (unsigned long long)a, b,
		    (unsigned long long)b);
	else
		out("# %s:%d expected %s\n", file, line, expr);
}

void report_strings(const char *file, int line, const char *expr,
		    const char *a, const char *b)
{
	out("# %s:%d expected %s, got \"%s\" and \"%s\"\n", file, line, expr,
	    a ? a : "(null)", b ? b : "(null)");
}

bool report_selected(const char *filter, const char *suite)
{
	if (!filter || !*filter)
		return true;
	size_t n = strlen(suite);
	for (const char *p = filter; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, suite, n) == 0)
			return true;
		p += len + (comma ? 1 : 0);
	}
	return false;
}
