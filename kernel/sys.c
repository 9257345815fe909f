/* kernel/sys.c: the system calls every C library makes at start-up: uname,
 * the user and group ids (the credentials of kernel/resource.h, with
 * Linux's rules for changing them), prctl's name, getcpu, and the CPU
 * affinity and membarrier of a uniprocessor. Limits: kernel/rlimit.c. */
#include "kernel/resource.h"

#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/trace.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"

#define NGROUPS_MAX 65536  /* Linux's limit on setgroups */

static struct cred *cred(void)
{
	return &proc_current()->res.cred;
}

long sys_uname(uint32_t ubuf, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	/* A release glibc and musl accept (glibc refuses kernels older than
	 * its configured minimum); pagoda itself is named in `version`. */
	static const struct new_utsname uts = {
		.sysname = "Linux", .nodename = "pagoda",
		.release = "6.1.0-pagoda", .version = "#1 pagoda " PAGODA_VERSION,
		.machine = "i686", .domainname = "(none)",
	};
	return copy_to_user((void *)ubuf, &uts, sizeof(uts)) ? -EFAULT : 0;
}

/* ---- user and group ids ---- */

/* The 16-bit calls see ids above 65535 as the overflow id, and pass -1 as
 * 0xffff. */
static uint32_t low_id(uint32_t id)
{
	return id > 0xffff ? 65534 : id;
}

static uint32_t high_id(uint32_t id16)
{
	return (uint16_t)id16 == 0xffff ? 0xffffffffu : (uint16_t)id16;
}

static bool capable(void)
{
	return cred()->euid == 0;
}

long sys_getuid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return cred()->uid;
}

long sys_geteuid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	return cred()->euid;
}

long sys_getgid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return cred()->gid;
}

long sys_getegid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	return cred()->egid;
}

long sys_getuid16(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return low_id(cred()->uid);
}

long sys_geteuid16(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return low_id(cred()->euid);
}

long sys_getgid16(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return low_id(cred()->gid);
}

long sys_getegid16(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return low_id(cred()->egid);
}

/* setresuid/setresgid on an id triple: -1 keeps a field; without
 * privilege each new id must be one of the three current ones. */
static long set_res(uint32_t *ids, uint32_t *fs, uint32_t r, uint32_t e,
		    uint32_t s)
{
	uint32_t want[3] = { r, e, s };
	if (!capable())
		for (int i = 0; i < 3; i++)
			if (want[i] != 0xffffffffu && want[i] != ids[0] &&
			    want[i] != ids[1] && want[i] != ids[2])
				return -EPERM;
	for (int i = 0; i < 3; i++)
		if (want[i] != 0xffffffffu)
			ids[i] = want[i];
	*fs = ids[1];
	return 0;
}

/* setuid/setgid: with privilege all three ids, else only the effective
 * one, to the real or saved id. */
static long set_one(uint32_t *ids, uint32_t *fs, uint32_t id)
{
	if (id == 0xffffffffu)
		return -EINVAL;
	if (capable())
		ids[0] = ids[1] = ids[2] = id;
	else if (id == ids[0] || id == ids[2])
		ids[1] = id;
	else
		return -EPERM;
	*fs = ids[1];
	return 0;
}

/* setreuid/setregid: the real id may become the effective one, the
 * effective any of the three; the saved id follows the new effective one
 * when the real one is set or the effective leaves the real. */
static long set_re(uint32_t *ids, uint32_t *fs, uint32_t r, uint32_t e)
{
	uint32_t old_r = ids[0];
	if (!capable()) {
		if (r != 0xffffffffu && r != ids[0] && r != ids[1])
			return -EPERM;
		if (e != 0xffffffffu && e != ids[0] && e != ids[1] &&
		    e != ids[2])
			return -EPERM;
	}
	if (r != 0xffffffffu)
		ids[0] = r;
	if (e != 0xffffffffu)
		ids[1] = e;
	if (r != 0xffffffffu || (e != 0xffffffffu && e != old_r))
		ids[2] = ids[1];
	*fs = ids[1];
	return 0;
}

#define IDS_U (&cred()->uid)  /* uid, euid, suid in a row */
#define IDS_G (&cred()->gid)

long sys_setuid(uint32_t id, uint32_t a2, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return set_one(IDS_U, &cred()->fsuid, id);
}

long sys_setgid(uint32_t id, uint32_t a2, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return set_one(IDS_G, &cred()->fsgid, id);
}

long sys_setuid16(uint32_t id, uint32_t a2, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return set_one(IDS_U, &cred()->fsuid, high_id(id));
}

long sys_setgid16(uint32_t id, uint32_t a2, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return set_one(IDS_G, &cred()->fsgid, high_id(id));
}

long sys_setreuid(uint32_t r, uint32_t e, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return set_re(IDS_U, &cred()->fsuid, r, e);
}

long sys_setregid(uint32_t r, uint32_t e, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return set_re(IDS_G, &cred()->fsgid, r, e);
}

