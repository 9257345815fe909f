/* fs/procfs.c: /proc's tree (fs/procfs.h, docs/proc.md). /proc is an
 * ordinary directory of the tree with a refresh hook: before a lookup in
 * it (dir_find) or a listing (getdents64), the hook makes the entries
 * agree with the process list: a directory /proc/PID for each live
 * process, holding maps, status, stat, cmdline, environ, exe and fd/.
 * Symlinks (self, exe, fd/N) are ordinary symlinks whose target is
 * rewritten at each lookup. A process's directory goes when it exits
 * (procfs_proc_exit). Everything here runs under fs_tree_lock. */
#include "fs/procfs.h"

#include "fs/file.h"
#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "mm/vma.h"

static void refresh_root(struct inode *dir, const char *name, uint32_t len);
static void refresh_pid(struct inode *dir, const char *name, uint32_t len);
static void refresh_fd(struct inode *dir, const char *name, uint32_t len);

#define FILE_HOOKS(k) { NULL, &procfs_file_ops, (k) }

static const struct inode_hooks root_hooks = { refresh_root, NULL, PROC_DIR_ROOT };
static const struct inode_hooks pid_hooks = { refresh_pid, NULL, PROC_DIR_PID };
static const struct inode_hooks fd_hooks = { refresh_fd, NULL, PROC_DIR_FD };
static const struct inode_hooks failnth_hooks = { NULL, &procfs_failnth_ops,
						  PROC_FAILNTH };
static const struct inode_hooks file_hooks[] = {
	[PROC_MEMINFO] = FILE_HOOKS(PROC_MEMINFO),
	[PROC_UPTIME] = FILE_HOOKS(PROC_UPTIME),
	[PROC_VMSTAT] = FILE_HOOKS(PROC_VMSTAT),
	[PROC_MOUNTS] = FILE_HOOKS(PROC_MOUNTS),
	[PROC_MOUNTINFO] = FILE_HOOKS(PROC_MOUNTINFO),
	[PROC_MAPS] = FILE_HOOKS(PROC_MAPS),
	[PROC_STATUS] = FILE_HOOKS(PROC_STATUS),
	[PROC_STAT] = FILE_HOOKS(PROC_STAT),
	[PROC_CMDLINE] = FILE_HOOKS(PROC_CMDLINE),
	[PROC_ENVIRON] = FILE_HOOKS(PROC_ENVIRON),
};

/* The files of every /proc/PID. */
static const struct {
	const char *name;
	enum procfs_kind kind;
	uint32_t mode;
} pid_files[] = {
	{ "maps", PROC_MAPS, S_IFREG | 0444 },
	{ "status", PROC_STATUS, S_IFREG | 0444 },
	{ "stat", PROC_STAT, S_IFREG | 0444 },
	{ "cmdline", PROC_CMDLINE, S_IFREG | 0444 },
	{ "environ", PROC_ENVIRON, S_IFREG | 0400 },
	{ "mounts", PROC_MOUNTS, S_IFREG | 0444 },
	{ "mountinfo", PROC_MOUNTINFO, S_IFREG | 0444 },
};

static struct inode *proc_dir;  /* /proc */

/* dir's entry name[0..len) without refreshing dir (dir_find would). */
static struct inode *entry(struct inode *dir, const char *name, uint32_t len)
{
	for (struct dentry *d = dir->entries; d; d = d->next)
		if (d->len == len && memcmp(d->name, name, len) == 0)
			return d->inode;
	return NULL;
}

/* A new entry name in dir; NULL when out of memory. */
static struct inode *make(struct inode *dir, const char *name, uint32_t mode,
			  const struct inode_hooks *hooks, uint32_t arg)
{
	struct inode *i = inode_new(mode, name);
	if (!i)
		return NULL;
	i->hooks = hooks;
	i->hook_arg = arg;
	int err = dir_link(dir, name, strlen(name), i);
	inode_put(i);  /* the entry holds it (or, on failure, it is freed) */
	return err ? NULL : i;
}

/* Make the symlink name in dir point at target (at most NAME_MAX bytes
 * kept). The target is the inode's own copy of its name, given to the
 * page cache as backing bytes: no page is dirtied, and one read in is
 * clean (reclaimable). A changed target is a new inode. Returns 0 or
 * -ENOMEM. */
static int set_link(struct inode *dir, const char *name, const char *target)
{
	uint32_t len = strlen(name), tlen = strnlen(target, NAME_MAX);
	struct inode *l = entry(dir, name, len);
	if (l && l->vmf.size == tlen && memcmp(l->path_copy, target, tlen) == 0)
		return 0;
	if (l)
		dir_unlink(dir, name, len);
	if (!(l = inode_new(S_IFLNK | 0777, target)))
		return -ENOMEM;
	l->vmf.data = (const uint8_t *)l->path_copy;
	l->vmf.size = l->vmf.data_size = tlen;
	int err = dir_link(dir, name, len, l);
	inode_put(l);  /* the entry holds it (or it is freed) */
	return err;
}

