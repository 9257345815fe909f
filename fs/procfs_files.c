/* fs/procfs_files.c: what /proc's files say (docs/proc.md). A file's text
 * is made on its first read, into up to PROCBUF_PAGES pages held by the
 * open file, so that reading it in pieces sees one consistent snapshot
 * (as Linux's seq_file gives one per read call); it is freed on the last
 * close. Formats follow Linux's fs/proc (array.c, task_mmu.c, meminfo.c). */
#include "fs/procfs.h"

#include <stdarg.h>

#include "fs/file.h"
#include "fs/inode.h"
#include "kernel/kstack.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/kheap.h"
#include "mm/kmap.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"
#include "mm/vm_file.h"
#include "mm/vma.h"
#include "mm/vmm.h"
#include "mm/vmstat.h"

#define PROCBUF_PAGES 4  /* 16 KiB: more is cut off */

struct procbuf {
	char *page[PROCBUF_PAGES];  /* lowmem, allocated as filled */
	uint32_t len;
	bool full;                  /* out of room or memory: cut short */
};

static void put_bytes(struct procbuf *b, const char *s, uint32_t n)
{
	while (n && !b->full) {
		uint32_t pi = b->len / PAGE_SIZE, in = b->len % PAGE_SIZE;
		if (pi == PROCBUF_PAGES) {
			b->full = true;
			return;
		}
		if (!b->page[pi]) {
			paddr_t f = pmm_alloc_frame(PMM_LOWMEM);
			if (!f) {
				b->full = true;
				return;
			}
			b->page[pi] = P2V(f);
		}
		uint32_t k = PAGE_SIZE - in < n ? PAGE_SIZE - in : n;
		memcpy(b->page[pi] + in, s, k);
		b->len += k;
		s += k;
		n -= k;
	}
}

