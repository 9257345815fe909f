/* mm/vma.c: the VMAs of an address space, kept in an AVL tree ordered by
 * start address. Pure code: the host unit tests build it too. */
#include "mm/vma.h"

#include "kernel/uapi/errno.h"

/* The only place that differs between the kernel and the host build. */
#ifdef HOST_TEST
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#define VMA_ASSERT(cond) assert(cond)
#define vma_alloc() ((struct vma *)calloc(1, sizeof(struct vma)))
#define vma_free(v) free(v)
#define vma_file_get(f) ((void)(f))  /* the host tests' files are tokens */
#define vma_shm_get(v) ((void)(v))  /* no shm objects on the host */
#define vma_shm_put(v) ((void)(v))
#else
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "mm/kheap.h"
#define VMA_ASSERT(cond) KASSERT(cond)
#define vma_alloc() ((struct vma *)kzalloc(sizeof(struct vma)))
#include "mm/shmem.h"
#include "mm/vm_file.h"
/* A VMA holds a reference on its file (mm/vm_file.h) while it exists. */
#define vma_free(v) (vm_file_put((v)->file), kfree(v))
#define vma_file_get(f) ((void)vm_file_get(f))
#define vma_shm_get(v) ((v)->shm ? shmem_get((v)->shm) : (void)0)
#define vma_shm_put(v) ((v)->shm ? shmem_put((v)->shm) : (void)0)
#endif

/* ---- AVL mechanics ---------------------------------------------------- */

static int height_of(const struct vma *n)
{
	return n ? n->height : 0;
}

static void height_update(struct vma *n)
{
	int l = height_of(n->left), r = height_of(n->right);

	n->height = 1 + (l > r ? l : r);
}

static int balance_of(const struct vma *n)
{
	return height_of(n->left) - height_of(n->right);
}

/* Make new take old's place under parent (or at the root). */
static void child_replace(struct vma_tree *t, struct vma *parent,
			  struct vma *old, struct vma *new)
{
	if (!parent)
		t->root = new;
	else if (parent->left == old)
		parent->left = new;
	else
		parent->right = new;
	if (new)
		new->parent = parent;
}

/*      x              y
 *     / \            / \
 *    a   y    ->    x   c
 *       / \        / \
 *      b   c      a   b       Returns y, now where x was. */
static struct vma *rotate_left(struct vma_tree *t, struct vma *x)
{
	struct vma *y = x->right;

	x->right = y->left;
	if (y->left)
		y->left->parent = x;
	child_replace(t, x->parent, x, y);
	y->left = x;
	x->parent = y;
	height_update(x);
	height_update(y);
	return y;
}

/* The mirror image of rotate_left. */
static struct vma *rotate_right(struct vma_tree *t, struct vma *x)
{
	struct vma *y = x->left;

	x->left = y->right;
	if (y->right)
		y->right->parent = x;
	child_replace(t, x->parent, x, y);
	y->right = x;
	x->parent = y;
	height_update(x);
	height_update(y);
	return y;
}

/* Restore |balance| <= 1 at n, whose subtrees are AVL trees differing in
 * height by at most 2. Returns the node now at n's place. */
static struct vma *node_rebalance(struct vma_tree *t, struct vma *n)
{
	int bf = balance_of(n);

	if (bf > 1) {
		/* Left-right case: turn it into left-left first. */
		if (balance_of(n->left) < 0)
			rotate_left(t, n->left);
		return rotate_right(t, n);
	}
	if (bf < -1) {
		if (balance_of(n->right) > 0)
			rotate_right(t, n->right);
		return rotate_left(t, n);
	}
	height_update(n);
	return n;
}

/* Fix heights and balance from n up to the root. Walking the whole path
 * (rather than stopping once a height is unchanged) keeps the code short
 * and is still O(log n). */
static void path_rebalance(struct vma_tree *t, struct vma *n)
{
	while (n)
		n = node_rebalance(t, n)->parent;
}

static struct vma *subtree_min(struct vma *n)
{
	while (n->left)
		n = n->left;
	return n;
}

static struct vma *subtree_max(struct vma *n)
{
	while (n->right)
		n = n->right;
	return n;
}

/* ---- The tree --------------------------------------------------------- */

