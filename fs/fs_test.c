/* fs/fs_test.c: the tree built from the initrd, path lookup, the page
 * cache shared by exec and read, descriptors without leaks, and a full
 * memory during a write; then the user programs that check the calls. */
#include "exec/exec.h"
#include "exec/initrd.h"
#include "fs/file.h"
#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "kernel/lib/string.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/fault.h"
#include "mm/pmm.h"
#include "mm/reclaim.h"
#include "mm/vmm.h"
#include "tests/hoard.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */
static char pathbuf[PATH_MAX];   /* walk() rewrites its buffer */

/* walk() from the root over a copy of path. */
static int lookup(const char *path, unsigned flags, struct walk *w)
{
	size_t n = strnlen(path, PATH_MAX - 1);
	memcpy(pathbuf, path, n);
	pathbuf[n] = '\0';
	return walk(fs_root, pathbuf, flags, w);
}

/* The inode at path (followed), not held, or NULL. */
static struct inode *find(const char *path)
{
	struct walk w;
	if (lookup(path, WALK_FOLLOW, &w))
		return NULL;
	struct inode *i = w.inode;
	walk_done(&w);  /* the tree keeps it */
	return i;
}

KTEST(fs, initrd_is_a_tree_filled_lazily)
{
	struct inode *bin = find("/bin"), *sh = find("/bin/sh");
	ASSERT_NOT_NULL(bin);
	ASSERT_NOT_NULL(sh);
	EXPECT_TRUE(S_ISDIR(bin->mode));
	EXPECT_TRUE(S_ISREG(sh->mode));
	EXPECT_EQ(sh->mode & 0111, 0111);
	EXPECT_EQ(sh->nlink, 1);
	EXPECT_GT(sh->vmf.size, 1000);
	EXPECT_PTR_EQ(bin->parent, fs_root);
	EXPECT_TRUE(S_ISCHR(find("/dev/null")->mode));
	/* Boot copied nothing: sh's data is still the archive's. */
	EXPECT_NOT_NULL(sh->vmf.data);
	EXPECT_EQ(sh->vmf.data_size, sh->vmf.size);
}

/* Two names of one file in the archive (same inode number, nlink 2; the
 * build links /corpus/exit42.link to /bin/exit42) are one inode with two
 * links, as Linux's unpacker makes them, sharing the archive's data. */
KTEST(fs, initrd_hard_links_are_one_inode)
{
	struct inode *a = find("/bin/exit42"), *b = find("/corpus/exit42.link");
	ASSERT_NOT_NULL(a);
	ASSERT_NOT_NULL(b);
	EXPECT_PTR_EQ(a, b);
	EXPECT_EQ(a->nlink, 2);
	EXPECT_NOT_NULL(a->vmf.data);
	EXPECT_GT(a->vmf.size, 0);
}

/* Files and directories from the archive have its mtime as all three
 * times (directories too, though adding their entries touched them); a
 * file made now has the realtime clock's time. */
KTEST(fs, initrd_entries_have_the_archive_times)
{
	struct initrd_file *hf = initrd_lookup(boot_initrd, "/bin/hello");
	struct initrd_file *bf = initrd_lookup(boot_initrd, "/bin");
	struct inode *hello = find("/bin/hello"), *bin = find("/bin");
	ASSERT_TRUE(hf && bf && hello && bin);
	EXPECT_EQ(hello->mtime.sec, hf->mtime);
	EXPECT_EQ(hello->ctime.sec, hf->mtime);
	EXPECT_GE(hello->atime.sec, hf->mtime);  /* reads may have moved it */
	EXPECT_EQ(bin->mtime.sec, bf->mtime);
	EXPECT_EQ(bin->ctime.sec, bf->mtime);
	struct inode *f;
	int64_t before = time_realtime_ns() / NSEC_PER_SEC;
	ASSERT_EQ(create_in(fs_root, "t_time", 6, S_IFREG | 0644, &f), 0);
	EXPECT_GE(f->mtime.sec, before);
	EXPECT_LE(f->mtime.sec, before + 1);
	EXPECT_EQ(f->ctime.sec, f->mtime.sec);
	EXPECT_GE(fs_root->mtime.sec, before);  /* a name was added to it */
	inode_put(f);
	dir_unlink(fs_root, "t_time", 6);
}

