/* tests/hoard.h: taking memory away, for the out-of-memory tests. */
#ifndef TESTS_HOARD_H
#define TESTS_HOARD_H

#include <stddef.h>

struct hoard;

/* Allocate free frames with pmm_alloc_frame(flags) until it fails (or,
 * with PMM_LOWMEM, until no direct-mapped frame is left) and keep them.
 * Recording a frame never touches it, so hoarding 3 GiB is cheap. Returns
 * the hoard (NULL if nothing could be taken). */
struct hoard *hoard_frames(unsigned flags);

/* Give back up to n hoarded frames, the most recently taken first (after
 * hoard_frames(0), lowmem frames: high ones are handed out first). The
 * hoard's own pages stay until hoard_release. Returns how many went back:
 * fewer than n only if the hoard ran out. */
size_t hoard_release_some(struct hoard *h, size_t n);

/* Give back every hoarded frame and the hoard's own pages; returns how
 * many frames went back in all. */
size_t hoard_release(struct hoard *h);

#endif