void vma_tree_init(struct vma_tree *t)
{
	t->root = NULL;
	t->count = 0;
}

struct vma *vma_create(vaddr_t start, vaddr_t end, unsigned prot,
		       enum vma_kind kind)
{
	/* start < end on unsigned values also rules out a wrapped range. */
	if ((start | end) & ~PAGE_MASK || start >= end || end > USER_TOP)
		return NULL;
	struct vma *v = vma_alloc();
	if (!v)
		return NULL;
	v->start = start;
	v->end = end;
	v->prot = prot;
	v->kind = kind;
	return v;
}

void vma_destroy(struct vma *v)
{
	if (!v)
		return;
	VMA_ASSERT(v->height == 0);  /* freeing a VMA still in a tree */
	vma_shm_put(v);
	vma_free(v);
}

int vma_insert(struct vma_tree *t, struct vma *v)
{
	struct vma *parent = NULL, **link = &t->root;

	VMA_ASSERT(v->height == 0 && v->start < v->end);
	/* Every VMA that could overlap v lies on the search path: the others
	 * are on the far side of a path node that v does not overlap. */
	while (*link) {
		parent = *link;
		if (v->end <= parent->start)
			link = &parent->left;
		else if (v->start >= parent->end)
			link = &parent->right;
		else
			return -EEXIST;
	}
	v->left = v->right = NULL;
	v->parent = parent;
	v->height = 1;
	*link = v;
	t->count++;
	path_rebalance(t, parent);
	return 0;
}

void vma_remove(struct vma_tree *t, struct vma *v)
{
	struct vma *fix;

	VMA_ASSERT(v->height > 0);
	if (v->left && v->right) {
		/* Put v's successor s (leftmost of v->right, no left child)
		 * where v was; rebalancing starts where s was taken from. */
		struct vma *s = subtree_min(v->right);
		if (s->parent == v) {
			fix = s;
		} else {
			fix = s->parent;
			child_replace(t, s->parent, s, s->right);
			s->right = v->right;
			s->right->parent = s;
		}
		s->left = v->left;
		s->left->parent = s;
		child_replace(t, v->parent, v, s);
	} else {
		fix = v->parent;
		child_replace(t, v->parent, v, v->left ? v->left : v->right);
	}
	path_rebalance(t, fix);
	t->count--;
	v->left = v->right = v->parent = NULL;
	v->height = 0;
}

struct vma *vma_find(const struct vma_tree *t, vaddr_t addr)
{
	struct vma *n = t->root;

	while (n) {
		if (addr < n->start)
			n = n->left;
		else if (addr >= n->end)
			n = n->right;
		else
			return n;
	}
	return NULL;
}

struct vma *vma_find_from(const struct vma_tree *t, vaddr_t addr)
{
	struct vma *n = t->root, *best = NULL;

	while (n) {
		if (n->end > addr) {
			best = n;
			if (addr >= n->start)
				return n;
			n = n->left;
		} else {
			n = n->right;
		}
	}
	return best;
}

struct vma *vma_first(const struct vma_tree *t)
{
	return t->root ? subtree_min(t->root) : NULL;
}

struct vma *vma_last(const struct vma_tree *t)
{
	return t->root ? subtree_max(t->root) : NULL;
}

struct vma *vma_next(const struct vma *v)
{
	if (v->right)
		return subtree_min(v->right);
	while (v->parent && v->parent->right == v)
		v = v->parent;
	return v->parent;
}

struct vma *vma_prev(const struct vma *v)
{
	if (v->left)
		return subtree_max(v->left);
	while (v->parent && v->parent->left == v)
		v = v->parent;
	return v->parent;
}

/* ---- Split and merge -------------------------------------------------- */

static bool is_file_kind(enum vma_kind kind)
{
	return kind == VMA_FILE_PRIVATE || kind == VMA_FILE_SHARED;
}

/* Kinds whose pages are found by an offset into something (a file, a shm
 * object) that must carry along when a VMA is cut. */
static bool has_offset(enum vma_kind kind)
{
	return is_file_kind(kind) || kind == VMA_ANON_SHARED;
}

