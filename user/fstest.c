/* user/fstest.c: files and descriptors as Linux gives them: open, creat,
 * read, write, pread, pwrite, readv, writev, lseek, dup, dup2, dup3,
 * fcntl, O_APPEND, O_CLOEXEC across execve, truncate, ETXTBSY, the devices,
 * EMFILE, an open/close loop, the extended-attribute calls and fadvise.
 * Runs in a fresh directory under /tmp, on pagoda and on the host alike;
 * KTAP output, exit 0 if every case passed. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scratch.h"

static char self[256];  /* this program, for execve */


static bool create_write_read(void)
{
	int fd = open("a.txt", O_CREAT | O_EXCL | O_RDWR, 0644);
	bool ok = expect(fd >= 0, "open O_CREAT");
	ok &= expect(write(fd, "hello, world", 12) == 12, "write");
	ok &= expect(lseek(fd, 0, SEEK_CUR) == 12, "offset after write");
	ok &= expect(lseek(fd, 7, SEEK_SET) == 7, "lseek");
	char b[16] = { 0 };
	ok &= expect(read(fd, b, sizeof(b)) == 5 && !memcmp(b, "world", 5), "read");
	ok &= expect(read(fd, b, sizeof(b)) == 0, "read at end of file");
	struct stat st;
	ok &= expect(fstat(fd, &st) == 0 && st.st_size == 12 &&
		     S_ISREG(st.st_mode) && st.st_nlink == 1, "fstat");
	ok &= fails_with(open("a.txt", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST,
			 "O_EXCL on an existing file");
	ok &= expect(close(fd) == 0, "close");
	ok &= fails_with(close(fd), EBADF, "close twice");
	ok &= fails_with(read(fd, b, 1), EBADF, "read a closed fd");
	fd = creat("a.txt", 0644);  /* truncates */
	ok &= expect(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0, "creat");
	ok &= fails_with(read(fd, b, 1), EBADF, "read a write-only fd");
	close(fd);
	fd = open("a.txt", O_RDONLY);
	ok &= fails_with(write(fd, "x", 1), EBADF, "write a read-only fd");
	close(fd);
	return ok & expect(unlink("a.txt") == 0, "unlink");
}

static bool open_errors(void)
{
	bool ok = fails_with(open("nope", O_RDONLY), ENOENT, "missing file");
	ok &= fails_with(open(".", O_WRONLY), EISDIR, "directory for writing");
	ok &= fails_with(open(".", O_RDWR), EISDIR, "directory read-write");
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	close(fd);
	ok &= fails_with(open("f/", O_RDONLY), ENOTDIR, "trailing slash on a file");
	ok &= fails_with(open("f/x", O_RDONLY), ENOTDIR, "file as a directory");
	ok &= fails_with(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR, "O_DIRECTORY");
	ok &= fails_with(open("new/", O_CREAT | O_WRONLY, 0644), EISDIR,
			 "O_CREAT with a trailing slash");
	ok &= fails_with(open("", O_RDONLY), ENOENT, "empty path");
	ok &= fails_with(open((char *)1, O_RDONLY), EFAULT, "bad path pointer");
	fd = open(".", O_RDONLY | O_DIRECTORY);
	char b[4];
	ok &= expect(fd >= 0, "open a directory") &
	      fails_with(read(fd, b, 4), EISDIR, "read a directory");
	close(fd);
	return ok & expect(unlink("f") == 0, "unlink");
}

static bool dup_and_fcntl(void)
{
	int fd = open("d", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int d = dup(fd);
	bool ok = expect(d > fd, "dup takes the lowest free fd");
	ok &= expect(write(fd, "abc", 3) == 3 && lseek(d, 0, SEEK_CUR) == 3,
		     "dups share the offset");
	ok &= expect(dup2(fd, 50) == 50 && lseek(50, 0, SEEK_CUR) == 3, "dup2");
	ok &= expect(dup2(50, 50) == 50, "dup2 onto itself");
	ok &= fails_with(dup2(77, 78), EBADF, "dup2 of a closed fd");
	ok &= fails_with(dup3(50, 50, 0), EINVAL, "dup3 onto itself");
	ok &= fails_with(dup3(50, 51, 1), EINVAL, "dup3 bad flags");
	ok &= expect(dup3(fd, 51, O_CLOEXEC) == 51 &&
		     fcntl(51, F_GETFD, 0) == FD_CLOEXEC, "dup3 O_CLOEXEC");
	ok &= expect(fcntl(50, F_GETFD, 0) == 0, "dup2 clears FD_CLOEXEC");
	ok &= expect(fcntl(fd, F_DUPFD, 40) == 40, "F_DUPFD");
	ok &= expect(fcntl(fd, F_DUPFD_CLOEXEC, 40) == 41 &&
		     fcntl(41, F_GETFD, 0) == FD_CLOEXEC, "F_DUPFD_CLOEXEC");
	ok &= expect(fcntl(41, F_SETFD, 0) == 0 && fcntl(41, F_GETFD, 0) == 0,
		     "F_SETFD");
	ok &= expect((fcntl(fd, F_GETFL, 0) & O_ACCMODE) == O_RDWR, "F_GETFL");
	ok &= expect(fcntl(fd, F_SETFL, O_APPEND) == 0 &&
		     (fcntl(d, F_GETFL, 0) & O_APPEND), "F_SETFL O_APPEND is shared");
	lseek(fd, 0, SEEK_SET);
	ok &= expect(write(d, "de", 2) == 2 && lseek(fd, 0, SEEK_CUR) == 5,
		     "O_APPEND writes at the end");
	ok &= fails_with(fcntl(fd, 9999, 0), EINVAL, "unknown command");
	ok &= fails_with(fcntl(99, F_GETFD, 0), EBADF, "closed fd");
	ok &= fails_with(fcntl(fd, F_DUPFD, 0x7fffffff), EINVAL,
			 "F_DUPFD past the limit");
	for (int i = 40; i <= 51; i++)
		close(i);
	close(d);
	close(fd);
	return ok & expect(unlink("d") == 0, "unlink");
}

static bool positional_and_seek(void)
{
	int fd = open("p", O_CREAT | O_RDWR | O_TRUNC, 0644);
	bool ok = expect(pwrite(fd, "xyz", 3, 10) == 3, "pwrite past the end");
	ok &= expect(lseek(fd, 0, SEEK_CUR) == 0, "pwrite keeps the offset");
	char b[16];
	ok &= expect(pread(fd, b, sizeof(b), 0) == 13 && b[0] == 0 && b[9] == 0 &&
		     !memcmp(b + 10, "xyz", 3), "pread: a hole reads as zeros");
	ok &= expect(lseek(fd, -3, SEEK_END) == 10, "SEEK_END");
	ok &= fails_with(lseek(fd, -20, SEEK_CUR), EINVAL, "negative offset");
	ok &= fails_with(lseek(fd, 0, 7), EINVAL, "bad whence");
	ok &= fails_with(pread(fd, b, 1, -1), EINVAL, "negative pread offset");
	ok &= expect(lseek(fd, 100, SEEK_SET) == 100 && read(fd, b, 4) == 0,
		     "seek past the end, read");
	ok &= expect(ftruncate(fd, 4) == 0 && lseek(fd, 0, SEEK_END) == 4,
		     "ftruncate shrinks");
	ok &= expect(truncate("p", 8192) == 0 && pread(fd, b, 4, 4096) == 4 &&
		     !b[0] && !b[3], "truncate grows with zeros");
	ok &= fails_with(truncate("p", -1), EINVAL, "negative length");
	ok &= expect(fsync(fd) == 0, "fsync");
	int avail = -1;
	lseek(fd, 1, SEEK_SET);
	ok &= expect(ioctl(fd, FIONREAD, &avail) == 0 && avail == 8191,
		     "FIONREAD: bytes from the offset to the end");
	int on = 1;
	ok &= expect(ioctl(fd, FIONBIO, &on) == 0 &&
		     (fcntl(fd, F_GETFL, 0) & O_NONBLOCK), "FIONBIO sets O_NONBLOCK");
	on = 0;
	ok &= expect(ioctl(fd, FIONBIO, &on) == 0 &&
		     !(fcntl(fd, F_GETFL, 0) & O_NONBLOCK), "and clears it");
	ok &= fails_with(ioctl(fd, TIOCGWINSZ, &avail), ENOTTY, "not a terminal");
	close(fd);
	int rd = open("p", O_RDONLY);
	ok &= fails_with(ftruncate(rd, 0), EINVAL, "ftruncate a read-only fd");
	close(rd);
	return ok & expect(unlink("p") == 0, "unlink");
}

static bool vectors(void)
{
	int fd = open("v", O_CREAT | O_RDWR | O_TRUNC, 0644);
	struct iovec iov[3] = { { "ab", 2 }, { "", 0 }, { "cde", 3 } };
	bool ok = expect(writev(fd, iov, 3) == 5, "writev");
	/* Lengths are checked before a byte moves; an unmapped buffer ends
	 * the write where it faults (a short count, as on Linux). */
	struct iovec neg[2] = { { "xx", 2 }, { "y", (size_t)-1 } };
	ok &= fails_with(writev(fd, neg, 2), EINVAL, "a negative length");
	ok &= fails_with(writev(fd, iov, 1025), EINVAL, "more than IOV_MAX");
	ok &= fails_with(writev(fd, (void *)16, 1), EFAULT, "a bad array");
	struct stat st;
	ok &= expect(fstat(fd, &st) == 0 && st.st_size == 5,
		     "nothing written by the failed calls");
	/* A buffer in the kernel's half: i386 Linux's access_ok refuses the
	 * whole call (EFAULT, nothing written); a 64-bit host running this
	 * program has no kernel half there, so only pagoda checks it. */
	struct iovec kern[3] = { { "xy", 2 }, { (void *)0xc0001000, 4 }, { "z", 1 } };
	if (getenv("PAGODA_TEST"))
		ok &= fails_with(writev(fd, kern, 3), EFAULT, "a kernel buffer") &
		      expect(fstat(fd, &st) == 0 && st.st_size == 5,
			     "nothing written before the kernel buffer");
	struct iovec bad[3] = { { "xy", 2 }, { (void *)16, 4 }, { "z", 1 } };
	ok &= expect(writev(fd, bad, 3) == 2, "an unmapped buffer: short count");
	ok &= expect(ftruncate(fd, 5) == 0, "ftruncate");
	char a[2], b[8] = { 0 };
	struct iovec rv[2] = { { a, 2 }, { b, 8 } };
	lseek(fd, 0, SEEK_SET);
	ok &= expect(readv(fd, rv, 2) == 5 && !memcmp(a, "ab", 2) &&
		     !memcmp(b, "cde", 3), "readv");
	close(fd);
	return ok & expect(unlink("v") == 0, "unlink");
}

static bool devices(void)
{
	char b[64];
	int fd = open("/dev/null", O_RDWR);
	bool ok = expect(fd >= 0 && read(fd, b, 8) == 0 && write(fd, b, 8) == 8,
			 "/dev/null");
	close(fd);
	fd = open("/dev/zero", O_RDONLY);
	memset(b, 1, sizeof(b));
	ok &= expect(read(fd, b, sizeof(b)) == 64 && !b[0] && !b[63], "/dev/zero");
	close(fd);
	fd = open("/dev/full", O_WRONLY);
	ok &= fails_with(write(fd, "x", 1), ENOSPC, "/dev/full");
	close(fd);
	fd = open("/dev/urandom", O_RDONLY);
	uint32_t r[4] = { 0 };
	ok &= expect(read(fd, r, sizeof(r)) == 16 && (r[0] | r[1] | r[2] | r[3]),
		     "/dev/urandom");
	close(fd);
	uint32_t g[4] = { 0 };
	ok &= expect(syscall(__NR_getrandom, g, sizeof(g), 0) == 16 &&
		     (g[0] | g[1] | g[2] | g[3]), "getrandom");
	ok &= fails_with(syscall(__NR_getrandom, g, 4, 0x80), EINVAL,
			 "getrandom with unknown flags");
	ok &= fails_with(syscall(__NR_getrandom, (void *)0xc0000000, 4, 0), EFAULT,
			 "getrandom into the kernel");
	struct stat st;
	ok &= expect(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode) &&
		     st.st_rdev == 0x103, "/dev/null is char 1,3");
	if (getenv("PAGODA_TEST")) {  /* fd 0 is pagoda's console, untyped */
		int fl = fcntl(0, F_GETFL, 0), n = -1;
		ok &= expect(fstat(0, &st) == 0 && S_ISCHR(st.st_mode) &&
			     st.st_rdev == 0x501, "stdin is /dev/console, char 5,1");
		ok &= expect(ioctl(0, FIONREAD, &n) == 0 && n == 0,
			     "FIONREAD: nothing typed");
		fcntl(0, F_SETFL, fl | O_NONBLOCK);
		ok &= fails_with(read(0, b, 1), EAGAIN, "O_NONBLOCK console read");
		fcntl(0, F_SETFL, fl);
	}
	return ok;
}

/* The child half of cloexec_across_exec: argv = self, "cloexec", a, b. */
static int cloexec_child(char **argv)
{
	int kept = atoi(argv[2]), closed = atoi(argv[3]);
	if (fcntl(kept, F_GETFD, 0) != 0)
		return 2;
	if (fcntl(closed, F_GETFD, 0) != -1 || errno != EBADF)
		return 3;
	return 0;
}

static bool cloexec_across_exec(void)
{
	if (getenv("PAGODA_NO_I386_EXECVE")) {  /* a host that cannot */
		note("skipped: this host cannot execve an i386 program");
		return true;
	}
	int kept = open("/dev/null", O_RDONLY);
	int closed = open("/dev/null", O_RDONLY | O_CLOEXEC);
	bool ok = expect(fcntl(closed, F_GETFD, 0) == FD_CLOEXEC, "O_CLOEXEC");
	char a[12], b[12];
	snprintf(a, sizeof(a), "%d", kept);
	snprintf(b, sizeof(b), "%d", closed);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { self, "cloexec", a, b, NULL };
		execve(self, argv, NULL);
		_exit(9);
	}
	int status = 0;
	ok &= expect(waitpid(pid, &status, 0) == pid, "waitpid");
	if (status != 0)
		note("child status 0x%x", status);
	close(kept);
	close(closed);
	return ok && status == 0;
}

