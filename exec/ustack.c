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

#include "kernel/lib/string.h"
#include "kernel/platform.h"
#include "kernel/uapi/auxv.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/kmap.h"
#include "mm/pmm.h"
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

/* Count a NULL-terminated array and the bytes of its strings, giving up
 * (false) as soon as the total passes EXEC_ARG_MAX: no count can wrap. */
static bool measure(const char *const *v, uint32_t *count, uint32_t *bytes)
{
	*count = 0;
	for (; v && v[*count]; (*count)++) {
		*bytes += strnlen(v[*count], EXEC_ARG_MAX) + 1 + sizeof(uint32_t);
		if (*bytes > EXEC_ARG_MAX)
			return false;
	}
	*bytes += sizeof(uint32_t);  /* the NULL */
	return *bytes <= EXEC_ARG_MAX;
}

/* Write the strings of v upward from *at, their addresses to the pointer
 * array at ptrs, then the NULL that ends it. */
static int put_strings(struct address_space *as, const char *const *v,
		       uint32_t count, vaddr_t *at, vaddr_t ptrs)
{
	for (uint32_t i = 0; i < count; i++) {
		size_t n = strlen(v[i]) + 1;
		int err = put(as, *at, v[i], n);
		if (!err)
			err = put_word(as, ptrs + 4 * i, *at);
		if (err)
			return err;
		*at += n;
	}
	return put_word(as, ptrs + 4 * count, 0);
}

static int put_auxv(struct address_space *as, vaddr_t at,
		    const struct elf_image *elf, vaddr_t random, vaddr_t execfn)
{
	/* Linux's order for i386, less the vDSO entries pagoda lacks. */
	const uint32_t auxv[AUXV_PAIRS][2] = {
		{ AT_HWCAP, platform_hwcap() }, { AT_PAGESZ, PAGE_SIZE },
		{ AT_CLKTCK, 100 }, { AT_PHDR, elf->phdr_vaddr },
		{ AT_PHENT, elf->phentsize }, { AT_PHNUM, elf->phnum },
		{ AT_BASE, 0 }, { AT_FLAGS, 0 }, { AT_ENTRY, elf->entry },
		{ AT_UID, 0 }, { AT_EUID, 0 }, { AT_GID, 0 }, { AT_EGID, 0 },
		{ AT_SECURE, 0 }, { AT_RANDOM, random }, { AT_EXECFN, execfn },
		{ AT_NULL, 0 },
	};
	return put(as, at, auxv, sizeof(auxv));
}

int ustack_build(struct address_space *as, const char *path,
		 const struct exec_args *args, const struct elf_image *elf,
		 uint32_t *sp_out)
{
	uint32_t argc, envc, bytes = strnlen(path, EXEC_ARG_MAX) + 1;
	if (!measure(args->argv, &argc, &bytes) ||
	    !measure(args->envp, &envc, &bytes))
		return -E2BIG;

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
	platform_random(rnd, sizeof(rnd));
	vaddr_t at = strings_start;
	int err = put(as, execfn, path, path_len);
	if (!err)
		err = put_strings(as, args->argv, argc, &at, argv);
	if (!err)
		err = put_strings(as, args->envp, envc, &at, envp);
	if (!err)
		err = put(as, random, rnd, sizeof(rnd));
	if (!err)
		err = put_auxv(as, envp + 4 * (envc + 1), elf, random, execfn);
	if (!err)
		err = put_word(as, sp, argc);
	*sp_out = sp;
	return err;
}
