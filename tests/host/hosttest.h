/* tests/host/hosttest.h: unit tests of the pure modules, run on the host
 * under ASan and UBSan by `make test`. Same shape as tests/ktest.h: a case is
 * declared with HOSTTEST(suite, case), the linker gathers the cases into the
 * "hosttest" section, and the runner prints KTAP. */
#ifndef TESTS_HOST_HOSTTEST_H
#define TESTS_HOST_HOSTTEST_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

struct hosttest;

struct hosttest_case {
	const char *suite; /* the module: format, cmdline, pmm, elf, ... */
	const char *name;  /* what it proves: int_min_prints_all_digits */
	void (*run)(struct hosttest *t);
	const char *file; /* where it is declared: cases run in that order */
	int line;
};

/* The state of the running case; passed to every case as t. */
struct hosttest {
	const struct hosttest_case *tc;
	int failures; /* EXPECT/ASSERT failures so far */
};

/* A section whose name is a C identifier gets __start_/__stop_ symbols from
 * GNU ld. The explicit alignment stops gcc from aligning each case to 32
 * bytes, so the section stays a plain array (ASan leaves it alone too). */
#define HOSTTEST(suite, name)                                                   \
	static void hosttest_##suite##__##name(struct hosttest *t);             \
	static const struct hosttest_case hosttest_case_##suite##__##name       \
		__attribute__((used, section("hosttest"),                       \
			       aligned(__alignof__(struct hosttest_case)))) = { \
			#suite, #name, hosttest_##suite##__##name, __FILE__,    \
			__LINE__                                                \
		};                                                              \
	static void hosttest_##suite##__##name(struct hosttest *t)

/* Record a failed check with its diagnostic line. */
void hosttest_fail(struct hosttest *t, const char *file, int line,
		   const char *expr, long long a, long long b,
		   bool show_values);
void hosttest_fail_str(struct hosttest *t, const char *file, int line,
		       const char *expr, const char *a, const char *b);

/* Compare two integers (or pointers, as uintptr_t). EXPECT_* records a
 * failure and goes on; ASSERT_* also ends the case. */
#define HOSTTEST_CMP_(a, op, b, on_fail)                                       \
	do {                                                                   \
		long long a_ = (long long)(a), b_ = (long long)(b);            \
		if (!(a_ op b_)) {                                             \
			hosttest_fail(t, __FILE__, __LINE__,                   \
				      #a " " #op " " #b, a_, b_, true);        \
			on_fail;                                               \
		}                                                              \
	} while (0)

#define HOSTTEST_TRUE_(c, on_fail)                                             \
	do {                                                                   \
		if (!(c)) {                                                    \
			hosttest_fail(t, __FILE__, __LINE__, #c, 0, 0, false); \
			on_fail;                                               \
		}                                                              \
	} while (0)

#define HOSTTEST_STREQ_(a, b, on_fail)                                         \
	do {                                                                   \
		const char *sa_ = (a), *sb_ = (b);                             \
		if (!sa_ || !sb_ || strcmp(sa_, sb_) != 0) {                   \
			hosttest_fail_str(t, __FILE__, __LINE__, #a " == " #b, \
					  sa_, sb_);                           \
			on_fail;                                               \
		}                                                              \
	} while (0)

#define EXPECT_EQ(a, b)     HOSTTEST_CMP_(a, ==, b, (void)0)
#define EXPECT_NE(a, b)     HOSTTEST_CMP_(a, !=, b, (void)0)
#define EXPECT_LT(a, b)     HOSTTEST_CMP_(a, <, b, (void)0)
#define EXPECT_LE(a, b)     HOSTTEST_CMP_(a, <=, b, (void)0)
#define EXPECT_GT(a, b)     HOSTTEST_CMP_(a, >, b, (void)0)
#define EXPECT_GE(a, b)     HOSTTEST_CMP_(a, >=, b, (void)0)
#define EXPECT_TRUE(c)      HOSTTEST_TRUE_(c, (void)0)
#define EXPECT_FALSE(c)     HOSTTEST_TRUE_(!(c), (void)0)
#define EXPECT_STREQ(a, b)  HOSTTEST_STREQ_(a, b, (void)0)
#define EXPECT_PTR_EQ(a, b) EXPECT_EQ((uintptr_t)(a), (uintptr_t)(b))
#define EXPECT_NULL(p)      EXPECT_EQ((uintptr_t)(p), 0)
#define EXPECT_NOT_NULL(p)  EXPECT_NE((uintptr_t)(p), 0)

#define ASSERT_EQ(a, b)    HOSTTEST_CMP_(a, ==, b, return )
#define ASSERT_NE(a, b)    HOSTTEST_CMP_(a, !=, b, return )
#define ASSERT_LT(a, b)    HOSTTEST_CMP_(a, <, b, return )
#define ASSERT_LE(a, b)    HOSTTEST_CMP_(a, <=, b, return )
#define ASSERT_GT(a, b)    HOSTTEST_CMP_(a, >, b, return )
#define ASSERT_GE(a, b)    HOSTTEST_CMP_(a, >=, b, return )
#define ASSERT_TRUE(c)     HOSTTEST_TRUE_(c, return )
#define ASSERT_FALSE(c)    HOSTTEST_TRUE_(!(c), return )
#define ASSERT_STREQ(a, b) HOSTTEST_STREQ_(a, b, return )
#define ASSERT_NOT_NULL(p) ASSERT_NE((uintptr_t)(p), 0)

#endif
