/* kernel/trace_test.c: the trace= lines, read back as a tool reads them
 * (docs/trace.md): /bin/hello's exec, its first faults and its system
 * calls in the order they happen, the `trace` program tracing only what
 * it runs, silence when off, and a SIGSEGV's fault and signal lines. */
#include "kernel/console.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/trace.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/signal.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

#define CAPTURE_BYTES 16384

static struct uprog_result res;  /* 4 KiB: not on the stack */
static char lines[CAPTURE_BYTES];

/* Run argv with the global trace mask set to mask, the trace lines in
 * c. Returns true (an ASSERT_TRUE keeps the cases' shape). */
static bool traced_run(unsigned mask, const char *const *argv,
		       struct trace_capture *c)
{
	c->buf = lines;
	c->size = CAPTURE_BYTES;
	unsigned old = trace_global();
	trace_capture(c);
	trace_set_global(mask);
	uprog_run(argv[0], argv, &res);
	trace_set_global(old);
	trace_capture(NULL);
	return true;
}

/* The start of the first line at or after from that contains needle;
 * NULL if none. */
static const char *line_with(const char *from, const char *needle)
{
	const char *hit = from ? strstr(from, needle) : NULL;
	if (!hit)
		return NULL;
	while (hit > from && hit[-1] != '\n')
		hit--;
	return hit;
}

static const char *next_line(const char *l)
{
	const char *nl = strchr(l, '\n');
	return nl ? nl + 1 : l + strlen(l);
}

static uint32_t hex_at(const char *s)
{
	uint32_t v = 0;
	for (;; s++) {
		int d = *s >= '0' && *s <= '9' ? *s - '0'
			: *s >= 'a' && *s <= 'f' ? *s - 'a' + 10 : -1;
		if (d < 0)
			return v;
		v = v * 16 + (uint32_t)d;
	}
}

static void show(const struct trace_capture *c)
{
	for (const char *l = c->buf; *l; l = next_line(l))
		kprintf("#   | %.*s\n", (int)(next_line(l) - l - 1), l);
}

KTEST(trace, lists_parse_into_masks)
{
	unsigned m;
	EXPECT_EQ(trace_parse("exec,fault", &m), 0);
	EXPECT_EQ(m, TRACE_EXEC | TRACE_FAULT);
	EXPECT_EQ(trace_parse("all", &m), 0);
	EXPECT_EQ(m, TRACE_ALL);
	EXPECT_EQ(trace_parse("syscall,,signal,", &m), 0);
	EXPECT_EQ(m, TRACE_SYSCALL | TRACE_SIGNAL);
	EXPECT_EQ(trace_parse("", &m), 0);
	EXPECT_EQ(m, 0);
	EXPECT_EQ(trace_parse("sched,faults", &m), -EINVAL);
	EXPECT_EQ(m, TRACE_SCHED);
}

/* /bin/hello under trace=exec,fault,syscall: its exec and VMAs, then the
 * first fault, at the entry point: a fetch resolved with the page-cache
 * frame of the text; then the first touch of .data, which in hello is a
 * write (stdio's state) and so gets a private copy of the file page at
 * once, never sharing the cache's; then write and exit_group. */
