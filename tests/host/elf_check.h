/* tests/host/elf_check.h: what the host ELF tests share: the check of
 * every promise exec/elf.h makes about an accepted image. */
#ifndef TESTS_HOST_ELF_CHECK_H
#define TESTS_HOST_ELF_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "exec/elf.h"

/* True if img, parsed from the size bytes at data, keeps every promise of
 * exec/elf.h; prints what is broken. */
bool image_ok(const uint8_t *data, const struct elf_image *img, size_t size);

#endif
