/* kernel/rlimit.c: resource limits (getrlimit, ugetrlimit, setrlimit,
 * prlimit64): Linux's defaults for a process the kernel starts, inherited
 * by fork and kept by execve. RLIMIT_STACK bounds stack growth
 * (mm/fault.c), RLIMIT_NPROC fork, RLIMIT_NOFILE the descriptor table. */
#include "kernel/resource.h"

#include "kernel/lib/string.h"
#include "kernel/pid.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"

#define NR_OPEN_MAX 1048576u  /* Linux's fs.nr_open: RLIMIT_NOFILE's cap */

static const struct rlimit64 default_rlim[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_FSIZE] = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_DATA] = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_STACK] = { USER_STACK_LIMIT, RLIM64_INFINITY },
	[RLIMIT_CORE] = { 0, RLIM64_INFINITY },
	[RLIMIT_RSS] = { RLIM64_INFINITY, RLIM64_INFINITY },
	/* RLIMIT_NPROC and RLIMIT_SIGPENDING: from max_threads, below */
	[RLIMIT_NOFILE] = { 1024, 4096 },
	[RLIMIT_MEMLOCK] = { 8u << 20, 8u << 20 },
	[RLIMIT_AS] = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_LOCKS] = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = { RLIM64_INFINITY, RLIM64_INFINITY },
};

void resource_init(struct proc *p, const struct proc *parent)
{
	if (parent) {
		p->res = parent->res;
		p->res.membarrier_registered = 0;  /* per address space */
		return;
	}
	memset(&p->res, 0, sizeof(p->res));  /* root */
	memcpy(p->res.rlim, default_rlim, sizeof(default_rlim));
	/* Linux's fork_init(): half of max_threads, for both. */
	uint64_t half = (uint64_t)pid_max_threads() / 2;
	p->res.rlim[RLIMIT_NPROC] = (struct rlimit64){ half, half };
	p->res.rlim[RLIMIT_SIGPENDING] = (struct rlimit64){ half, half };
}

uint64_t rlimit_cur(const struct proc *p, int resource)
{
	return p->res.rlim[resource].rlim_cur;
}

int resource_may_fork(const struct proc *p)
{
	if (p->res.cred.uid == 0)
		return 0;  /* root is exempt (CAP_SYS_RESOURCE), as on Linux */
	uint64_t n = (uint64_t)proc_count_user(p->res.cred.uid);
	return n >= rlimit_cur(p, RLIMIT_NPROC) ? -EAGAIN : 0;
}

/* Change p's limit resource to *new (checked as Linux's do_prlimit). */
static int set_limit(struct proc *p, uint32_t resource,
		     const struct rlimit64 *new)
{
	if (new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_MAX)
		return -EPERM;
	struct rlimit64 *old = &p->res.rlim[resource];
	if (new->rlim_max > old->rlim_max && p->res.cred.euid != 0)
		return -EPERM;  /* raising a hard limit takes privilege */
	*old = *new;
	return 0;
}

static uint32_t clamp32(uint64_t v, uint32_t inf)
{
	return v >= 0xffffffffull ? inf : (uint32_t)v;
}

/* ugetrlimit (191): the limit with RLIM_INFINITY for anything that does
 * not fit 32 bits. */
long sys_getrlimit(uint32_t resource, uint32_t ulim, uint32_t a3,
		   uint32_t a4, uint32_t a5, uint32_t a6)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	const struct rlimit64 *l = &proc_current()->res.rlim[resource];
	struct rlimit32 r = { clamp32(l->rlim_cur, RLIM_INFINITY),
			      clamp32(l->rlim_max, RLIM_INFINITY) };
	return copy_to_user((void *)ulim, &r, sizeof(r)) ? -EFAULT : 0;
}

/* The original getrlimit (76): infinity is 0x7fffffff. */
long sys_old_getrlimit(uint32_t resource, uint32_t ulim, uint32_t a3,
		       uint32_t a4, uint32_t a5, uint32_t a6)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	const struct rlimit64 *l = &proc_current()->res.rlim[resource];
	struct rlimit32 r = {
		l->rlim_cur > OLD_RLIM_INFINITY ? OLD_RLIM_INFINITY
						: (uint32_t)l->rlim_cur,
		l->rlim_max > OLD_RLIM_INFINITY ? OLD_RLIM_INFINITY
						: (uint32_t)l->rlim_max,
	};
	return copy_to_user((void *)ulim, &r, sizeof(r)) ? -EFAULT : 0;
}

long sys_setrlimit(uint32_t resource, uint32_t ulim, uint32_t a3,
		   uint32_t a4, uint32_t a5, uint32_t a6)
{
	struct rlimit32 r;
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (copy_from_user(&r, (void *)ulim, sizeof(r)))
		return -EFAULT;
	struct rlimit64 l = {
		r.rlim_cur == RLIM_INFINITY ? RLIM64_INFINITY : r.rlim_cur,
		r.rlim_max == RLIM_INFINITY ? RLIM64_INFINITY : r.rlim_max,
	};
	return set_limit(proc_current(), resource, &l);
}

/* prlimit64(pid, resource, new, old): of the caller (pid 0 or its own);
 * other processes' limits are not reachable yet (ESRCH). */
long sys_prlimit64(uint32_t pid, uint32_t resource, uint32_t unew,
		   uint32_t uold, uint32_t a5, uint32_t a6)
{
	struct proc *p = proc_current();
	struct rlimit64 new, old;
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (unew && copy_from_user(&new, (void *)unew, sizeof(new)))
		return -EFAULT;
	if (pid != 0 && (int)pid != p->pid)
		return -ESRCH;
	old = p->res.rlim[resource];
	if (unew) {
		int r = set_limit(p, resource, &new);
		if (r)
			return r;
	}
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