static void put_fmt(struct procbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put_fmt(struct procbuf *b, const char *fmt, ...)
{
	char line[128];  /* every format here makes a shorter line */
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	put_bytes(b, line, n < (int)sizeof(line) ? (uint32_t)n : sizeof(line) - 1);
}

static void procbuf_free(struct procbuf *b)
{
	for (int i = 0; i < PROCBUF_PAGES; i++)
		if (b->page[i])
			pmm_free_frame(V2P(b->page[i]));
	kfree(b);
}

/* ---- the system ---- */

static void gen_meminfo(struct procbuf *b)
{
	uint32_t total = (uint32_t)pmm_total_count() * 4;
	uint32_t free = (uint32_t)pmm_free_count() * 4;
	uint32_t cached = (uint32_t)pagecache_count() * 4;
	put_fmt(b, "MemTotal:       %8u kB\n", total);
	put_fmt(b, "MemFree:        %8u kB\n", free);
	put_fmt(b, "MemAvailable:   %8u kB\n", free + cached);
	put_fmt(b, "Buffers:        %8u kB\n", 0u);
	put_fmt(b, "Cached:         %8u kB\n", cached);
	put_fmt(b, "SwapCached:     %8u kB\n", 0u);
	put_fmt(b, "SwapTotal:      %8u kB\n", 0u);
	put_fmt(b, "SwapFree:       %8u kB\n", 0u);
	put_fmt(b, "Slab:           %8u kB\n", (uint32_t)kheap_frames() * 4);
}

/* Linux's /proc/vmstat is "name value" lines; pagoda's names are its own
 * (mm/vmstat.h), with Linux's pgfault, pgalloc and pgfree first. */
static void gen_vmstat(struct procbuf *b)
{
	uint32_t faults = 0;
	for (int i = VM_FAULT_ANON; i <= VM_FAULT_SHMEM; i++)
		faults += vmstat[i];
	put_fmt(b, "pgfault %u\n", faults);
	put_fmt(b, "pgalloc_normal %u\n", vmstat[VM_FRAMES_ALLOC]);
	put_fmt(b, "pgfree %u\n", vmstat[VM_FRAMES_FREED]);
	for (int i = 0; i < VM_NR_ITEMS; i++)
		put_fmt(b, "%s %u\n", vmstat_name(i), vmstat[i]);
	struct kstack_record k;  /* the debug build's measure; 0 otherwise */
	kstack_deepest(&k);
	put_fmt(b, "kstack_deepest_bytes %u\n", (uint32_t)k.bytes);
}

static void gen_uptime(struct procbuf *b)
{
	uint64_t cs = time_monotonic_ns() / (NSEC_PER_SEC / 100);
	/* idle time is not counted: shown as none */
	put_fmt(b, "%u.%02u 0.00\n", (uint32_t)(cs / 100), (uint32_t)(cs % 100));
}

/* The mount table, the same for every process, as Linux's
 * /proc/PID/mounts gives it (fstab's format): the tree, which Linux would
 * call a tmpfs, and /proc inside it (fs/statfs.c tells them apart the
 * same way). No mount options: both are read-write. */
static void gen_mounts(struct procbuf *b)
{
	put_fmt(b, "tmpfs / tmpfs rw 0 0\n");
	put_fmt(b, "proc /proc proc rw 0 0\n");
}

/* The same in /proc/PID/mountinfo's form: mount id, parent's id, st_dev
 * as major:minor (the one tree's, FS_DEV, for both), the root within the
 * filesystem, the mount point, its options, no optional fields, "-",
 * type, source, the filesystem's options. */
static void gen_mountinfo(struct procbuf *b)
{
	put_fmt(b, "1 1 0:%u / / rw - tmpfs tmpfs rw\n", FS_DEV);
	put_fmt(b, "2 1 0:%u / /proc rw - proc proc rw\n", FS_DEV);
}

/* ---- a process ---- */

/* Copy the bytes [start, end) of as's memory to b, as a debugger reads
 * another process (Linux's access_process_vm): page by page through its
 * page tables; a page never touched reads as nothing more. */
static void put_user_range(struct procbuf *b, struct address_space *as,
			   vaddr_t start, vaddr_t end)
{
	while (start < end && !b->full) {
		paddr_t frame;
		unsigned flags;
		if (!vmm_query(as->pd, PAGE_ROUND_DOWN(start), &frame, &flags))
			return;
		uint32_t in = start % PAGE_SIZE;
		uint32_t k = PAGE_SIZE - in < end - start ? PAGE_SIZE - in : end - start;
		char *p = kmap(frame);
		put_bytes(b, p + in, k);
		kunmap(p);
		start += k;
	}
}

/* LAB(procmaps.maps) begin: /proc/PID/maps (labs/procmaps) */
static void gen_maps(struct procbuf *b, struct proc *p)
{
	char *line = kmalloc(AS_VMA_LINE_MAX);
	if (!line || !p->as) {
		kfree(line);
		return;
	}
	for (struct vma *v = vma_first(&p->as->vmas); v; v = vma_next(v)) {
		int n = as_format_vma(v, line, AS_VMA_LINE_MAX);
		put_bytes(b, line, (uint32_t)n < AS_VMA_LINE_MAX ? (uint32_t)n
							 : AS_VMA_LINE_MAX - 1);
		put_bytes(b, "\n", 1);
	}
	kfree(line);
}
/* LAB(procmaps.maps) end */

static uint32_t vm_size_kb(struct address_space *as)
{
	uint32_t kb = 0;
	for (struct vma *v = as ? vma_first(&as->vmas) : NULL; v; v = vma_next(v))
		kb += (v->end - v->start) / 1024;
	return kb;
}

/* Linux's one-letter state and its word. */
static char state_of(struct proc *p, const char **word)
{
	*word = "sleeping";
	if (p->state == PROC_ZOMBIE) {
		*word = "zombie";
		return 'Z';
	}
	if (p->sig.stopped) {
		*word = "stopped";
		return 'T';
	}
	for (struct thread *t = p->threads; t; t = t->group_next) {
		if (t == thread_current() || t->state == THREAD_RUNNABLE) {
			*word = "running";
			return 'R';
		}
	}
	return 'S';
}

/* Signals ignored and caught (with a handler), as masks. */
static void sig_actions(struct proc *p, ksigset_t *ign, ksigset_t *cgt)
{
	*ign = *cgt = 0;
	for (int s = 1; p->sig.hand && s <= NSIG_KERNEL; s++) {
		uint32_t h = p->sig.hand->action[s - 1].handler;
		if (h == SIG_IGN)
			*ign |= SIGBIT(s);
		else if (h != SIG_DFL)
			*cgt |= SIGBIT(s);
	}
}

static void put_mask(struct procbuf *b, const char *name, ksigset_t m)
{
	put_fmt(b, "%s:\t%08x%08x\n", name, (uint32_t)(m >> 32), (uint32_t)m);
}

static void gen_status(struct procbuf *b, struct proc *p)
{
	const char *word;
	char st = state_of(p, &word);
	struct thread *lead = p->threads;
	ksigset_t ign, cgt;
	sig_actions(p, &ign, &cgt);
	put_fmt(b, "Name:\t%s\nUmask:\t0%u%u%u\n", p->name, p->umask >> 6 & 7,
		p->umask >> 3 & 7, p->umask & 7);  /* %04o */
	put_fmt(b, "State:\t%c (%s)\n", st, word);
	put_fmt(b, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n",
		p->pid, p->pid, p->parent ? p->parent->pid : 0);
	const struct cred *c = &p->res.cred;
	put_fmt(b, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n", c->uid,
		c->euid, c->suid, c->fsuid, c->gid, c->egid, c->sgid, c->fsgid);
	put_fmt(b, "FDSize:\t%u\nGroups:\t", p->files ? p->files->limit : 0);
	for (uint32_t i = 0; i < c->ngroups; i++)
		put_fmt(b, "%u ", c->groups[i]);
	put_fmt(b, c->ngroups ? "\n" : " \n");
	if (p->as) {  /* a zombie has no memory: no Vm lines, as Linux */
		put_fmt(b, "VmSize:\t%8u kB\n", vm_size_kb(p->as));
		put_fmt(b, "VmRSS:\t%8u kB\n", (uint32_t)p->as->resident * 4);
	}
	/* a zombie still counts its leader until it is reaped, as Linux */
	put_fmt(b, "Threads:\t%d\n", p->state == PROC_ZOMBIE ? 1 : p->nthreads);
	put_mask(b, "SigPnd", lead ? lead->sig.pending.set : 0);
	put_mask(b, "ShdPnd", p->sig.shared.set);
	put_mask(b, "SigBlk", lead ? lead->sig.blocked : 0);
	put_mask(b, "SigIgn", ign);
	put_mask(b, "SigCgt", cgt);
}

/* Linux's 52 fields of /proc/PID/stat, those pagoda does not keep as 0. */
static void gen_stat(struct procbuf *b, struct proc *p)
{
	const char *word;
	struct address_space *as = p->as;
	struct thread *lead = p->threads;
	ksigset_t ign, cgt;
	sig_actions(p, &ign, &cgt);
	uint32_t pages = as ? (uint32_t)as->resident : 0;
	int nice = lead ? lead->nice : 0;  /* the leader's, as Linux */
	put_fmt(b, "%d (%s) %c %d %d %d 0 -1 4194304 %lu 0 0 0 0 0 0 0 %d %d %d 0 0 ",
		p->pid, p->name, state_of(p, &word),
		p->parent ? p->parent->pid : 0, p->pgid, p->sid,
		as ? as->minor_faults : 0ul, 20 + nice, nice, p->nthreads);
	put_fmt(b, "%u %u 4294967295 0 0 %u 0 0 ", vm_size_kb(as) * 1024, pages,
		as ? as->arg_start : 0);
	put_fmt(b, "%u %u %u %u 0 0 0 %d 0 0 0 0 0 0 ",
		(uint32_t)(lead ? lead->sig.pending.set | p->sig.shared.set : 0),
		(uint32_t)(lead ? lead->sig.blocked : 0), (uint32_t)ign,
		(uint32_t)cgt, p->exit_signal);
	put_fmt(b, "0 0 %u %u %u %u %u 0\n", as ? as->brk_start : 0,
		as ? as->arg_start : 0, as ? as->arg_end : 0,
		as ? as->env_start : 0, as ? as->env_end : 0);
}

/* ---- the file operations ---- */

static void generate(struct procbuf *b, int kind, int pid)
{
	if (kind == PROC_MEMINFO)
		return gen_meminfo(b);
	if (kind == PROC_UPTIME)
		return gen_uptime(b);
	if (kind == PROC_VMSTAT)
		return gen_vmstat(b);
	if (kind == PROC_MOUNTS)
		return gen_mounts(b);
	if (kind == PROC_MOUNTINFO)
		return gen_mountinfo(b);
	struct proc *p = proc_find(pid);
	if (!p || (p->state != PROC_LIVE && p->state != PROC_ZOMBIE))
		return;  /* it has gone: an empty file */
	if (p->state == PROC_ZOMBIE && kind != PROC_STATUS && kind != PROC_STAT)
		return;  /* no memory left to show: empty, as Linux */
	switch (kind) {
	case PROC_MAPS: gen_maps(b, p); break;
	case PROC_STATUS: gen_status(b, p); break;
	case PROC_STAT: gen_stat(b, p); break;
	case PROC_CMDLINE:
		if (p->as)
			put_user_range(b, p->as, p->as->arg_start, p->as->arg_end);
		break;
	case PROC_ENVIRON:
		if (p->as)
			put_user_range(b, p->as, p->as->env_start, p->as->env_end);
		break;
	}
}

static long procfs_read(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	struct procbuf *b = f->priv;
	if (!b) {
		if (!(b = kzalloc(sizeof(*b))))
			return -ENOMEM;
		generate(b, f->inode->hooks->kind, (int)f->inode->hook_arg);
		f->priv = b;
	}
	uint32_t done = 0;
	while (done < n && *pos < b->len) {
		uint32_t at = (uint32_t)*pos, in = at % PAGE_SIZE;
		uint32_t k = PAGE_SIZE - in;
		if (k > b->len - at)
			k = b->len - at;
		if (k > n - done)
			k = n - done;
		if (copy_to_user((char *)buf + done, b->page[at / PAGE_SIZE] + in, k))
			return done ? (long)done : -EFAULT;
		done += k;
		*pos += k;
	}
	return done;
}

static int64_t procfs_llseek(struct file *f, int64_t off, int whence)
{
	if (whence == SEEK_CUR)
		off += (int64_t)f->pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	return off < 0 ? -EINVAL : off;
}

static void procfs_release(struct file *f)
{
	if (f->priv)
		procbuf_free(f->priv);
}

const struct file_ops procfs_file_ops = {
	.read = procfs_read, .llseek = procfs_llseek,
	.release = procfs_release,
};
