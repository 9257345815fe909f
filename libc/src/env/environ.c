/* libc/src/env/environ.c: the environment, "NAME=value" strings ending
 * with NULL; __libc_start_main points it at envp. */
#include <unistd.h>

char **environ;
