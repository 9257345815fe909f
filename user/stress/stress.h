/* user/stress/stress.h: what the two halves of stress share: the steps a
 * worker takes (steps.c) and the counts it keeps of them, which main.c
 * gives each worker a shared page for and adds up (docs/testing.md). */
#ifndef USER_STRESS_STRESS_H
#define USER_STRESS_STRESS_H

#include <stdint.h>

#define PAGE 4096
#define MAX_WORKERS 32

enum step { S_FORK, S_EXEC, S_THREAD, S_ANON, S_FILE, S_PIPE, S_SIGUSR1,
	    S_SIGKILL, S_BRK, NSTEPS };

extern const char *const step_names[NSTEPS];

/* What one worker slot did, over all its incarnations. A worker that
 * finishes also sends it through the result pipe (< PIPE_BUF): the
 * parent counts those reports. */
struct counts {
	uint32_t done[NSTEPS];  /* steps that ran and checked out */
	uint32_t shorts;        /* steps refused with ENOMEM/EAGAIN */
	uint32_t killed;        /* children ended by SIGKILL not sent by us */
	uint32_t bad;           /* check failures */
	char why[64];           /* the first failure */
};

/* The counts of the running worker: its own until main.c points it at its
 * slot of the shared page. */
extern struct counts *cnt;

/* The folder of the programs the exec and file steps use (-b). */
extern char bindir[256];

/* Seconds since boot, CLOCK_MONOTONIC. */
double now(void);

/* Run seeded steps until end (seconds since boot) when end is not 0,
 * else for rounds steps, counting in *cnt. */
void worker(uint32_t seed, unsigned rounds, double end);

#endif
