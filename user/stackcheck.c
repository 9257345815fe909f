/* user/stackcheck.c: checks this process's initial stack against the
 * Linux i386 ABI exec must build (argc, argv, envp, auxv, strings, esp and
 * registers at entry). KTAP output; exit status 0 if every check passed.
 * Expected arguments, if any: STACKCHECK_ARGC=n and STACKCHECK_ARG1.. in
 * the environment; STACKCHECK_EXECFN: the path exec got, if not argv[0]
 * (or DIR/argv[0] for a bare name: execfn_is_exec_path). */
#include <elf.h>
#include <pagoda/start.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "ktap.h"

#define AUXV_MAX 64    /* more pairs than any kernel gives */
#define AT_KEY_MAX 51  /* the largest key Linux defines (AT_MINSIGSTKSZ) */

/* The ELF header, which the first PT_LOAD maps (the linker defines this). */
extern const Elf32_Ehdr __ehdr_start;

/* The stack as _start found it, read without libc's help. */
static struct {
	uint32_t *sp;     /* esp at entry: &argc */
	int argc, envc;
	char **argv, **envp;
	uint32_t *auxv;   /* pairs; npairs counts the AT_NULL pair */
	int npairs;       /* 0: no AT_NULL within AUXV_MAX pairs */
	char **main_argv, **main_envp;
	int main_argc;
} st;

/* The value of key from the stack's auxv; false if it is not there. */
static bool aux(uint32_t key, uint32_t *val)
{
	for (int i = 0; i < st.npairs; i++) {
		if (st.auxv[2 * i] == key) {
			*val = st.auxv[2 * i + 1];
			return true;
		}
	}
	return false;
}

static bool aux_is(uint32_t key, const char *name, uint32_t want)
{
	uint32_t v;

	if (!aux(key, &v)) {
		note("%s missing", name);
		return false;
	}
	if (v != want)
		note("%s = %u (0x%x), want %u", name, v, v, want);
	return v == want;
}

static const char *execfn(void)
{
	uint32_t v;

	return aux(AT_EXECFN, &v) ? (const char *)v : NULL;
}

static bool argc_matches_argv(void)
{
	int n = 0;

	while (n < 100000 && st.argv[n])
		n++;
	if (n != st.argc || st.main_argc != st.argc || st.main_argv != st.argv)
		note("argc %d, %d pointers to NULL; main got argc %d argv %p",
		     st.argc, n, st.main_argc, st.main_argv);
	return n == st.argc && st.main_argc == st.argc &&
	       st.main_argv == st.argv;
}

static bool envp_follows_argv(void)
{
	if (st.main_envp != st.envp || environ != st.envp)
		note("envp at %p; main got %p, environ %p", st.envp,
		     st.main_envp, environ);
	return st.main_envp == st.envp && environ == st.envp;
}

static bool auxv_follows_envp(void)
{
	uint32_t first = st.auxv[0];

	if (first == AT_NULL || first > AT_KEY_MAX)
		note("the word after envp's NULL is %u, not an AT_ key", first);
	return first != AT_NULL && first <= AT_KEY_MAX;
}

static bool auxv_ends_with_at_null(void)
{
	if (!st.npairs) {
		note("no AT_NULL in the first %d pairs", AUXV_MAX);
		return false;
	}
	if (st.auxv[2 * st.npairs - 1] != 0)
		note("AT_NULL's value is %u", st.auxv[2 * st.npairs - 1]);
	return st.auxv[2 * st.npairs - 1] == 0;
}

static bool auxv_no_duplicate_keys(void)
{
	bool ok = true;

	for (int i = 0; i < st.npairs; i++) {
		for (int j = i + 1; j < st.npairs; j++) {
			if (st.auxv[2 * i] == st.auxv[2 * j]) {
				note("key %u at pairs %d and %d",
				     st.auxv[2 * i], i, j);
				ok = false;
			}
		}
	}
	return ok;
}

static bool auxv_getauxval_agrees(void)
{
	bool ok = true;

	for (int i = 0; i + 1 < st.npairs; i++) {
		uint32_t key = st.auxv[2 * i], v = st.auxv[2 * i + 1];
		if (getauxval(key) != v) {
			note("getauxval(%u) = 0x%lx, the stack says 0x%x", key,
			     getauxval(key), v);
			ok = false;
		}
	}
	return ok;
}

static bool esp_aligned_16(void)
{
	uint32_t esp = __libc_entry_regs.esp;

	if (esp % 16 || esp != (uint32_t)st.sp)
		note("esp at entry 0x%x", esp);
	return esp % 16 == 0 && esp == (uint32_t)st.sp;
}

static bool registers_zero(void)
{
	const struct entry_regs *r = &__libc_entry_regs;
	const uint32_t v[] = { r->eax, r->ebx, r->ecx, r->edx, r->esi, r->edi,
			       r->ebp };
	static const char *const names[] = { "eax", "ebx", "ecx", "edx",
					     "esi", "edi", "ebp" };
	bool ok = true;

	for (int i = 0; i < 7; i++) {
		if (v[i]) {
			note("%s = 0x%x at entry", names[i], v[i]);
			ok = false;
		}
	}
	return ok;
}

