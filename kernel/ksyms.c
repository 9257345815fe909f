/* kernel/ksyms.c: looks addresses up in the .ksyms table that the second
 * kernel link adds (see tools/ksyms-gen and the Makefile). */
#include "kernel/ksyms.h"

#include <stddef.h>

/* One function: its first address and its name's offset in ksyms_names. */
struct ksym {
	uint32_t addr;
	uint32_t name;
};

extern const uint32_t ksyms_count;
extern const struct ksym ksyms_table[]; /* ascending by addr */
extern const char ksyms_names[];
extern const char _kernel_start[], _text_end[];

const char *ksyms_lookup(uint32_t addr, uint32_t *offset)
{
	if (addr < (uint32_t)_kernel_start || addr >= (uint32_t)_text_end)
		return NULL;
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
