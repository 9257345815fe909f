/* kernel/syscall.c: the system-call table and the calls that belong to no
 * subsystem of their own. Every user pointer goes through mm/uaccess.h. */
#include "kernel/syscall.h"

#include <stdint.h>

#include "exec/exec.h"
#include "kernel/arch/x86/tls.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/ioctls.h"
#include "kernel/uapi/unistd_32.h"
#include "mm/as.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"

typedef long (*syscall_fn)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t,
			   uint32_t);

#define MAX_RW_COUNT 0x7ffff000u  /* Linux caps one read or write here */
#define IOV_MAX 1024

/* Where bytes written to fd 1 and 2 go: the console, or a test's capture. */
static void out(struct proc *p, const char *buf, uint32_t n)
{
	struct proc_capture *c = p->capture;
	if (!c) {
		console_write(buf, n);
		return;
	}
	uint32_t room = PAGE_SIZE - c->len;
	memcpy(c->buf + c->len, buf, n < room ? n : room);
	c->len += n < room ? n : room;
}

/* Write n bytes at user address ubuf to fd; a fault after some bytes went
 * out ends the write short, as on Linux. */
static long do_write(int fd, const char *ubuf, uint32_t n)
{
	if (fd != 1 && fd != 2)
		return -EBADF;  /* no files yet: only the console */
	if (!user_range_ok(ubuf, n > MAX_RW_COUNT ? MAX_RW_COUNT : n))
		return -EFAULT;
	char chunk[256];
	uint32_t done = 0;
	if (n > MAX_RW_COUNT)
		n = MAX_RW_COUNT;
	while (done < n) {
		uint32_t k = n - done < sizeof(chunk) ? n - done : sizeof(chunk);
		if (copy_from_user(chunk, ubuf + done, k) < 0)
			return done ? (long)done : -EFAULT;
		out(proc_current(), chunk, k);
		done += k;
	}
	return done;
}

/* Read from the console (fd 0): what has arrived, at least one byte, in
 * chunks that fit the kernel stack; 0 at end of file. */
static long sys_read(uint32_t fd, uint32_t ubuf, uint32_t n, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	if (fd != 0)
		return -EBADF;  /* no files yet: only the console */
	if (!user_range_ok((void *)ubuf, n))
		return -EFAULT;
	if (n == 0)
		return 0;
	char chunk[256];
	int got = console_read(chunk, n < sizeof(chunk) ? n : sizeof(chunk));
	if (got < 0)
		return got;
	if (copy_to_user((void *)ubuf, chunk, got) < 0)
		return -EFAULT;
	return got;
}

static long sys_write(uint32_t fd, uint32_t buf, uint32_t n, uint32_t a4,
		      uint32_t a5, uint32_t a6)
{
	return do_write((int)fd, (const char *)buf, n);
}

struct iovec32 {
	uint32_t base;
	uint32_t len;
};

static long sys_writev(uint32_t fd, uint32_t uiov, uint32_t cnt, uint32_t a4,
		       uint32_t a5, uint32_t a6)
{
	if (cnt > IOV_MAX)
		return -EINVAL;
	long total = 0;
	for (uint32_t i = 0; i < cnt; i++) {
		struct iovec32 v;
		if (copy_from_user(&v, (void *)(uiov + i * sizeof(v)), sizeof(v)) < 0)
			return total ? total : -EFAULT;
		if (v.len > MAX_RW_COUNT - (uint32_t)total)
			return total ? total : -EINVAL;
		long r = do_write((int)fd, (const char *)v.base, v.len);
		if (r < 0)
			return total ? total : r;
		total += r;
		if ((uint32_t)r < v.len)
			break;
	}
	return total;
}

static long sys_exit(uint32_t code, uint32_t a2, uint32_t a3, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	proc_exit_thread(WAIT_EXITED(code & 0xff));  /* this thread only */
}

static long sys_exit_group(uint32_t code, uint32_t a2, uint32_t a3,
			   uint32_t a4, uint32_t a5, uint32_t a6)
{
	proc_exit_group(WAIT_EXITED(code & 0xff));  /* every thread */
}

static long sys_gettid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		       uint32_t a5, uint32_t a6)
{
	return thread_current()->tid;
}

static long sys_getpid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		       uint32_t a5, uint32_t a6)
{
	return proc_current()->pid;
}

static long sys_getppid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
			uint32_t a5, uint32_t a6)
{
	struct proc *parent = proc_current()->parent;
	return parent ? parent->pid : 0;
}

static long sys_brk(uint32_t want, uint32_t a2, uint32_t a3, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	return as_brk(proc_current()->as, want);
}

/* The serial console is a terminal of 24 rows and 80 columns; libcs ask
 * (TIOCGWINSZ) to decide whether stdout is line-buffered. */
