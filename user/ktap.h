/* user/ktap.h: KTAP output for user test programs, as the kernel's tests
 * print it: a plan, "ok N suite.case" or "not ok N ...", "# " notes, and
 * a last line "N passed, N failed". A program is a table of cases. */
#ifndef USER_KTAP_H
#define USER_KTAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

struct ktap_case {
	const char *name;   /* "suite.case" */
	bool (*run)(void);  /* true: passed; explains a failure with note() */
};

/* A "# ..." line under the case being run. */
static inline void note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("# ", stdout);
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
}

/* Run n cases in order; returns the exit status: 0 if all passed, else 1. */
static inline int ktap_run(const struct ktap_case *cases, int n)
{
	int passed = 0, failed = 0;

	printf("KTAP version 1\n1..%d\n", n);
	for (int i = 0; i < n; i++) {
		bool ok = cases[i].run();
		ok ? passed++ : failed++;
		printf("%s %d %s\n", ok ? "ok" : "not ok", i + 1,
		       cases[i].name);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}

#define KTAP_COUNT(cases) ((int)(sizeof(cases) / sizeof((cases)[0])))

#endif
