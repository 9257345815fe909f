/* mm/memlayout.h: the virtual memory map, in one place.
 * Every address constant the kernel uses is defined here; linker.ld and
 * boot/boot.asm repeat a few of them and are checked against these. */
#ifndef MM_MEMLAYOUT_H
#define MM_MEMLAYOUT_H

/*
 *  0x00000000 +---------------------------+
 *             | never mapped (NULL faults) |
 *  0x00001000 +---------------------------+
 *             | user space: ELF text at    |
 *             | 0x08048000, data, bss, brk |
 *             | heap; mmap area from       |
 *  0xb8000000 | MMAP_BASE down; guard gap  |
 *  0xbf800000 | user stack (8 MiB, grows   |
 *             | down)                      |
 *  0xc0000000 +===========================+ KERNEL_BASE
 *             | direct map of physical     |
 *             | memory 0 .. LOWMEM_LIMIT:  |
 *             | kernel image at 0xc0100000 |
 *             | (loaded at 1 MiB)          |
 *  0xf8000000 +---------------------------+ DIRECT_MAP_END (at most)
 *             | unused                     |
 *  0xfec00000 +---------------------------+ KSTACK_BASE
 *             | kernel stacks: 2048 slots, |
 *             | each an unmapped guard     |
 *             | page, then a stack page    |
 *  0xffc00000 +---------------------------+ KMAP_BASE
 *             | temporary-mapping window   |
 *             | for frames above lowmem    |
 *  0xffffffff +---------------------------+
 *
 * Page-directory entries 768..1023 (the kernel half) are the same in every
 * address space: their page tables are all made at boot.
 */

#define PAGE_SIZE       4096u
#define PAGE_SHIFT      12
#define PAGE_MASK       (~(PAGE_SIZE - 1))

#define KERNEL_BASE     0xC0000000u  /* first kernel virtual address */
#define KERNEL_LOAD     0x00100000u  /* physical load address (1 MiB) */
#define USER_TOP        KERNEL_BASE  /* user space is [0, USER_TOP) */
#define LOWMEM_LIMIT    0x38000000u  /* 896 MiB: most RAM the direct map covers */
#define DIRECT_MAP_END  (KERNEL_BASE + LOWMEM_LIMIT)
#define KMAP_BASE       0xFFC00000u  /* 1024 temporary-mapping slots */
#define KMAP_SLOTS      1024u
/* Kernel stacks (mm/kstack.c): slot i is the guard page at KSTACK_BASE +
 * 2 * i pages, never mapped, and the stack page just above it. */
#define KSTACK_BASE     0xFEC00000u
#define KSTACK_SLOTS    2048u
#define KSTACK_END      (KSTACK_BASE + KSTACK_SLOTS * 2u * PAGE_SIZE)

#define USER_STACK_TOP   USER_TOP
#define USER_STACK_LIMIT (8u << 20)  /* 8 MiB, as Linux's default RLIMIT_STACK */
#define STACK_GUARD_GAP  (256u * PAGE_SIZE)  /* kept unmapped below a stack,
						as Linux's stack_guard_gap */

/* mmap's layout, Linux's top-down one without randomization: mappings go
 * down from MMAP_BASE, 128 MiB below the top (Linux's smallest gap left
 * for the stack, which the 8 MiB stack limit plus the guard gap is under);
 * when nothing fits there, up from MMAP_LEGACY_BASE (TASK_SIZE / 3). No
 * mapping goes below MMAP_MIN_ADDR (vm.mmap_min_addr, Debian's 64 KiB). */
#define MMAP_BASE        (USER_TOP - (128u << 20))
#define MMAP_LEGACY_BASE 0x40000000u
#define MMAP_MIN_ADDR    0x10000u

#ifndef __ASSEMBLER__
#include <stdint.h>

typedef uint32_t paddr_t;  /* a physical address */
typedef uint32_t vaddr_t;  /* a virtual address, user or kernel */

/* Direct-map conversions; valid only for addresses below LOWMEM_LIMIT. */
#define P2V(pa) ((void *)((paddr_t)(pa) + KERNEL_BASE))
#define V2P(va) ((paddr_t)((vaddr_t)(va) - KERNEL_BASE))

#define PAGE_ROUND_DOWN(a) ((a) & PAGE_MASK)
#define PAGE_ROUND_UP(a)   (((a) + PAGE_SIZE - 1) & PAGE_MASK)

_Static_assert(KERNEL_BASE % (4u << 20) == 0, "kernel half starts on a PDE");
_Static_assert(DIRECT_MAP_END <= KSTACK_BASE, "direct map below the stacks");
_Static_assert(KSTACK_END == KMAP_BASE, "stacks just below the kmap window");
_Static_assert(KSTACK_BASE % (4u << 20) == 0, "stack window starts on a PDE");
#endif

#endif
