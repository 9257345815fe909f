/* fs/fs_internal.h: what the files of fs/ share among themselves. */
#ifndef FS_FS_INTERNAL_H
#define FS_FS_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "fs/file.h"
#include "kernel/lock.h"
#include "kernel/uapi/fcntl.h"

#define MAX_RW_COUNT 0x7ffff000u  /* Linux caps one read or write here */

/* Guards the tree: names, directories, nlink, parent, and lookups
 * (fs/namei.c). A mutex: held across user copies (getdents64, readlink).
 * File data is the page cache's (mm/pagecache.c). */
extern struct mutex fs_tree_lock;

/* The operations of regular files (fs/regfile.c) and directories
 * (fs/dir.c). */
extern const struct file_ops regfile_ops;
extern const struct file_ops dir_ops;

/* The current process's file at fd, with a reference; NULL if none. */
struct file *fget(int fd);

/* The current process's descriptor table (NULL on a kernel thread). */
struct fdtable *cur_files(void);

/* Open the file at path (a PATH_MAX buffer, rewritten) from base as
 * open(2) does with flags and mode (umask applied here). Returns 0 with
 * *out (one reference) or -errno. */
int file_open(struct inode *base, char *path, uint32_t flags, uint32_t mode,
	      struct file **out);

/* A new inode of mode (type included) linked as name[0..len) in dir, with
 * one reference for the caller. Returns 0 or -ENOMEM. */
int create_in(struct inode *dir, const char *name, uint32_t len,
	      uint32_t mode, struct inode **out);

/* Make the current process (or root, for a kernel thread) the owner of
 * the new inode i, to be linked in dir (fs/chown.c). */
void inode_set_creator(struct inode *i, const struct inode *dir);

/* The inode the user path upath names from dirfd, as the *at() calls
 * find it: symlinks followed unless atflags has AT_SYMLINK_NOFOLLOW, ""
 * meaning dirfd's own file under AT_EMPTY_PATH. Returns 0 with *out (one
 * reference) or -errno. */
int lookup_at(int dirfd, uint32_t upath, uint32_t atflags,
	      struct inode **out);

#endif
