/* sys/types.h: the POSIX scalar types, with Linux i386's sizes. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int id_t;  /* a pid, uid or gid: waitid, getpriority */
typedef unsigned int mode_t;
typedef long off_t;  /* 32 bits: lseek, not _llseek */
typedef long time_t;
typedef uint64_t fsblkcnt_t;  /* statfs, statvfs: blocks */
typedef uint64_t fsfilcnt_t;  /* and inodes */

#endif
