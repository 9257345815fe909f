/* kernel/uapi/ioctls.h: the terminal ioctl numbers pagoda knows, Linux's
 * values (asm-generic/ioctls.h). libc's isatty() asks TIOCGWINSZ, as musl. */
#ifndef UAPI_IOCTLS_H
#define UAPI_IOCTLS_H

#define TCGETS     0x5401
#define TCSETS     0x5402
#define TCSETSW    0x5403
#define TCSETSF    0x5404
#define TIOCSCTTY  0x540E
#define TIOCGPGRP  0x540F
#define TIOCSPGRP  0x5410
#define TIOCGWINSZ 0x5413
#define FIONREAD   0x541B
#define TIOCNOTTY  0x5422
#define FIONBIO    0x5421

#endif
