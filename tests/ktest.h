/* tests/ktest.h: in-kernel tests. A case is declared next to the code it
 * tests with KTEST(suite, case); the linker gathers every case into the
 * .ktest section, so there is no central list to edit. Booting with `test`
 * runs them all and prints KTAP on COM1. */
#ifndef TESTS_KTEST_H
#define TESTS_KTEST_H

#include <stdbool.h>
#include <stdint.h>

struct ktest;

struct ktest_case {
	const char *suite;   /* subsystem: pmm, vmm, vma, elf, exec, ... */
	const char *name;    /* what it proves: alloc_returns_aligned_frame */
	void (*run)(struct ktest *t);
};

/* The state of the running case; passed to every case as t. */
struct ktest {
	const struct ktest_case *tc;
	int failures;        /* EXPECT/ASSERT failures so far */
};

#define KTEST(suite, name)                                                   \
	static void ktest_##suite##__##name(struct ktest *t);                \
	static const struct ktest_case ktest_case_##suite##__##name          \
		__attribute__((used, no_reorder, section(".ktest"),          \
			       aligned(4))) = {                              \
			#suite, #name, ktest_##suite##__##name };            \
	static void ktest_##suite##__##name(struct ktest *t)

/* Record a failed check with its diagnostic line. */
void ktest_fail(struct ktest *t, const char *file, int line, const char *expr,
		long long got_a, long long got_b, bool show_values);
void ktest_fail_str(struct ktest *t, const char *file, int line,
		    const char *expr, const char *a, const char *b);

/* Compare two integers (or pointers, as uintptr_t). EXPECT_* records a
 * failure and goes on; ASSERT_* also ends the case. */
#define KTEST_CMP_(a, op, b, on_fail)                                        \
	do {                                                                 \
		long long a_ = (long long)(a), b_ = (long long)(b);          \
		if (!(a_ op b_)) {                                           \
			ktest_fail(t, __FILE__, __LINE__, #a " " #op " " #b, \
				   a_, b_, true);                            \
			on_fail;                                             \
		}                                                            \
	} while (0)

#define KTEST_TRUE_(c, on_fail)                                              \
	do {                                                                 \
		if (!(c)) {                                                  \
			ktest_fail(t, __FILE__, __LINE__, #c, 0, 0, false);  \
			on_fail;                                             \
		}                                                            \
	} while (0)

#define EXPECT_EQ(a, b) KTEST_CMP_(a, ==, b, (void)0)
#define EXPECT_NE(a, b) KTEST_CMP_(a, !=, b, (void)0)
#define EXPECT_LT(a, b) KTEST_CMP_(a, <, b, (void)0)
#define EXPECT_LE(a, b) KTEST_CMP_(a, <=, b, (void)0)
#define EXPECT_GT(a, b) KTEST_CMP_(a, >, b, (void)0)
#define EXPECT_GE(a, b) KTEST_CMP_(a, >=, b, (void)0)
#define EXPECT_TRUE(c)  KTEST_TRUE_(c, (void)0)
#define EXPECT_FALSE(c) KTEST_TRUE_(!(c), (void)0)
#define EXPECT_PTR_EQ(a, b) EXPECT_EQ((uintptr_t)(a), (uintptr_t)(b))
#define EXPECT_NULL(p)      EXPECT_EQ((uintptr_t)(p), 0)
#define EXPECT_NOT_NULL(p)  EXPECT_NE((uintptr_t)(p), 0)

#define ASSERT_EQ(a, b) KTEST_CMP_(a, ==, b, return)
#define ASSERT_NE(a, b) KTEST_CMP_(a, !=, b, return)
#define ASSERT_LT(a, b) KTEST_CMP_(a, <, b, return)
#define ASSERT_LE(a, b) KTEST_CMP_(a, <=, b, return)
#define ASSERT_GT(a, b) KTEST_CMP_(a, >, b, return)
#define ASSERT_GE(a, b) KTEST_CMP_(a, >=, b, return)
#define ASSERT_TRUE(c)  KTEST_TRUE_(c, return)
#define ASSERT_FALSE(c) KTEST_TRUE_(!(c), return)
#define ASSERT_NOT_NULL(p) ASSERT_NE((uintptr_t)(p), 0)

#define EXPECT_STREQ(a, b)                                                   \
	do {                                                                 \
		const char *sa_ = (a), *sb_ = (b);                           \
		if (!sa_ || !sb_ || strcmp(sa_, sb_) != 0)                   \
			ktest_fail_str(t, __FILE__, __LINE__,                \
				       #a " == " #b, sa_, sb_);              \
	} while (0)

/* Run every case whose suite is named in filter (comma-separated), or all
 * if filter is NULL, printing KTAP. Returns the number of failed cases. */
int ktest_run_all(const char *filter);

#endif