static bool pagesz_4096(void)
{
	return aux_is(AT_PAGESZ, "AT_PAGESZ", 4096);
}

static bool phdr_is_program_headers(void)
{
	const Elf32_Ehdr *eh = &__ehdr_start;
	uint32_t phdr = 0, want = (uint32_t)eh + eh->e_phoff;

	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_type != ET_EXEC) {
		note("no ELF header of an ET_EXEC at %p", eh);
		return false;
	}
	if (!aux(AT_PHDR, &phdr) || phdr != want) {
		note("AT_PHDR 0x%x, the headers are at 0x%x", phdr, want);
		return false;
	}
	const Elf32_Phdr *ph = (const Elf32_Phdr *)phdr;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_PHDR && ph[i].p_vaddr != phdr) {
			note("PT_PHDR says 0x%x", ph[i].p_vaddr);
			return false;
		}
	}
	return true;
}

static bool phent_phnum_match_ehdr(void)
{
	const Elf32_Ehdr *eh = &__ehdr_start;

	return aux_is(AT_PHENT, "AT_PHENT", sizeof(Elf32_Phdr)) &&
	       aux_is(AT_PHENT, "AT_PHENT", eh->e_phentsize) &&
	       aux_is(AT_PHNUM, "AT_PHNUM", eh->e_phnum);
}

static bool pt_load_covers_entry(void)
{
	uint32_t phdr, phnum, start = (uint32_t)_start;
	bool covered = false;

	if (!aux(AT_PHDR, &phdr) || !aux(AT_PHNUM, &phnum) || phnum > 64)
		return false;
	const Elf32_Phdr *ph = (const Elf32_Phdr *)phdr;
	for (uint32_t i = 0; i < phnum; i++) {
		if (ph[i].p_type == PT_INTERP) {
			note("a PT_INTERP in a static program");
			return false;
		}
		if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_X) &&
		    start - ph[i].p_vaddr < ph[i].p_memsz)
			covered = true;
	}
	if (!covered)
		note("no executable PT_LOAD holds _start (0x%x)", start);
	return covered;
}

static bool entry_is_start(void)
{
	return aux_is(AT_ENTRY, "AT_ENTRY", (uint32_t)_start) &&
	       aux_is(AT_ENTRY, "AT_ENTRY", __ehdr_start.e_entry);
}

/* The lowest string: argv[0], or the first that exists. */
static const char *lowest_string(void)
{
	if (st.argc)
		return st.argv[0];
	return st.envc ? st.envp[0] : execfn();
}

static bool random_above_auxv(void)
{
	uint32_t r;
	const uint8_t *end = (const uint8_t *)(st.auxv + 2 * st.npairs);

	if (!aux(AT_RANDOM, &r)) {
		note("AT_RANDOM missing");
		return false;
	}
	const uint8_t *b = (const uint8_t *)r;
	if (b < end || b + 16 > (const uint8_t *)lowest_string()) {
		note("AT_RANDOM %p not between auxv's end %p and strings %p",
		     b, end, lowest_string());
		return false;
	}
	for (int i = 0; i < 16; i++)
		if (b[i])
			return true;
	note("the 16 AT_RANDOM bytes are all zero");
	return false;
}

/* Without STACKCHECK_EXECFN the exec path is argv[0] if that has a '/';
 * a bare name (a shell's PATH search, or `stackcheck` typed at pagoda's
 * shell) was found in some directory: the path ends in "/NAME". */
static bool execfn_is_exec_path(void)
{
	const char *want = getenv("STACKCHECK_EXECFN");
	const char *fn = execfn();
	bool ok;

	if (!want)
		want = st.argc ? st.argv[0] : "";
	if (getenv("STACKCHECK_EXECFN") || strchr(want, '/') || !fn) {
		ok = fn && strcmp(fn, want) == 0;
	} else {
		size_t fl = strlen(fn), wl = strlen(want);
		ok = wl > 0 && fl > wl && fn[fl - wl - 1] == '/' &&
		     strcmp(fn + fl - wl, want) == 0;
	}
	if (!ok) {
		note("AT_EXECFN \"%s\", exec was given \"%s\"",
		     fn ? fn : "(none)", want);
		return false;
	}
	return true;
}

/* Linux puts the exec path at the very top: then a kernel pointer's
 * width of zero bytes (4 on an i386 kernel, 8 on x86-64), then the end of
 * the stack, a page boundary. */
static bool execfn_at_top(void)
{
	const char *fn = execfn();

	if (!fn)
		return false;
	const uint8_t *end = (const uint8_t *)fn + strlen(fn) + 1;
	uint32_t gap = -(uint32_t)end % 4096;
	bool zero = gap == 4 || gap == 8;
	for (uint32_t i = 0; zero && i < gap; i++)
		zero = end[i] == 0;
	if (!zero)
		note("the exec path ends at %p, %u bytes below a page boundary",
		     end, gap);
	return zero;
}