struct vma *vma_split(struct vma_tree *t, struct vma *v, vaddr_t addr)
{
	if (addr & ~PAGE_MASK || addr <= v->start || addr >= v->end)
		return NULL;
	struct vma *upper = vma_alloc();
	if (!upper)
		return NULL;
	uint32_t below = addr - v->start;

	*upper = *v;
	vma_file_get(upper->file);
	upper->start = addr;
	/* A private anonymous VMA has no position to carry along. */
	if (has_offset(v->kind))
		upper->file_offset = v->file_offset + below;
	vma_shm_get(upper);
	/* The file data (then the zero tail) is cut at addr: the lower part
	 * keeps what lies below it, the upper part the rest, if any. */
	upper->file_bytes = v->file_bytes > below ? v->file_bytes - below : 0;
	v->file_bytes = v->file_bytes < below ? v->file_bytes : below;
	v->end = addr;
	upper->left = upper->right = upper->parent = NULL;
	upper->height = 0;
	/* [addr, end) was v's, so nothing can be in the way. */
	int err = vma_insert(t, upper);
	VMA_ASSERT(err == 0);
	(void)err;
	return upper;
}

static bool label_equal(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return a == b || strcmp(a, b) == 0;
}

bool vma_can_merge(const struct vma *a, const struct vma *b)
{
	if (a->end != b->start || a->kind != b->kind || a->prot != b->prot ||
	    a->flags != b->flags || a->file != b->file || a->shm != b->shm ||
	    !label_equal(a->label, b->label))
		return false;
	if (!has_offset(a->kind))
		return true;
	uint32_t a_size = a->end - a->start;
	if (a->kind == VMA_ANON_SHARED)
		return b->file_offset == a->file_offset + a_size;
	/* b must start where a's file data ends: same file position and no
	 * zeros between them. */
	return b->file_offset == a->file_offset + a_size &&
	       a->file_bytes >= a_size;
}

void vma_merge(struct vma_tree *t, struct vma *a, struct vma *b)
{
	VMA_ASSERT(vma_can_merge(a, b));
	vma_remove(t, b);
	if (is_file_kind(a->kind))
		a->file_bytes = (a->end - a->start) + b->file_bytes;
	/* a's start, hence its place in the tree, does not change. */
	a->end = b->end;
	vma_destroy(b);
}

void vma_tree_clear(struct vma_tree *t)
{
	struct vma *n = t->root;

	/* Post-order with parent pointers: no recursion, no extra memory. */
	while (n) {
		if (n->left) {
			n = n->left;
			continue;
		}
		if (n->right) {
			n = n->right;
			continue;
		}
		struct vma *parent = n->parent;
		if (parent && parent->left == n)
			parent->left = NULL;
		else if (parent)
			parent->right = NULL;
		vma_shm_put(n);
		vma_free(n);
		n = parent;
	}
	vma_tree_init(t);
}

/* The subtree at v, all of whose VMAs must lie in [lo, hi): its height,
 * or -1 with *why set. */
static int check_subtree(const struct vma *v, const struct vma *parent,
			 vaddr_t lo, vaddr_t hi, size_t *count,
			 const char **why)
{
	if (!v)
		return 0;
	if (v->parent != parent)
		return *why = "a node's parent link is wrong", -1;
	if (v->start >= v->end || v->start % PAGE_SIZE || v->end % PAGE_SIZE ||
	    v->end > USER_TOP)
		return *why = "a VMA's range is empty, unaligned or past USER_TOP", -1;
	if (v->start < lo || v->end > hi)
		return *why = "VMAs overlap or are out of order", -1;
	int l = check_subtree(v->left, v, lo, v->start, count, why);
	int r = l < 0 ? -1 : check_subtree(v->right, v, v->end, hi, count, why);
	if (r < 0)
		return -1;
	if (l - r > 1 || r - l > 1)
		return *why = "the tree is out of balance", -1;
	if (v->height != 1 + (l > r ? l : r))
		return *why = "a node's height is wrong", -1;
	(*count)++;
	return v->height;
}

int vma_tree_check(const struct vma_tree *t, const char **why)
{
	size_t count = 0;
	if (check_subtree(t->root, NULL, 0, USER_TOP, &count, why) < 0)
		return -1;
	if (count != t->count)
		return *why = "the tree's count disagrees with its nodes", -1;
	return 0;
}