/* A program being run cannot be written (opened for writing, O_TRUNC,
 * truncate) and a file open for writing cannot be run: ETXTBSY both
 * ways, as Linux. Here the running program is this one. */
static bool text_busy(void)
{
	if (getenv("PAGODA_NO_I386_EXECVE")) {  /* this program is qemu's data */
		note("skipped: this host cannot execve an i386 program");
		return true;
	}
	int fd = open(self, O_WRONLY);
	if (!fails_with(fd, ETXTBSY, "open a running program to write")) {
		close(fd);
		return false;  /* and no truncation of this program */
	}
	bool ok = fails_with(open(self, O_RDONLY | O_TRUNC), ETXTBSY, "O_TRUNC of a running program");
	ok = ok && fails_with(truncate(self, 0), ETXTBSY, "truncate a running program");
	int in = open(self, O_RDONLY), out = open("prog", O_CREAT | O_WRONLY | O_TRUNC, 0755);
	char buf[4096];
	ssize_t n;
	while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
		ok &= expect(write(out, buf, n) == n, "copy this program");
	close(in);
	char *argv[] = { "prog", "cloexec", "0", "99", NULL };  /* fd 0 open, 99 not */
	for (int open_now = 1; open_now >= 0; open_now--) {
		if (!open_now)
			close(out);
		pid_t pid = fork();
		if (pid == 0) {
			execve("prog", argv, NULL);
			_exit(errno == ETXTBSY ? 100 : 101);
		}
		int st = -1;
		waitpid(pid, &st, 0);
		ok &= expect(open_now ? st == (100 << 8) : st == 0,
			     open_now ? "exec of a file open for writing is ETXTBSY"
				      : "exec once it is closed");
	}
	unlink("prog");
	return ok;
}

