/* libc/src/spawn/spawn_actions.c: posix_spawn's file actions (open, close,
 * dup2, kept in order in a growing array) and attributes. */
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>

#include "spawn_impl.h"
#include "syscall.h"

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
	memset(fa, 0, sizeof(*fa));
	return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
	for (int i = 0; i < fa->__count; i++)
		free(fa->__actions[i].path);
	free(fa->__actions);
	memset(fa, 0, sizeof(*fa));
	return 0;
}

static struct __spawn_action *add(posix_spawn_file_actions_t *fa)
{
	if (fa->__count == fa->__cap) {
		int cap = fa->__cap ? fa->__cap * 2 : 4;
		struct __spawn_action *n =
			realloc(fa->__actions, (size_t)cap * sizeof(*n));
		if (!n)
			return NULL;
		fa->__actions = n;
		fa->__cap = cap;
	}
	struct __spawn_action *a = &fa->__actions[fa->__count++];
	memset(a, 0, sizeof(*a));
	return a;
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd,
				     const char *path, int flags, mode_t mode)
{
	if (fd < 0)
		return EBADF;
	char *copy = strdup(path);
	struct __spawn_action *a = copy ? add(fa) : NULL;
	if (!a) {
		free(copy);
		return ENOMEM;
	}
	*a = (struct __spawn_action){ SPAWN_OPEN, fd, 0, flags, mode, copy };
	return 0;
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd)
{
	if (fd < 0)
		return EBADF;
	struct __spawn_action *a = add(fa);
	if (!a)
		return ENOMEM;
	a->op = SPAWN_CLOSE;
	a->fd = fd;
	return 0;
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd,
				     int newfd)
{
	if (fd < 0 || newfd < 0)
		return EBADF;
	struct __spawn_action *a = add(fa);
	if (!a)
		return ENOMEM;
	a->op = SPAWN_DUP2;
	a->fd = fd;
	a->newfd = newfd;
	return 0;
}

/* dup2(fd, fd) keeps fd open across the exec (POSIX 2024: clears
 * FD_CLOEXEC), as glibc and musl. */
static long do_dup2(int fd, int newfd)
{
	if (fd != newfd)
		return __syscall2(__NR_dup2, fd, newfd);
	long fl = __syscall2(__NR_fcntl64, fd, 1 /* F_GETFD */);
	return fl < 0 ? fl : __syscall3(__NR_fcntl64, fd, 2 /* F_SETFD */,
					fl & ~1L);
}

int __spawn_run_actions(const posix_spawn_file_actions_t *fa)
{
	for (int i = 0; fa && i < fa->__count; i++) {
		const struct __spawn_action *a = &fa->__actions[i];
		long r = 0;
		if (a->op == SPAWN_CLOSE) {
			r = __syscall1(__NR_close, a->fd);
			if (r == -EBADF)
				r = 0;  /* as glibc: closing a closed fd is fine */
		} else if (a->op == SPAWN_DUP2) {
			r = do_dup2(a->fd, a->newfd);
		} else {
			r = __syscall3(__NR_open, (long)a->path, a->flags,
				       a->mode);
			if (r >= 0 && r != a->fd) {
				long d = __syscall2(__NR_dup2, r, a->fd);
				__syscall1(__NR_close, r);
				r = d;
			}
		}
		if (r < 0)
			return (int)r;
	}
	return 0;
}

int posix_spawnattr_init(posix_spawnattr_t *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *a)
{
	(void)a;
	return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *a, short flags)
{
	if ((unsigned short)flags & ~0xffu)
		return EINVAL;
	a->__flags = flags;
	return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *a, short *flags)
{
	*flags = (short)a->__flags;
	return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *a, pid_t pgrp)
{
	a->__pgrp = pgrp;
	return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *a, pid_t *pgrp)
{
	*pgrp = a->__pgrp;
	return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *a, const sigset_t *mask)
{
	a->__mask = *mask;
	return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *a, sigset_t *mask)
{
	*mask = a->__mask;
	return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *a, const sigset_t *def)
{
	a->__def = *def;
	return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *a, sigset_t *def)
{
	*def = a->__def;
	return 0;
}
