/* fs/procfs_failnth.c: /proc/thread-self/fail-nth, fault injection from
 * user space (mm/failinject.h), after Linux's file of the same name.
 * Writing N (decimal) makes the Nth frame or heap allocation the writing
 * thread makes from then on fail, once; 0 disarms. Reading gives the
 * allocations still to go before that failure: 0 once it was injected (or
 * if none is armed for this thread). A program sweeps an operation with
 * it: write n, make the call, read back; a call that failed (ENOMEM,
 * EAGAIN) reads 0, a call that made fewer than n allocations reads
 * nonzero, and the sweep ends. thread-self is always the caller's own
 * (pagoda has no /proc/PID/task/ yet). docs/testing.md. */
#include "fs/file.h"
#include "fs/procfs.h"
#include "kernel/lib/format.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "mm/failinject.h"
#include "mm/uaccess.h"

/* Reading allocates nothing, so it does not move the countdown. */
static long failnth_read(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	char s[16];
	uint32_t len = (uint32_t)ksnprintf(s, sizeof(s), "%u\n",
					   failinject_pending_for(thread_current()));
	if (*pos >= len)
		return 0;
	uint32_t k = len - (uint32_t)*pos < n ? len - (uint32_t)*pos : n;
	if (copy_to_user(buf, s + *pos, k))
		return -EFAULT;
	*pos += k;
	return (long)k;
}

static long failnth_write(struct file *f, const void *buf, uint32_t n,
			  uint64_t *pos)
{
	char s[16];
	if (n == 0 || n >= sizeof(s))
		return -EINVAL;
	if (copy_from_user(s, buf, n))
		return -EFAULT;
	uint32_t i = 0, v = 0;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		if (v > (0xffffffffu - 9) / 10)
			return -EINVAL;
		v = v * 10 + (uint32_t)(s[i] - '0');
	}
	if (i == 0 || (i < n && !(s[i] == '\n' && i + 1 == n)))
		return -EINVAL;
	failinject_arm(thread_current(), v);
	return (long)n;
}

/* Seekable, so that pread works (from the start: SEEK_SET only). */
static int64_t failnth_llseek(struct file *f, int64_t off, int whence)
{
	return whence == 0 && off >= 0 ? off : -EINVAL;
}

const struct file_ops procfs_failnth_ops = {
	.read = failnth_read, .write = failnth_write,
	.llseek = failnth_llseek,
};
