/* fs/procfs.h: /proc, the processes seen as files (docs/proc.md).
 * /proc is a directory of the tree whose entries are made when they are
 * looked up or listed (fs/procfs.c) and whose files' contents are made
 * when they are first read (fs/procfs_files.c). */
#ifndef FS_PROCFS_H
#define FS_PROCFS_H

#include <stdbool.h>
#include <stdint.h>

struct file_ops;
struct inode;
struct proc;

/* Which file a /proc inode is (inode_hooks.kind). */
enum procfs_kind {
	PROC_DIR_ROOT, PROC_DIR_PID, PROC_DIR_FD,
	PROC_MEMINFO, PROC_UPTIME, PROC_VMSTAT, PROC_MOUNTS, PROC_MOUNTINFO,
	PROC_MAPS, PROC_STATUS, PROC_STAT, PROC_CMDLINE, PROC_ENVIRON,
	PROC_LINK,  /* self, exe, fd/N: symlinks, targets written at lookup */
	PROC_FAILNTH,  /* thread-self/fail-nth (fs/procfs_failnth.c) */
};

/* Make dir (the new /proc) a /proc: self, meminfo, uptime,
 * thread-self/fail-nth, and PID
 * directories on demand. Called once at boot. Returns 0 or -ENOMEM. */
int procfs_populate(struct inode *dir);

/* Process pid exits, or was reaped: its /proc/PID directory goes now (as
 * Linux's proc_flush_pid), with its fd/ links. A zombie's is made again
 * by the next lookup, with status and stat only, until it is reaped. */
void procfs_proc_exit(int pid);

/* Is i part of /proc (statfs tells it by its magic)? fs_tree_lock held. */
bool procfs_holds(const struct inode *i);

/* The operations of /proc's generated files (fs/procfs_files.c). */
extern const struct file_ops procfs_file_ops;

/* thread-self/fail-nth's: fault injection for the caller. */
extern const struct file_ops procfs_failnth_ops;

#endif
