/* tests/uprog.h: running a user program from an in-kernel test, its output
 * captured instead of mixed into the KTAP stream. */
#ifndef TESTS_UPROG_H
#define TESTS_UPROG_H

#include "fs/dev.h"
#include "kernel/proc.h"

struct uprog_result {
	int err;             /* 0, or exec's -errno */
	int status;          /* Linux wait status, when err is 0 */
	char out[PAGE_SIZE]; /* what it wrote to fd 1 and 2, NUL-terminated */
	uint32_t len;
};

/* Run path with argv (argv[0] included, NULL-terminated) and a small fixed
 * environment as a child of the kernel; wait for it. */
void uprog_run(const char *path, const char *const *argv,
	       struct uprog_result *r);

/* Send p's fds 1 and 2 to c (before p first runs). Returns the capture
 * file, to be given to uprog_uncapture() once p has ended, or NULL when
 * out of memory (p's output then goes to the console). */
struct file *uprog_capture(struct proc *p, struct capture *c);

/* Stop capturing into c (children p left behind write nowhere) and drop
 * the file. NULL is ignored. */
void uprog_uncapture(struct file *f);

/* True if the output has the line `N passed, 0 failed` and no `not ok`. */
bool uprog_ktap_passed(const struct uprog_result *r);

/* Print the captured output as KTAP diagnostics ("# ..." lines). */
void uprog_show(const struct uprog_result *r);

struct ktest;

/* The usual check of a KTEST case t on a user test program: run path
 * with argv (NULL: just { path }) into r, then expect that it started,
 * exited with status 0 and printed a passing KTAP stream; on a failure,
 * show its output. Returns true if all of that held. */
bool uprog_run_ktap(struct ktest *t, const char *path,
		    const char *const *argv, struct uprog_result *r);

/* A long run the kernel command line asks for (`make fuzz`, `make
 * stress`): spec is the program's arguments with commas for spaces
 * ("-s,7,-t,600"); run path as name with them, its output on the
 * console, not captured. Expects in t that it started and exited 0 and
 * that no user process is left after uprog_wait_for_orphans(). */
void uprog_run_spec(struct ktest *t, const char *path, const char *name,
		    const char *spec);

/* Yield until no user process is left, or for 5 s at most: children a
 * killed parent left behind end on their own, and a leak check should see
 * the end state. Then kill what is still there (SIGKILL) and wait again:
 * the fuzzer and stress make processes that leave their process group
 * (setsid) and sleep for ever (pause), which their group's kill misses;
 * a leak check after them must see everything back, as after a shutdown.
 * (Only those long runs call this: a test of orphans waits for them.) */
void uprog_wait_for_orphans(void);

#endif
