/* mm/vma.h: virtual memory areas. An address space is a set of
 * non-overlapping VMAs kept in a balanced search tree (AVL) ordered by
 * address; each VMA says what a range of user addresses means (which
 * protection, which backing) even before any page of it is mapped. */
#ifndef MM_VMA_H
#define MM_VMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mm/memlayout.h"

struct vm_file;
struct shmem;

/* Protection bits (what user code may do). */
#define VMA_READ  0x1u
#define VMA_WRITE 0x2u
#define VMA_EXEC  0x4u

/* Flags. */
#define VMA_GROWSDOWN 0x1u  /* a stack: faults just below it extend it */
#define VMA_NOMAYWRITE 0x2u /* a shared mapping of a file opened without
			       write access: mprotect may not make it
			       writable (EACCES, as Linux's !VM_MAYWRITE) */

enum vma_kind {
	VMA_ANON,          /* zero-filled on first touch */
	VMA_FILE_PRIVATE,  /* file pages, copied on first write (COW) */
	VMA_FILE_SHARED,   /* file pages shared through the page cache */
	VMA_ANON_SHARED,   /* pages of a shared anonymous object (shm) */
};

struct vma {
	vaddr_t start;          /* first address, page aligned */
	vaddr_t end;            /* one past the last, page aligned; start < end */
	unsigned prot;          /* VMA_READ | VMA_WRITE | VMA_EXEC */
	unsigned flags;         /* VMA_GROWSDOWN */
	enum vma_kind kind;
	struct vm_file *file;   /* backing file; NULL for VMA_ANON. The VMA
				   holds a reference (vm_file_get) that
				   vma_destroy() drops; vma_split() takes
				   one for the new part */
	struct shmem *shm;      /* VMA_ANON_SHARED's object, one reference
				   per VMA (split and fork take one, freeing
				   the VMA drops it); NULL for other kinds */
	uint32_t file_offset;   /* file (or shm object) offset of start, page
				   aligned; 0 for VMA_ANON */
	uint32_t file_bytes;    /* bytes of file data from start on; the rest
				   of the VMA reads as zeros (a segment's bss
				   tail) */
	const char *label;      /* "[heap]", "[stack]" or NULL (static string) */

	/* AVL tree links, owned by mm/vma.c. Left subtree below start,
	 * right subtree at or above end; parent NULL at the root. */
	struct vma *left, *right, *parent;
	int height;             /* of the subtree rooted here, a leaf is 1;
				   0 exactly while not in a tree */
};

/* The VMAs of one address space. */
struct vma_tree {
	struct vma *root;       /* NULL when empty; subtree heights differ by
				   at most 1 at every node */
	size_t count;           /* VMAs in the tree */
};

void vma_tree_init(struct vma_tree *t);

/* True if writes through v reach every mapping of its pages (MAP_SHARED):
 * fork shares such pages instead of copying them on write. */
static inline bool vma_is_shared(const struct vma *v)
{
	return v->kind == VMA_FILE_SHARED || v->kind == VMA_ANON_SHARED;
}

/* Allocate a VMA for [start, end) with the given fields and the rest zero;
 * not yet in a tree. NULL if out of memory or the range is empty,
 * unaligned, or reaches past USER_TOP. */
struct vma *vma_create(vaddr_t start, vaddr_t end, unsigned prot,
		       enum vma_kind kind);

/* Free a VMA that is not in a tree (NULL is ignored), dropping its
 * reference on a shm object. */
void vma_destroy(struct vma *v);

/* Insert v, which is not in a tree. Returns 0, or -EEXIST if it overlaps a
 * VMA already there (the tree is unchanged). O(log n). */
int vma_insert(struct vma_tree *t, struct vma *v);

/* Take v out of t, the tree it is in (v is not freed). O(log n). */
void vma_remove(struct vma_tree *t, struct vma *v);

/* The VMA containing addr, or NULL. O(log n). */
struct vma *vma_find(const struct vma_tree *t, vaddr_t addr);

/* The lowest VMA that ends above addr (contains it or lies above it), or
 * NULL: where a walk over [addr, ...) starts. O(log n). */
struct vma *vma_find_from(const struct vma_tree *t, vaddr_t addr);

/* In-order neighbours, NULL at the ends. O(log n) worst, O(1) amortized. */
struct vma *vma_first(const struct vma_tree *t);
struct vma *vma_last(const struct vma_tree *t);
struct vma *vma_next(const struct vma *v);
struct vma *vma_prev(const struct vma *v);

/* Split v at addr (start < addr < end, page aligned) into v = [start, addr)
 * and a new VMA [addr, end) inserted after it, with the file offset and
 * file bytes divided between them (the upper part's file offset is v's
 * plus addr - start). Returns the new upper VMA, or NULL when out of memory
 * or addr is not an aligned address strictly inside v (v unchanged). */
struct vma *vma_split(struct vma_tree *t, struct vma *v, vaddr_t addr);

/* True if b directly follows a and they could be one VMA: same kind,
 * protection, flags, file and label, file offsets continuing, and a has no
 * zero tail before b (a's file data runs to its end). */
bool vma_can_merge(const struct vma *a, const struct vma *b);

/* Merge b into a (vma_can_merge must hold): a grows to b's end, b is
 * removed and freed. */
void vma_merge(struct vma_tree *t, struct vma *a, struct vma *b);

/* Remove and free every VMA, as vma_destroy does (teardown calls this
 * after unmapping pages). */
void vma_tree_clear(struct vma_tree *t);

/* t is a valid AVL tree of VMAs: ranges non-empty, page aligned, below
 * USER_TOP, in order and not overlapping; parent links, heights and
 * balance right; count right. 0, or -1 with *why naming the broken rule
 * (mm/check.h). */
int vma_tree_check(const struct vma_tree *t, const char **why);

#endif
