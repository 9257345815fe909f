/* mm/mmap.h: the memory-mapping system calls (mmap2, old_mmap, munmap,
 * mprotect, brk, mremap, madvise, msync, mincore). They only create, cut,
 * move and edit VMAs; pages still arrive one fault at a time (mm/fault.c).
 * The mm_* functions work on any address space; the sys_* ones are the
 * system-call entries on the current process's. */
#ifndef MM_MMAP_H
#define MM_MMAP_H

#include <stdint.h>

#include "mm/as.h"

#define MAX_MAP_COUNT 65530  /* VMAs per address space, Linux's default
				vm.max_map_count */

/* True if r, a long returned by the calls below, is -errno rather than
 * an address (user addresses are all below 0xc0000000). */
static inline bool mm_is_err(long r)
{
	return (unsigned long)r > (unsigned long)-4096;
}

struct vm_file;

/* The file a mapping maps, as the open file gave it. */
struct mmap_file {
	struct vm_file *vmf;  /* its bytes (page cache); NULL if the file
				 cannot be mapped (not a regular file) */
	bool readable;        /* opened for reading */
	bool writable;        /* opened for writing */
};

/* mmap into as, as Linux's do_mmap: len bytes (rounded up to pages) at
 * addr (with MAP_FIXED, replacing what is there; else a hint), prot
 * PROT_*, flags MAP_*. file NULL: anonymous memory (MAP_ANONYMOUS), pgoff
 * only checked for overflow; else the file from page pgoff on (the VMA
 * takes a reference on file->vmf). Returns the address or -EINVAL,
 * -ENOMEM, -EPERM, -EEXIST, -EOVERFLOW, -EACCES, -ENODEV, -EOPNOTSUPP as
 * Linux; on error nothing changed. */
long mm_mmap(struct address_space *as, vaddr_t addr, uint32_t len,
	     unsigned prot, unsigned flags, const struct mmap_file *file,
	     uint32_t pgoff);

/* mm_mmap of anonymous memory. */
static inline long mm_mmap_anon(struct address_space *as, vaddr_t addr,
				uint32_t len, unsigned prot, unsigned flags,
				uint32_t pgoff)
{
	return mm_mmap(as, addr, len, prot, flags, NULL, pgoff);
}

/* Where size bytes (page multiple, nonzero) fit in as: hint if the range
 * there is free, else the highest gap below MMAP_BASE, else the lowest
 * above MMAP_LEGACY_BASE. 0 if none. */
vaddr_t mm_unmapped_area(const struct address_space *as, vaddr_t hint,
			 uint32_t size);

/* Turn PROT_* into VMA_* (write or exec imply read on x86). */
unsigned mm_prot_to_vma(unsigned prot);

/* mremap (mm/mremap.c): resize the mapping at old (one VMA's part) to
 * new_len, in place or, with MREMAP_MAYMOVE, elsewhere (MREMAP_FIXED: at
 * new_addr). Returns the new address or -errno as Linux. */
long mm_mremap(struct address_space *as, vaddr_t old, uint32_t old_len,
	       uint32_t new_len, unsigned flags, vaddr_t new_addr);

/* The system calls: Linux i386's arguments, 0/-errno or an address. */
long sys_mmap2(uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags,
	       uint32_t fd, uint32_t pgoff);
long sys_old_mmap(uint32_t uargs, uint32_t a2, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6);
long sys_munmap(uint32_t addr, uint32_t len, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6);
long sys_mprotect(uint32_t start, uint32_t len, uint32_t prot, uint32_t a4,
		  uint32_t a5, uint32_t a6);
long sys_brk(uint32_t want, uint32_t a2, uint32_t a3, uint32_t a4,
	     uint32_t a5, uint32_t a6);
long sys_mremap(uint32_t old, uint32_t old_len, uint32_t new_len,
		uint32_t flags, uint32_t new_addr, uint32_t a6);
long sys_madvise(uint32_t start, uint32_t len, uint32_t advice, uint32_t a4,
		 uint32_t a5, uint32_t a6);
long sys_msync(uint32_t start, uint32_t len, uint32_t flags, uint32_t a4,
	       uint32_t a5, uint32_t a6);
long sys_mincore(uint32_t start, uint32_t len, uint32_t uvec, uint32_t a4,
		 uint32_t a5, uint32_t a6);

/* pagoda_frame(addr), a pagoda-only call (kernel/uapi/pagoda_unistd.h):
 * the number of the physical frame mapped at user address addr in the
 * caller's page tables (frame = physical address / 4096), so a program
 * can see two of its pages share one frame. -EFAULT if addr is not a
 * user address or no page is mapped there yet (touch it first). */
long sys_pagoda_frame(uint32_t addr, uint32_t a2, uint32_t a3, uint32_t a4,
		      uint32_t a5, uint32_t a6);

#endif
