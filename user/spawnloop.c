/* user/spawnloop.c: `spawnloop fork N` forks N children that exit at once;
 * `spawnloop exec N` forks N children that execve /bin/exit42; each child
 * is waited for. The benchmark of process creation from user space
 * (tools/bench times it for two values of N). Exits 0 if every child
 * ended as expected. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	int exec = strcmp(argv[1], "exec") == 0;
	long n = strtol(argv[2], NULL, 10);

	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			if (exec) {
				char *child_argv[] = { "exit42", NULL };
				execve("/bin/exit42", child_argv, environ);
			}
			_exit(42);
		}
		int status;
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 42)
			return 1;
	}
	return 0;
}
