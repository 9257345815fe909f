/* user/ls.c: ls [-alnR] [FILE...]: list directories and files, as GNU ls
 * does with LC_ALL=C: names sorted byte by byte, dot files only with -a,
 * files named on the command line first, then each directory under a
 * "DIR:" heading when there are several operands. -R lists every
 * directory below too, each under its heading (symbolic links to
 * directories are not followed). -l shows the mode
 * string, the link count, the owner and group, the size (a device's major
 * and minor numbers), the modification time and the name (and "-> target"
 * for a symbolic link), a directory's listing headed by its "total" in
 * KiB; -n is the same, and so is -l here: pagoda has no user database, so
 * owners are numbers, and times are UTC. A terminal gets the names in
 * columns, anything else one per line. Exit status 0; 1 if a directory
 * could not be read; 2 if an operand does not exist. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct entry {
	char *name;    /* as shown */
	char *path;    /* to stat it by */
	struct stat st;
	bool have_st;  /* lstat worked */
};

static bool opt_all, opt_long, opt_recursive;
static int status;

static void fail(int level, const char *what, const char *name, int err)
{
	fprintf(stderr, "ls: %s '%s': %s\n", what, name, strerror(err));
	if (status < level)
		status = level;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
		      ((const struct entry *)b)->name);
}

/* "drwxr-xr-x": the type letter and the nine permission bits. */
static void mode_string(unsigned mode, char out[11])
{
	static const char types[] = "?pc?d?b?-?l?s???";
	const char *rwx = "rwxrwxrwx";
	out[0] = types[(mode >> 12) & 15];
	for (int i = 0; i < 9; i++)
		out[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
	if (mode & S_ISUID)
		out[3] = out[3] == 'x' ? 's' : 'S';
	if (mode & S_ISGID)
		out[6] = out[6] == 'x' ? 's' : 'S';
	if (mode & S_ISVTX)
		out[9] = out[9] == 'x' ? 't' : 'T';
	out[10] = 0;
}

static int digits(unsigned long long n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* "Dec  1 10:20" for a time in the last six months, "Jan  2  2020" for
 * anything older or in the future, as GNU ls (its six months: half an
 * average Gregorian year). In UTC, pagoda's only zone. */
static void format_date(time_t t, time_t now, char out[13])
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	struct tm tm;
	gmtime_r(&t, &tm);
	bool recent = t <= now && now - t < 31556952 / 2;
	if (recent)
		snprintf(out, 13, "%.3s %2d %02d:%02d", months + 3 * tm.tm_mon,
			 tm.tm_mday, tm.tm_hour, tm.tm_min);
	else
		snprintf(out, 13, "%.3s %2d  %d", months + 3 * tm.tm_mon,
			 tm.tm_mday, tm.tm_year + 1900);
}

/* The size column: the size, or "major, minor" for a device. */
static void size_string(const struct stat *st, char out[24])
{
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		snprintf(out, 24, "%u, %u", (unsigned)(st->st_rdev >> 8) & 0xfff,
			 (unsigned)((st->st_rdev & 0xff) |
				    ((st->st_rdev >> 12) & 0xfff00)));
	else
		snprintf(out, 24, "%llu", (unsigned long long)st->st_size);
}

/* mode, links, owner, group, size, date, name, each column as wide as its
 * widest entry. Owner and group are numbers: pagoda has no user database
 * (GNU ls prints the number for an id without a name, and always with
 * -n). A directory's listing starts with its total size in KiB blocks. */
static void print_long(struct entry *e, int n, bool total)
{
	int lw = 1, uw = 1, gw = 1, sw = 1;
	unsigned long long blocks = 0;
	char size[24];
	for (int i = 0; i < n; i++) {
		if (!e[i].have_st)
			continue;
		const struct stat *st = &e[i].st;
		size_string(st, size);
		if (digits(st->st_nlink) > lw)
			lw = digits(st->st_nlink);
		if (digits(st->st_uid) > uw)
			uw = digits(st->st_uid);
		if (digits(st->st_gid) > gw)
			gw = digits(st->st_gid);
		if ((int)strlen(size) > sw)
			sw = strlen(size);
		blocks += st->st_blocks;
	}
	if (total)
		printf("total %llu\n", (blocks + 1) / 2);
	time_t now = time(NULL);
	for (int i = 0; i < n; i++) {
		char mode[11], date[13], target[256];
		const struct stat *st = &e[i].st;
		if (!e[i].have_st) {
			printf("?????????? %*s %*s %*s %*s %12s %s\n", lw, "?", uw,
			       "?", gw, "?", sw, "?", "?", e[i].name);
			continue;
		}
		mode_string(st->st_mode, mode);
		size_string(st, size);
		format_date(st->st_mtime, now, date);
		printf("%s %*u %*u %*u %*s %s %s", mode, lw, (unsigned)st->st_nlink,
		       uw, (unsigned)st->st_uid, gw, (unsigned)st->st_gid, sw, size,
		       date, e[i].name);
		ssize_t len = -1;
		if (S_ISLNK(st->st_mode))
			len = readlink(e[i].path, target, sizeof(target) - 1);
		if (len >= 0)
			printf(" -> %.*s", (int)len, target);
		printf("\n");
	}
}

/* Names in columns across 80 characters, down each column first. */
static void print_columns(struct entry *e, int n)
{
	int w = 1;
	for (int i = 0; i < n; i++)
		if ((int)strlen(e[i].name) > w)
			w = strlen(e[i].name);
	int cols = 80 / (w + 2) > 0 ? 80 / (w + 2) : 1;
	int rows = (n + cols - 1) / cols;
	for (int r = 0; r < rows; r++) {
		for (int c = 0; c < cols && c * rows + r < n; c++) {
			int i = c * rows + r;
			bool last = c == cols - 1 || i + rows >= n;
			printf("%s%*s", e[i].name, last ? 0 : w + 2 - (int)strlen(e[i].name), "");
		}
		printf("\n");
	}
}

static void print_entries(struct entry *e, int n, bool total)
{
	qsort(e, n, sizeof(*e), by_name);
	if (opt_long)
		print_long(e, n, total);
	else if (isatty(1))
		print_columns(e, n);
	else
		for (int i = 0; i < n; i++)
			printf("%s\n", e[i].name);
}

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *p = malloc(a + b + 2);
	if (p) {
		memcpy(p, dir, a);
		if (a == 0 || dir[a - 1] != '/')  /* "d/" and "x" give "d/x" */
			p[a++] = '/';
		memcpy(p + a, name, b + 1);
	}
	return p;
}