KTEST(trace, hello_exec_faults_and_syscalls_in_order)
{
	struct trace_capture c;
	ASSERT_TRUE(traced_run(TRACE_EXEC | TRACE_FAULT | TRACE_SYSCALL,
			       (const char *const[]){ "/bin/hello", NULL }, &c));
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_STREQ(res.out, "hello, world\n");
	const char *l = line_with(c.buf, " exec /bin/hello entry=");
	EXPECT_NOT_NULL(l);
	if (!l)
		goto out;
	int pid = 0;
	for (const char *d = l + strlen("trace: pid="); *d >= '0' && *d <= '9'; d++)
		pid = pid * 10 + (*d - '0');
	uint32_t entry = hex_at(strstr(l, "entry=") + 6);
	char want[96];
	ksnprintf(want, sizeof(want), "trace: pid=%d exec vma ", pid);
	const char *text = line_with(l, "r-xp 00001000 /bin/hello");
	const char *data = line_with(l, "rw-p");
	EXPECT_NOT_NULL(text);
	EXPECT_NOT_NULL(data);
	EXPECT_NOT_NULL(line_with(l, "[stack]"));
	if (!text || !data)
		goto out;
	EXPECT_EQ(strncmp(data, want, strlen(want)), 0);
	uint32_t data_start = hex_at(data + strlen(want));
	uint32_t data_end = hex_at(data + strlen(want) + 9);
	EXPECT_TRUE(entry >= hex_at(text + strlen(want)) &&
		    entry < hex_at(text + strlen(want) + 9));

	ksnprintf(want, sizeof(want), "trace: pid=%d fault ", pid);
	const char *f = line_with(data, want);
	ASSERT_NOT_NULL(f);
	char first[96];
	ksnprintf(first, sizeof(first), "%s%08x exec user -> file-page frame=",
		  want, entry);
	EXPECT_EQ(strncmp(f, first, strlen(first)), 0);
	while (f && strncmp(f, want, strlen(want)) == 0 &&
	       !(hex_at(f + strlen(want)) >= data_start &&
		 hex_at(f + strlen(want)) < data_end))
		f = line_with(next_line(f), want);
	EXPECT_NOT_NULL(f);  /* a fault in .data */
	EXPECT_NOT_NULL(f ? strstr(f, " write user -> private-copy frame=") : NULL);

	ksnprintf(want, sizeof(want),
		  "trace: pid=%d syscall write(1, \"hello, world\\n\", 13) = 13\n",
		  pid);
	const char *w = line_with(f, want);
	EXPECT_NOT_NULL(w);
	ksnprintf(want, sizeof(want), "trace: pid=%d syscall exit_group(0) = ?\n",
		  pid);
	EXPECT_NOT_NULL(line_with(w, want));
out:
	if (t->failures)
		show(&c);
}

/* `trace syscall /bin/hello`: the prctl turns tracing on for the trace
 * process, which execs hello: its calls are traced, nothing else is. */
KTEST(trace, trace_program_traces_what_it_runs)
{
	struct trace_capture c;
	ASSERT_TRUE(traced_run(0, (const char *const[]){ "/bin/trace",
		    "syscall", "/bin/hello", NULL }, &c));
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_STREQ(res.out, "hello, world\n");
	const char *e = line_with(c.buf, " syscall execve(\"/bin/hello\", 0x");
	EXPECT_NOT_NULL(e);
	EXPECT_NOT_NULL(line_with(e, " syscall write(1, \"hello, world\\n\", 13) = 13"));
	EXPECT_NULL(strstr(c.buf, " fault "));
	EXPECT_NULL(strstr(c.buf, " exec "));
	if (t->failures)
		show(&c);
}

KTEST(trace, off_prints_nothing)
{
	struct trace_capture c;
	ASSERT_TRUE(traced_run(0, (const char *const[]){ "/bin/hello", NULL }, &c));
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_EQ(c.len, 0);
}

/* textwrite writes to its text: the fault line says SIGSEGV for a
 * protection fault, then the signal is forced and kills by default. */
KTEST(trace, segfault_shows_fault_and_signal)
{
	struct trace_capture c;
	ASSERT_TRUE(traced_run(TRACE_FAULT | TRACE_SIGNAL,
			       (const char *const[]){ "/bin/textwrite", NULL }, &c));
	EXPECT_EQ(res.status & 0x7f, SIGSEGV);  /* killed (core flag aside) */
	const char *f = line_with(c.buf, " write user -> sigsegv reason=protection vma=");
	EXPECT_NOT_NULL(f);
	EXPECT_NOT_NULL(f ? strstr(f, " r-xp /bin/textwrite") : NULL);
	const char *s = line_with(f, " signal force SIGSEGV code=0x2");
	EXPECT_NOT_NULL(s);
	EXPECT_NOT_NULL(line_with(s, " signal default SIGSEGV action=kill"));
	if (t->failures)
		show(&c);
}

/* Strings as strace -s 32 shows them: a 32-byte path whole, a longer one
 * as its first 32 bytes and "..." (the copy of a too-long string must
 * still show those bytes, not nothing). */
KTEST(trace, long_strings_show_their_first_32_bytes)
{
	struct trace_capture c;
	ASSERT_TRUE(traced_run(TRACE_SYSCALL, (const char *const[]){ "/bin/cat",
		    "/exactly/thirty-two/bytes/long/x",
		    "/a/path/that/is/longer/than/thirty-two/bytes", NULL }, &c));
	EXPECT_EQ(res.status, WAIT_EXITED(1));
	EXPECT_NOT_NULL(strstr(c.buf, " open(\"/exactly/thirty-two/bytes/long/x\", "));
	EXPECT_NOT_NULL(strstr(c.buf, " open(\"/a/path/that/is/longer/than/thir\"..., "));
	if (t->failures)
		show(&c);
}