/* Remove entry name of dir and everything below it. */
static void remove_tree(struct inode *dir, const char *name, uint32_t len)
{
	struct inode *i = entry(dir, name, len);
	if (!i)
		return;
	while (S_ISDIR(i->mode) && i->entries)
		remove_tree(i, i->entries->name, i->entries->len);
	dir_unlink(dir, name, len);
}

/* Does /proc show p? Live (and not half-way through its exit), or a
 * zombie, which keeps its directory until it is reaped, as on Linux. */
static bool showable(const struct proc *p)
{
	return (p->state == PROC_LIVE && p->files) || p->state == PROC_ZOMBIE;
}

/* The process /proc shows as pid, or NULL. */
static struct proc *shown(int pid)
{
	struct proc *p = pid > 0 ? proc_find(pid) : NULL;
	return p && showable(p) ? p : NULL;
}

/* The number name[0..len) spells in decimal (no leading zero), or -1. */
static int parse_num(const char *name, uint32_t len)
{
	int pid = 0;
	if (len == 0 || len > 9 || (name[0] == '0' && len > 1))
		return -1;
	for (uint32_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		pid = pid * 10 + (name[i] - '0');
	}
	return pid;
}

/* /proc/PID and its files; nothing is left on -ENOMEM. */
static int make_pid_dir(struct inode *root, int pid)
{
	char name[12];
	ksnprintf(name, sizeof(name), "%d", pid);
	struct inode *d = make(root, name, S_IFDIR | 0555, &pid_hooks, (uint32_t)pid);
	if (!d)
		return -ENOMEM;
	for (unsigned i = 0; i < sizeof(pid_files) / sizeof(pid_files[0]); i++)
		if (!make(d, pid_files[i].name, pid_files[i].mode,
			  &file_hooks[pid_files[i].kind], (uint32_t)pid))
			goto fail;
	if (make(d, "fd", S_IFDIR | 0500, &fd_hooks, (uint32_t)pid) &&
	    set_link(d, "exe", "/") == 0)
		return 0;
fail:
	remove_tree(root, name, strlen(name));
	return -ENOMEM;
}

struct pid_list {
	int n, cap;
	int pid[];  /* cap of them */
};

static void collect(struct proc *p, void *arg)
{
	struct pid_list *l = arg;
	if (showable(p) && l->n < l->cap)
		l->pid[l->n++] = p->pid;
}

/* getdents64 on /proc: a directory for every live process, none other. */
static void refresh_all_pids(struct inode *root)
{
	int cap = proc_count() + 16;  /* a few more may start meanwhile */
	struct pid_list *l = kmalloc(sizeof(*l) + (size_t)cap * sizeof(int));
	if (!l)
		return;
	l->n = 0;
	l->cap = cap;
	proc_for_each(collect, l);
	for (struct dentry *d = root->entries, *next; d; d = next) {
		next = d->next;
		int pid = parse_num(d->name, d->len);
		if (pid > 0 && !shown(pid))  /* the pid hash: no list scan */
			remove_tree(root, d->name, d->len);
	}
	for (int i = 0; i < l->n; i++) {
		char name[12];
		int n = ksnprintf(name, sizeof(name), "%d", l->pid[i]);
		if (!entry(root, name, (uint32_t)n))
			make_pid_dir(root, l->pid[i]);
	}
	kfree(l);
}

static void refresh_root(struct inode *dir, const char *name, uint32_t len)
{
	struct proc *me = proc_current();
	char self[12];
	ksnprintf(self, sizeof(self), "%d", me ? me->pid : 0);
	set_link(dir, "self", self);
	if (len == 0) {
		refresh_all_pids(dir);
		return;
	}
	int pid = parse_num(name, len);
	if (pid <= 0)
		return;
	struct inode *d = entry(dir, name, len);
	if (d && !shown(pid))
		remove_tree(dir, name, len);
	else if (!d && shown(pid))
		make_pid_dir(dir, pid);
}

/* exe: the file of the program's lowest file mapping (its ELF image); a
 * zombie has none (readlink: ENOENT, as Linux). */
static void refresh_pid(struct inode *dir, const char *name, uint32_t len)
{
	struct proc *p = shown((int)dir->hook_arg);
	if (p && p->state == PROC_ZOMBIE && entry(dir, "exe", 3))
		dir_unlink(dir, "exe", 3);
	if (!p || !p->as)
		return;
	for (struct vma *v = vma_first(&p->as->vmas); v; v = vma_next(v)) {
		if (v->file && v->file->path && v->file->path[0]) {
			set_link(dir, "exe", v->file->path);
			return;
		}
	}
}

