/* tests/report.h: what the in-kernel runner (tests/ktest.c) and the host
 * runner (tests/host/hosttest.c) share: the diagnostic lines of a failed
 * check, and choosing suites by name. Pure code, built for both. */
#ifndef TESTS_REPORT_H
#define TESTS_REPORT_H

#include <stdbool.h>

/* Print `# file:line expected EXPR, got A (0xA) and B (0xB)`, or without
 * the values when show_values is false. */
void report_values(const char *file, int line, const char *expr, long long a,
		   long long b, bool show_values);

/* Print `# file:line expected EXPR, got "A" and "B"` (NULL as "(null)"). */
void report_strings(const char *file, int line, const char *expr,
		    const char *a, const char *b);

/* True if suite is one of the comma-separated names in filter, or filter
 * is NULL or empty (everything is selected). */
bool report_selected(const char *filter, const char *suite);

#endif