/* Descriptors run out at RLIMIT_NOFILE (1024), and none is lost: a
 * long open/close loop always gets the same number back. */
static bool emfile_and_no_leak(void)
{
	int first = open("/dev/null", O_RDONLY), highest = first, fd;
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		highest = fd;
	bool ok = fails_with(fd, EMFILE, "open past the limit");
	ok &= expect(highest == 1023, "descriptors up to 1023");
	for (fd = first; fd <= highest; fd++)
		close(fd);
	for (int i = 0; i < 100000 && ok; i++) {
		fd = open("/dev/null", O_RDONLY);
		ok &= expect(fd == first, "the same descriptor each time");
		close(fd);
	}
	return ok;
}

/* Extended attributes, where Linux's file systems and pagoda's agree:
 * the path first, then the name; a file has none (ENODATA on a file
 * system with attributes, EOPNOTSUPP on one without, as pagoda's). */
/* posix_fadvise's calls: valid advice on a file is taken (it changes
 * nothing on pagoda, nor on Linux's tmpfs); a pipe is ESPIPE, a bad
 * descriptor EBADF, a negative length or unknown advice EINVAL.
 * fadvise64's length is a size_t, so it is never negative. libc's
 * posix_fadvise returns the error instead of setting errno. */
static bool fadvise(void)
{
	int fd = open("adv", O_CREAT | O_RDWR, 0644), p[2];
	bool ok = expect(fd >= 0 && pipe(p) == 0, "open, pipe");
	for (int a = POSIX_FADV_NORMAL; a <= POSIX_FADV_NOREUSE; a++)
		ok &= expect(syscall(__NR_fadvise64_64, fd, 0, 0, 4096, 0, a) == 0,
			     "each advice");
	ok &= expect(syscall(__NR_fadvise64, fd, 0, 0, -1, 0) == 0,
		     "fadvise64's length 0xffffffff");
	ok &= fails_with(syscall(__NR_fadvise64_64, fd, 0, 0, 0, 0, 6), EINVAL,
			 "advice 6");
	ok &= fails_with(syscall(__NR_fadvise64_64, fd, 0, 0, 0, 0x80000000, 0),
			 EINVAL, "a negative length");
	ok &= fails_with(syscall(__NR_fadvise64, fd, 0, 0, 0, -1), EINVAL,
			 "fadvise64, advice -1");
	ok &= fails_with(syscall(__NR_fadvise64_64, p[0], 0, 0, 0, 0, 0), ESPIPE,
			 "a pipe");
	ok &= fails_with(syscall(__NR_fadvise64_64, -1, 0, 0, 0, 0, 0), EBADF,
			 "fd -1");
	ok &= expect(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL) == 0 &&
		     posix_fadvise(p[0], 0, 0, 0) == ESPIPE &&
		     posix_fadvise(fd, 0, -1, 0) == EINVAL, "posix_fadvise");
	close(fd);
	close(p[0]);
	close(p[1]);
	return unlink("adv") == 0 && ok;
}

