/* alloca.h: stack allocation, freed when the calling function returns. */
#ifndef _ALLOCA_H
#define _ALLOCA_H

#define alloca(size) __builtin_alloca(size)

#endif
