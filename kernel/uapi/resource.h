/* kernel/uapi/resource.h: resource limits (getrlimit, setrlimit,
 * prlimit64), struct new_utsname (uname) and prctl's and membarrier's
 * numbers, as Linux i386 defines them. */
#ifndef UAPI_RESOURCE_H
#define UAPI_RESOURCE_H

#include <stdint.h>

#define RLIMIT_CPU        0
#define RLIMIT_FSIZE      1
#define RLIMIT_DATA       2
#define RLIMIT_STACK      3
#define RLIMIT_CORE       4
#define RLIMIT_RSS        5
#define RLIMIT_NPROC      6
#define RLIMIT_NOFILE     7
#define RLIMIT_MEMLOCK    8
#define RLIMIT_AS         9
#define RLIMIT_LOCKS      10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE   12
#define RLIMIT_NICE       13
#define RLIMIT_RTPRIO     14
#define RLIMIT_RTTIME     15
#define RLIM_NLIMITS      16

/* getpriority and setpriority: which processes */
#define PRIO_PROCESS 0  /* one thread, by id (0: the caller) */
#define PRIO_PGRP    1  /* every thread of a process group */
#define PRIO_USER    2  /* every thread of a real user id */

#define NICE_MIN (-20)  /* the most CPU */
#define NICE_MAX 19     /* the least */

#define RLIM_INFINITY     0xffffffffu              /* struct rlimit32 */
#define RLIM64_INFINITY   0xffffffffffffffffull    /* struct rlimit64 */
#define OLD_RLIM_INFINITY 0x7fffffffu              /* old getrlimit (76) */

struct rlimit32 {
	uint32_t rlim_cur, rlim_max;
};

struct rlimit64 {
	uint64_t rlim_cur, rlim_max;
};

#define UTS_LEN 65
struct new_utsname {
	char sysname[UTS_LEN], nodename[UTS_LEN], release[UTS_LEN],
	     version[UTS_LEN], machine[UTS_LEN], domainname[UTS_LEN];
};

_Static_assert(sizeof(struct rlimit64) == 16, "struct rlimit64");
_Static_assert(sizeof(struct new_utsname) == 390, "struct new_utsname");

#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define TASK_COMM_LEN 16

/* pagoda only (docs/trace.md): prctl options far outside Linux's range
 * (Linux answers EINVAL to them). SET: arg2 is a mask of TRACE_* bits for
 * the calling process, inherited by the children it creates from now on;
 * GET: returns the mask. */
#define PR_PAGODA_SET_TRACE 0x50470001
#define PR_PAGODA_GET_TRACE 0x50470002
#define TRACE_EXEC    0x01u  /* exec: the segments turned into VMAs */
#define TRACE_FAULT   0x02u  /* every page fault and how it ended */
#define TRACE_SYSCALL 0x04u  /* every system call, strace style */
#define TRACE_SCHED   0x08u  /* every switch between threads */
#define TRACE_SIGNAL  0x10u  /* signals sent and delivered */
#define TRACE_ALL     0x1fu

#define MEMBARRIER_CMD_QUERY                                0
#define MEMBARRIER_CMD_GLOBAL                               (1 << 0)
#define MEMBARRIER_CMD_GLOBAL_EXPEDITED                     (1 << 1)
#define MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED            (1 << 2)
#define MEMBARRIER_CMD_PRIVATE_EXPEDITED                    (1 << 3)
#define MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED           (1 << 4)
#define MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE          (1 << 5)
#define MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE (1 << 6)
#define MEMBARRIER_CMD_FLAG_CPU                             (1 << 0)

#endif
