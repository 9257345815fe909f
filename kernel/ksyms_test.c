/* kernel/ksyms_test.c: the kernel's symbol table names its own functions. */
#include "kernel/ksyms.h"

#include <stddef.h>

#include "kernel/lib/string.h"
#include "tests/ktest.h"

extern const char _text_end[];

/* A local (static) function: the table has those too. */
__attribute__((noinline)) static int ksyms_test_local(int x)
{
	return x * 3 + 1;
}

KTEST(ksyms, lookup_finds_function_start)
{
	uint32_t off = 99;
	EXPECT_STREQ(ksyms_lookup((uint32_t)ksyms_lookup, &off),
		     "ksyms_lookup");
	EXPECT_EQ(off, 0);
}

KTEST(ksyms, lookup_inside_function_gives_offset)
{
	uint32_t off = 0;
	EXPECT_STREQ(ksyms_lookup((uint32_t)ksyms_lookup + 5, &off),
		     "ksyms_lookup");
	EXPECT_EQ(off, 5);
}

KTEST(ksyms, lookup_finds_static_function)
{
	uint32_t off = 99;
	EXPECT_EQ(ksyms_test_local(1), 4);
	EXPECT_STREQ(ksyms_lookup((uint32_t)ksyms_test_local, &off),
		     "ksyms_test_local");
	EXPECT_EQ(off, 0);
}

KTEST(ksyms, lookup_outside_kernel_text_is_null)
{
	static int data_object;
	uint32_t off = 99;
	EXPECT_NULL(ksyms_lookup(0, &off));
	EXPECT_NULL(ksyms_lookup(0x08048000, &off)); /* user text */
	EXPECT_NULL(ksyms_lookup((uint32_t)_text_end, &off));
	EXPECT_NULL(ksyms_lookup((uint32_t)&data_object, &off));
	EXPECT_NULL(ksyms_lookup(0xffffffff, NULL));
	EXPECT_EQ(off, 99); /* untouched when there is no name */
}

static int ksyms_test_data[4];

KTEST(ksyms, lookup_any_names_data_objects)
{
	uint32_t off = 99;
	EXPECT_STREQ(ksyms_lookup_any((uint32_t)&ksyms_test_data[2], &off),
		     "ksyms_test_data");
	EXPECT_EQ(off, 8);
	EXPECT_STREQ(ksyms_lookup_any((uint32_t)ksyms_lookup, &off),
		     "ksyms_lookup");
	EXPECT_EQ(off, 0);
	EXPECT_NULL(ksyms_lookup_any(0x08048000, NULL));
	EXPECT_NULL(ksyms_lookup_any(0xffffffff, NULL));
}
