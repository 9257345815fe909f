/* user/scratch.h: what the file-system test programs (fstest, dirtest,
 * ftimes) share: checks that explain themselves when they fail, and a
 * fresh scratch directory under /tmp for the cases to run in, removed
 * after them. On pagoda and on a host alike. */
#ifndef USER_SCRATCH_H
#define USER_SCRATCH_H

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ktap.h"

/* expect(cond, "what"): cond, noting "what" with errno if it is false. */
#define expect(c, what)                                                      \
	((c) ? true : (note("%s: failed (errno %d, line %d)", what, errno,  \
			    __LINE__), false))

/* True if r is -1 with errno err; else notes what came back. */
static inline bool fails_with(long r, int err, const char *what)
{
	if (r == -1 && errno == err)
		return true;
	note("%s: got %ld errno %d, want -1 errno %d", what, r,
	     r == -1 ? errno : 0, err);
	return false;
}

/* The scratch directory, "/tmp/NAME.PID", while the cases run. */
static char scratch_dir[64];

/* Make /tmp/NAME.PID, run the cases there, then leave and remove it (the
 * cases remove what they made). Returns the exit status: 0 if all passed. */
static inline int scratch_run(const char *name, const struct ktap_case *cases, int n)
{
	mkdir("/tmp", 0777);
	snprintf(scratch_dir, sizeof(scratch_dir), "/tmp/%s.%d", name, getpid());
	if (mkdir(scratch_dir, 0755) || chdir(scratch_dir)) {
		printf("# cannot make %s (errno %d)\n", scratch_dir, errno);
		return 1;
	}
	int r = ktap_run(cases, n);
	chdir("/");
	if (rmdir(scratch_dir))
		printf("# %s left behind (errno %d)\n", scratch_dir, errno);
	return r;
}

#endif
