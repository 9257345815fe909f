/* labs/procmaps/grade.c: the grader of the /proc/PID/maps lab
 * (README.md): reads /proc/self/maps and a child's /proc/PID/maps while
 * it maps, protects and unmaps memory, and checks each line against what
 * the process knows it has, in Linux's format. Runs as init, /bin/grade. */
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "labs/lib/grader.h"

#define PAGE 4096u
#define MAX_LINES 64

struct line {
	unsigned start, end, offset;
	unsigned long major, minor, ino;  /* the "dev inode" fields */
	char perms[5];
	const char *name;  /* "" when there is none */
	int name_col;      /* where the name starts in the line */
	const char *text;  /* the whole line */
};

static char buf[8192];
static struct line lines[MAX_LINES];
static int nlines;

/* Parse one "start-end perms offset dev inode [name]" line in place. */
static bool parse(char *s, struct line *l)
{
	char *p = s, *end;
	l->text = s;
	l->start = (unsigned)strtoul(p, &end, 16);
	if (end - p != 8 || *end != '-')
		return false;
	p = end + 1;
	l->end = (unsigned)strtoul(p, &end, 16);
	if (end - p != 8 || *end != ' ' || strlen(end) < 6)
		return false;
	memcpy(l->perms, end + 1, 4);
	l->perms[4] = '\0';
	p = end + 6;
	l->offset = (unsigned)strtoul(p, &end, 16);
	if (end - p != 8 || *end != ' ')
		return false;
	p = end + 1;
	l->major = strtoul(p, &end, 16);
	if (end - p != 2 || *end != ':')
		return false;
	p = end + 1;
	l->minor = strtoul(p, &end, 16);
	if (end - p != 2 || *end != ' ')
		return false;
	p = end + 1;
	l->ino = strtoul(p, &end, 10);
	if (end == p || (*end != ' ' && *end != '\0'))
		return false;
	p = end;
	while (*p == ' ')
		p++;
	l->name = p;
	l->name_col = (int)(p - s);
	return true;
}

/* Read and parse /proc/WHO/maps into lines[]; false if a line does not
 * parse (or the file is missing or empty). */
static bool read_maps(const char *who)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%s/maps", who);
	nlines = 0;
	if (read_small(path, buf, sizeof buf) <= 0) {
		note("%s is missing or empty", path);
		return false;
	}
	for (char *s = buf; *s && nlines < MAX_LINES; ) {
		char *nl = strchr(s, '\n');
		if (!nl) {
			note("%s: the last line has no newline", path);
			return false;
		}
		*nl = '\0';
		if (!parse(s, &lines[nlines])) {
			note("%s: cannot parse \"%s\"", path, s);
			return false;
		}
		nlines++;
		s = nl + 1;
	}
	return nlines > 0;
}

/* The line whose range holds addr, or NULL. */
static const struct line *covering(unsigned addr)
{
	for (int i = 0; i < nlines; i++)
		if (lines[i].start <= addr && addr < lines[i].end)
			return &lines[i];
	return NULL;
}

/* The line for exactly [start, end) with perms, or NULL (and a note). */
static const struct line *exactly(unsigned start, unsigned end, const char *perms)
{
	for (int i = 0; i < nlines; i++)
		if (lines[i].start == start && lines[i].end == end &&
		    strcmp(lines[i].perms, perms) == 0)
			return &lines[i];
	note("no line %08x-%08x %s", start, end, perms);
	return NULL;
}

static bool lines_parse_in_order(void)
{
	if (!read_maps("self"))
		return false;
	for (int i = 0; i < nlines; i++) {
		if (lines[i].start >= lines[i].end || lines[i].start % PAGE ||
		    lines[i].end % PAGE ||
		    (i && lines[i].start < lines[i - 1].end)) {
			note("line %d out of order or empty: %s", i + 1, lines[i].text);
			return false;
		}
	}
	return true;
}

static bool text_is_r_xp_with_path(void)
{
	if (!read_maps("self"))
		return false;
	const struct line *l = covering((unsigned)(unsigned long)text_is_r_xp_with_path);
	if (!l || strcmp(l->perms, "r-xp") || strcmp(l->name, "/bin/grade")) {
		note("the code's line: %s", l ? l->text : "none");
		return false;
	}
	struct stat st;  /* st_dev in new_encode_dev() form */
	REQUIRE(stat("/bin/grade", &st) == 0);
	unsigned long d = st.st_dev;
	if (l->major != ((d >> 8) & 0xfff) ||
	    l->minor != ((d & 0xff) | ((d >> 12) & 0xfff00)) || l->ino != st.st_ino) {
		note("the code's line: %s; /bin/grade is device %02lx:%02lx inode %lu",
		     l->text, (d >> 8) & 0xfff, d & 0xff, (unsigned long)st.st_ino);
		return false;
	}
	return true;
}

