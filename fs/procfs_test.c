/* fs/procfs_test.c: /proc from user space (user/proctest.c prints KTAP,
 * with arguments for its cmdline case), and /proc/PID going with its
 * process: after the program and its children have ended, /proc holds
 * only what it held before (the runner checks frames and heap too). */
#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/procfs.h"
#include "kernel/lock.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

static uint32_t proc_entries(void)
{
	struct inode *proc = dir_find(fs_root, "proc", 4);
	uint32_t n = 0;
	for (struct dentry *d = proc ? proc->entries : NULL; d; d = d->next)
		n++;
	return n;
}

KTEST(procfs, proc_from_user_space_behaves_as_linux)
{
	mutex_lock(&fs_tree_lock);
	uint32_t before = proc_entries();
	mutex_unlock(&fs_tree_lock);
	uint32_t inodes = inode_count();
	uprog_run_ktap(t, "/bin/proctest",
		       (const char *const[]){ "/bin/proctest", "a", "b c", "", NULL },
		       &res);
	mutex_lock(&fs_tree_lock);
	EXPECT_EQ(proc_entries(), before);  /* its /proc/PID went with it */
	mutex_unlock(&fs_tree_lock);
	EXPECT_EQ(inode_count(), inodes);
}
