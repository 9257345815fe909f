/* mm/as.h: address spaces. One per process: a page directory whose kernel
 * half is shared, and the VMAs that say what each user address means.
 * Pages arrive later, one fault at a time (mm/fault.c). */
#ifndef MM_AS_H
#define MM_AS_H

#include <stdbool.h>

#include "mm/memlayout.h"
#include "mm/vma.h"

struct address_space {
	paddr_t pd;               /* page directory, physical */
	struct vma_tree vmas;     /* non-overlapping, below USER_TOP */
	vaddr_t brk_start;        /* the heap is [brk_start, brk) */
	vaddr_t brk;
	vaddr_t arg_start, arg_end;  /* exec's argv strings on the stack, */
	vaddr_t env_start, env_end;  /* and envp's (/proc/PID/cmdline) */
	unsigned long minor_faults;  /* faults resolved without I/O */
	unsigned long resident;      /* user pages mapped now */
	/* Every address space is on one list, so that a file's truncation
	 * can find the pages mapped from it (as_unmap_file_past); kept by
	 * as_create and as_destroy. */
	struct address_space *all_prev, *all_next;
	int users;  /* processes using it: 1, more after clone(CLONE_VM)
		       without CLONE_THREAD (vfork); as_put frees at 0 */
};

/* A new address space with no VMAs, or NULL when out of memory. */
struct address_space *as_create(void);

/* A copy of as for a forked child: the same VMAs, brk and labels; every
 * present page shared copy-on-write (both mappings read-only, one more
 * reference on the frame), except pages of VMA_FILE_SHARED VMAs, which are
 * simply shared. The parent's TLB is flushed for the pages made read-only.
 * Returns NULL when out of memory, with nothing leaked and as unchanged
 * (pages already write-protected stay so: a later write just takes the
 * copy-on-write fault and upgrades in place). */
struct address_space *as_fork(struct address_space *as);

/* Free everything as owns: every mapped page's reference, its page tables,
 * its VMAs. as must not be the current address space. */
void as_destroy(struct address_space *as);

/* One more process uses as (clone with CLONE_VM, vfork). */
void as_get(struct address_space *as);

/* A process stops using as: as_destroy() once none does. as must not be
 * the current address space if it is the last user. */
void as_put(struct address_space *as);

/* A file shrank to size bytes: in every address space, unmap the pages
 * that VMAs of file map from file offsets at or past PAGE_ROUND_UP(size),
 * private copies included (as Linux's truncate), so that the next touch
 * faults and finds the file gone: SIGBUS. The page cache calls this. */
void as_unmap_file_past(const struct vm_file *file, uint32_t size);

/* Make as the current address space (NULL: the kernel's own). */
void as_switch(struct address_space *as);

/* Call fn for every address space (mm/check.c). fn must not create or
 * destroy one. */
void as_for_each(void (*fn)(struct address_space *as, void *arg), void *arg);

/* The current address space, or NULL while only the kernel's is loaded. */
struct address_space *as_current(void);

/* Add v (from vma_create) to as. Returns 0, or -EEXIST if it overlaps a
 * VMA of as (v is then still the caller's). */
int as_insert_vma(struct address_space *as, struct vma *v);

/* Remove whatever is mapped in [start, end) (page aligned): VMAs are cut
 * at the edges, pages unmapped and released. Returns 0, -EINVAL for a bad
 * range, or -ENOMEM if a VMA could not be split (nothing changed). */
int as_unmap(struct address_space *as, vaddr_t start, vaddr_t end);

/* True if [start, end) (start < end) touches no VMA and leaves the guard
 * gap (STACK_GUARD_GAP) below a VMA_GROWSDOWN VMA above it. */
bool as_range_free(const struct address_space *as, vaddr_t start, vaddr_t end);

/* mprotect(): give [start, end) (page aligned, start < end) protection
 * prot (VMA_READ | VMA_WRITE | VMA_EXEC). The whole range must be mapped
 * by VMAs: else -ENOMEM, as Linux; -ENOMEM too if a VMA cannot be split;
 * -EACCES to make a VMA_NOMAYWRITE VMA writable.
 * On failure nothing has changed. */
int as_protect(struct address_space *as, vaddr_t start, vaddr_t end,
	       unsigned prot);

/* Move the program break to want, as Linux's brk(): the [heap] VMA grows
 * or shrinks (pages past the new end are released). Returns the new break,
 * or the old one if want is below the heap's start, would collide with
 * another VMA (a stack keeps its guard gap) or memory ran out. */
vaddr_t as_brk(struct address_space *as, vaddr_t want);

/* Room for any line as_format_vma makes: 49 columns, then a name (a file
 * path) of up to 255 bytes, then the NUL. */
#define AS_VMA_LINE_MAX 320

/* Format v as one line of Linux's /proc/PID/maps, without the newline:
 * "start-end perms offset 00:00 0", then, if v has a name ([heap], [stack]
 * or its file's path), spaces up to column 49 (Linux's on a 32-bit kernel)
 * and the name. perms are r, w, x or '-', then 's' for VMA_FILE_SHARED and
 * 'p' otherwise; offset is the file offset of start, 0 for anonymous VMAs.
 * Like snprintf: writes at most size bytes, NUL included (size > 0), and
 * returns the length the whole line has. */
int as_format_vma(const struct vma *v, char *buf, size_t size);

/* Log as's VMAs (LOG_INFO) in the format of Linux's /proc/PID/maps, one
 * per line, then the counters, each line starting with prefix (NULL: no
 * prefix, for gdb's `call as_dump(as, 0)`). */
void as_dump(const struct address_space *as, const char *prefix);

#endif
