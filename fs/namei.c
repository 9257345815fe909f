/* fs/namei.c: walking a path through the tree (fs/namei.h). One buffer,
 * rewritten in place: following a link replaces the walked prefix by the
 * link's target, so no recursion and no stack grows with the links. Pure
 * code over the tree (dir_find, inode_read_kernel): the host fuzz target
 * tests/fuzz/fuzz_path.c builds it too. Where a walk starts and the path
 * buffer it walks come from fs/pathname.c. */
#include "fs/namei.h"

#include "fs/inode.h"
#include "kernel/lib/string.h"
#include "kernel/uapi/errno.h"

bool name_is_dot(const char *name, uint32_t len)
{
	return (len == 1 && name[0] == '.') ||
	       (len == 2 && name[0] == '.' && name[1] == '.');
}

void walk_done(struct walk *w)
{
	inode_put(w->dir);
	inode_put(w->inode);
	w->dir = w->inode = NULL;
}

/* Replace path[0..rest) by link's target: path becomes target + rest.
 * Returns 0, -ENOENT (empty target), -ENAMETOOLONG or -ENOMEM. */
static int splice_link(char *path, char *rest, struct inode *link)
{
	uint32_t tlen = link->vmf.size, rlen = strlen(rest);
	if (tlen == 0)
		return -ENOENT;
	if (tlen + rlen + 1 > PATH_MAX)
		return -ENAMETOOLONG;
	memmove(path + tlen, rest, rlen + 1);
	long got = inode_read_kernel(link, 0, path, tlen);
	return got == (long)tlen ? 0 : -ENOMEM;
}

/* Step from cur to component name[0..len): ".", "..", or an entry. A
 * removed directory still has "." and ".." (its old parent, as Linux's
 * d_parent), but no entries. */
static int step(struct inode *cur, const char *name, uint32_t len,
		struct inode **next)
{
	if (!S_ISDIR(cur->mode))
		return -ENOTDIR;
	if (len == 1 && name[0] == '.') {
		*next = cur;
		return 0;
	}
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*next = cur->parent ? cur->parent : cur;
		return 0;
	}
	if (cur->nlink == 0)
		return -ENOENT;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	return (*next = dir_find(cur, name, len)) ? 0 : -ENOENT;
}

static void move_to(struct inode **cur, struct inode *next)
{
	inode_get(next);
	inode_put(*cur);
	*cur = next;
}

/* One component of a path being walked. */
struct comp {
	char *name;      /* its first byte */
	uint32_t len;    /* 0: no component left */
	char *rest;      /* just past it (its trailing slashes included) */
	char *next;      /* the next component, slashes skipped */
	bool last;       /* nothing follows it */
	bool slash;      /* slashes follow it */
};

static void comp_parse(char *p, struct comp *c)
{
	while (*p == '/')
		p++;
	c->name = p;
	c->len = 0;
	while (p[c->len] && p[c->len] != '/')
		c->len++;
	c->rest = c->next = p + c->len;
	while (*c->next == '/')
		c->next++;
	c->last = !*c->next;
	c->slash = c->rest != c->next;
}

/* WALK_PARENT reached the last component c in directory cur (held, and
 * handed to w). */
static int stop_at_parent(struct inode *cur, const struct comp *c,
			  struct walk *w)
{
	if (!S_ISDIR(cur->mode))
		return -ENOTDIR;
	if (c->len > NAME_MAX)
		return -ENAMETOOLONG;
	w->dir = cur;
	w->last = c->name;
	w->last_len = c->len;
	w->slash = c->slash;
	return 0;
}

/* The end of the walk at cur (held): the result, checked. */
static int finish(struct inode *cur, const char *p, unsigned flags,
		  struct walk *w)
{
	if (flags & WALK_PARENT) {  /* "/": a directory, no last component */
		w->dir = cur;
		w->last = p;
		return 0;
	}
	if ((flags & WALK_DIRECTORY) && !S_ISDIR(cur->mode))
		return -ENOTDIR;
	w->inode = cur;
	return 0;
}

int walk(struct inode *base, char *path, unsigned flags, struct walk *w)
{
	*w = (struct walk){ 0 };
	if (!path[0] && !(flags & WALK_EMPTY))
		return -ENOENT;
	struct inode *cur = inode_get(path[0] == '/' ? fs_root : base), *next;
	struct comp c;
	int links = 0, err;
	for (comp_parse(path, &c); c.len; comp_parse(c.next, &c)) {
		if (c.last && (flags & WALK_PARENT)) {
			if ((err = stop_at_parent(cur, &c, w)))
				goto out_err;
			return 0;
		}
		if ((err = step(cur, c.name, c.len, &next)))
			goto out_err;
		if (S_ISLNK(next->mode) &&
		    (!c.last || c.slash || (flags & WALK_FOLLOW))) {
			err = ++links > SYMLINK_MAX ? -ELOOP
						    : splice_link(path, c.rest, next);
			if (err)
				goto out_err;
			if (path[0] == '/')
				move_to(&cur, fs_root);
			c.next = path;  /* walk the spliced path from cur */
			continue;
		}
		move_to(&cur, next);
		if (c.last && c.slash && !S_ISDIR(cur->mode)) {
			err = -ENOTDIR;
			goto out_err;
		}
	}
	if (!(err = finish(cur, c.name, flags, w)))
		return 0;
out_err:
	inode_put(cur);
	return err;
}
