/* user/memcheck.c: checks that exec and the page-fault handler gave this
 * program the memory its ELF file describes: text, rodata, data with its
 * initial values, bss zeroed (even where it shares data's last file page),
 * and a brk heap that starts zeroed. KTAP output; exit 0 if all passed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ktap.h"

#define PAGE 4096u
#define BIG (1024 * 1024)
#define HEAP_STEP (64 * 1024)

/* From the default linker script: end of .data, start and end of .bss. */
extern char _edata[], __bss_start[], _end[];
void _start(void);

static const char rodata_text[] = "read-only data";
int data_word = 0x12345678;
char data_text[] = "initialized data";
/* The first bss of this file: it begins on data's last file page, which
 * in the file goes on with other bytes (symbols, debug information). */
uint8_t big_bss[BIG];
int bss_word;

/* Reads the compiler cannot fold away or reorder. */
static uint32_t peek32(const void *p)
{
	return *(const volatile uint32_t *)p;
}

static uint8_t peek8(const void *p)
{
	return *(const volatile uint8_t *)p;
}

/* The first nonzero byte in [p, p + n), or NULL. */
static const uint8_t *nonzero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (peek8(p + i))
			return p + i;
	return NULL;
}

static bool text_holds_start(void)
{
	/* _start's first instruction, mov [__libc_entry_regs], eax: a3 imm32 */
	if (peek8((const void *)_start) != 0xa3)
		note("the byte at _start is 0x%02x",
		     peek8((const void *)_start));
	return peek8((const void *)_start) == 0xa3;
}

static bool rodata_initial_value(void)
{
	const volatile char *s = rodata_text;

	return s[0] == 'r' && s[4] == '-' &&
	       strcmp(rodata_text, "read-only data") == 0;
}

static bool data_initial_value(void)
{
	if (peek32(&data_word) != 0x12345678)
		note("data_word = 0x%x", peek32(&data_word));
	return peek32(&data_word) == 0x12345678 &&
	       memcmp(data_text, "initialized data", 17) == 0;
}

static bool bss_shares_data_page(void)
{
	uintptr_t data_page_end = ((uintptr_t)_edata + PAGE - 1) & -PAGE;
	const uint8_t *bad =
		nonzero(big_bss, data_page_end - (uintptr_t)big_bss);

	note("data ends at %p, big_bss at %p, that page ends at 0x%08x", _edata,
	     big_bss, data_page_end);
	if ((uintptr_t)big_bss >= data_page_end) {
		note("big_bss is not on data's last page: nothing to check");
		return false;
	}
	if (bad)
		note("byte %p is 0x%02x: file bytes after .data leaked in",
		     bad, *bad);
	return !bad;
}

static bool bss_large_array_zero(void)
{
	const uint8_t *bad = nonzero(big_bss, BIG);

	if (bad)
		note("big_bss[%d] = 0x%02x", (int)(bad - big_bss), *bad);
	return !bad && peek32(&bss_word) == 0 &&
	       (char *)big_bss >= __bss_start && (char *)big_bss + BIG <= _end;
}

static bool writes_stick(void)
{
	volatile uint8_t *b = big_bss;

	data_word = 0x0badf00d;
	bss_word = 42;
	data_text[0] = 'I';
	for (size_t i = 0; i < BIG; i += PAGE)
		b[i] = (uint8_t)(i / PAGE + 1);
	for (size_t i = 0; i < BIG; i += PAGE) {
		if (b[i] != (uint8_t)(i / PAGE + 1) || b[i + 1] != 0) {
			note("page %d of big_bss lost its write",
			     (int)(i / PAGE));
			return false;
		}
	}
	return peek32(&data_word) == 0x0badf00d && peek32(&bss_word) == 42 &&
	       peek8(data_text) == 'I' && peek8(rodata_text) == 'r';
}

static bool brk_above_bss(void)
{
	char *brk0 = sbrk(0);

	if (brk0 < _end)
		note("the break %p is below the end of bss %p", brk0, _end);
	return brk0 >= _end;
}

/* New heap is zero; shrunk and grown again, it is zero again (the pages
 * were given back, not kept). */
static bool brk_memory_zero(void)
{
	uint8_t *p = sbrk(HEAP_STEP);

	if (p == (void *)-1) {
		note("sbrk(%d) failed", HEAP_STEP);
		return false;
	}
	if (nonzero(p, HEAP_STEP)) {
		note("fresh heap at %p is not zero", p);
		return false;
	}
	memset(p, 0xaa, HEAP_STEP);
	if (sbrk(-HEAP_STEP) == (void *)-1 || sbrk(HEAP_STEP) != p)
		return false;
	/* The page holding p may also hold bytes below p, kept: skip to the
	 * first page that lies wholly above the old break. */
	uint8_t *whole = (uint8_t *)(((uintptr_t)p + PAGE - 1) & -PAGE);
	const uint8_t *bad = nonzero(whole, p + HEAP_STEP - whole);
	if (bad)
		note("heap byte %p kept 0x%02x after brk shrank and grew", bad,
		     *bad);
	sbrk(-HEAP_STEP);
	return !bad;
}

static bool malloc_roundtrip(void)
{
	enum { N = 64 };
	uint8_t *p[N];
	bool ok = true;

	for (int i = 0; i < N; i++) {
		size_t n = 1 + i * 97;
		p[i] = malloc(n);
		if (!p[i] || (uintptr_t)p[i] % 16) {
			note("malloc(%d) = %p", (int)n, p[i]);
			return false;
		}
		memset(p[i], i, n);
	}
	for (int i = 0; i < N; i += 2)
		free(p[i]);
	for (int i = 1; i < N && ok; i += 2) {
		size_t n = 1 + i * 97;
		ok = p[i][0] == i && p[i][n - 1] == i;
		p[i] = realloc(p[i], 2 * n);
		ok = ok && p[i] && p[i][n - 1] == i;
	}
	for (int i = 1; i < N; i += 2)
		free(p[i]);
	char *q = calloc(1000, 4);
	ok = ok && q && !nonzero((uint8_t *)q, 4000);
	free(q);
	return ok;
}

static const struct ktap_case cases[] = {
	{ "mem.text_holds_start", text_holds_start },
	{ "mem.rodata_initial_value", rodata_initial_value },
	{ "mem.data_initial_value", data_initial_value },
	{ "mem.bss_shares_data_page_zero", bss_shares_data_page },
	{ "mem.bss_large_array_zero", bss_large_array_zero },
	{ "mem.writes_stick", writes_stick },
	{ "mem.brk_above_bss", brk_above_bss },
	{ "mem.brk_memory_zero", brk_memory_zero },
	{ "mem.malloc_roundtrip", malloc_roundtrip },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
