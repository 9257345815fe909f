/* tests/fuzz/fuzz_path.c: any path, any walk flags and any symbolic-link
 * targets through the path walk (fs/namei.c), over a small fixed tree:
 *
 *     /  a/  a/b/  f  a/g  l0 -> T0  a/l1 -> T1  a/b/l2 -> T2  l3 -> T3
 *
 * plus "gone", a directory already removed (a working directory can be
 * one: its "." and ".." still work, its names are gone). The input is: a byte of walk flags (the top bit: the link read
 * fails, as when out of memory), a byte choosing the base directory, then
 * NUL-separated: the path, T0, T1, T2, T3 (missing targets keep their
 * defaults, among them a loop and an empty target). Promises checked:
 * the result is 0 or one of walk's documented errors; every reference the
 * walk took is given back (on success, by walk_done); the path buffer
 * stays NUL-terminated; a success names a node of the tree and keeps the
 * flags' promises (WALK_DIRECTORY, WALK_PARENT's last component); and a
 * path that involves no link resolves as a plain component-by-component
 * walk (written here a second time, simply) says it should. */
#include <stdlib.h>
#include <string.h>

#include "fs/inode.h"
#include "fs/namei.h"
#include "kernel/uapi/errno.h"
#include "tests/fuzz/fuzz.h"

enum { ROOT, A, B, F, G, L0, L1, L2, L3, GONE, NODES };

struct node {
	struct inode inode;   /* first: the walk sees only this */
	int parent;           /* the directory holding it, -1 for none */
	const char *name;
	const char *target;   /* symlinks */
};

static struct node nodes[NODES];
static bool read_fails;
struct inode *fs_root;

static struct node *node_of(const struct inode *i)
{
	return (struct node *)i;
}

struct inode *dir_find(struct inode *dir, const char *name, uint32_t len)
{
	for (int k = 0; k < NODES; k++)
		if (nodes[k].parent >= 0 && &nodes[nodes[k].parent].inode == dir &&
		    strlen(nodes[k].name) == len && !memcmp(nodes[k].name, name, len))
			return &nodes[k].inode;
	return NULL;
}

long inode_read_kernel(struct inode *i, uint32_t off, void *buf, uint32_t n)
{
	const char *t = node_of(i)->target;
	FUZZ_CHECK(t && off == 0 && n == strlen(t));
	if (read_fails)
		return -ENOMEM;
	memcpy(buf, t, n);
	return n;
}

static void add(int k, int parent, const char *name, uint32_t mode,
		const char *target)
{
	nodes[k] = (struct node){ .parent = parent, .name = name, .target = target };
	struct inode *i = &nodes[k].inode;
	i->mode = mode;
	i->nlink = S_ISDIR(mode) ? 2 : 1;
	i->parent = S_ISDIR(mode) ? &nodes[parent].inode : NULL;
	i->vmf.refs = 1;  /* the tree's own reference */
	i->vmf.size = target ? strlen(target) : 0;
}

/* Split the input's NUL-separated strings: *at the next one, or dflt. */
static const char *next_string(const uint8_t **at, const uint8_t *end,
			       const char *dflt, char *copy, size_t cap)
{
	if (*at >= end)
		return dflt;
	const uint8_t *nul = memchr(*at, 0, end - *at);
	size_t n = (nul ? nul : end) - *at;
	if (n >= cap)
		n = cap - 1;
	memcpy(copy, *at, n);
	copy[n] = '\0';
	*at = nul ? nul + 1 : end;
	return copy;
}

/* Whether a path could reach a link: it names one, or walks below "..". */
static bool names_a_link(const char *p)
{
	for (; *p; p++)
		if (*p == 'l' && (p[1] == '/' || p[1] == 0 || p[1] == 'l' ||
				  (p[1] >= '0' && p[1] <= '9')))
			return true;
	return false;
}

