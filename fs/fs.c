/* fs/fs.c: a process's files and working directory through its life
 * (fs/fs.h). */
#include "fs/fs.h"

#include "fs/procfs.h"

#include "fs/dev.h"
#include "fs/file.h"
#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "mm/pmm.h"

int fs_proc_init(struct proc *p)
{
	p->umask = 022;
	p->cwd = inode_get(fs_root);
	p->files = fdtable_new();
	struct file *console = console_file_open();
	if (!p->files || !console)
		goto out_fail;
	for (int fd = 0; fd < 3; fd++) {
		if (fd_install_at(p->files, fd, file_get(console), false) < 0) {
			file_put(console);  /* the reference not installed */
			goto out_fail;
		}
	}
	file_put(console);
	return 0;

out_fail:
	file_put(console);
	fs_proc_exit(p);
	return -ENOMEM;
}

int fs_proc_fork(struct proc *child, struct proc *parent)
{
	child->umask = parent->umask;
	child->cwd = inode_get(parent->cwd);
	child->exe = inode_get(parent->exe);
	if (child->exe)
		child->exe->writecount--;  /* denied already: cannot fail */
	child->files = parent->files ? fdtable_copy(parent->files) : NULL;
	return parent->files && !child->files ? -ENOMEM : 0;
}

/* p no longer runs its program file: it may be written again. */
static void drop_exe(struct proc *p)
{
	if (p->exe)
		inode_allow_write(p->exe);
	inode_put(p->exe);
	p->exe = NULL;
}

void fs_proc_exec(struct proc *p, struct inode *exe)
{
	if (p->files)
		fdtable_close_on_exec(p->files);
	drop_exe(p);
	p->exe = exe;
}

void fs_proc_exit(struct proc *p)
{
	procfs_proc_exit(p->pid);  /* its /proc/PID goes (a zombie's comes back) */
	fdtable_put(p->files);
	p->files = NULL;
	inode_put(p->cwd);
	p->cwd = NULL;
	drop_exe(p);
}

void fs_proc_reaped(int pid)
{
	procfs_proc_exit(pid);
}

int fs_exec_lookup(const char *path, struct inode **out)
{
	size_t len = strnlen(path, PATH_MAX);
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	paddr_t page = pmm_alloc_frame(PMM_LOWMEM);
	if (!page)
		return -ENOMEM;
	char *buf = P2V(page);
	memcpy(buf, path, len + 1);
	struct inode *cwd = fs_cwd();
	struct walk w;
	mutex_lock(&fs_tree_lock);
	int err = walk(cwd, buf, WALK_FOLLOW, &w);
	mutex_unlock(&fs_tree_lock);
	inode_put(cwd);
	pmm_free_frame(page);
	if (err)
		return err;
	/* Linux refuses non-regular files and files without an x bit. */
	if (!S_ISREG(w.inode->mode) || !(w.inode->mode & 0111)) {
		walk_done(&w);
		return -EACCES;
	}
	*out = w.inode;
	return 0;
}