static long sys_ioctl(uint32_t fd, uint32_t cmd, uint32_t arg, uint32_t a4,
		      uint32_t a5, uint32_t a6)
{
	if (fd > 2)
		return -EBADF;
	if (cmd != TIOCGWINSZ)
		return -ENOTTY;
	uint16_t ws[4] = { 24, 80, 0, 0 };
	return copy_to_user((void *)arg, ws, sizeof(ws));
}

static long sys_fork(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	return proc_fork();
}

/* i386 clone(flags, newsp, parent_tid, tls, child_tid). */
static long sys_clone(uint32_t flags, uint32_t newsp, uint32_t parent_tid,
		      uint32_t tls, uint32_t child_tid, uint32_t a6)
{
	return proc_clone(flags, newsp, parent_tid, child_tid);
}

static long sys_wait4(uint32_t pid, uint32_t ustatus, uint32_t options,
		      uint32_t urusage, uint32_t a5, uint32_t a6)
{
	return proc_wait4((int)pid, (int *)ustatus, (int)options,
			  (void *)urusage);
}

static long sys_waitpid(uint32_t pid, uint32_t ustatus, uint32_t options,
			uint32_t a4, uint32_t a5, uint32_t a6)
{
	return proc_wait4((int)pid, (int *)ustatus, (int)options, NULL);
}

/* execve(path, argv, envp): the two phases of exec/exec.h on the calling
 * process. Until the commit, any failure returns to the old image intact;
 * after it, the process runs the new program from its entry point. */
static long sys_execve(uint32_t upath, uint32_t uargv, uint32_t uenvp,
		       uint32_t a4, uint32_t a5, uint32_t a6)
{
	paddr_t page = pmm_alloc_frame(PMM_LOWMEM);  /* PATH_MAX is 4096 */
	if (!page)
		return -ENOMEM;
	char *path = P2V(page);
	long err = strncpy_from_user(path, (const char *)upath, PAGE_SIZE);
	struct exec_args args = { (const char *const *)uargv,
				  (const char *const *)uenvp, true };
	struct exec_image img;
	if (err >= 0)
		err = exec_prepare(path, &args, &img);
	pmm_free_frame(page);
	if (err < 0)
		return err;
	exec_commit(proc_current(), &img);
	thread_set_user_entry(thread_current(), img.entry, img.sp);
	thread_current()->clear_child_tid = 0;  /* an address in the old image */
	return 0;  /* into the new image's eax, which Linux also zeroes */
}

static long sys_sched_yield(uint32_t a1, uint32_t a2, uint32_t a3,
			    uint32_t a4, uint32_t a5, uint32_t a6)
{
	thread_yield();
	return 0;
}

#define PROT_READ  0x1
#define PROT_WRITE 0x2
#define PROT_EXEC  0x4

static long sys_mprotect(uint32_t start, uint32_t len, uint32_t prot,
			 uint32_t a4, uint32_t a5, uint32_t a6)
{
	if (start % PAGE_SIZE || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (len == 0)
		return 0;
	uint32_t end = PAGE_ROUND_UP(start + len);
	if (end <= start || end > USER_TOP)  /* wrapped, or into the kernel */
		return -ENOMEM;
	return as_protect(proc_current()->as, start, end, prot);
}

static long sys_set_thread_area(uint32_t uinfo, uint32_t a2, uint32_t a3,
				uint32_t a4, uint32_t a5, uint32_t a6)
{
	return tls_set_thread_area((void *)uinfo);
}

static const syscall_fn table[] = {
	[__NR_exit] = sys_exit,
	[__NR_fork] = sys_fork,
	[__NR_waitpid] = sys_waitpid,
	[__NR_execve] = sys_execve,
	[__NR_wait4] = sys_wait4,
	[__NR_clone] = sys_clone,
	[__NR_sched_yield] = sys_sched_yield,
	[__NR_read] = sys_read,
	[__NR_write] = sys_write,
	[__NR_getpid] = sys_getpid,
	[__NR_brk] = sys_brk,
	[__NR_ioctl] = sys_ioctl,
	[__NR_getppid] = sys_getppid,
	[__NR_writev] = sys_writev,
	[__NR_gettid] = sys_gettid,
	[__NR_mprotect] = sys_mprotect,
	[__NR_set_thread_area] = sys_set_thread_area,
	[__NR_exit_group] = sys_exit_group,
	[__NR_set_tid_address] = sys_getpid,
};

void syscall_dispatch(struct trapframe *tf)
{
	uint32_t nr = tf->eax;
	syscall_fn fn = nr < sizeof(table) / sizeof(table[0]) ? table[nr] : NULL;
	if (!fn) {
		tf->eax = (uint32_t)-ENOSYS;
		return;
	}
	tf->eax = (uint32_t)fn(tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi,
			       tf->ebp);
}
