/* fs/pathname.c: a system call's path and where its walk starts: the
 * user's string copied into a PATH_MAX buffer, and the base directory (the
 * root, the working directory, or a *at() call's directory descriptor).
 * The walk itself is fs/namei.c. */
#include "fs/namei.h"

#include "fs/file.h"
#include "fs/inode.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"

char *path_from_user(const char *upath, int *err)
{
	paddr_t page = pmm_alloc_frame(PMM_LOWMEM);
	if (!page) {
		*err = -ENOMEM;
		return NULL;
	}
	char *path = P2V(page);
	long n = strncpy_from_user(path, upath, PATH_MAX);
	if (n < 0) {
		pmm_free_frame(page);
		*err = (int)n;
		return NULL;
	}
	return path;
}

void path_free(char *path)
{
	if (path)
		pmm_free_frame(V2P(path));
}

struct inode *fs_cwd(void)
{
	struct proc *p = proc_current();
	return inode_get(p && p->cwd ? p->cwd : fs_root);
}

int path_base(int dirfd, const char *path, struct inode **base)
{
	if (path[0] == '/') {
		*base = inode_get(fs_root);
		return 0;
	}
	if (dirfd == AT_FDCWD) {
		*base = fs_cwd();
		return 0;
	}
	struct proc *p = proc_current();
	struct file *f = p && p->files ? fd_get(p->files, dirfd) : NULL;
	if (!f)
		return -EBADF;
	int err = 0;
	if (!f->inode || !S_ISDIR(f->inode->mode))
		err = -ENOTDIR;
	else
		*base = inode_get(f->inode);
	file_put(f);
	return err;
}