/* argv strings, then envp strings, then the exec path, back to back and
 * above every pointer array. */
static bool strings_in_order(void)
{
	const char *at = lowest_string(), *fn = execfn();

	if (!fn || (const void *)at < (const void *)(st.auxv + 2 * st.npairs)) {
		note("strings at %p are not above the auxv", at);
		return false;
	}
	for (int i = 0; i < st.argc; at += strlen(at) + 1, i++) {
		if (st.argv[i] != at) {
			note("argv[%d] at %p, expected %p", i, st.argv[i], at);
			return false;
		}
	}
	for (int i = 0; i < st.envc; at += strlen(at) + 1, i++) {
		if (st.envp[i] != at) {
			note("envp[%d] at %p, expected %p", i, st.envp[i], at);
			return false;
		}
	}
	if (fn != at)
		note("the exec path at %p, expected %p", fn, at);
	return fn == at;
}

static bool ids_present(void)
{
	static const uint32_t keys[] = { AT_UID, AT_EUID, AT_GID, AT_EGID };
	uint32_t v;

	for (int i = 0; i < 4; i++) {
		if (!aux(keys[i], &v)) {
			note("key %u missing", keys[i]);
			return false;
		}
	}
	return true;
}

static bool secure_zero(void)
{
	return aux_is(AT_SECURE, "AT_SECURE", 0);
}

static bool clktck_100(void)
{
	return aux_is(AT_CLKTCK, "AT_CLKTCK", 100);
}

static bool hwcap_present(void)
{
	uint32_t v;

	if (aux(AT_HWCAP, &v))
		note("AT_HWCAP 0x%08x", v);
	else
		note("AT_HWCAP missing");
	return aux(AT_HWCAP, &v);
}

static bool base_zero(void)
{
	return aux_is(AT_BASE, "AT_BASE", 0);
}

static bool flags_zero(void)
{
	return aux_is(AT_FLAGS, "AT_FLAGS", 0);
}

static bool args_match_expected(void)
{
	const char *n = getenv("STACKCHECK_ARGC");
	bool ok = true;

	for (int i = 0; i < st.argc; i++)
		note("argv[%d] = \"%s\"", i, st.argv[i]);
	if (!n) {
		note("no STACKCHECK_ARGC in the environment: not compared");
		return true;
	}
	if (atoi(n) != st.argc) {
		note("argc %d, expected %s", st.argc, n);
		return false;
	}
	for (int i = 1; i < st.argc; i++) {
		char name[32];
		snprintf(name, sizeof(name), "STACKCHECK_ARG%d", i);
		const char *want = getenv(name);
		if (!want || strcmp(want, st.argv[i])) {
			note("argv[%d] is not %s \"%s\"", i, name,
			     want ? want : "");
			ok = false;
		}
	}
	return ok;
}

static const struct ktap_case cases[] = {
	{ "stack.argc_matches_argv", argc_matches_argv },
	{ "stack.envp_follows_argv", envp_follows_argv },
	{ "stack.auxv_follows_envp", auxv_follows_envp },
	{ "stack.esp_aligned_16", esp_aligned_16 },
	{ "stack.registers_zero", registers_zero },
	{ "stack.strings_in_order", strings_in_order },
	{ "stack.execfn_at_top", execfn_at_top },
	{ "auxv.ends_with_at_null", auxv_ends_with_at_null },
	{ "auxv.no_duplicate_keys", auxv_no_duplicate_keys },
	{ "auxv.getauxval_agrees", auxv_getauxval_agrees },
	{ "auxv.pagesz_4096", pagesz_4096 },
	{ "auxv.phdr_is_program_headers", phdr_is_program_headers },
	{ "auxv.phent_phnum_match_ehdr", phent_phnum_match_ehdr },
	{ "auxv.pt_load_covers_entry", pt_load_covers_entry },
	{ "auxv.entry_is_start", entry_is_start },
	{ "auxv.random_above_auxv", random_above_auxv },
	{ "auxv.execfn_is_exec_path", execfn_is_exec_path },
	{ "auxv.ids_present", ids_present },
	{ "auxv.secure_zero", secure_zero },
	{ "auxv.clktck_100", clktck_100 },
	{ "auxv.hwcap_present", hwcap_present },
	{ "auxv.base_zero", base_zero },
	{ "auxv.flags_zero", flags_zero },
	{ "args.match_expected", args_match_expected },
};

int main(int argc, char **argv, char **envp)
{
	st.sp = (uint32_t *)__libc_entry_regs.esp;
	st.argc = (int)st.sp[0];
	st.argv = (char **)(st.sp + 1);
	st.envp = st.argv + st.argc + 1;
	while (st.envp[st.envc])
		st.envc++;
	st.auxv = (uint32_t *)(st.envp + st.envc + 1);
	for (int i = 0; i < AUXV_MAX && !st.npairs; i++)
		if (st.auxv[2 * i] == AT_NULL)
			st.npairs = i + 1;
	st.main_argc = argc;
	st.main_argv = argv;
	st.main_envp = envp;
	return ktap_run(cases, KTAP_COUNT(cases));
}
