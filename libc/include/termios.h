/* termios.h: terminal settings, Linux's struct termios and flags
 * (kernel/uapi/termios.h) through TCGETS/TCSETS*. */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>

#include "kernel/uapi/termios.h"

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);
void cfmakeraw(struct termios *t);

#endif
