/* user/writefill.c: writes a file in /tmp until memory runs out, as a
 * kernel test runs it with almost no free memory: the write that cannot
 * get a page must fail with ENOSPC (a short count first if it wrote some
 * bytes), the file must hold exactly what was written, and removing it
 * must give every page back (the kernel test counts them). Not run on the
 * host: there it would fill the host's /tmp. KTAP output. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ktap.h"

static char chunk[4096];

static bool fill_until_enospc(void)
{
	memset(chunk, 'w', sizeof(chunk));  /* our own page first */
	int fd = open("/tmp/writefill", O_CREAT | O_TRUNC | O_WRONLY, 0644);
	if (fd < 0) {
		note("open: errno %d", errno);
		return false;
	}
	long total = 0, r;
	while ((r = write(fd, chunk, sizeof(chunk))) > 0)
		total += r;
	int err = errno;
	struct stat st;
	bool ok = true;
	if (r != -1 || err != ENOSPC) {
		note("the last write gave %ld errno %d, want -1 ENOSPC", r, err);
		ok = false;
	}
	if (fstat(fd, &st) || st.st_size != total) {
		note("size %lld, wrote %ld", (long long)st.st_size, total);
		ok = false;
	}
	note("%ld bytes written before memory ran out", total);
	ok &= ftruncate(fd, 0) == 0 && write(fd, "x", 1) == 1;  /* usable again */
	close(fd);
	return ok & (unlink("/tmp/writefill") == 0);
}

static const struct ktap_case cases[] = {
	{ "writefill.enospc_and_nothing_lost", fill_until_enospc },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
