/* user/fpucheck.c: the FPU and SSE registers belong to each process. Checks
 * the clean state a program starts with (x87 control word 0x037f, MXCSR
 * 0x1f80, as Linux), then forks: parent and child each load their own
 * values into xmm0 and the x87 stack and yield to each other many times;
 * the values must survive every switch. Prints KTAP; exits 0 if all passed. */
#include <sched.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static bool starts_clean(void)
{
	uint16_t cw;
	uint32_t mxcsr;
	__asm__ volatile("fnstcw %0\n\tstmxcsr %1" : "=m"(cw), "=m"(mxcsr));
	if (cw != 0x037f || mxcsr != 0x1f80)
		note("control word 0x%04x, mxcsr 0x%08x", cw, mxcsr);
	return cw == 0x037f && mxcsr == 0x1f80;
}

/* Load v into xmm0 and into st(0), yield many times, read both back. */
static bool registers_survive(uint32_t v)
{
	uint32_t in[4] = { v, ~v, v * 3, v ^ 0x5a5a5a5a }, out[4];
	double d = v, back;
	/* No clobber: user programs are built without SSE, so the compiler
	 * never keeps anything in xmm0. */
	__asm__ volatile("movdqu %0, %%xmm0\n\tfldl %1" : : "m"(in), "m"(d));
	for (int i = 0; i < 200; i++)
		sched_yield();
	__asm__ volatile("movdqu %%xmm0, %0\n\tfstpl %1" : "=m"(out), "=m"(back));
	for (int i = 0; i < 4; i++)
		if (out[i] != in[i])
			return false;
	return back == d;
}

static bool kept_apart_across_switches(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(registers_survive(0x11111111) ? 0 : 1);
	bool mine = registers_survive(0x22222222);
	int status;
	bool child = waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		     WEXITSTATUS(status) == 0;
	if (!mine || !child)
		note("parent kept its registers: %d, child: %d", mine, child);
	return mine && child;
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "fpu.starts_clean", starts_clean },
		{ "fpu.kept_apart_across_switches", kept_apart_across_switches },
	};
	return ktap_run(cases, 2);
}
