/* fs/dev.h: character devices: /dev/console and /dev/tty (the console
 * terminal), /dev/null, /dev/zero, /dev/full, /dev/urandom and
 * /dev/random; and the capture file the kernel tests put in place of a
 * program's stdout and stderr. */
#ifndef FS_DEV_H
#define FS_DEV_H

#include <stdint.h>

struct file;
struct file_ops;
struct inode;

/* Linux's device numbers. */
#define DEV_MEM_MAJOR 1   /* null 3, zero 5, full 7, random 8, urandom 9 */
#define DEV_TTY_MAJOR 5   /* tty 0, console 1 */

/* The operations of the character device rdev, or NULL (ENXIO). */
const struct file_ops *dev_ops(uint32_t rdev);

/* Create the device nodes in dir (/dev). Returns 0 or -ENOMEM. */
int dev_populate(struct inode *dir);

/* A new open file of the console (read and write), for init's fds 0-2.
 * Returns NULL when out of memory. */
struct file *console_file_open(void);

/* Output collected in memory instead of reaching the console. */
struct capture {
	char *buf;       /* size bytes */
	uint32_t size;
	uint32_t len;    /* bytes stored; more than fit are dropped */
};

/* A write-only file whose writes append to c (a test installs it as a
 * program's fds 1 and 2). Returns NULL when out of memory. */
struct file *capture_file_new(struct capture *c);

/* Stop storing into the capture (its owner is about to free it): later
 * writes through f still succeed and go nowhere. */
void capture_file_detach(struct file *f);

#endif