long sys_setreuid16(uint32_t r, uint32_t e, uint32_t a3, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	return set_re(IDS_U, &cred()->fsuid, high_id(r), high_id(e));
}

long sys_setregid16(uint32_t r, uint32_t e, uint32_t a3, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	return set_re(IDS_G, &cred()->fsgid, high_id(r), high_id(e));
}

long sys_setresuid(uint32_t r, uint32_t e, uint32_t s, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return set_res(IDS_U, &cred()->fsuid, r, e, s);
}

long sys_setresgid(uint32_t r, uint32_t e, uint32_t s, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return set_res(IDS_G, &cred()->fsgid, r, e, s);
}

long sys_setresuid16(uint32_t r, uint32_t e, uint32_t s, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	return set_res(IDS_U, &cred()->fsuid, high_id(r), high_id(e),
		       high_id(s));
}

long sys_setresgid16(uint32_t r, uint32_t e, uint32_t s, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	return set_res(IDS_G, &cred()->fsgid, high_id(r), high_id(e),
		       high_id(s));
}

/* getresuid/getresgid: three ids to three user addresses, each 32 or 16
 * bits wide. */
static long get_res(const uint32_t *ids, uint32_t ur, uint32_t ue,
		    uint32_t us, bool wide)
{
	uint32_t where[3] = { ur, ue, us };
	for (int i = 0; i < 3; i++) {
		uint32_t v32 = ids[i];
		uint16_t v16 = (uint16_t)low_id(ids[i]);
		if (copy_to_user((void *)where[i], wide ? (void *)&v32 : &v16,
				 wide ? 4 : 2))
			return -EFAULT;
	}
	return 0;
}

long sys_getresuid(uint32_t r, uint32_t e, uint32_t s, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return get_res(IDS_U, r, e, s, true);
}

long sys_getresgid(uint32_t r, uint32_t e, uint32_t s, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return get_res(IDS_G, r, e, s, true);
}

long sys_getresuid16(uint32_t r, uint32_t e, uint32_t s, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	return get_res(IDS_U, r, e, s, false);
}

long sys_getresgid16(uint32_t r, uint32_t e, uint32_t s, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	return get_res(IDS_G, r, e, s, false);
}

/* setfsuid/setfsgid: return the old id; change it if privileged or to one
 * of the process's ids (an invalid id changes nothing). */
static long set_fs(uint32_t *ids, uint32_t *fs, uint32_t id)
{
	uint32_t old = *fs;
	if (id != 0xffffffffu && (capable() || id == ids[0] || id == ids[1] ||
				  id == ids[2] || id == *fs))
		*fs = id;
	return old;
}

long sys_setfsuid(uint32_t id, uint32_t a2, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return set_fs(IDS_U, &cred()->fsuid, id);
}

long sys_setfsgid(uint32_t id, uint32_t a2, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return set_fs(IDS_G, &cred()->fsgid, id);
}

long sys_setfsuid16(uint32_t id, uint32_t a2, uint32_t a3, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	return low_id(set_fs(IDS_U, &cred()->fsuid, high_id(id)));
}

long sys_setfsgid16(uint32_t id, uint32_t a2, uint32_t a3, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	return low_id(set_fs(IDS_G, &cred()->fsgid, high_id(id)));
}

/* getgroups(size, list): size 0 asks for the count; a smaller list than
 * the groups is EINVAL. */
static long get_groups(int32_t size, uint32_t ulist, bool wide)
{
	struct cred *c = cred();
	if (size < 0)
		return -EINVAL;
	if (size == 0)
		return c->ngroups;
	if ((uint32_t)size < c->ngroups)
		return -EINVAL;
	for (uint32_t i = 0; i < c->ngroups; i++) {
		uint32_t v32 = c->groups[i];
		uint16_t v16 = (uint16_t)low_id(v32);
		if (copy_to_user((void *)(ulist + i * (wide ? 4 : 2)),
				 wide ? (void *)&v32 : &v16, wide ? 4 : 2))
			return -EFAULT;
	}
	return c->ngroups;
}

static long set_groups(int32_t size, uint32_t ulist, bool wide)
{
	if (!capable())
		return -EPERM;
	if (size < 0 || size > NGROUPS_MAX)
		return -EINVAL;
	if (size > NGROUPS_KEPT)
		return -ENOMEM;  /* more than pagoda keeps */
	uint32_t groups[NGROUPS_KEPT];
	for (int32_t i = 0; i < size; i++) {
		uint32_t v32 = 0;
		uint16_t v16;
		if (copy_from_user(wide ? (void *)&v32 : &v16,
				   (void *)(ulist + i * (wide ? 4 : 2)),
				   wide ? 4 : 2))
			return -EFAULT;
		groups[i] = wide ? v32 : high_id(v16);
	}
	memcpy(cred()->groups, groups, size * sizeof(groups[0]));
	cred()->ngroups = size;
	return 0;
}

