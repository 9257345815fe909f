/* fs/pipe_test.c: pipes and poll from the inside (a blocked reader woken
 * by the last writer's close or by a signal, the poll loop's deadline and
 * interruption, create/close cycles that leak nothing) and from user
 * space (user/pipetest.c, user/pipeflow.c and user/polltest.c print
 * KTAP). */
#include "fs/dev.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/pipe.h"
#include "kernel/uapi/fcntl.h"
#include "fs/poll.h"
#include "kernel/arch/x86/cpu.h"
#include "kernel/console.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "mm/reclaim.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

#define MS 1000000ull

static struct uprog_result res;  /* 4 KiB: not on the stack */

static void run_user_test(struct ktest *t, const char *path)
{
	uprog_run_ktap(t, path, NULL, &res);
	EXPECT_EQ(pipe_count(), 0);
}

KTEST(pipe, pipes_from_user_space_behave_as_linux)
{
	run_user_test(t, "/bin/pipetest");
}

KTEST(pipe, data_between_processes_from_user_space_behaves_as_linux)
{
	run_user_test(t, "/bin/pipeflow");
}

KTEST(pipe, poll_and_select_from_user_space_behave_as_linux)
{
	run_user_test(t, "/bin/polltest");
}

/* The runner checks frames and heap around every case; the counts of
 * pipes, files and inodes say which object a leak would be. */
KTEST(pipe, create_close_cycles_leak_nothing)
{
	uint32_t files = file_count(), inodes = inode_count();
	mm_reclaim();
	size_t frames = pmm_free_count(), heap = kheap_bytes_in_use();
	for (int i = 0; i < 100000; i++) {
		struct file *rd, *wr;
		ASSERT_EQ(pipe_create(i & 1 ? O_NONBLOCK : 0, &rd, &wr), 0);
		EXPECT_EQ(pipe_count(), 1);
		if (i & 2) {  /* either end may go first */
			file_put(rd);
			file_put(wr);
		} else {
			file_put(wr);
			file_put(rd);
		}
	}
	EXPECT_EQ(pipe_count(), 0);
	EXPECT_EQ(file_count(), files);
	EXPECT_EQ(inode_count(), inodes);
	mm_reclaim();  /* spare slabs are not a leak */
	EXPECT_EQ(pmm_free_count(), frames);
	EXPECT_EQ(kheap_bytes_in_use(), heap);
}

struct other {
	struct file *f;       /* closed by the other thread */
	struct thread *me;    /* or: the thread to kick */
};

static void close_it(void *arg)
{
	struct other *o = arg;
	file_put(o->f);
}

static void kick_it(void *arg)
{
	struct other *o = arg;
	bool irq = irq_save();
	o->me->sig_pending = true;
	thread_kick(o->me);
	irq_restore(irq);
}

static void reap(struct thread *k)
{
	while (k->state != THREAD_DEAD)
		thread_yield();
	thread_free(k);
}

/* The reader sleeps (nothing to read; the buffer is never touched), and
 * another thread closes the only write end: the read returns 0. */
KTEST(pipe, blocked_reader_sees_the_end_when_the_last_writer_closes)
{
	struct file *rd, *wr;
	ASSERT_EQ(pipe_create(0, &rd, &wr), 0);
	EXPECT_EQ(rd->ops->poll(rd), 0u);
	EXPECT_EQ(wr->ops->poll(wr), (unsigned)(POLLOUT | POLLWRNORM));
	struct other o = { wr, thread_current() };
	struct thread *k = thread_create_kernel(close_it, &o);
	ASSERT_NOT_NULL(k);
	thread_start(k);
	uint64_t pos = 0;
	EXPECT_EQ(rd->ops->read(rd, (void *)0x1000, 16, &pos), 0);
	EXPECT_EQ(rd->ops->poll(rd), (unsigned)POLLHUP);
	reap(k);
	file_put(rd);
	EXPECT_EQ(pipe_count(), 0);
}

KTEST(pipe, blocked_reader_is_interrupted_by_a_signal)
{
	struct file *rd, *wr;
	ASSERT_EQ(pipe_create(0, &rd, &wr), 0);
	struct other o = { NULL, thread_current() };
	struct thread *k = thread_create_kernel(kick_it, &o);
	ASSERT_NOT_NULL(k);
	thread_start(k);
	uint64_t pos = 0;
	EXPECT_EQ(rd->ops->read(rd, (void *)0x1000, 16, &pos), -ERESTARTSYS);
	thread_current()->sig_pending = false;
	reap(k);
	/* the pipe is intact: a closed reader end makes the writer's EPIPE */
	file_put(rd);
	EXPECT_EQ(wr->ops->write(wr, (void *)0x1000, 1, &pos), -EPIPE);
	EXPECT_EQ(wr->ops->poll(wr), (unsigned)(POLLOUT | POLLWRNORM | POLLERR));
	file_put(wr);
}

KTEST(poll, the_loop_ends_at_its_deadline_or_at_a_signal)
{
	uint64_t start = time_monotonic_ns();
	struct pollvec none = { 0 };
	EXPECT_EQ(poll_files(&none, start + 30 * MS, false), 0);
	EXPECT_GE(time_monotonic_ns(), start + 30 * MS);
	struct other o = { NULL, thread_current() };
	struct thread *k = thread_create_kernel(kick_it, &o);
	ASSERT_NOT_NULL(k);
	thread_start(k);
	EXPECT_EQ(poll_files(&none, 0, false), -ERESTARTNOHAND);
	thread_current()->sig_pending = false;
	reap(k);
}

/* The console's poll answer follows its input, and its queue is the one
 * a completed line wakes: an entry put there by poll_queues is woken. */
KTEST(poll, the_console_is_readable_once_a_line_is_typed)
{
	struct file *f = console_file_open();
	ASSERT_NOT_NULL(f);
	EXPECT_EQ(f->ops->poll(f), (unsigned)(POLLOUT | POLLWRNORM));
	struct wait_entry e;
	struct waitq *q = NULL;
	struct file *held = NULL;
	struct poll_table pt = { &e, &q, &held, 0, 1, false, f };
	f->ops->poll_queues(f, &pt);
	ASSERT_EQ(pt.n, 1u);
	char echo[16], buf[16];
	struct console_echo_capture cap = { echo, sizeof(echo), 0 };
	console_capture_echo(&cap);
	console_inject("ok\r", 3);
	console_capture_echo(NULL);
	EXPECT_TRUE(e.woken);
	EXPECT_EQ(waitq_block(&e, 1, 0, WAIT_INTERRUPTIBLE), 0);  /* at once */
	waitq_del(q, &e);
	file_put(held);
	EXPECT_EQ(f->ops->poll(f),
		  (unsigned)(POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM));
	EXPECT_EQ(console_read(buf, sizeof(buf)), 3);
	EXPECT_EQ(f->ops->poll(f), (unsigned)(POLLOUT | POLLWRNORM));
	file_put(f);
}
