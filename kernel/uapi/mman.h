/* kernel/uapi/mman.h: mmap, mprotect, mremap, madvise and msync flags,
 * Linux's values for i386 (asm-generic/mman-common.h, asm-generic/mman.h,
 * linux/mman.h), and old_mmap's argument block. Shared by kernel and libc. */
#ifndef UAPI_MMAN_H
#define UAPI_MMAN_H

#define PROT_NONE      0x0
#define PROT_READ      0x1
#define PROT_WRITE     0x2
#define PROT_EXEC      0x4
#define PROT_SEM       0x8         /* accepted and ignored, as on x86 */
#define PROT_GROWSDOWN 0x01000000  /* mprotect: extend down to the VMA start */
#define PROT_GROWSUP   0x02000000  /* (no VMA grows up on x86) */

#define MAP_SHARED          0x01
#define MAP_PRIVATE         0x02
#define MAP_SHARED_VALIDATE 0x03   /* MAP_SHARED, unknown flags refused */
#define MAP_TYPE            0x0f   /* the bits holding one of the above */
#define MAP_FIXED           0x10
#define MAP_ANONYMOUS       0x20
#define MAP_ANON            MAP_ANONYMOUS
#define MAP_GROWSDOWN       0x0100
#define MAP_DENYWRITE       0x0800  /* ignored, as Linux */
#define MAP_EXECUTABLE      0x1000  /* ignored, as Linux */
#define MAP_LOCKED          0x2000
#define MAP_NORESERVE       0x4000
#define MAP_POPULATE        0x8000
#define MAP_NONBLOCK        0x10000
#define MAP_STACK           0x20000
#define MAP_HUGETLB         0x40000
#define MAP_FIXED_NOREPLACE 0x100000

#define MAP_FAILED ((void *)-1)

#define MREMAP_MAYMOVE   1
#define MREMAP_FIXED     2
#define MREMAP_DONTUNMAP 4

#define MADV_NORMAL     0
#define MADV_RANDOM     1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED   3
#define MADV_DONTNEED   4
#define MADV_FREE       8
#define MADV_MERGEABLE  12
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE   14
#define MADV_NOHUGEPAGE 15
#define MADV_DONTDUMP   16
#define MADV_DODUMP     17
#define MADV_COLD       20
#define MADV_PAGEOUT    21

#define MS_ASYNC      1
#define MS_INVALIDATE 2
#define MS_SYNC       4

/* old_mmap's (syscall 90) single argument: i386's struct mmap_arg_struct.
 * offset is in bytes and must be page aligned. */
struct mmap_arg_struct {
	unsigned long addr;
	unsigned long len;
	unsigned long prot;
	unsigned long flags;
	unsigned long fd;
	unsigned long offset;
};

_Static_assert(sizeof(struct mmap_arg_struct) == 24, "i386 mmap_arg_struct");
_Static_assert(__builtin_offsetof(struct mmap_arg_struct, offset) == 20,
	       "i386 mmap_arg_struct offset");

#endif
