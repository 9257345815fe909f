/* user/statfstest.c: statfs, fstatfs, statfs64, fstatfs64 and statvfs,
 * checked against Linux (the same binary runs there through
 * tools/check-user-on-host): /proc and pipes answer with their magic
 * numbers, a file's answer by path and by descriptor agree (O_PATH ones
 * too), the 32-bit calls agree with the 64-bit ones, /proc/mounts and
 * /proc/self/mountinfo list / and /proc, and the errors are Linux's (ENOENT, ENOTDIR, EFAULT,
 * EBADF, EINVAL for a wrong size). On pagoda the tree is a tmpfs whose
 * blocks are the machine's frames. Prints KTAP; exits 0 if all passed. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "scratch.h"

#define BAD_PTR ((void *)0xc0000000)  /* kernel memory */

static bool proc_and_pipes_have_their_magic(void)
{
	struct statfs st;
	int fds[2];
	bool ok = expect(statfs("/proc", &st) == 0, "statfs /proc") &&
		  expect(st.f_type == PROC_SUPER_MAGIC, "/proc's magic") &&
		  expect(st.f_namelen == 255 && st.f_bsize == 4096 &&
			 st.f_frsize == 4096, "/proc's sizes") &&
		  expect(st.f_flags & ST_VALID, "/proc's f_flags valid");
	/* /proc/self is a symlink into /proc, and statfs follows it */
	ok &= expect(statfs("/proc/self", &st) == 0 &&
		     st.f_type == PROC_SUPER_MAGIC, "statfs /proc/self");
	ok &= expect(pipe(fds) == 0, "pipe") &&
	      expect(fstatfs(fds[0], &st) == 0 && st.f_type == PIPEFS_MAGIC &&
		     st.f_bsize == 4096 && st.f_namelen == 255, "a pipe's magic");
	close(fds[0]);
	close(fds[1]);
	return ok;
}

/* The scratch directory's filesystem: by path, by an open descriptor
 * and by an O_PATH one, through statfs and statvfs. */
static bool path_and_descriptor_agree(void)
{
	struct statfs a, b, c;
	struct statvfs v;
	int fd = open(".", O_RDONLY | O_DIRECTORY);
	int pfd = open(".", O_PATH);
	bool ok = expect(fd >= 0 && pfd >= 0, "open .") &&
		  expect(statfs(".", &a) == 0, "statfs .") &&
		  expect(fstatfs(fd, &b) == 0, "fstatfs") &&
		  expect(fstatfs(pfd, &c) == 0, "fstatfs O_PATH") &&
		  expect(statvfs(".", &v) == 0, "statvfs");
	close(fd);
	close(pfd);
	if (!ok)
		return false;
	ok &= expect(a.f_type == b.f_type && a.f_type == c.f_type &&
		     a.f_bsize == b.f_bsize && a.f_blocks == b.f_blocks &&
		     a.f_blocks == c.f_blocks && a.f_namelen == b.f_namelen,
		     "the three answers agree");
	ok &= expect(a.f_bsize > 0 && a.f_blocks >= a.f_bfree &&
		     a.f_bfree >= a.f_bavail && a.f_files >= a.f_ffree &&
		     a.f_namelen == 255 && (a.f_flags & ST_VALID), "counts");
	ok &= expect(v.f_bsize == a.f_bsize && v.f_blocks == a.f_blocks &&
		     v.f_namemax == a.f_namelen && v.f_type == a.f_type &&
		     v.f_frsize == (a.f_frsize ? a.f_frsize : a.f_bsize) &&
		     !(v.f_flag & ST_VALID) && !(v.f_flag & ST_RDONLY),
		     "statvfs agrees, writable");
	if (!getenv("PAGODA_TEST"))
		return ok;
	/* pagoda: the tree is a tmpfs made of the machine's frames */
	struct statfs root;
	ok &= expect(statfs("/", &root) == 0 && root.f_type == TMPFS_MAGIC &&
		     a.f_type == TMPFS_MAGIC && root.f_blocks == a.f_blocks,
		     "/ and /tmp are the tmpfs");
	struct sysinfo si;
	uint64_t pages = sysinfo(&si) == 0 ?
			 (uint64_t)si.totalram * si.mem_unit / 4096 : 0;
	ok &= expect(pages > 0 && root.f_blocks == pages &&
		     root.f_bfree > 0 && root.f_ffree > 0, "its size is memory's");
	return ok;
}

/* The old calls fill the 64-byte struct with 32-bit counts. */
static bool the_32_bit_calls_agree(void)
{
	uint32_t old[16];
	struct statfs st;
	memset(old, 0xff, sizeof(old));
	bool ok = expect(syscall(__NR_statfs, "/proc", old) == 0, "statfs(99)") &&
		  expect(statfs("/proc", &st) == 0, "statfs64");
	ok = ok && expect(old[0] == st.f_type && old[1] == st.f_bsize &&
			  old[2] == st.f_blocks && old[9] == st.f_namelen &&
			  old[10] == st.f_frsize && old[11] == st.f_flags,
			  "the fields line up");
	int fds[2];
	memset(old, 0xff, sizeof(old));
	ok &= expect(pipe(fds) == 0, "pipe") &&
	      expect(syscall(__NR_fstatfs, fds[1], old) == 0 &&
		     old[0] == PIPEFS_MAGIC, "fstatfs(100) of a pipe");
	close(fds[0]);
	close(fds[1]);
	return ok;
}

