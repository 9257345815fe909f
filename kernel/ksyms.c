/* kernel/ksyms.c: looks addresses up in the .ksyms table that the second
 * kernel link adds (see tools/ksyms-gen and the Makefile). */
#include "kernel/ksyms.h"

#include <stddef.h>

#include "kernel/sections.h"

/* One function: its first address and its name's offset in ksyms_names. */
struct ksym {
	uint32_t addr;
	uint32_t name;
};

extern const uint32_t ksyms_count;
extern const struct ksym ksyms_table[]; /* ascending by addr */
extern const char ksyms_names[];

/* The symbol at or below addr, which the caller has checked lies in the
 * image. */
static const char *search(uint32_t addr, uint32_t *offset)
{
	/* Entries [0, lo) start at or below addr, entries [hi, count) above
	 * it; the function holding addr is the last of the first group. */
	uint32_t lo = 0, hi = ksyms_count;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (ksyms_table[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	const struct ksym *s = &ksyms_table[lo - 1];
	if (offset)
		*offset = addr - s->addr;
	return ksyms_names + s->name;
}

const char *ksyms_lookup(uint32_t addr, uint32_t *offset)
{
	if (addr < (uint32_t)_kernel_start || addr >= (uint32_t)_text_end)
		return NULL;
	return search(addr, offset);
}

const char *ksyms_lookup_any(uint32_t addr, uint32_t *offset)
{
	if (addr < (uint32_t)_kernel_start || addr >= (uint32_t)_kernel_end)
		return NULL;
	if (addr < (uint32_t)__ksyms_start)
		return search(addr, offset);
	if (offset)  /* the table does not list itself */
		*offset = addr - (uint32_t)__ksyms_start;
	return ".ksyms";
}
