/* mm/vmstat.h: what the memory code did, counted since boot: page faults
 * by kind, frames allocated and freed, pages copied and shared, page
 * tables made, TLB flushes, reclaim and the out-of-memory kills. Read through /proc/vmstat (one "name value"
 * line each, as Linux's file), and by `make bench`, which prints each
 * operation's share under its table. One CPU: each count is one `add`
 * to memory, which no interrupt can split, so no lock guards them. */
#ifndef MM_VMSTAT_H
#define MM_VMSTAT_H

#include <stdint.h>

enum vmstat_item {
	VM_FAULT_ANON,        /* a zeroed frame for an anonymous page */
	VM_FAULT_FILE,        /* a page-cache frame mapped (shared or text) */
	VM_FAULT_FILE_COPY,   /* a private copy of a file page (data) */
	VM_FAULT_COW_COPY,    /* copy-on-write: the page copied */
	VM_FAULT_COW_REUSE,   /* copy-on-write: sole user, made writable */
	VM_FAULT_SHMEM,       /* a shared anonymous page */
	VM_FRAMES_ALLOC,      /* frames handed out by the frame allocator */
	VM_FRAMES_FREED,      /* frames back to it (last reference gone) */
	VM_PAGES_COPIED,      /* 4 KiB copies: copy-on-write, private file */
	VM_PAGES_SHARED,      /* pages shared copy-on-write by fork */
	VM_PGTABLES_MADE,     /* page tables allocated */
	VM_TLB_FLUSH_PAGE,    /* one page's entry flushed (invlpg) */
	VM_TLB_FLUSH_ALL,     /* every user entry flushed (a CR3 load) */
	VM_ALLOCSTALL,        /* the frame allocator ran dry and reclaimed */
	VM_PGSTEAL_DIRECT,    /* frames that reclaim gave it back */
	VM_ALLOC_FAIL,        /* it had none even then: an allocation failed */
	VM_OOM_KILL,          /* a process killed: its page fault found no
				 memory */
	VM_NR_ITEMS
};

extern uint32_t vmstat[VM_NR_ITEMS];

static inline void vmstat_inc(enum vmstat_item i)
{
	vmstat[i]++;
}

static inline void vmstat_add(enum vmstat_item i, uint32_t n)
{
	vmstat[i] += n;
}

/* The name /proc/vmstat shows for item i ("fault_anon"). */
const char *vmstat_name(enum vmstat_item i);

#endif
