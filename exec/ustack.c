/* exec/ustack.c: the initial user stack, laid out as Linux's
 * create_elf_tables() does for i386 (from high addresses down):
 *
 *   USER_STACK_TOP  4 zero bytes
 *                   the exec path (AT_EXECFN points here)
 *                   envp strings, argv strings (argv[0] lowest)
 *                   (align 16) 16 random bytes (AT_RANDOM)
 *                   (padding so that esp ends 16-byte aligned)
 *                   auxv pairs, ending with AT_NULL
 *                   NULL, envp[], NULL, argv[]
 *   esp ->          argc
 */
#include "exec/exec_internal.h"

#include "fs/random.h"
#include "kernel/lib/string.h"
#include "kernel/platform.h"
#include "kernel/proc.h"
#include "kernel/resource.h"
#include "kernel/time.h"
#include "kernel/uapi/auxv.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/kmap.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"
#include "mm/vmm.h"

#define STACK_EXPAND (128u * 1024)  /* room below the arguments, as Linux */
#define AUXV_PAIRS 17

/* Copy n bytes to user address va of as (not the current one), mapping
 * zeroed frames for pages that have none yet. */
static int put(struct address_space *as, vaddr_t va, const void *src, size_t n)
{
	const uint8_t *s = src;
	while (n) {
		vaddr_t page = PAGE_ROUND_DOWN(va);
		paddr_t frame;
		if (!vmm_query(as->pd, page, &frame, NULL)) {
			frame = pmm_alloc_frame(PMM_ZERO);
			if (!frame)
				return -ENOMEM;
			if (vmm_map(as->pd, page, frame, VMM_USER | VMM_WRITE) < 0) {
				pmm_free_frame(frame);
				return -ENOMEM;
			}
			as->resident++;
		}
		size_t k = PAGE_SIZE - (va - page);
		if (k > n)
			k = n;
		uint8_t *p = kmap(frame);
		memcpy(p + (va - page), s, k);
		kunmap(p);
		va += k, s += k, n -= k;
	}
	return 0;
}

static int put_word(struct address_space *as, vaddr_t va, uint32_t w)
{
	return put(as, va, &w, sizeof(w));
}

/* Element i of the array v (kernel or user memory, as args says). */
static int arg_at(const struct exec_args *args, const char *const *v,
		  uint32_t i, const char **out)
{
	if (!v) {
		*out = NULL;
		return 0;
	}
	if (!args->user) {
		*out = v[i];
		return 0;
	}
	return copy_from_user(out, &v[i], sizeof(*out));
}

/* The length of string s, or EXEC_ARG_MAX if it is longer, or -EFAULT. */
static long arg_len(const struct exec_args *args, const char *s)
{
	if (args->user)
		return strnlen_user(s, EXEC_ARG_MAX);
	return strnlen(s, EXEC_ARG_MAX);
}

/* Count a NULL-terminated array and the bytes of its strings, giving up
 * with -E2BIG as soon as the total passes EXEC_ARG_MAX: no count can wrap
 * however many pointers there are. */
static int measure(const struct exec_args *args, const char *const *v,
		   uint32_t *count, uint32_t *bytes)
{
	for (*count = 0;; (*count)++) {
		const char *s;
		int err = arg_at(args, v, *count, &s);
		if (err)
			return err;
		*bytes += sizeof(uint32_t);  /* its pointer, or the NULL */
		if (*bytes > EXEC_ARG_MAX)
			return -E2BIG;
		if (!s)
			return 0;
		long n = arg_len(args, s);
		if (n < 0)
			return (int)n;
		*bytes += (uint32_t)n + 1;
		if (*bytes > EXEC_ARG_MAX)
			return -E2BIG;
	}
}

/* Copy string s (n bytes with its NUL) to user address at of as. */
static int put_string(struct address_space *as, const struct exec_args *args,
		      vaddr_t at, const char *s, size_t n)
{
	if (!args->user)
		return put(as, at, s, n);
	char chunk[128];
	for (size_t done = 0; done < n;) {
		size_t k = n - done < sizeof(chunk) ? n - done : sizeof(chunk);
		int err = copy_from_user(chunk, s + done, k);
		if (!err)
			err = put(as, at + done, chunk, k);
		if (err)
			return err;
		done += k;
	}
	return 0;
}

/* Write the strings of v upward from *at, their addresses to the pointer
 * array at ptrs, then the NULL that ends it. The strings are measured
 * again: if a user string changed length since measure(), the layout
 * would be wrong, so that is -EFAULT. */
