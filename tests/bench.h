/* tests/bench.h: micro-benchmarks of the hot paths (boot, process
 * creation, page faults), run with the `bench` kernel option. Under
 * `qemu -icount shift=0` the TSC counts guest instructions, so the numbers
 * are deterministic; tools/bench runs them. */
#ifndef TESTS_BENCH_H
#define TESTS_BENCH_H

#include <stdint.h>

/* TSC value at kmain's first instruction. */
extern uint64_t bench_boot_tsc;

/* Run every benchmark, print `bench NAME: N per op` lines. */
void bench_run(void);

#endif