/* A directory's absolute path, written backwards from end; or NULL. */
static char *dir_path(const struct inode *dir, char *buf, char *end)
{
	char *p = end;
	*--p = '\0';
	for (; dir != fs_root; dir = dir->parent) {
		if (!dir->parent || dir->nlink == 0)
			return NULL;
		const struct dentry *d = dir->parent->entries;
		while (d && d->inode != dir)
			d = d->next;
		if (!d || p - buf < d->len + 2)
			return NULL;
		p -= d->len;
		memcpy(p, d->name, d->len);
		*--p = '/';
	}
	if (!*p)
		*--p = '/';
	return p;
}

/* What /proc/PID/fd/N shows for f (Linux's d_path or its pseudo names),
 * into buf[0..size). */
static const char *fd_target(struct file *f, char *buf, uint32_t size)
{
	struct inode *i = f->inode;
	if (!i)
		return "anon_inode:[capture]";
	if (S_ISFIFO(i->mode)) {
		ksnprintf(buf, size, "pipe:[%u]", i->ino);
		return buf;
	}
	if (S_ISDIR(i->mode)) {
		const char *p = dir_path(i, buf, buf + size);
		return p ? p : "/";
	}
	struct inode *dev = S_ISCHR(i->mode) ? entry(fs_root, "dev", 3) : NULL;
	for (struct dentry *d = dev ? dev->entries : NULL; d; d = d->next) {
		if (d->inode == i) {
			ksnprintf(buf, size, "/dev/%s", d->name);
			return buf;
		}
	}
	return i->vmf.path;
}

/* fd/: one symlink per open descriptor. An entry whose descriptor is
 * still open to the same file is kept, so that a listing in several
 * getdents64 calls, with lookups in between (ls -l), sees each once. */
static void refresh_fd(struct inode *dir, const char *name, uint32_t len)
{
	struct proc *p = shown((int)dir->hook_arg);
	for (struct dentry *d = dir->entries, *next; d; d = next) {
		next = d->next;
		int fd = parse_num(d->name, d->len);
		struct file *f = p && p->files && fd >= 0 ? fd_get(p->files, fd)
						       : NULL;
		if (!f)
			dir_unlink(dir, d->name, d->len);
		file_put(f);
	}
	if (!p || !p->files)
		return;
	paddr_t page = pmm_alloc_frame(PMM_LOWMEM);  /* PATH_MAX bytes */
	if (!page)
		return;
	char *buf = P2V(page);
	for (int fd = 0; fd < FD_MAX; fd++) {
		struct file *f = fd_get(p->files, fd);
		if (!f)
			continue;
		char num[12];
		ksnprintf(num, sizeof(num), "%d", fd);
		int err = set_link(dir, num, fd_target(f, buf, PATH_MAX));
		file_put(f);
		if (err)
			break;
	}
	pmm_free_frame(page);
}

int procfs_populate(struct inode *dir)
{
	proc_dir = dir;
	dir->mode = S_IFDIR | 0555;
	dir->hooks = &root_hooks;
	if (!make(dir, "meminfo", S_IFREG | 0444, &file_hooks[PROC_MEMINFO], 0) ||
	    !make(dir, "uptime", S_IFREG | 0444, &file_hooks[PROC_UPTIME], 0) ||
	    !make(dir, "vmstat", S_IFREG | 0444, &file_hooks[PROC_VMSTAT], 0) ||
	    set_link(dir, "mounts", "self/mounts"))  /* as Linux */
		return -ENOMEM;
	struct inode *ts = make(dir, "thread-self", S_IFDIR | 0555, NULL, 0);
	if (!ts || !make(ts, "fail-nth", S_IFREG | 0666, &failnth_hooks, 0))
		return -ENOMEM;
	return set_link(dir, "self", "1");
}

bool procfs_holds(const struct inode *i)
{
	if (i->hooks)
		return true;
	/* a directory without hooks (thread-self): is /proc above it? */
	for (const struct inode *d = S_ISDIR(i->mode) ? i : NULL; d;
	     d = d->parent != d ? d->parent : NULL)
		if (d == proc_dir)
			return true;
	return false;
}

void procfs_proc_exit(int pid)
{
	if (!proc_dir)
		return;
	char name[12];
	int n = ksnprintf(name, sizeof(name), "%d", pid);
	mutex_lock(&fs_tree_lock);
	remove_tree(proc_dir, name, (uint32_t)n);
	mutex_unlock(&fs_tree_lock);
}
