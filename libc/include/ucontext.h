/* ucontext.h: what an SA_SIGINFO handler's third argument points to. */
#include <sys/ucontext.h>