static bool xattrs(void)
{
	char v[64], longname[300];
	int fd = open("x.txt", O_CREAT | O_RDWR, 0644);
	bool ok = expect(fd >= 0, "open");
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	memcpy(longname, "user.", 5);
	ok &= fails_with(syscall(__NR_getxattr, "nope", "user.a", v, sizeof(v)),
			 ENOENT, "getxattr of a missing file");
	ok &= fails_with(syscall(__NR_lgetxattr, "x.txt", "", v, sizeof(v)),
			 ERANGE, "an empty name");
	ok &= fails_with(syscall(__NR_getxattr, "x.txt", longname, v, sizeof(v)),
			 ERANGE, "a name over 255 bytes");
	ok &= fails_with(syscall(__NR_getxattr, "x.txt", (char *)1, v, sizeof(v)),
			 EFAULT, "a bad name pointer");
	ok &= fails_with(syscall(__NR_fgetxattr, -1, "user.a", v, sizeof(v)),
			 EBADF, "fgetxattr of a bad descriptor");
	ok &= fails_with(syscall(__NR_flistxattr, 999, v, sizeof(v)), EBADF,
			 "flistxattr of a bad descriptor");
	ok &= fails_with(syscall(__NR_llistxattr, "nope", v, sizeof(v)), ENOENT,
			 "llistxattr of a missing file");
	long r = syscall(__NR_fgetxattr, fd, "user.pagoda", v, sizeof(v));
	ok &= expect(r == -1 && (errno == ENODATA || errno == EOPNOTSUPP),
		     "no attribute");
	ok &= expect(syscall(__NR_listxattr, "x.txt", v, sizeof(v)) >= 0,
		     "listxattr");
	close(fd);
	unlink("x.txt");
	return ok;
}

static const struct ktap_case cases[] = {
	{ "fs.create_write_read", create_write_read },
	{ "fs.open_errors", open_errors },
	{ "fs.dup_and_fcntl", dup_and_fcntl },
	{ "fs.positional_and_seek", positional_and_seek },
	{ "fs.vectors_checked_before_any_byte", vectors },
	{ "fs.devices", devices },
	{ "fs.cloexec_across_exec", cloexec_across_exec },
	{ "fs.text_busy", text_busy },
	{ "fs.emfile_and_100000_open_close", emfile_and_no_leak },
	{ "fs.extended_attributes", xattrs },
	{ "fs.fadvise_checks_as_linux", fadvise },
};

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "cloexec"))
		return cloexec_child(argv);
	/* This program, by absolute path whatever argv[0] is: /bin on
	 * pagoda, PAGODA_BIN (the build's user/) on a host. */
	snprintf(self, sizeof(self), "%s/fstest",
		 getenv("PAGODA_BIN") ? getenv("PAGODA_BIN") : "/bin");
	return scratch_run("fstest", cases, KTAP_COUNT(cases));
}
