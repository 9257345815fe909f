/* bench/bench.h: what the benchmark's files share: the Linux i386 system
 * call numbers and flags it uses (spelled out here, so the benchmark does
 * not depend on what pagoda's headers have caught up with), and the
 * measuring helpers of bench.c. */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stdint.h>

#define NR_exit 1
#define NR_fork 2
#define NR_read 3
#define NR_write 4
#define NR_close 6
#define NR_execve 11
#define NR_getpid 20
#define NR_kill 37
#define NR_pipe 42
#define NR_getppid 64
#define NR_reboot 88
#define NR_munmap 91
#define NR_mprotect 125
#define NR_wait4 114
#define NR_clone 120
#define NR_rt_sigaction 174
#define NR_vfork 190
#define NR_mmap2 192
#define NR_futex 240

#define PROT_RW 0x3
#define MAP_PRIVATE_ANON 0x22
#define FUTEX_WAIT 0
#define FUTEX_WAIT_PRIVATE 128
#define FUTEX_WAKE_PRIVATE 129

/* Where the helper programs are, on both kernels' initrds. */
#define BENCH_BIN "/bench"
#define BIGTEXT_PAGES 1024  /* bench/bigtext.asm: 4 MiB of text */

/* A raw int 0x80 with five or six arguments: the result, or -errno. */
long sc(long n, long a, long b, long c, long d, long e);
long sc6(long n, long a, long b, long c, long d, long e, long f);
#define SC_FAILED(r) ((unsigned long)(r) > -4096ul)  /* an address may look
							 negative */

void row(const char *name, uint64_t insns, long ops);
void row_na(const char *name, const char *why, long err);
long loops(long n);
uint64_t bench_rdtsc(void);
/* The start of a timed loop: the kernel's counters read (pagoda), then
 * the TSC; row() prints what the counters did per operation. */
uint64_t bench_start(void);
/* The timed loop ran n operations though row() is given one averaged
 * figure (ops 1): the counters are divided by n. */
void bench_ops(long n);

void bench_threads(void);  /* bench_threads.c */
void bench_signal(void);
void bench_scale(void);  /* bench_scale.c: make bench-scale */

#endif