static void free_entries(struct entry *e, int n)
{
	for (int i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].path);
	}
	free(e);
}

/* Read the directory path into a malloc'd array; -1 if it cannot be read. */
static int read_dir(const char *path, struct entry **out)
{
	DIR *d = opendir(path);
	if (!d) {
		fail(2, "cannot open directory", path, errno);
		return -1;
	}
	struct entry *e = NULL;
	int n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' && !opt_all)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			struct entry *m = realloc(e, cap * sizeof(*e));
			if (!m)
				break;
			e = m;
		}
		e[n].name = strdup(de->d_name);
		e[n].path = join(path, de->d_name);
		if (!e[n].name || !e[n].path)
			break;
		e[n].have_st = (opt_long || opt_recursive) &&
			       lstat(e[n].path, &e[n].st) == 0;
		n++;
	}
	closedir(d);
	*out = e;
	return n;
}

static void list_dir(const char *path, bool heading, bool first)
{
	struct entry *e;
	int n = read_dir(path, &e);
	if (n < 0)
		return;
	if (heading)
		printf("%s%s:\n", first ? "" : "\n", path);
	print_entries(e, n, true);  /* sorts them too */
	for (int i = 0; opt_recursive && i < n; i++)
		if (e[i].have_st && S_ISDIR(e[i].st.st_mode) &&
		    strcmp(e[i].name, ".") && strcmp(e[i].name, ".."))
			list_dir(e[i].path, true, false);
	free_entries(e, n);
}

int main(int argc, char **argv)
{
	int c;
	opterr = 0;
	while ((c = getopt(argc, argv, "alnR")) != -1) {
		if (c == 'a') {
			opt_all = true;
		} else if (c == 'R') {
			opt_recursive = true;
		} else if (c == 'l' || c == 'n') {
			opt_long = true;
		} else {
			fprintf(stderr, "ls: invalid option -- '%c'\n"
				"usage: ls [-alnR] [FILE]...\n", optopt);
			return 2;
		}
	}
	char *dot[] = { ".", NULL };
	char **ops = optind < argc ? argv + optind : dot;
	int nops = optind < argc ? argc - optind : 1;

	/* Files first, in one listing; then each directory. */
	struct entry *files = calloc(nops, sizeof(*files));
	char **dirs = calloc(nops, sizeof(*dirs));
	int nfiles = 0, ndirs = 0;
	if (!files || !dirs) {
		fprintf(stderr, "ls: %s\n", strerror(ENOMEM));
		return 2;
	}
	for (int i = 0; i < nops; i++) {
		struct stat st;
		/* -l shows a symbolic link itself; otherwise one to a
		 * directory lists the directory. */
		int r = opt_long ? lstat(ops[i], &st) : stat(ops[i], &st);
		if (r < 0 && (opt_long || lstat(ops[i], &st) < 0)) {
			fail(2, "cannot access", ops[i], errno);
		} else if (S_ISDIR(st.st_mode)) {
			dirs[ndirs++] = ops[i];
		} else {
			struct entry *f = &files[nfiles++];
			f->name = strdup(ops[i]);
			f->path = strdup(ops[i]);
			f->have_st = lstat(ops[i], &f->st) == 0;
		}
	}
	print_entries(files, nfiles, false);
	qsort(dirs, ndirs, sizeof(*dirs), by_string);
	for (int i = 0; i < ndirs; i++)
		list_dir(dirs[i], nops > 1 || opt_recursive,
			 nfiles == 0 && i == 0);
	free_entries(files, nfiles);
	free(dirs);
	return status;
}
