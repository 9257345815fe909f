/* kernel/uapi/futex.h: futex(2)'s operations and flags, as Linux's
 * <linux/futex.h>. */
#ifndef UAPI_FUTEX_H
#define UAPI_FUTEX_H

#define FUTEX_WAIT            0
#define FUTEX_WAKE            1
#define FUTEX_FD              2   /* removed from Linux in 2.6.26 */
#define FUTEX_REQUEUE         3
#define FUTEX_CMP_REQUEUE     4
#define FUTEX_WAKE_OP         5
#define FUTEX_LOCK_PI         6
#define FUTEX_UNLOCK_PI       7
#define FUTEX_TRYLOCK_PI      8
#define FUTEX_WAIT_BITSET     9
#define FUTEX_WAKE_BITSET     10
#define FUTEX_WAIT_REQUEUE_PI 11
#define FUTEX_CMP_REQUEUE_PI  12
#define FUTEX_LOCK_PI2        13

#define FUTEX_PRIVATE_FLAG    128  /* the word is not shared with another
				      process: key by address space */
#define FUTEX_CLOCK_REALTIME  256  /* absolute timeouts on CLOCK_REALTIME */
#define FUTEX_CMD_MASK        (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

#define FUTEX_WAIT_PRIVATE        (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE        (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE     (FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE (FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_OP_PRIVATE     (FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE (FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)

#define FUTEX_BITSET_MATCH_ANY 0xffffffffu

/* FUTEX_WAKE_OP's encoded operation: op (bits 28..31, with 8 = "oparg is
 * a shift count"), cmp (24..27), oparg (12..23), cmparg (0..11). */
#define FUTEX_OP_SET          0   /* uaddr2 = oparg */
#define FUTEX_OP_ADD          1   /* uaddr2 += oparg */
#define FUTEX_OP_OR           2   /* uaddr2 |= oparg */
#define FUTEX_OP_ANDN         3   /* uaddr2 &= ~oparg */
#define FUTEX_OP_XOR          4   /* uaddr2 ^= oparg */
#define FUTEX_OP_OPARG_SHIFT  8   /* use (1 << oparg) as the operand */

#define FUTEX_OP_CMP_EQ       0   /* wake uaddr2's waiters if old == cmparg */
#define FUTEX_OP_CMP_NE       1
#define FUTEX_OP_CMP_LT       2
#define FUTEX_OP_CMP_LE       3
#define FUTEX_OP_CMP_GT       4
#define FUTEX_OP_CMP_GE       5

#define FUTEX_OP(op, oparg, cmp, cmparg)                        \
	((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) |         \
	 (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))

#endif
