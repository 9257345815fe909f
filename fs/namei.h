/* fs/namei.h: path lookup. A path is walked one component at a time from
 * the root (absolute) or a base directory (the working directory, or a
 * *at() call's directory descriptor), with ".", "..", repeated slashes and
 * symbolic links handled as Linux does (path_resolution(7)): at most 40
 * links in one lookup (ELOOP), NAME_MAX bytes per component and PATH_MAX
 * per path (ENAMETOOLONG), ENOTDIR when a non-directory is walked through
 * or a trailing slash follows one. */
#ifndef FS_NAMEI_H
#define FS_NAMEI_H

#include <stdbool.h>
#include <stdint.h>

struct inode;

#define SYMLINK_MAX 40  /* links followed in one lookup, as Linux */

#define WALK_FOLLOW    0x1  /* follow a symlink in the last component */
#define WALK_PARENT    0x2  /* stop before the last component */
#define WALK_DIRECTORY 0x4  /* the result must be a directory */
#define WALK_EMPTY     0x8  /* "" names the base (AT_EMPTY_PATH) */

struct walk {
	struct inode *dir;   /* WALK_PARENT: the last component's directory,
				held */
	struct inode *inode; /* the result, held; NULL with WALK_PARENT */
	const char *last;    /* WALK_PARENT: the last component, inside the
				path buffer and NUL-terminated unless slash */
	uint32_t last_len;   /* 0 if the path has no last component ("/") */
	bool slash;          /* WALK_PARENT: trailing slash(es) after it */
};

/* Walk path (a PATH_MAX buffer, NUL-terminated; rewritten as links are
 * followed) from base (a directory, used if path is relative). Returns 0
 * with *w filled (release with walk_done), or -ENOENT, -ENOTDIR, -ELOOP,
 * -ENAMETOOLONG, -ENOMEM. */
int walk(struct inode *base, char *path, unsigned flags, struct walk *w);

/* Drop the references w holds. */
void walk_done(struct walk *w);

/* True if name[0..len) is "." or "..". */
bool name_is_dot(const char *name, uint32_t len);

/* Copy a user path into a new PATH_MAX buffer. Returns it, or NULL with
 * *err -EFAULT, -ENAMETOOLONG or -ENOMEM. Free it with path_free(). */
char *path_from_user(const char *upath, int *err);
void path_free(char *path);

/* The directory a *at() call's path starts from: the root for an
 * absolute path, the working directory for AT_FDCWD, else dirfd's
 * directory. Returns 0 with *base held, -EBADF or -ENOTDIR. */
int path_base(int dirfd, const char *path, struct inode **base);

/* The process's working directory (held), or the root for a kernel
 * thread. */
struct inode *fs_cwd(void);

#endif
