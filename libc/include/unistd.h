/* unistd.h: the POSIX system-call wrappers (libc/src/unistd/). Each
 * returns -1 and sets errno on failure, as the manual pages say. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

#include "kernel/uapi/fcntl.h"  /* SEEK_SET, SEEK_CUR, SEEK_END */
#include "kernel/uapi/stat.h"   /* F_OK, R_OK, W_OK, X_OK */

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

extern char **environ;

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int fd);
int dup2(int fd, int newfd);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int isatty(int fd);
int dup3(int fd, int newfd, int flags);
ssize_t pread(int fd, void *buf, size_t n, off_t off);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
int access(const char *path, int mode);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int rmdir(const char *path);
int link(const char *old, const char *new);
int symlink(const char *target, const char *path);
ssize_t readlink(const char *path, char *buf, size_t n);
int chdir(const char *path);
int fchdir(int fd);
char *getcwd(char *buf, size_t size);
int fsync(int fd);
int fdatasync(int fd);
void sync(void);
int chown(const char *path, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);
int truncate(const char *path, off_t len);
int ftruncate(int fd, off_t len);

_Noreturn void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);

pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getsid(pid_t pid);
pid_t setsid(void);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
int pause(void);
int nice(int inc);
unsigned alarm(unsigned seconds);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int getgroups(int size, gid_t list[]);
int getresuid(uid_t *r, uid_t *e, uid_t *s);
int getresgid(gid_t *r, gid_t *e, gid_t *s);
int setresuid(uid_t r, uid_t e, uid_t s);
int setresgid(gid_t r, gid_t e, gid_t s);

int brk(void *end);
void *sbrk(intptr_t increment);

/* Options: the next option letter of argv, -1 after the last; '?' for
 * an unknown one or a missing argument (':' if opts starts with ':').
 * optarg is its argument, optind the next argv index (docs/libc.md). */
int getopt(int argc, char *const argv[], const char *opts);
extern char *optarg;
extern int optind, opterr, optopt;
/* The raw call: number n (sys/syscall.h) with up to six arguments. */
long syscall(long n, ...);

#endif
