/* user/atcalls.c: the file calls a libc seldom makes by their own
 * numbers, made here directly: _llseek (a 64-bit offset through a
 * pointer), faccessat, renameat and readlinkat relative to a directory
 * descriptor, and old_mmap (its six arguments in memory). Each is checked
 * for what it does and for Linux's errors. Also: threads share one
 * descriptor table (CLONE_FILES), a forked child gets a copy. On pagoda
 * and on a host alike. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scratch.h"

/* 5000 bytes in "f", in the scratch directory. */
static int make_file(void)
{
	static char data[5000];
	memset(data, 'x', sizeof(data));
	int fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0 && write(fd, data, sizeof(data)) != (ssize_t)sizeof(data)) {
		close(fd);
		return -1;
	}
	return fd;
}

static bool llseek_gives_64_bit_offsets(void)
{
	int fd = make_file(), p[2];
	if (!expect(fd >= 0, "create f") || !expect(pipe(p) == 0, "pipe"))
		return false;
	int64_t at = -1;
	bool ok = expect(syscall(__NR__llseek, fd, 0, 100, &at, SEEK_SET) == 0 &&
			 at == 100, "_llseek SEEK_SET 100");
	ok &= expect(syscall(__NR__llseek, fd, 0xffffffff, 0xfffffff6, &at, SEEK_END) == 0 &&
		     at == 4990, "_llseek SEEK_END -10");
	/* Past 4 GiB: the high word counts; a sparse offset is allowed. */
	ok &= expect(syscall(__NR__llseek, fd, 1, 5, &at, SEEK_SET) == 0 &&
		     at == 0x100000005ll, "_llseek to 4 GiB + 5");
	ok &= fails_with(syscall(__NR__llseek, fd, 0xffffffff, 0xfffffff0, &at,
				 SEEK_SET), EINVAL, "_llseek to -16");
	ok &= fails_with(syscall(__NR__llseek, fd, 0, 0, &at, 7), EINVAL,
			 "_llseek whence 7");
	ok &= fails_with(syscall(__NR__llseek, p[0], 0, 0, &at, SEEK_SET),
			 ESPIPE, "_llseek on a pipe");
	ok &= fails_with(syscall(__NR__llseek, fd, 0, 0, (void *)4, SEEK_SET),
			 EFAULT, "_llseek result at address 4");
	ok &= fails_with(syscall(__NR__llseek, 999, 0, 0, &at, SEEK_SET), EBADF,
			 "_llseek fd 999");
	close(p[0]);
	close(p[1]);
	close(fd);
	unlink("f");
	return ok;
}

static bool at_calls_are_relative_to_the_directory(void)
{
	bool ok = expect(mkdir("d", 0755) == 0, "mkdir d");
	int dfd = open("d", O_RDONLY | O_DIRECTORY), ffd = -1;
	ok &= expect(dfd >= 0, "open d");
	ok &= expect((ffd = open("d/a", O_WRONLY | O_CREAT, 0600)) >= 0, "create d/a");
	close(ffd);
	ok &= expect(syscall(__NR_faccessat, dfd, "a", R_OK | W_OK, 0) == 0,
		     "faccessat(d, a)");
	ok &= fails_with(syscall(__NR_faccessat, dfd, "nope", F_OK, 0), ENOENT,
			 "faccessat(d, nope)");
	ok &= fails_with(syscall(__NR_faccessat, dfd, "a", 8, 0), EINVAL,
			 "faccessat mode 8");
	ok &= fails_with(syscall(__NR_faccessat, 999, "a", F_OK, 0), EBADF,
			 "faccessat fd 999");
	ok &= expect(syscall(__NR_renameat, dfd, "a", AT_FDCWD, "b") == 0,
		     "renameat(d/a -> ./b)");
	ok &= expect(access("b", F_OK) == 0 && access("d/a", F_OK) == -1,
		     "b is there and d/a is gone");
	ok &= expect(symlink("target/of/link", "d/l") == 0, "symlink d/l");
	char buf[64] = { 0 };
	ok &= expect(syscall(__NR_readlinkat, dfd, "l", buf, sizeof(buf)) == 14 &&
		     memcmp(buf, "target/of/link", 14) == 0, "readlinkat(d, l)");
	ok &= expect(syscall(__NR_readlinkat, dfd, "l", buf, 6) == 6 &&
		     memcmp(buf, "target", 6) == 0, "readlinkat truncates");
	ok &= fails_with(syscall(__NR_readlinkat, AT_FDCWD, "b", buf, sizeof(buf)),
			 EINVAL, "readlinkat of a regular file");
	ok &= fails_with(syscall(__NR_readlinkat, dfd, "l", buf, 0), EINVAL,
			 "readlinkat size 0");
	ok &= fails_with(syscall(__NR_renameat, dfd, "nope", dfd, "x"), ENOENT,
			 "renameat of nothing");
	unlink("d/l");
	unlink("b");
	close(dfd);
	ok &= expect(rmdir("d") == 0, "rmdir d");
	return ok;
}

