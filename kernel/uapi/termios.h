/* kernel/uapi/termios.h: the terminal settings (TCGETS/TCSETS), Linux's
 * i386 struct termios (the kernel's, 36 bytes) and the flags pagoda's
 * console honours. Shared by the kernel and libc. */
#ifndef UAPI_TERMIOS_H
#define UAPI_TERMIOS_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t tcflag_t;
typedef uint8_t cc_t;
typedef uint32_t speed_t;

#define NCCS 19
struct termios {
	tcflag_t c_iflag;   /* input: ICRNL ... */
	tcflag_t c_oflag;   /* output: OPOST, ONLCR */
	tcflag_t c_cflag;   /* line: speed, CS8, CREAD */
	tcflag_t c_lflag;   /* local: ISIG, ICANON, ECHO ... */
	cc_t c_line;
	cc_t c_cc[NCCS];    /* the special characters, by V* index */
};

/* c_cc indices */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5
#define VMIN 6
#define VSTART 8
#define VSTOP 9
#define VSUSP 10
#define VEOL 11
#define VWERASE 14

/* c_iflag */
#define BRKINT 0000002
#define INLCR  0000100
#define IGNCR  0000200
#define ICRNL  0000400
#define IXON   0002000
/* c_oflag */
#define OPOST  0000001
#define ONLCR  0000004
/* c_cflag */
#define B38400 0000017
#define CSIZE  0000060
#define CS8    0000060
#define CREAD  0000200
#define HUPCL  0002000
/* c_lflag */
#define ISIG    0000001  /* INTR, QUIT, SUSP send signals */
#define ICANON  0000002  /* line editing, a line per read */
#define ECHO    0000010
#define ECHOE   0000020
#define ECHOK   0000040
#define ECHONL  0000100
#define NOFLSH  0000200
#define TOSTOP  0000400
#define ECHOCTL 0001000
#define ECHOKE  0004000
#define IEXTEN  0100000

/* tcsetattr's actions (libc) */
#define TCSANOW   0
#define TCSADRAIN 1
#define TCSAFLUSH 2

#ifdef __i386__
_Static_assert(sizeof(struct termios) == 36, "Linux i386 struct termios");
_Static_assert(offsetof(struct termios, c_line) == 16, "c_line");
_Static_assert(offsetof(struct termios, c_cc) == 17, "c_cc");
#endif

#endif
