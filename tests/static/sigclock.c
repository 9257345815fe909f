/*
 * tests/static/sigclock.c: an ordinary Linux program, built static with
 * musl or glibc (never pagoda's libc) by tools/check-static-programs and
 * run unmodified on pagoda and on the host; what it prints must match.
 * Signals (sigaction with SA_SIGINFO, sigprocmask, sigpending,
 * sigsuspend, kill, pthread_kill and sigwait in a thread, setitimer,
 * alarm ending a nanosleep, SIGCHLD) and clocks (clock_gettime,
 * clock_getres, nanosleep, clock_nanosleep relative and absolute), with
 * pthreads, a mutex and a condition variable; it ends killed by SIGTERM.
 * Only what Linux guarantees is printed, so the output is the same on
 * every run.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MS 1000000ll

static volatile sig_atomic_t got_signo, got_code, got_pid_ok, usr2s, alrms,
	chlds;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got_signo = sig == si->si_signo ? sig : -1;
	got_code = si->si_code;
	got_pid_ok = si->si_pid == getpid();
}

static void count(int sig)
{
	if (sig == SIGUSR2)
		usr2s++;
	else if (sig == SIGALRM)
		alrms++;
	else if (sig == SIGCHLD)
		chlds++;
}

static void catch(int sig, int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

static long long ns(clockid_t c)
{
	struct timespec ts;
	if (clock_gettime(c, &ts))
		return -1;
	return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

static void siginfo_from_kill(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	printf("kill: signo %d code %d (SI_USER %d) pid %s\n", (int)got_signo,
	       (int)got_code, SI_USER, got_pid_ok ? "mine" : "wrong");
}

static void blocked_until_sigsuspend(void)
{
	sigset_t block, old, pend, none;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR2);
	catch(SIGUSR2, 0);
	sigprocmask(SIG_BLOCK, &block, &old);
	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGUSR2);  /* a standard signal does not queue */
	sigpending(&pend);
	printf("blocked: pending %d, handled %d\n", sigismember(&pend, SIGUSR2),
	       (int)usr2s);
	sigemptyset(&none);
	errno = 0;
	int r = sigsuspend(&none);
	printf("sigsuspend: %d %s, handled %d\n", r, strerror(errno), (int)usr2s);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void itimer_ticks(void)
{
	catch(SIGALRM, SA_RESTART);
	struct itimerval it = { { 0, 20000 }, { 0, 30000 } }, now;
	setitimer(ITIMER_REAL, &it, NULL);
	sigset_t none;
	sigemptyset(&none);
	while (alrms < 3)
		sigsuspend(&none);
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	getitimer(ITIMER_REAL, &now);
	printf("setitimer: %d SIGALRMs, then disarmed: %ld.%06ld\n",
	       (int)alrms, (long)now.it_value.tv_sec,
	       (long)now.it_value.tv_usec);
	unsigned first = alarm(5), left = alarm(0);
	printf("alarm: %u then %u\n", first, left);
}

/* alarm(1) during a 3 s nanosleep whose handler has no SA_RESTART. */
static void alarm_ends_a_nanosleep(void)
{
	catch(SIGALRM, 0);
	alrms = 0;
	struct timespec req = { 3, 0 }, rem = { 0, 0 };
	alarm(1);
	long long t0 = ns(CLOCK_MONOTONIC);
	errno = 0;
	int r = nanosleep(&req, &rem);
	int e = errno;
	long long slept = ns(CLOCK_MONOTONIC) - t0;
	long long left = rem.tv_sec * 1000000000ll + rem.tv_nsec;
	int agrees = left <= 3000 * MS - slept + 10 * MS &&
		     left >= 3000 * MS - slept - 10 * MS;
	printf("nanosleep: %d %s after %s, %d SIGALRM, rem %s\n", r,
	       strerror(e), slept >= 900 * MS && slept < 2500 * MS ? "~1 s" : "?",
	       (int)alrms, agrees ? "is what was left" : "is wrong");
}

static void clocks_and_sleeps(void)
{
	struct timespec res;
	clock_getres(CLOCK_MONOTONIC, &res);
	printf("clock_getres: %s\n",
	       res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= MS ? "<= 1 ms"
									: "?");
	long long rt = ns(CLOCK_REALTIME);
	printf("realtime: %s, time() %s\n",
	       rt > 1600000000ll * 1000000000ll ? "after 2020" : "?",
	       (long long)time(NULL) - rt / 1000000000ll <= 1 ? "agrees" : "?");
	long long m0 = ns(CLOCK_MONOTONIC);
	struct timespec d = { 0, 20 * MS };
	nanosleep(&d, NULL);
	long long m1 = ns(CLOCK_MONOTONIC);
	int rel = clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL);
	long long m2 = ns(CLOCK_MONOTONIC), want = m2 + 20 * MS;
	struct timespec at = { want / 1000000000ll, want % 1000000000ll };
	int abs = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL);
	long long m3 = ns(CLOCK_MONOTONIC);
	printf("sleeps: nanosleep %s, relative %d %s, absolute %d %s\n",
	       m1 - m0 >= 20 * MS ? ">= 20 ms" : "short", rel,
	       m2 - m1 >= 20 * MS ? ">= 20 ms" : "short", abs,
	       m3 >= want ? "at the deadline" : "early");
	printf("cpu clocks: %s\n", ns(CLOCK_PROCESS_CPUTIME_ID) > 0 &&
					   ns(CLOCK_THREAD_CPUTIME_ID) > 0
				       ? "running" : "?");
}

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int waiting;

/* A thread with SIGUSR1 blocked takes it with sigwait. */
static void *waiter(void *arg)
{
	(void)arg;
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	pthread_mutex_lock(&m);
	waiting = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&m);
	int sig = 0;
	sigwait(&set, &sig);
	return (void *)(long)sig;
}

static void sigwait_in_a_thread(void)
{
	pthread_t t;
	pthread_create(&t, NULL, waiter, NULL);
	pthread_mutex_lock(&m);
	while (!waiting)
		pthread_cond_wait(&cv, &m);
	pthread_mutex_unlock(&m);
	got_signo = 0;
	pthread_kill(t, SIGUSR1);
	void *sig;
	pthread_join(t, &sig);
	printf("sigwait in a thread: %ld, main's handler %s\n", (long)sig,
	       got_signo ? "ran" : "did not run");
}

static void sigchld_from_a_child(void)
{
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	catch(SIGCHLD, 0);
	sigprocmask(SIG_BLOCK, &block, &old);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(3);
	sigset_t none;
	sigemptyset(&none);
	while (!chlds)
		sigsuspend(&none);
	int st;
	pid_t w = waitpid(pid, &st, 0);
	printf("SIGCHLD: %d, child %s exited %d\n", (int)chlds,
	       w == pid ? "reaped" : "lost", WEXITSTATUS(st));
	sigprocmask(SIG_SETMASK, &old, NULL);
}

int main(void)
{
	siginfo_from_kill();
	blocked_until_sigsuspend();
	itimer_ticks();
	alarm_ends_a_nanosleep();
	clocks_and_sleeps();
	sigchld_from_a_child();  /* before any thread: qemu-i386 crashes on
				  * musl's fork after pthread_create */
	sigwait_in_a_thread();
	printf("SIGTERM next\n");
	fflush(stdout);
	signal(SIGTERM, SIG_DFL);
	kill(getpid(), SIGTERM);
	return 0;
}