/* old_mmap: one pointer to {addr, len, prot, flags, fd, offset}. */
static bool old_mmap_reads_its_arguments_from_memory(void)
{
	int fd = make_file();
	if (!expect(fd >= 0, "create f"))
		return false;
	uint32_t args[6] = { 0, 8192, PROT_READ, MAP_PRIVATE, (uint32_t)fd, 4096 };
	long r = syscall(__NR_mmap, args);
	bool ok = expect(r != -1, "old_mmap of f at 4096");
	if (r != -1) {
		const char *m = (const char *)r;
		ok &= expect(m[0] == 'x' && m[903] == 'x', "the file's bytes");
		munmap((void *)r, 8192);
	}
	args[5] = 100;  /* an offset that is not page-aligned */
	ok &= fails_with(syscall(__NR_mmap, args), EINVAL, "old_mmap offset 100");
	ok &= fails_with(syscall(__NR_mmap, (void *)4), EFAULT,
			 "old_mmap arguments at address 4");
	uint32_t anon[6] = { 0, 4096, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, (uint32_t)-1, 0 };
	r = syscall(__NR_mmap, anon);
	ok &= expect(r != -1 && ((char *)r)[100] == 0, "old_mmap anonymous");
	if (r != -1)
		munmap((void *)r, 4096);
	close(fd);
	unlink("f");
	return ok;
}

static void *open_in_a_thread(void *arg)
{
	*(int *)arg = open("f", O_RDONLY);
	return NULL;
}

static void *read_in_a_thread(void *arg)
{
	char c;
	return (void *)(intptr_t)(read(*(int *)arg, &c, 1) == -1 ? errno : 0);
}

/* pthread_create passes CLONE_FILES: what one thread opens or closes,
 * the others see. fork copies the table: the child's close is its own. */
static bool threads_share_descriptors_fork_copies_them(void)
{
	int fd = make_file(), tfd = -1;
	if (!expect(fd >= 0, "create f"))
		return false;
	pthread_t t;
	void *res;
	bool ok = expect(pthread_create(&t, NULL, open_in_a_thread, &tfd) == 0 &&
			 pthread_join(t, NULL) == 0, "a thread that opens f");
	char c = 0;
	ok &= expect(tfd >= 0 && read(tfd, &c, 1) == 1 && c == 'x',
		     "read the thread's descriptor");
	pid_t pid = fork();
	if (pid == 0)
		_exit(close(tfd) == 0 ? 0 : 1);
	int st = -1;
	ok &= expect(waitpid(pid, &st, 0) == pid && st == 0, "the child closes its copy");
	ok &= expect(read(tfd, &c, 1) == 1, "still open here after the child's close");
	close(tfd);
	ok &= expect(pthread_create(&t, NULL, read_in_a_thread, &tfd) == 0 &&
		     pthread_join(t, &res) == 0 && (intptr_t)res == EBADF,
		     "a thread sees the descriptor closed");
	close(fd);
	unlink("f");
	return ok;
}

static const struct ktap_case cases[] = {
	{ "at.llseek_gives_64_bit_offsets", llseek_gives_64_bit_offsets },
	{ "at.calls_are_relative_to_the_directory",
	  at_calls_are_relative_to_the_directory },
	{ "at.old_mmap_reads_its_arguments_from_memory",
	  old_mmap_reads_its_arguments_from_memory },
	{ "at.threads_share_descriptors_fork_copies_them",
	  threads_share_descriptors_fork_copies_them },
};

int main(void)
{
	return scratch_run("atcalls", cases, KTAP_COUNT(cases));
}
