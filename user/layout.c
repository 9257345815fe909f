/* user/layout.c: prints where this program's pieces live, highest address
 * first: the strings exec put on the stack, a local, the heap, bss, data,
 * rodata and text. A picture of the process memory layout, made real. */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <unistd.h>

extern const Elf32_Ehdr __ehdr_start;  /* mapped by the first PT_LOAD */
extern char _etext[], _edata[], _end[];  /* from the linker script */
void _start(void);

int initialized_global = 42;         /* .data */
int zero_global;                     /* .bss */
static const char literal[] = "a string literal";  /* .rodata */

struct item {
	uintptr_t addr;
	const char *region;
	const char *what;
};

#define MAX_ITEMS 24
static struct item items[MAX_ITEMS];
static int nitems;

static void add(const void *addr, const char *region, const char *what)
{
	if (nitems < MAX_ITEMS && addr)
		items[nitems++] =
			(struct item){ (uintptr_t)addr, region, what };
}

/* Insertion sort, highest address first: a handful of items. */
static void sort(void)
{
	for (int i = 1; i < nitems; i++) {
		struct item it = items[i];
		int j = i;
		for (; j > 0 && items[j - 1].addr < it.addr; j--)
			items[j] = items[j - 1];
		items[j] = it;
	}
}

static void gap(uintptr_t hi, uintptr_t lo)
{
	uintptr_t d = hi - lo;

	if (d >= 1024 * 1024)
		printf("      |           ... %u MiB ...\n",
		       (unsigned)(d >> 20));
	else if (d >= 64 * 1024)
		printf("      |           ... %u KiB ...\n",
		       (unsigned)(d >> 10));
}

int main(int argc, char **argv, char **envp)
{
	int local = 1;
	char *heap = malloc(16);

	add((void *)getauxval(AT_EXECFN), "stack", "the exec path (AT_EXECFN)");
	if (envp[0])
		add(envp[0], "stack", "envp[0] string");
	add(argv[0], "stack", "argv[0] string");
	if (argc > 1)
		add(argv[argc - 1], "stack", "the last argv string");
	add((void *)getauxval(AT_RANDOM), "stack",
	    "16 random bytes (AT_RANDOM)");
	add(envp, "stack", "envp[] pointers");
	add(argv, "stack", "argv[] pointers");
	add(&argv[-1], "stack", "argc: esp at _start");
	add(&local, "stack", "a local variable in main");
	add(sbrk(0), "heap", "the program break, sbrk(0)");
	add(heap, "heap", "malloc(16)");
	add(_end, "bss", "end of bss (_end)");
	add(&zero_global, "bss", "int zero_global;");
	add(&initialized_global, "data", "int initialized_global = 42;");
	add(literal, "rodata", "\"a string literal\"");
	add(_etext, "text", "end of text (_etext)");
	add((void *)main, "text", "main()");
	add((void *)_start, "text", "_start, the entry point");
	add(&__ehdr_start, "headers", "the ELF header");
	sort();

	printf("layout: memory of process %d, highest address first\n",
	       (int)getpid());
	printf("  address     region    what\n");
	for (int i = 0; i < nitems; i++) {
		if (i > 0)
			gap(items[i - 1].addr, items[i].addr);
		if (i > 0 && items[i - 1].region[0] == 's' &&
		    items[i].region[0] == 'h')
			puts("      |  v stack grows down   ^ heap grows up");
		printf("  %p  %-8s  %s\n", (void *)items[i].addr,
		       items[i].region, items[i].what);
	}
	printf("  0x00000000  (page 0 is never mapped: NULL faults)\n");
	free(heap);
	return local - 1;
}
