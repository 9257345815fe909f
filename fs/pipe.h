/* fs/pipe.h: pipes: a one-way byte channel between a read end and a write
 * end, each an open file (docs/pipes.md). */
#ifndef FS_PIPE_H
#define FS_PIPE_H

#include <stdbool.h>
#include <stdint.h>

struct file;

#define PIPE_PAGES 16                       /* Linux's default: 16 pages */
#define PIPE_SIZE (PIPE_PAGES * 4096u)      /* capacity in bytes (64 KiB) */
#define PIPE_BUF 4096u                      /* writes up to this are atomic */

/* A new pipe: *rd its read end (O_RDONLY), *wr its write end (O_WRONLY),
 * each with one reference and O_NONBLOCK if flags has it. Returns 0 or
 * -ENOMEM (nothing allocated). */
int pipe_create(uint32_t flags, struct file **rd, struct file **wr);

/* Is f one end of a pipe? */
bool pipe_is(const struct file *f);

/* Pipes alive now (tests check for leaks). */
uint32_t pipe_count(void);

#endif
