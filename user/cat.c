/* user/cat.c: copy standard input to standard output until end of file
 * (Ctrl-D on pagoda's console). No arguments: there are no files yet. */
#include <unistd.h>

int main(void)
{
	char buf[512];
	ssize_t n;

	while ((n = read(0, buf, sizeof(buf))) > 0) {
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(1, buf + done, n - done);
			if (w < 0)
				return 1;
			done += w;
		}
	}
	return n < 0 ? 1 : 0;
}
