/* fs/syscalls.h: the file system calls, as kernel/syscall.c's table names
 * them. Arguments arrive as the Linux i386 ABI passes them (ebx, ecx,
 * edx, esi, edi, ebp); each returns its result or -errno, exactly as
 * Linux's (docs/syscalls.md). */
#ifndef FS_SYSCALLS_H
#define FS_SYSCALLS_H

#include <stdint.h>

#define FS_SYSCALL(name)                                                     \
	long name(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,       \
		  uint32_t a5, uint32_t a6)

FS_SYSCALL(sys_open);
FS_SYSCALL(sys_openat);
FS_SYSCALL(sys_creat);
FS_SYSCALL(sys_close);
FS_SYSCALL(sys_dup);
FS_SYSCALL(sys_dup2);
FS_SYSCALL(sys_dup3);
FS_SYSCALL(sys_fcntl);
FS_SYSCALL(sys_read);
FS_SYSCALL(sys_write);
FS_SYSCALL(sys_pread64);
FS_SYSCALL(sys_pwrite64);
FS_SYSCALL(sys_readv);
FS_SYSCALL(sys_writev);
FS_SYSCALL(sys_lseek);
FS_SYSCALL(sys_llseek);
FS_SYSCALL(sys_ioctl);
FS_SYSCALL(sys_stat64);
FS_SYSCALL(sys_lstat64);
FS_SYSCALL(sys_fstatat64);
FS_SYSCALL(sys_fstat64);
FS_SYSCALL(sys_getxattr);
FS_SYSCALL(sys_lgetxattr);
FS_SYSCALL(sys_fgetxattr);
FS_SYSCALL(sys_listxattr);
FS_SYSCALL(sys_llistxattr);
FS_SYSCALL(sys_flistxattr);
FS_SYSCALL(sys_statx);
FS_SYSCALL(sys_fadvise64);
FS_SYSCALL(sys_fadvise64_64);
FS_SYSCALL(sys_statfs);
FS_SYSCALL(sys_fstatfs);
FS_SYSCALL(sys_statfs64);
FS_SYSCALL(sys_fstatfs64);
FS_SYSCALL(sys_access);
FS_SYSCALL(sys_faccessat);
FS_SYSCALL(sys_faccessat2);
FS_SYSCALL(sys_umask);
FS_SYSCALL(sys_chmod);
FS_SYSCALL(sys_fchmod);
FS_SYSCALL(sys_utime);
FS_SYSCALL(sys_utimes);
FS_SYSCALL(sys_futimesat);
FS_SYSCALL(sys_utimensat);
FS_SYSCALL(sys_utimensat_time64);
FS_SYSCALL(sys_truncate64);
FS_SYSCALL(sys_ftruncate64);
FS_SYSCALL(sys_fsync);
FS_SYSCALL(sys_sync);
FS_SYSCALL(sys_syncfs);
FS_SYSCALL(sys_chown16);
FS_SYSCALL(sys_lchown16);
FS_SYSCALL(sys_fchown16);
FS_SYSCALL(sys_chown32);
FS_SYSCALL(sys_lchown32);
FS_SYSCALL(sys_fchown32);
FS_SYSCALL(sys_fchownat);
FS_SYSCALL(sys_getdents64);
FS_SYSCALL(sys_mkdir);
FS_SYSCALL(sys_mkdirat);
FS_SYSCALL(sys_unlink);
FS_SYSCALL(sys_rmdir);
FS_SYSCALL(sys_unlinkat);
FS_SYSCALL(sys_symlink);
FS_SYSCALL(sys_symlinkat);
FS_SYSCALL(sys_readlink);
FS_SYSCALL(sys_readlinkat);
FS_SYSCALL(sys_link);
FS_SYSCALL(sys_linkat);
FS_SYSCALL(sys_rename);
FS_SYSCALL(sys_renameat);
FS_SYSCALL(sys_chdir);
FS_SYSCALL(sys_fchdir);
FS_SYSCALL(sys_getcwd);
FS_SYSCALL(sys_getrandom);

/* fs/pipe.c */
FS_SYSCALL(sys_pipe);
FS_SYSCALL(sys_pipe2);

/* fs/poll.c, fs/select.c */
FS_SYSCALL(sys_poll);
FS_SYSCALL(sys_ppoll);
FS_SYSCALL(sys_ppoll_time64);
FS_SYSCALL(sys_newselect);
FS_SYSCALL(sys_pselect6);
FS_SYSCALL(sys_pselect6_time64);

#endif
