/* user/signame.h: signal names, as kill -l prints them ("HUP" .. "SYS"),
 * shared by /bin/kill and the shell's trap. Header-only: each program
 * that includes it gets its own copy of the little it uses. */
#ifndef USER_SIGNAME_H
#define USER_SIGNAME_H

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Names of signals 1..31; index 0 is no signal. */
static const char *const sig_names[] = {
	NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
	"USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD",
	"CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
	"VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS",
};
#define SIG_NNAMES ((int)(sizeof(sig_names) / sizeof(sig_names[0])))

/* A signal by number (0..64) or name ("TERM", "SIGTERM", any case);
 * -1 if it is neither. */
static inline int sig_parse(const char *s)
{
	if (isdigit((unsigned char)*s)) {
		char *end;
		long n = strtol(s, &end, 10);
		return *end || n > 64 ? -1 : (int)n;
	}
	if (strncmp(s, "SIG", 3) == 0 || strncmp(s, "sig", 3) == 0)
		s += 3;
	for (int i = 1; i < SIG_NNAMES; i++) {
		int k = 0;
		while (s[k] && toupper((unsigned char)s[k]) == sig_names[i][k])
			k++;
		if (!s[k] && !sig_names[i][k])
			return i;
	}
	return -1;
}

#endif
