/* user/help.c: help: what there is to run, read from the /bin directory
 * itself (so the list is never out of date), sorted and in columns.
 * docs/userland.md says what each program does. Exit status 1 if /bin
 * cannot be read. PAGODA_BIN names another directory (for a host run). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	const char *bin = getenv("PAGODA_BIN") ? getenv("PAGODA_BIN") : "/bin";
	DIR *d = opendir(bin);
	if (!d) {
		fprintf(stderr, "help: cannot open directory '%s': %s\n", bin,
			strerror(errno));
		return 1;
	}
	char **names = NULL;
	int n = 0, cap = 0, width = 1;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			char **m = realloc(names, cap * sizeof(*names));
			if (!m)
				break;
			names = m;
		}
		if (!(names[n] = strdup(de->d_name)))
			break;
		if ((int)strlen(names[n]) > width)
			width = strlen(names[n]);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	printf("Programs in %s (run one by its name, or by its path):\n", bin);
	int cols = 78 / (width + 2), rows = (n + cols - 1) / cols;
	for (int r = 0; r < rows; r++) {
		printf(" ");
		for (int c = 0; c < cols && c * rows + r < n; c++)
			printf(" %-*s", c + 1 < cols && (c + 1) * rows + r < n ? width + 1 : 0,
			       names[c * rows + r]);
		printf("\n");
	}
	printf("Tests print KTAP (\"ok N name\" lines); docs/userland.md lists "
	       "what each program does.\n");
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return 0;
}