static bool heap_and_stack_named(void)
{
	int local = 0;
	REQUIRE(sbrk(PAGE) != (void *)-1);
	unsigned top = (unsigned)(unsigned long)sbrk(0) - 1;
	if (!read_maps("self"))
		return false;
	const struct line *h = covering(top), *s = covering((unsigned)(unsigned long)&local);
	if (!h || strcmp(h->name, "[heap]") || strcmp(h->perms, "rw-p")) {
		note("the heap's line: %s", h ? h->text : "none");
		return false;
	}
	if (!s || strcmp(s->name, "[stack]") || strcmp(s->perms, "rw-p")) {
		note("the stack's line: %s", s ? s->text : "none");
		return false;
	}
	if (h->major || h->minor || h->ino || s->major || s->minor || s->ino) {
		note("anonymous memory is device 00:00, inode 0: %s / %s",
		     h->text, s->text);
		return false;
	}
	/* Linux's padding: the name starts at column 49 on a 32-bit kernel. */
	if (h->name_col != 49 || s->name_col != 49) {
		note("names start at columns %d and %d, want 49", h->name_col,
		     s->name_col);
		return false;
	}
	return true;
}

static bool mappings_come_split_and_go(void)
{
	char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	REQUIRE(p != MAP_FAILED);
	unsigned a = (unsigned)(unsigned long)p;
	const struct line *l = read_maps("self") ? exactly(a, a + 3 * PAGE, "rw-p") : NULL;
	bool ok = l != NULL;
	if (l && *l->name) {
		note("an anonymous mapping has a name: %s", l->text);
		ok = false;
	}
	REQUIRE(mprotect(p + PAGE, PAGE, PROT_READ) == 0);
	ok = ok && read_maps("self") && exactly(a, a + PAGE, "rw-p") &&
	     exactly(a + PAGE, a + 2 * PAGE, "r--p") &&
	     exactly(a + 2 * PAGE, a + 3 * PAGE, "rw-p");
	REQUIRE(munmap(p, 3 * PAGE) == 0);
	if (ok && read_maps("self") && covering(a + PAGE)) {
		note("still there after munmap: %s", covering(a + PAGE)->text);
		ok = false;
	}
	return ok;
}

static bool shared_and_file_mappings(void)
{
	char *s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int fd = open("/bin/grade", O_RDONLY);
	REQUIRE(s != MAP_FAILED && fd >= 0);
	char *f = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
	REQUIRE(f != MAP_FAILED);
	close(fd);
	unsigned a = (unsigned)(unsigned long)s, b = (unsigned)(unsigned long)f;
	bool ok = read_maps("self");
	const struct line *ls = ok ? exactly(a, a + PAGE, "rw-s") : NULL;
	const struct line *lf = ok ? exactly(b, b + PAGE, "r--p") : NULL;
	if (ls && strcmp(ls->name, "/dev/zero (deleted)")) {
		note("shared anonymous memory is named \"%s\"", ls->name);
		ls = NULL;
	}
	if (lf && (lf->offset != PAGE || strcmp(lf->name, "/bin/grade"))) {
		note("the file mapping's line: %s", lf->text);
		lf = NULL;
	}
	munmap(s, PAGE);
	munmap(f, PAGE);
	return ls && lf;
}

static bool another_process(void)
{
	int ready[2];
	REQUIRE(pipe(ready) == 0);
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		char *p = mmap(NULL, 5 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);
		write(ready[1], &p, sizeof p);
		pause();  /* until killed */
		child_exit(0);
	}
	char *p = NULL;
	bool ok = read(ready[0], &p, sizeof p) == sizeof p && p != MAP_FAILED;
	char who[16];
	snprintf(who, sizeof who, "%d", pid);
	unsigned a = (unsigned)(unsigned long)p;
	ok = ok && read_maps(who) && exactly(a, a + 5 * PAGE, "r--p");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(ready[0]);
	close(ready[1]);
	return ok;
}

static const struct ktap_case cases[] = {
	{ "procmaps.lines_parse_in_order", lines_parse_in_order },
	{ "procmaps.text_is_r_xp_with_path", text_is_r_xp_with_path },
	{ "procmaps.heap_and_stack_named", heap_and_stack_named },
	{ "procmaps.mappings_come_split_and_go", mappings_come_split_and_go },
	{ "procmaps.shared_and_file_mappings", shared_and_file_mappings },
	{ "procmaps.another_process", another_process },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
