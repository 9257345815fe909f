/* kernel/uapi/sched.h: clone()'s flags, as Linux's <linux/sched.h>. The
 * low byte (CSIGNAL) is the signal the parent gets when the child ends. */
#ifndef UAPI_SCHED_H
#define UAPI_SCHED_H

#define CSIGNAL              0x000000ffu
#define CLONE_VM             0x00000100u  /* share the address space */
#define CLONE_FS             0x00000200u  /* share cwd, root, umask */
#define CLONE_FILES          0x00000400u  /* share the descriptor table */
#define CLONE_SIGHAND        0x00000800u  /* share signal handlers */
#define CLONE_PIDFD          0x00001000u  /* a pidfd into *parent_tid */
#define CLONE_PTRACE         0x00002000u
#define CLONE_VFORK          0x00004000u  /* parent sleeps until exec/exit */
#define CLONE_PARENT         0x00008000u  /* same parent as the caller */
#define CLONE_THREAD         0x00010000u  /* same thread group */
#define CLONE_NEWNS          0x00020000u
#define CLONE_SYSVSEM        0x00040000u  /* share System V semaphore undo */
#define CLONE_SETTLS         0x00080000u  /* tls is a struct user_desc * */
#define CLONE_PARENT_SETTID  0x00100000u  /* store the tid at *parent_tid */
#define CLONE_CHILD_CLEARTID 0x00200000u  /* zero and futex-wake *child_tid
					     when the child exits */
#define CLONE_DETACHED       0x00400000u  /* ignored, as by Linux */
#define CLONE_UNTRACED       0x00800000u
#define CLONE_CHILD_SETTID   0x01000000u  /* store the tid at *child_tid */
#define CLONE_NEWCGROUP      0x02000000u
#define CLONE_NEWUTS         0x04000000u
#define CLONE_NEWIPC         0x08000000u
#define CLONE_NEWUSER        0x10000000u
#define CLONE_NEWPID         0x20000000u
#define CLONE_NEWNET         0x40000000u
#define CLONE_IO             0x80000000u

#define CLONE_NEW_ANY (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | \
		       CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | \
		       CLONE_NEWNET)

#endif