KTEST(fs, lookup_handles_dots_slashes_and_errors)
{
	struct inode *sh = find("/bin/sh");
	ASSERT_NOT_NULL(sh);
	EXPECT_PTR_EQ(find("//bin///sh"), sh);
	EXPECT_PTR_EQ(find("/bin/./sh"), sh);
	EXPECT_PTR_EQ(find("/bin/../bin/sh"), sh);
	EXPECT_PTR_EQ(find("/../../bin/sh"), sh);  /* the root's .. is itself */
	EXPECT_PTR_EQ(find("/bin/"), find("/bin"));
	struct walk w;
	EXPECT_EQ(lookup("/bin/sh/", WALK_FOLLOW, &w), -ENOTDIR);
	EXPECT_EQ(lookup("/bin/sh/x", WALK_FOLLOW, &w), -ENOTDIR);
	EXPECT_EQ(lookup("/bin/sh/.", WALK_FOLLOW, &w), -ENOTDIR);
	EXPECT_EQ(lookup("/nope/sh", WALK_FOLLOW, &w), -ENOENT);
	EXPECT_EQ(lookup("", WALK_FOLLOW, &w), -ENOENT);
	EXPECT_EQ(lookup("/bin/sh", WALK_FOLLOW | WALK_DIRECTORY, &w), -ENOTDIR);
	char name[300] = "/";
	memset(name + 1, 'a', 256);
	EXPECT_EQ(lookup(name, WALK_FOLLOW, &w), -ENAMETOOLONG);
	name[256] = '\0';  /* 255 bytes: allowed, and absent */
	EXPECT_EQ(lookup(name, WALK_FOLLOW, &w), -ENOENT);
	ASSERT_EQ(lookup("/bin/sh", WALK_PARENT, &w), 0);
	EXPECT_PTR_EQ(w.dir, find("/bin"));
	EXPECT_EQ(w.last_len, 2);
	EXPECT_EQ(memcmp(w.last, "sh", 2), 0);
	walk_done(&w);
}

/* Make a symlink name -> target in the root (a test fixture). */
static struct inode *mklink(const char *name, const char *target)
{
	struct inode *l;
	if (create_in(fs_root, name, strlen(name), S_IFLNK | 0777, &l))
		return NULL;
	inode_write_kernel(l, 0, target, strlen(target));
	inode_put(l);
	return l;
}

KTEST(fs, symlinks_followed_up_to_forty)
{
	ASSERT_NOT_NULL(mklink("t_loop_a", "t_loop_b"));
	ASSERT_NOT_NULL(mklink("t_loop_b", "/t_loop_a"));
	ASSERT_NOT_NULL(mklink("t_bin", "bin//"));
	ASSERT_NOT_NULL(mklink("t_sh", "/t_bin/./sh"));
	struct walk w;
	EXPECT_EQ(lookup("/t_loop_a", WALK_FOLLOW, &w), -ELOOP);
	EXPECT_EQ(lookup("/t_loop_a/x", 0, &w), -ELOOP);
	ASSERT_EQ(lookup("/t_loop_a", 0, &w), 0);  /* not followed: the link */
	EXPECT_TRUE(S_ISLNK(w.inode->mode));
	walk_done(&w);
	EXPECT_PTR_EQ(find("/t_sh"), find("/bin/sh"));
	EXPECT_PTR_EQ(find("/t_bin/sh"), find("/bin/sh"));
	/* A chain of 40 links resolves; 41 is a loop. */
	char name[16], target[16];
	for (int i = 0; i <= 40; i++) {
		name[0] = 't', name[1] = 'c', name[2] = (char)('A' + i / 26),
		name[3] = (char)('a' + i % 26), name[4] = '\0';
		if (i == 0) {
			memcpy(target, "/bin/sh", 8);
		} else {
			memcpy(target, name, 5);
			target[3] = (char)('a' + (i - 1) % 26);
			target[2] = (char)('A' + (i - 1) / 26);
		}
		ASSERT_NOT_NULL(mklink(name, target));
	}
	EXPECT_PTR_EQ(find("/tcBn"), find("/bin/sh"));  /* link 39: 40 hops */
	EXPECT_EQ(lookup("/tcBo", WALK_FOLLOW, &w), -ELOOP);  /* 41 */
	for (int i = 0; i <= 40; i++) {
		name[0] = 't', name[1] = 'c', name[2] = (char)('A' + i / 26),
		name[3] = (char)('a' + i % 26);
		dir_unlink(fs_root, name, 4);
	}
	dir_unlink(fs_root, "t_loop_a", 8);
	dir_unlink(fs_root, "t_loop_b", 8);
	dir_unlink(fs_root, "t_bin", 5);
	dir_unlink(fs_root, "t_sh", 4);
}

/* exec maps the very frame read() copies from: one page-cache page, one
 * frame, however many ways it is reached. */
