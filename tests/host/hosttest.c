/* tests/host/hosttest.c: the host unit-test runner. Collects the cases of
 * the "hosttest" section, runs them in file and line order and prints KTAP:
 * `ok N suite.case` or `not ok N suite.case`, `# file:line` diagnostics, and
 * `N passed, N failed`. Usage: unit [suite,suite...]. Exits 1 on a failure. */
#include "tests/host/hosttest.h"

#include "tests/report.h"

#include <stdio.h>
#include <stdlib.h>

/* Weak, so the runner still links (and reports 0 cases) with no case. */
extern const struct hosttest_case __start_hosttest[] __attribute__((weak));
extern const struct hosttest_case __stop_hosttest[] __attribute__((weak));

void hosttest_fail(struct hosttest *t, const char *file, int line, const char *expr,
		long long a, long long b, bool show_values)
{
	t->failures++;
	report_values(file, line, expr, a, b, show_values);
}

void hosttest_fail_str(struct hosttest *t, const char *file, int line,
		    const char *expr, const char *a, const char *b)
{
	t->failures++;
	report_strings(file, line, expr, a, b);
}

/* The linker keeps no order we can rely on: sort by file, then line. */
static int by_place(const void *a, const void *b)
{
	const struct hosttest_case *x = *(const struct hosttest_case *const *)a;
	const struct hosttest_case *y = *(const struct hosttest_case *const *)b;
	int c = strcmp(x->file, y->file);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

int main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	size_t ncases = (size_t)(__stop_hosttest - __start_hosttest);
	const struct hosttest_case **cases = calloc(ncases + 1, sizeof(*cases));
	size_t total = 0;
	int passed = 0, failed = 0;

	/* A crash (ASan report) must not swallow the lines before it. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!cases)
		return 2;
	for (size_t i = 0; i < ncases; i++)
		if (report_selected(filter, __start_hosttest[i].suite))
			cases[total++] = &__start_hosttest[i];
	qsort(cases, total, sizeof(*cases), by_place);

	printf("KTAP version 1\n1..%zu\n", total);
	for (size_t i = 0; i < total; i++) {
		struct hosttest t = { .tc = cases[i] };
		cases[i]->run(&t);
		t.failures ? failed++ : passed++;
		printf("%s %d %s.%s\n", t.failures ? "not ok" : "ok",
		       passed + failed, cases[i]->suite, cases[i]->name);
	}
	printf("%d passed, %d failed\n", passed, failed);
	free(cases);
	return failed ? 1 : 0;
}
