/* labs/mutex/grade.c: the grader of the futex lab (README.md): the libc's
 * mutex counts exactly under contention, and a thread waiting for a held
 * mutex sleeps (in futex) instead of spending CPU time. Runs as init. */
#include <errno.h>
#include <pthread.h>
#include <sys/wait.h>
#include <time.h>

#include "labs/lib/grader.h"

#define THREADS 8
#define INCREMENTS 20000
#define WAITERS 4

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;
static volatile int acquired;

static long cpu_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, ms % 1000 * 1000000 };
	while (nanosleep(&t, &t) < 0 && errno == EINTR)
		;
}

static void *add(void *arg)
{
	(void)arg;
	for (int i = 0; i < INCREMENTS; i++) {
		pthread_mutex_lock(&m);
		counter++;
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

static bool counts_exactly(void)
{
	pthread_t t[THREADS];
	counter = 0;
	for (int i = 0; i < THREADS; i++)
		REQUIRE(pthread_create(&t[i], NULL, add, NULL) == 0);
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	if (counter != (long)THREADS * INCREMENTS)
		note("counted %ld, want %d", counter, THREADS * INCREMENTS);
	return counter == (long)THREADS * INCREMENTS;
}

static void *take(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	__atomic_add_fetch(&acquired, 1, __ATOMIC_SEQ_CST);
	pthread_mutex_unlock(&m);
	return NULL;
}

/* The main thread holds the mutex for 300 ms while WAITERS threads wait
 * for it: waiters that sleep cost (almost) no CPU time meanwhile. */
static bool waiters_sleep(void)
{
	pthread_t t[WAITERS];
	acquired = 0;
	pthread_mutex_lock(&m);
	for (int i = 0; i < WAITERS; i++)
		REQUIRE(pthread_create(&t[i], NULL, take, NULL) == 0);
	sleep_ms(50);  /* every waiter is waiting now */
	long before = cpu_ms();
	sleep_ms(300);
	long spent = cpu_ms() - before;
	bool none_in = acquired == 0;
	pthread_mutex_unlock(&m);
	for (int i = 0; i < WAITERS; i++)
		pthread_join(t[i], NULL);
	note("%d threads waiting 300 ms for a mutex used %ld ms of CPU time",
	     WAITERS, spent);
	if (!none_in)
		note("a waiter got the mutex while it was held");
	return none_in && acquired == WAITERS && spent < 60;
}

/* Seen from another process while the mutex is held and its waiters
 * wait (and the main thread waits for that process): every thread of
 * this process sleeps, so /proc/PID/status says State: S. */
static bool waiters_show_as_sleeping(void)
{
	pthread_t t[WAITERS];
	char path[32];
	snprintf(path, sizeof path, "/proc/%d/status", getpid());
	acquired = 0;
	pthread_mutex_lock(&m);
	for (int i = 0; i < WAITERS; i++)
		REQUIRE(pthread_create(&t[i], NULL, take, NULL) == 0);
	sleep_ms(50);
	pid_t pid = xfork();  /* the child uses no lock of the libc */
	REQUIRE(pid >= 0);
	if (pid == 0) {
		char status[1024];
		sleep_ms(50);  /* the parent is in waitpid by now */
		if (read_small(path, status, sizeof status) < 0)
			_exit(2);
		char *state = strstr(status, "State:\t");
		_exit(state && state[7] == 'S' ? 0 : 1);
	}
	int st;
	REQUIRE(waitpid(pid, &st, 0) == pid);
	pthread_mutex_unlock(&m);
	for (int i = 0; i < WAITERS; i++)
		pthread_join(t[i], NULL);
	if (st != 0)
		note("%s did not say State: S (sleeping) while the waiters waited", path);
	return st == 0;
}

static bool unlock_lets_a_waiter_in(void)
{
	pthread_t t;
	acquired = 0;
	pthread_mutex_lock(&m);
	REQUIRE(pthread_create(&t, NULL, take, NULL) == 0);
	sleep_ms(20);
	pthread_mutex_unlock(&m);
	for (int i = 0; i < 100 && !acquired; i++)  /* 1 s at most */
		sleep_ms(10);
	bool ok = acquired == 1;
	if (!ok)
		note("the waiter did not get the mutex within 1 s of the unlock");
	pthread_join(t, NULL);
	return ok;
}

static bool trylock_fails_when_held(void)
{
	pthread_mutex_lock(&m);
	int busy = pthread_mutex_trylock(&m);
	pthread_mutex_unlock(&m);
	int free_ok = pthread_mutex_trylock(&m);
	if (free_ok == 0)
		pthread_mutex_unlock(&m);
	return busy == EBUSY && free_ok == 0;
}

static const struct ktap_case cases[] = {
	{ "mutex.counts_exactly", counts_exactly },
	{ "mutex.waiters_sleep", waiters_sleep },
	{ "mutex.waiters_show_as_sleeping", waiters_show_as_sleeping },
	{ "mutex.unlock_lets_a_waiter_in", unlock_lets_a_waiter_in },
	{ "mutex.trylock_fails_when_held", trylock_fails_when_held },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
