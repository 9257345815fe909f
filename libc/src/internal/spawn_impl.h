/* libc/src/internal/spawn_impl.h: what posix_spawn's pieces share. */
#ifndef _INTERNAL_SPAWN_IMPL_H
#define _INTERNAL_SPAWN_IMPL_H

#include <spawn.h>
#include <stdint.h>

/* One file action (posix_spawn_file_actions_add*). */
struct __spawn_action {
	enum { SPAWN_OPEN, SPAWN_CLOSE, SPAWN_DUP2 } op;
	int fd, newfd, flags;
	mode_t mode;
	char *path;  /* SPAWN_OPEN: a copy, freed by _destroy */
};

/* Run fa's actions in order with raw system calls (in the spawned
 * child): 0, or the first failure's -errno. */
int __spawn_run_actions(const posix_spawn_file_actions_t *fa);

/* Bit sig - 1 set: sigaction() once installed a handler function for
 * sig (libc/src/signal/sigaction.c); posix_spawn's child resets those. */
extern uint64_t __sig_handlers;

#endif