static bool errors_are_linux_errors(void)
{
	struct statfs st;
	bool ok = fails_with(statfs("no-such-file", &st), ENOENT, "ENOENT");
	int fd = open("file", O_CREAT | O_WRONLY, 0644);
	close(fd);
	ok &= fails_with(statfs("file/x", &st), ENOTDIR, "ENOTDIR");
	ok &= fails_with(statfs(BAD_PTR, &st), EFAULT, "a bad path");
	ok &= fails_with(statfs("file", BAD_PTR), EFAULT, "a bad buffer");
	ok &= fails_with(fstatfs(-1, &st), EBADF, "fd -1");
	ok &= fails_with(fstatfs(fd, &st), EBADF, "a closed fd");
	ok &= fails_with(syscall(__NR_statfs64, "file", 80, &st), EINVAL,
			 "statfs64 with size 80");
	ok &= fails_with(syscall(__NR_fstatfs64, 0, 0, &st), EINVAL,
			 "fstatfs64 with size 0");
	/* the size is checked before the path */
	ok &= fails_with(syscall(__NR_statfs64, BAD_PTR, 88, &st), EINVAL,
			 "size before path");
	ok &= fails_with(syscall(__NR_statfs, "file", BAD_PTR), EFAULT,
			 "statfs(99) with a bad buffer");
	unlink("file");
	return ok;
}

/* Split line at spaces into at most max fields; returns how many. */
static int split(char *line, char **field, int max)
{
	int n = 0;
	for (char *p = line; *p && *p != '\n' && n < max;) {
		field[n++] = p;
		while (*p && *p != ' ' && *p != '\n')
			p++;
		while (*p == ' ' || *p == '\n')
			*p++ = '\0';
	}
	return n;
}

/* /proc/mounts, a symlink to self/mounts: fstab's format (device,
 * directory, type, options, 0, 0); / and /proc are there. */
static bool proc_mounts_lists_root_and_proc(void)
{
	char target[32] = "";
	bool ok = expect(readlink("/proc/mounts", target, sizeof(target) - 1) ==
			 11 && strcmp(target, "self/mounts") == 0,
			 "/proc/mounts -> self/mounts");
	FILE *f = fopen("/proc/mounts", "r");
	if (!expect(f != NULL, "open /proc/mounts"))
		return false;
	char line[512];
	bool root = false, proc = false;
	while (fgets(line, sizeof(line), f)) {
		char *field[7];
		int n = split(line, field, 7);
		if (n != 6 || strcmp(field[4], "0") || strcmp(field[5], "0")) {
			note("a line not in fstab's format (%d fields)", n);
			fclose(f);
			return false;
		}
		root |= strcmp(field[1], "/") == 0;
		proc |= strcmp(field[1], "/proc") == 0 &&
			strcmp(field[2], "proc") == 0;
	}
	fclose(f);
	return ok && expect(root && proc, "/ and /proc are listed");
}

/* /proc/self/mountinfo (what GNU df reads): id, parent id, major:minor,
 * root, mount point, options, optional fields up to "-", then type,
 * source and the filesystem's options. */
static bool mountinfo_lists_root_and_proc(void)
{
	FILE *f = fopen("/proc/self/mountinfo", "r");
	if (!expect(f != NULL, "open /proc/self/mountinfo"))
		return false;
	char line[1024];
	bool root = false, proc = false, ok = true;
	while (fgets(line, sizeof(line), f)) {
		char *field[24];
		int n = split(line, field, 24), dash = 6;
		while (dash < n && strcmp(field[dash], "-"))
			dash++;
		if (n < 10 || dash + 3 >= n + 1 || !strchr(field[2], ':')) {
			note("a line not in mountinfo's format (%d fields)", n);
			ok = false;
			break;
		}
		root |= strcmp(field[4], "/") == 0;
		proc |= strcmp(field[4], "/proc") == 0 &&
			strcmp(field[dash + 1], "proc") == 0;
	}
	fclose(f);
	return ok && expect(root && proc, "/ and /proc are listed");
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "statfs.proc_and_pipes_have_their_magic",
		  proc_and_pipes_have_their_magic },
		{ "statfs.path_and_descriptor_agree", path_and_descriptor_agree },
		{ "statfs.the_32_bit_calls_agree", the_32_bit_calls_agree },
		{ "statfs.errors_are_linux_errors", errors_are_linux_errors },
		{ "statfs.proc_mounts_lists_root_and_proc",
		  proc_mounts_lists_root_and_proc },
		{ "statfs.mountinfo_lists_root_and_proc",
		  mountinfo_lists_root_and_proc },
	};
	return scratch_run("statfstest", cases, KTAP_COUNT(cases));
}