long sys_getgroups(uint32_t size, uint32_t ulist, uint32_t a3, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return get_groups((int32_t)size, ulist, true);
}

long sys_getgroups16(uint32_t size, uint32_t ulist, uint32_t a3, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	return get_groups((int32_t)size, ulist, false);
}

long sys_setgroups(uint32_t size, uint32_t ulist, uint32_t a3, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return set_groups((int32_t)size, ulist, true);
}

long sys_setgroups16(uint32_t size, uint32_t ulist, uint32_t a3, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	return set_groups((int32_t)size, ulist, false);
}

/* prctl: the name (comm) options, and pagoda's own trace options
 * (docs/trace.md); the rest are EINVAL. */
long sys_prctl(uint32_t option, uint32_t arg2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct proc *p = proc_current();
	char name[TASK_COMM_LEN];
	switch (option) {
	case PR_SET_NAME:
		/* up to 15 bytes, a longer name cut short (as Linux) */
		memset(name, 0, sizeof(name));
		for (size_t i = 0; i < sizeof(name) - 1; i++) {
			if (copy_from_user(&name[i], (const char *)arg2 + i, 1))
				return -EFAULT;
			if (!name[i])
				break;
		}
		memcpy(p->name, name, sizeof(name));
		return 0;
	case PR_GET_NAME:
		memcpy(name, p->name, sizeof(name));
		name[sizeof(name) - 1] = '\0';
		return copy_to_user((void *)arg2, name, sizeof(name)) ? -EFAULT
								      : 0;
	case PR_PAGODA_SET_TRACE:
		if (arg2 & ~TRACE_ALL)
			return -EINVAL;
		trace_set_proc(p, arg2);
		return 0;
	case PR_PAGODA_GET_TRACE:
		return (long)p->trace;
	default:
		return -EINVAL;
	}
}

/* getcpu(cpu, node, cache): always CPU 0 of node 0. */
long sys_getcpu(uint32_t ucpu, uint32_t unode, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	uint32_t zero = 0;
	if (ucpu && copy_to_user((void *)ucpu, &zero, sizeof(zero)))
		return -EFAULT;
	if (unode && copy_to_user((void *)unode, &zero, sizeof(zero)))
		return -EFAULT;
	return 0;
}

/* pid 0 or the caller: the only thread whose affinity we can name. */
static long affinity_check(uint32_t pid, uint32_t len)
{
	if (len * 8 < 1 || len % sizeof(uint32_t))
		return -EINVAL;
	if (pid != 0 && (int)pid != proc_current()->pid)
		return -ESRCH;
	return 0;
}

/* sched_getaffinity: one CPU; the mask is one long (returned: its size). */
long sys_sched_getaffinity(uint32_t pid, uint32_t len, uint32_t umask,
			   uint32_t a4, uint32_t a5, uint32_t a6)
{
	long r = affinity_check(pid, len);
	if (r)
		return r;
	uint32_t mask = 1;
	if (copy_to_user((void *)umask, &mask, sizeof(mask)))
		return -EFAULT;
	return sizeof(mask);
}

/* sched_setaffinity: any mask that includes CPU 0 is accepted. */
long sys_sched_setaffinity(uint32_t pid, uint32_t len, uint32_t umask,
			   uint32_t a4, uint32_t a5, uint32_t a6)
{
	uint32_t mask = 0;
	if (len && copy_from_user(&mask, (void *)umask, len < 4 ? len : 4))
		return -EFAULT;
	if (pid != 0 && (int)pid != proc_current()->pid)
		return -ESRCH;
	return mask & 1 ? 0 : -EINVAL;
}

#define MB_SUPPORTED                                                           \
	(MEMBARRIER_CMD_GLOBAL | MEMBARRIER_CMD_GLOBAL_EXPEDITED |              \
	 MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED |                            \
	 MEMBARRIER_CMD_PRIVATE_EXPEDITED |                                    \
	 MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED |                           \
	 MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE |                          \
	 MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE)

/* membarrier on one CPU: every barrier is already complete when the call
 * is made (only this CPU runs code), so the commands succeed at once; the
 * private expedited ones still need their registration first (EPERM). */
long sys_membarrier(uint32_t cmd, uint32_t flags, uint32_t cpu, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	unsigned *reg = &proc_current()->res.membarrier_registered;
	if (flags)
		return -EINVAL;
	switch (cmd) {
	case MEMBARRIER_CMD_QUERY:
		return MB_SUPPORTED;
	case MEMBARRIER_CMD_GLOBAL:
	case MEMBARRIER_CMD_GLOBAL_EXPEDITED:
		return 0;
	case MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED:
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED:
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE:
		*reg |= cmd;
		return 0;
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED:
		return *reg & MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED ? 0
									 : -EPERM;
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE:
		return *reg & MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE
			       ? 0 : -EPERM;
	default:
		return -EINVAL;
	}
}
