/* user/cowdemo.c: one fork and its copy-on-write faults, in a fixed
 * order, for the pictures of docs/fault.md (tools/make-pictures) and
 * their check (tools/check-draw-as). The child writes .data first (its
 * copy), then the parent writes the same page (it is the sole owner
 * now: no copy) and a bss page (still shared: copied). Pipes keep the
 * order. Exits 0 if each process saw only its own writes, 1 if not. */
#include <stdbool.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int data_word = 1;        /* .data */
static volatile int bss_page[1024] __attribute__((aligned(4096)));  /* .bss:
							    a page of its own */

int main(void)
{
	int to_parent[2], to_child[2];
	char c = 0;
	data_word = 1;    /* both pages resident before the fork, */
	bss_page[0] = 1;  /* so that the fork shares them */
	if (pipe(to_parent) < 0 || pipe(to_child) < 0)
		return 1;
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		data_word = 2;                       /* cow-copy */
		if (write(to_parent[1], &c, 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(1);
		_exit(data_word == 2 && bss_page[0] == 1 ? 0 : 1);
	}
	if (read(to_parent[0], &c, 1) != 1)
		return 1;
	data_word = 3;                               /* cow-upgrade */
	bss_page[0] = 3;                             /* cow-copy */
	if (write(to_child[1], &c, 1) != 1)
		return 1;
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
		  data_word == 3 && bss_page[0] == 3;
	printf("cowdemo: %s\n", ok ? "each process saw its own writes" : "FAILED");
	return ok ? 0 : 1;
}
