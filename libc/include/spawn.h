/* libc/include/spawn.h: posix_spawn(3), a program started in a new
 * process without copying the caller's memory (libc/src/spawn/: a
 * clone(CLONE_VM | CLONE_VFORK) child on its own small stack, as musl). */
#ifndef _SPAWN_H
#define _SPAWN_H

#include <signal.h>
#include <sys/types.h>

#define POSIX_SPAWN_RESETIDS     0x01
#define POSIX_SPAWN_SETPGROUP    0x02
#define POSIX_SPAWN_SETSIGDEF    0x04
#define POSIX_SPAWN_SETSIGMASK   0x08
#define POSIX_SPAWN_SETSCHEDPARAM 0x10
#define POSIX_SPAWN_SETSCHEDULER 0x20
#define POSIX_SPAWN_USEVFORK     0x40
#define POSIX_SPAWN_SETSID       0x80

typedef struct {
	int __flags;
	pid_t __pgrp;
	sigset_t __def, __mask;
} posix_spawnattr_t;

/* The file actions, run in order in the child before the exec. */
typedef struct {
	int __count, __cap;
	struct __spawn_action *__actions;
} posix_spawn_file_actions_t;

int posix_spawn(pid_t *pid, const char *path,
		const posix_spawn_file_actions_t *fa,
		const posix_spawnattr_t *attr, char *const argv[],
		char *const envp[]);
/* As posix_spawn, the program looked up in PATH when file has no '/'. */
int posix_spawnp(pid_t *pid, const char *file,
		 const posix_spawn_file_actions_t *fa,
		 const posix_spawnattr_t *attr, char *const argv[],
		 char *const envp[]);

int posix_spawnattr_init(posix_spawnattr_t *a);
int posix_spawnattr_destroy(posix_spawnattr_t *a);
int posix_spawnattr_setflags(posix_spawnattr_t *a, short flags);
int posix_spawnattr_getflags(const posix_spawnattr_t *a, short *flags);
int posix_spawnattr_setpgroup(posix_spawnattr_t *a, pid_t pgrp);
int posix_spawnattr_getpgroup(const posix_spawnattr_t *a, pid_t *pgrp);
int posix_spawnattr_setsigmask(posix_spawnattr_t *a, const sigset_t *mask);
int posix_spawnattr_getsigmask(const posix_spawnattr_t *a, sigset_t *mask);
int posix_spawnattr_setsigdefault(posix_spawnattr_t *a, const sigset_t *def);
int posix_spawnattr_getsigdefault(const posix_spawnattr_t *a, sigset_t *def);

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd,
				     const char *path, int flags, mode_t mode);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd);
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd,
				     int newfd);

#endif
