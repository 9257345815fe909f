/* tests/dynamic/dynhello.c: a dynamically linked program for
 * tools/check-dynamic, built with glibc and with musl. It says what its C
 * library and the kernel told it (no addresses: they differ between
 * pagoda and qemu-user), and calls into a shared library (libpg.so) when
 * built with -DWITH_LIBPG. Exit status 3. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#ifdef WITH_LIBPG
int pg_answer(void);
#endif

extern void _start(void);

int main(int argc, char **argv)
{
	printf("dynhello: %d arguments:", argc);
	for (int i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n");
	/* The kernel started the interpreter, which started us. */
	printf("AT_BASE set: %s\n", getauxval(AT_BASE) ? "yes" : "no");
	printf("AT_ENTRY is _start: %s\n",
	       getauxval(AT_ENTRY) == (unsigned long)&_start ? "yes" : "no");
	printf("AT_PHNUM: %lu, AT_PHENT: %lu\n", getauxval(AT_PHNUM),
	       getauxval(AT_PHENT));
	char *s = strdup("heap works");
	printf("%s, HOME=%s\n", s, getenv("HOME") ? getenv("HOME") : "(unset)");
	free(s);
#ifdef WITH_LIBPG
	printf("libpg says %d\n", pg_answer());
#endif
	return 3;
}