KTEST(fs, exec_and_read_share_one_frame)
{
	static const char *const argv[] = { "exit42", NULL };
	struct exec_args args = { argv, NULL, false };
	struct exec_image img;
	struct inode *prog = find("/bin/exit42");
	ASSERT_NOT_NULL(prog);
	ASSERT_EQ(exec_prepare("/bin/exit42", &args, &img), 0);
	/* The text page (file page 0 of a static program at 0x08048000). */
	vaddr_t text = PAGE_ROUND_DOWN(img.entry);
	struct vma *v = vma_find(&img.as->vmas, text);
	ASSERT_NOT_NULL(v);
	ASSERT_EQ((uintptr_t)v->file, (uintptr_t)&prog->vmf);
	EXPECT_EQ(vm_fault(img.as, text, 0), VM_FAULT_OK);
	paddr_t mapped;
	unsigned flags;
	ASSERT_TRUE(vmm_query(img.as->pd, text, &mapped, &flags));
	size_t cached = pagecache_count();
	uint32_t index = (v->file_offset + (text - v->start)) / PAGE_SIZE;
	char buf[16];
	EXPECT_EQ(inode_read_kernel(prog, index * PAGE_SIZE, buf, sizeof(buf)), 16);
	EXPECT_EQ(pagecache_count(), cached);  /* read found the page there */
	paddr_t frame = pagecache_get(&prog->vmf, index);
	EXPECT_EQ(frame, mapped);
	EXPECT_EQ(pmm_frame_refcount(frame), 3);  /* cache, mapping, us */
	pmm_free_frame(frame);
	EXPECT_GT(prog->vmf.refs, 0);  /* the VMAs hold the file */
	exec_abandon(&img);
	EXPECT_EQ(prog->vmf.refs, 0);
	EXPECT_EQ(pmm_frame_refcount(frame), 1);  /* the cache's alone */
}

/* Opening and closing a file leaves nothing behind: no open file, no
 * reference, no heap byte (the runner checks frames and heap). */
KTEST(fs, open_close_loop_leaks_nothing)
{
	uint32_t files = file_count(), inodes = inode_count();
	struct inode *sh = find("/bin/sh");
	uint32_t refs = sh->vmf.refs;
	for (int i = 0; i < 20000; i++) {
		struct file *f;
		memcpy(pathbuf, "/bin/sh", 8);
		if (file_open(fs_root, pathbuf, O_RDONLY, 0, &f))
			break;
		file_put(f);
	}
	EXPECT_EQ(file_count(), files);
	EXPECT_EQ(inode_count(), inodes);
	EXPECT_EQ(sh->vmf.refs, refs);
}

/* Writing with no memory left: -ENOSPC, the file as it was, and every
 * frame back once the file is removed. */
KTEST(fs, write_out_of_memory_leaks_nothing)
{
	struct inode *f;
	ASSERT_EQ(create_in(fs_root, "t_oom", 5, S_IFREG | 0644, &f), 0);
	static const char data[64] = "some bytes";
	EXPECT_EQ(inode_write_kernel(f, 0, data, sizeof(data)), 64);
	mm_reclaim();
	size_t cached = pagecache_count();
	struct hoard *h = hoard_frames(0);
	ASSERT_NOT_NULL(h);
	/* Page 0 is cached (dirty): a write into it needs no memory. */
	EXPECT_EQ(inode_write_kernel(f, 10, data, 4), 4);
	EXPECT_EQ(inode_write_kernel(f, 3 * PAGE_SIZE, data, 10), -ENOSPC);
	EXPECT_EQ(f->vmf.size, 64);
	EXPECT_EQ(pagecache_count(), cached);
	hoard_release(h);
	EXPECT_EQ(inode_write_kernel(f, 3 * PAGE_SIZE, data, 10), 10);
	EXPECT_EQ(f->vmf.size, 3 * PAGE_SIZE + 10);
	inode_put(f);
	dir_unlink(fs_root, "t_oom", 5);  /* frees the inode and its pages */
}

static void run_ktap(struct ktest *t, const char *path)
{
	uprog_run_ktap(t, path, NULL, &res);
}

KTEST(fs, file_calls_from_user_space)
{
	run_ktap(t, "/bin/fstest");
}

KTEST(fs, statfs_calls_from_user_space)
{
	run_ktap(t, "/bin/statfstest");
}

KTEST(fs, directory_calls_from_user_space)
{
	run_ktap(t, "/bin/dirtest");
}

KTEST(fs, llseek_at_calls_and_old_mmap_from_user_space)
{
	run_ktap(t, "/bin/atcalls");
}

KTEST(fs, file_times_from_user_space)
{
	run_ktap(t, "/bin/ftimes");
}

KTEST(fs, file_owners_from_user_space)
{
	run_ktap(t, "/bin/ownertest");
}

/* A program that writes until memory runs out, with ~1 MiB left to it:
 * ENOSPC, the file exactly as written, and every frame back afterwards
 * (the runner compares). */
KTEST(fs, user_write_out_of_memory_gives_enospc)
{
	struct hoard *h = hoard_frames(0);
	ASSERT_NOT_NULL(h);
	hoard_release_some(h, 256);
	run_ktap(t, "/bin/writefill");
	hoard_release(h);
}
