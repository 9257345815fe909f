/* exec/exec.h: turning a program file into a process image. Two phases
 * with a marked point of no return: exec_prepare() validates the file and
 * builds a complete new address space (VMAs, a user stack with argv, envp
 * and auxv) without touching the caller; only exec_commit() replaces the
 * old image. Nothing of the file is copied: pages arrive on first touch. */
#ifndef EXEC_EXEC_H
#define EXEC_EXEC_H

#include <stdbool.h>
#include <stdint.h>

struct address_space;
struct proc;

/* argv + envp (strings and pointers) may take at most this many bytes,
 * else exec fails with E2BIG. */
#define EXEC_ARG_MAX (128u * 1024)

/* Where exec finds the new program's arguments: NULL-terminated arrays of
 * strings, in kernel memory, or (user) in the calling process's memory, as
 * execve() passes them; a NULL array is an empty one. */
struct exec_args {
	const char *const *argv;
	const char *const *envp;
	bool user;  /* read them with the user-copy routines */
};

/* A prepared image, owned by the caller until exec_commit(). */
struct exec_image {
	struct address_space *as;  /* the new address space */
	uint32_t entry;            /* eip at the first instruction */
	uint32_t sp;               /* esp: points at argc */
	char name[16];             /* comm: the file's base name */
	struct inode *exe;         /* the program file, held, writes denied */
};

/* Phase 1: find path in the initrd, validate it as an ELF executable, and
 * build its address space and stack. Returns 0 or -ENOENT, -EACCES (not a
 * regular executable file), -ENOEXEC, -EINVAL (see exec/elf.h), -E2BIG,
 * -EFAULT (a bad user pointer in args), -ENOMEM; on failure nothing is
 * left allocated and the caller's image is untouched. */
int exec_prepare(const char *path, const struct exec_args *args,
		 struct exec_image *img);

/* Undo exec_prepare() (for a caller that fails before committing). */
void exec_abandon(struct exec_image *img);

/* Phase 2, the point of no return: p takes img's address space and name;
 * its old address space, if any, is freed. Cannot fail. */
void exec_commit(struct proc *p, struct exec_image *img);

/* Create a child of parent (NULL: the kernel) running path, and start it.
 * Returns the process, or NULL with *err set as exec_prepare() does, or
 * -EAGAIN at max_threads (kernel/pid.h). */
struct proc *exec_spawn(struct proc *parent, const char *path,
			const struct exec_args *args, int *err);

#endif
