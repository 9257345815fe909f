/* sys/resource.h: resource limits and usage (libc/src/resource/). */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>
#include <sys/types.h>

#include "kernel/uapi/resource.h"  /* RLIMIT_*, RLIM_INFINITY */
#include "kernel/uapi/time.h"      /* RUSAGE_* */

typedef unsigned long rlim_t;

struct rlimit {
	rlim_t rlim_cur, rlim_max;
};

struct rusage {
	struct timeval ru_utime, ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt,
	     ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv,
	     ru_nsignals, ru_nvcsw, ru_nivcsw;
};

int getrlimit(int resource, struct rlimit *r);
int setrlimit(int resource, const struct rlimit *r);
int getrusage(int who, struct rusage *ru);

/* PRIO_PROCESS, PRIO_PGRP, PRIO_USER: which threads; the nice value
 * -20..19 (getpriority returns it; -1 with errno set on an error). */
int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int nice);

#endif
