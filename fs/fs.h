/* fs/fs.h: what the rest of the kernel asks of fs/: a process's files and
 * working directory across spawn, fork, exec and exit, and the program
 * file exec maps. The system calls themselves are declared in
 * fs/syscalls.h. */
#ifndef FS_FS_H
#define FS_FS_H

struct inode;
struct proc;

/* A process the kernel starts (init, a test's program): the root as its
 * working directory, umask 022, and /dev/console open as fds 0, 1 and 2
 * (one open file, as Linux's init gets it). Returns 0 or -ENOMEM. */
int fs_proc_init(struct proc *p);

/* fork: the child gets a copy of parent's descriptor table (the same open
 * files), its working directory, umask and program file (writes denied
 * once more). Returns 0 or -ENOMEM. */
int fs_proc_fork(struct proc *child, struct proc *parent);

/* execve's point of no return: close the close-on-exec descriptors; exe
 * (held, writes denied: inode_deny_write) becomes the program p runs, in
 * place of the one before, which may be written again. */
void fs_proc_exec(struct proc *p, struct inode *exe);

/* exit (or a discarded embryo): drop the descriptor table, working
 * directory and program file. Safe to call twice. */
void fs_proc_exit(struct proc *p);

/* Process pid was reaped (after proc_remove): its zombie's /proc/PID goes.
 * Takes fs_tree_lock: no spinlock may be held. */
void fs_proc_reaped(int pid);

/* The program file at path for exec, looked up from the working directory
 * with symlinks followed. Returns 0 with *out held (inode_put when done),
 * or -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG, -ENOMEM, or -EACCES (not a
 * regular file, or no execute bit). */
int fs_exec_lookup(const char *path, struct inode **out);

#endif