/* The walk again, without links: component by component. */
static int plain_walk(struct inode *cur, const char *p, unsigned flags,
		      struct inode **out)
{
	if (*p == '/')
		cur = fs_root;
	for (;;) {
		while (*p == '/')
			p++;
		size_t len = strcspn(p, "/");
		const char *after = p + len, *next = after + strspn(after, "/");
		if (!len) {
			*out = cur;
			return (flags & WALK_DIRECTORY) && !S_ISDIR(cur->mode) ? -ENOTDIR : 0;
		}
		if ((flags & WALK_PARENT) && !*next) {
			*out = cur;
			return !S_ISDIR(cur->mode) ? -ENOTDIR : len > NAME_MAX ? -ENAMETOOLONG : 0;
		}
		if (!S_ISDIR(cur->mode))
			return -ENOTDIR;
		bool dot = len == 1 && *p == '.', dotdot = len == 2 && !memcmp(p, "..", 2);
		if (!dot && !dotdot && cur->nlink == 0)
			return -ENOENT;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		struct inode *n = dot ? cur
				: dotdot ? (cur->parent ? cur->parent : cur)
				: dir_find(cur, p, len);
		if (!n)
			return -ENOENT;
		cur = n;
		if (!*next && after != next && !S_ISDIR(cur->mode))
			return -ENOTDIR;
		p = next;
	}
}

static void build(const uint8_t **at, const uint8_t *end, char t[4][PATH_MAX])
{
	add(ROOT, ROOT, "", S_IFDIR | 0755, NULL);
	add(A, ROOT, "a", S_IFDIR | 0755, NULL);
	add(B, A, "b", S_IFDIR | 0755, NULL);
	add(F, ROOT, "f", S_IFREG | 0644, NULL);
	add(G, A, "g", S_IFREG | 0644, NULL);
	add(L0, ROOT, "l0", S_IFLNK | 0777, next_string(at, end, "a", t[0], PATH_MAX));
	add(L1, A, "l1", S_IFLNK | 0777, next_string(at, end, "../f", t[1], PATH_MAX));
	add(L2, B, "l2", S_IFLNK | 0777, next_string(at, end, "/a/b/l2", t[2], PATH_MAX));
	add(L3, ROOT, "l3", S_IFLNK | 0777, next_string(at, end, "", t[3], PATH_MAX));
	add(GONE, ROOT, "gone", S_IFDIR | 0755, NULL);
	nodes[GONE].parent = -1;  /* removed: no name and no links, but its
				     ".." is still the root */
	nodes[GONE].inode.nlink = 0;
	fs_root = &nodes[ROOT].inode;
}

static void check_success(const struct walk *w, const char *path, unsigned flags)
{
	const struct inode *r = flags & WALK_PARENT ? w->dir : w->inode;
	FUZZ_CHECK(r && node_of(r) >= nodes && node_of(r) < nodes + NODES);
	FUZZ_CHECK(flags & WALK_PARENT ? !w->inode : !w->dir);
	if ((flags & WALK_DIRECTORY) && !(flags & WALK_PARENT))
		FUZZ_CHECK(S_ISDIR(r->mode));
	if (flags & WALK_PARENT) {
		FUZZ_CHECK(S_ISDIR(r->mode));
		FUZZ_CHECK(w->last >= path && w->last + w->last_len < path + PATH_MAX);
		FUZZ_CHECK(w->last_len <= NAME_MAX);
		FUZZ_CHECK(!memchr(w->last, '/', w->last_len));
		FUZZ_CHECK(w->slash || w->last[w->last_len] == '\0');
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[PATH_MAX], orig[PATH_MAX], t[4][PATH_MAX];
	if (size < 2)
		return 0;
	unsigned flags = data[0] & 0xf;
	read_fails = data[0] & 0x80;
	static const int bases[] = { ROOT, A, B, GONE };
	const uint8_t *at = data + 2, *end = data + size;
	next_string(&at, end, "", path, PATH_MAX);
	memcpy(orig, path, PATH_MAX);
	build(&at, end, t);
	struct inode *base = &nodes[bases[data[1] % 4]].inode;

	struct walk w;
	int err = walk(base, path, flags, &w);
	FUZZ_CHECK(memchr(path, 0, PATH_MAX) != NULL);
	FUZZ_CHECK(err == 0 || err == -ENOENT || err == -ENOTDIR || err == -ELOOP ||
		   err == -ENAMETOOLONG || (err == -ENOMEM && read_fails));
	struct inode *got = flags & WALK_PARENT ? w.dir : w.inode;
	if (!err) {
		check_success(&w, path, flags);
		walk_done(&w);
	}
	for (int k = 0; k < NODES; k++)
		FUZZ_CHECK(nodes[k].inode.vmf.refs == 1);  /* none kept, none lost */

	if (!names_a_link(orig) && (orig[0] || (flags & WALK_EMPTY))) {
		struct inode *want;
		int want_err = plain_walk(base, orig, flags, &want);
		FUZZ_CHECK(err == want_err);
		FUZZ_CHECK(err || got == want);
	}
	return 0;
}
