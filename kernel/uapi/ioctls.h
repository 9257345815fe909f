/* kernel/uapi/ioctls.h: the terminal ioctl numbers pagoda knows, Linux's
 * values (asm-generic/ioctls.h). libc's isatty() asks TIOCGWINSZ, as musl. */
#ifndef UAPI_IOCTLS_H
#define UAPI_IOCTLS_H

#define TCGETS     0x5401
#define TIOCGWINSZ 0x5413
#define FIONREAD   0x541B
#define FIONBIO    0x5421

#endif