static int put_strings(struct address_space *as, const struct exec_args *args,
		       const char *const *v, uint32_t count, vaddr_t *at,
		       vaddr_t end, vaddr_t ptrs)
{
	for (uint32_t i = 0; i < count; i++) {
		const char *s;
		int err = arg_at(args, v, i, &s);
		long n = err ? err : s ? arg_len(args, s) : -EFAULT;
		if (n < 0)
			return (int)n;
		if (*at + (size_t)n + 1 > end)
			return -EFAULT;
		err = put_string(as, args, *at, s, (size_t)n + 1);
		if (!err)
			err = put_word(as, ptrs + 4 * i, *at);
		if (err)
			return err;
		*at += (size_t)n + 1;
	}
	return put_word(as, ptrs + 4 * count, 0);
}

static int put_auxv(struct address_space *as, vaddr_t at,
		    const struct elf_image *elf, uint32_t base, vaddr_t random,
		    vaddr_t execfn)
{
	/* The ids of the process that execs (root for one the kernel
	 * starts), as getuid() and friends will say. */
	static const struct cred root;
	const struct cred *c = proc_current() ? &proc_current()->res.cred
					      : &root;
	/* Linux's order for i386, less the vDSO entries pagoda lacks. */
	const uint32_t auxv[AUXV_PAIRS][2] = {
		{ AT_HWCAP, platform_hwcap() }, { AT_PAGESZ, PAGE_SIZE },
		{ AT_CLKTCK, USER_HZ }, { AT_PHDR, elf->phdr_vaddr },
		{ AT_PHENT, elf->phentsize }, { AT_PHNUM, elf->phnum },
		{ AT_BASE, base }, { AT_FLAGS, 0 }, { AT_ENTRY, elf->entry },
		{ AT_UID, c->uid }, { AT_EUID, c->euid }, { AT_GID, c->gid },
		{ AT_EGID, c->egid },
		{ AT_SECURE, 0 }, { AT_RANDOM, random }, { AT_EXECFN, execfn },
		{ AT_NULL, 0 },
	};
	return put(as, at, auxv, sizeof(auxv));
}

int ustack_build(struct address_space *as, const char *path,
		 const struct exec_args *args, const struct elf_image *elf,
		 uint32_t base, uint32_t *sp_out)
{
	uint32_t argc, envc, bytes = strnlen(path, EXEC_ARG_MAX) + 1;
	int err = measure(args, args->argv, &argc, &bytes);
	if (!err)
		err = measure(args, args->envp, &envc, &bytes);
	if (err)
		return err;

	size_t path_len = strlen(path) + 1;
	vaddr_t execfn = USER_STACK_TOP - 4 - path_len;
	uint32_t strings = bytes - path_len - 4 * (argc + envc + 2);
	vaddr_t strings_start = execfn - strings;
	vaddr_t random = (strings_start & ~15u) - 16;
	uint32_t words = 1 + (argc + 1) + (envc + 1) + 2 * AUXV_PAIRS;
	vaddr_t sp = (random - 4 * words) & ~15u;
	vaddr_t argv = sp + 4, envp = argv + 4 * (argc + 1);

	struct vma *stack = vma_create(PAGE_ROUND_DOWN(sp) - STACK_EXPAND,
				       USER_STACK_TOP, VMA_READ | VMA_WRITE,
				       VMA_ANON);
	if (!stack)
		return -ENOMEM;
	stack->flags = VMA_GROWSDOWN;
	stack->label = "[stack]";
	if (as_insert_vma(as, stack) < 0) {
		vma_destroy(stack);
		return -EINVAL;  /* a segment sits where the stack must go */
	}

	uint8_t rnd[16];
	random_bytes(rnd, sizeof(rnd));  /* AT_RANDOM */
	vaddr_t at = strings_start;
	err = put(as, execfn, path, path_len);
	as->arg_start = at;
	if (!err)
		err = put_strings(as, args, args->argv, argc, &at, execfn, argv);
	as->arg_end = as->env_start = at;
	if (!err)
		err = put_strings(as, args, args->envp, envc, &at, execfn, envp);
	as->env_end = at;
	if (!err)
		err = put(as, random, rnd, sizeof(rnd));
	if (!err)
		err = put_auxv(as, envp + 4 * (envc + 1), elf, base, random,
			       execfn);
	if (!err)
		err = put_word(as, sp, argc);
	*sp_out = sp;
	return err;
}
