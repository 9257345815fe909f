/* exec/exec_internal.h: the pieces of exec, private to exec/. */
#ifndef EXEC_EXEC_INTERNAL_H
#define EXEC_EXEC_INTERNAL_H

#include "exec/elf.h"
#include "exec/exec.h"

/* Build the initial user stack in as, exactly as Linux lays it out for
 * i386 (see docs/exec.md): the [stack] VMA, then from the top the exec
 * path, argument and environment strings, 16 AT_RANDOM bytes, auxv, envp,
 * argv and argc, esp 16-byte aligned (base is AT_BASE, where the
 * interpreter is; 0: none). The pages written are mapped now;
 * the rest of the stack arrives on demand. Returns 0 with *sp set, -E2BIG
 * if the arguments take more than EXEC_ARG_MAX bytes, -EINVAL if a segment
 * occupies the stack's place, or -ENOMEM. */
int ustack_build(struct address_space *as, const char *path,
		 const struct exec_args *args, const struct elf_image *elf,
		 uint32_t base, uint32_t *sp);

#endif
