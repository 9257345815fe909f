/* user/sysfuzz_insn.h: random instruction sequences for the fuzzer
 * (user/sysfuzz.c): segment-register loads (mov, pop, iret) with the
 * selectors a hostile program can name (null, the user and kernel ones,
 * its own TLS entries, past the GDT, the LDT), EFLAGS bits set with popf
 * (TF, DF, AC, NT, IOPL, ...), system calls between them (getpid, and
 * set_thread_area emptying or refilling the TLS entry just loaded: the
 * return to ring 3 then restores a register naming a dead descriptor),
 * the odd privileged instruction, and an exit at the end. Written into an
 * executable page and run by a fuzzing child, which it may kill with a
 * signal: only the kernel must survive. Only user/sysfuzz.c includes it. */
#ifndef USER_SYSFUZZ_INSN_H
#define USER_SYSFUZZ_INSN_H

#include "sysfuzz_gen.h"

struct fz_code {
	uint8_t *p, *start, *end;
};

static inline void emit1(struct fz_code *c, uint8_t b)
{
	if (c->p < c->end)
		*c->p++ = b;
}

static inline void emit4(struct fz_code *c, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		emit1(c, (uint8_t)(v >> (8 * i)));
}

static uint16_t gen_selector(void)
{
	static const uint16_t v[] = {
		0, 1, 3, 0x1b, 0x23, 0x08, 0x10, 0x28, 0x2b, 0x33, 0x3b,
		0x43, 0x30, 0x4b, 0x07, 0x0f, 0xfffc, 0xffff,
	};
	return rn(6) ? v[rn(NELEM(v))] : (uint16_t)rnd();
}

/* mov eax, nr; mov ebx, arg; int 0x80 */
static void emit_syscall(struct fz_code *c, uint32_t nr, uint32_t ebx)
{
	emit1(c, 0xb8);
	emit4(c, nr);
	emit1(c, 0xbb);
	emit4(c, ebx);
	emit1(c, 0xcd);
	emit1(c, 0x80);
}

/* One random snippet. desc: two user_descs (a flat segment and an empty
 * one, both for TLS entry desc[0]'s number) the snippet may pass to
 * set_thread_area. */
static void emit_snippet(struct fz_code *c, uint32_t *desc, uint32_t data)
{
	static const uint8_t sreg[] = { 0, 2, 3, 4, 5, 3, 4, 5 };  /* es ss ds fs gs */
	static const uint32_t eflags[] = {
		0x100 /* TF */, 0x400 /* DF */, 0x40000 /* AC */,
		0x4000 /* NT */, 0x3000 /* IOPL */, 0x200 /* IF */,
		0x200000 /* ID */, 0x20000 /* VM */, 0x10000 /* RF */,
		0x80000 /* VIF */, 0x800 /* OF */,
	};
	switch (rn(10)) {
	case 0: case 1: case 2: {  /* mov ax, sel; mov sreg, ax */
		uint16_t s = gen_selector();
		emit1(c, 0x66);
		emit1(c, 0xb8);
		emit1(c, (uint8_t)s);
		emit1(c, (uint8_t)(s >> 8));
		emit1(c, 0x8e);
		emit1(c, 0xc0 | (uint8_t)(sreg[rn(NELEM(sreg))] << 3));
		break;
	}
	case 3: {  /* push sel; pop ds/es/ss/fs/gs */
		static const uint8_t pop[][2] = { { 0x1f, 0 }, { 0x07, 0 },
			{ 0x17, 0 }, { 0x0f, 0xa1 }, { 0x0f, 0xa9 } };
		int i = rn(5);
		emit1(c, 0x68);
		emit4(c, gen_selector());
		emit1(c, pop[i][0]);
		if (pop[i][1])
			emit1(c, pop[i][1]);
		break;
	}
	case 4:  /* pushf; xor dword [esp], bits; popf */
		emit1(c, 0x9c);
		emit1(c, 0x81);
		emit1(c, 0x34);
		emit1(c, 0x24);
		emit4(c, rn(4) ? eflags[rn(NELEM(eflags))] : rnd());
		emit1(c, 0x9d);
		break;
	case 5: case 6:  /* a system call between the loads */
		switch (rn(3)) {
		case 0: emit_syscall(c, 20 /* getpid */, 0); break;
		case 1: emit_syscall(c, 243, (uint32_t)&desc[4]); break;  /* empty it */
		default: emit_syscall(c, 243, (uint32_t)&desc[0]); break;  /* flat */
		}
		break;
	case 7:  /* a load through ds: mov eax, [data] */
		emit1(c, 0xa1);
		emit4(c, data);
		break;
	case 8: {  /* iret to a random cs/eflags, landing on the next snippet */
		uint32_t next = (uint32_t)c->p + 5 + 5 + 5 + 1;
		emit1(c, 0x68);
		emit4(c, 0x202 | (rn(2) ? eflags[rn(NELEM(eflags))] : 0));
		emit1(c, 0x68);
		emit4(c, rn(2) ? 0x1b : gen_selector());
		emit1(c, 0x68);
		emit4(c, next);
		emit1(c, 0xcf);
		break;
	}
	default: {  /* a privileged or odd instruction, now and then */
		static const uint8_t odd[] = { 0xfa /* cli */, 0xf4 /* hlt */,
			0xec /* in al, dx */, 0xfb /* sti */, 0x90, 0x90 };
		emit1(c, odd[rn(NELEM(odd))]);
		break;
	}
	}
}

/* Fill the page at code with up to n snippets and an exit(0). */
static void gen_code(uint8_t *code, int n, uint32_t *desc, uint32_t data)
{
	struct fz_code c = { code, code, code + PG - 16 };
	for (int i = 0; i < n && c.p < c.end - 24; i++)
		emit_snippet(&c, desc, data);
	c.end = code + PG;
	emit_syscall(&c, 1 /* exit */, 0);
}

#endif
