/* user/sh/arith.c: arithmetic expansion, $((expression)), as POSIX has
 * it: 64-bit integers (intmax_t, as dash and bash use); decimal, octal (0755) and hexadecimal (0x1f)
 * constants; variables by bare name (unset or empty is 0); C's operators
 * and precedence, from the ternary ?: down to unary - + ! ~, with
 * parentheses; the assignments = += -= *= /= %= <<= >>= &= ^= |=. The
 * expression has had its $parameters and $(commands) expanded already
 * (expand.c). One recursive-descent function per precedence level; an
 * error (division by zero, a stray character) is reported once and the
 * whole expansion is 0, as the command then fails like dash's does. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct arith {
	const char *p;     /* the next character */
	const char *error; /* the first error, or NULL */
	bool skip;         /* evaluating a branch that does not count (the
			      untaken side of ?: && ||): no assignments */
};

static intmax_t ternary(struct arith *a);

static void skip_space(struct arith *a)
{
	while (isspace((unsigned char)*a->p))
		a->p++;
}

static void fail(struct arith *a, const char *why)
{
	if (!a->error)
		a->error = why;
}

/* The operator at a->p, intmax_test first ("<<=" before "<<" before "<"),
 * and its length; 0 if none. */
static size_t op_at(const char *p, const char **op)
{
	static const char *const ops[] = {
		"<<=", ">>=", "&&", "||", "==", "!=", "<=", ">=", "<<", ">>",
		"+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=",
		"+", "-", "*", "/", "%", "<", ">", "&", "|", "^", "!", "~",
		"?", ":", "(", ")", "=",
	};
	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
		size_t n = strlen(ops[k]);
		if (strncmp(p, ops[k], n) == 0) {
			*op = ops[k];
			return n;
		}
	}
	return 0;
}

/* Take op if it is the operator at a->p (not the start of a intmax_ter one). */
static bool take(struct arith *a, const char *op)
{
	skip_space(a);
	const char *at;
	size_t n = op_at(a->p, &at);
	if (!n || strcmp(at, op))
		return false;
	a->p += n;
	return true;
}

/* A constant: 0x1f, 017 or 15; *end past it. */
static intmax_t number(const char *s, const char **end)
{
	int base = 10;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    isxdigit((unsigned char)s[2])) {
		base = 16;
		s += 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	uintmax_t x = 0;
	for (;; s++) {
		int d = isdigit((unsigned char)*s) ? *s - '0'
		      : isalpha((unsigned char)*s) ? tolower((unsigned char)*s) - 'a' + 10
		      : 99;
		if (d >= base)
			break;
		x = x * (uintmax_t)base + (uintmax_t)d;  /* wraps, as dash's */
	}
	*end = s;
	return (intmax_t)x;
}

static intmax_t var_value(struct arith *a, const char *name)
{
	const char *v = var_get(name);
	if (!v || !*v)
		return 0;
	const char *end;
	bool neg = *v == '-';
	intmax_t x = number(v + neg, &end);
	if (*end || end == v + neg)
		fail(a, "a variable that is not a number");
	return neg ? -x : x;
}

static void var_store(struct arith *a, const char *name, intmax_t x)
{
	char buf[24];
	snprintf(buf, sizeof(buf), "%lld", (long long)x);
	if (!a->skip)
		var_set(name, buf, false);
}

/* name op= expression, at a variable; or the variable's value. */
static intmax_t variable(struct arith *a)
{
	const char *start = a->p;
	while (isalnum((unsigned char)*a->p) || *a->p == '_')
		a->p++;
	char *name = sh_strndup(start, a->p - start);
	skip_space(a);
	const char *op;
	size_t n = op_at(a->p, &op);
	if (n && op[n - 1] == '=' && strcmp(op, "==") && strcmp(op, "!=") &&
	    strcmp(op, "<=") && strcmp(op, ">=")) {
		a->p += n;
		intmax_t old = var_value(a, name), r = ternary(a);
		switch (op[0]) {
		case '+': r = old + r; break;
		case '-': r = old - r; break;
		case '*': r = old * r; break;
		case '/': case '%':
			if (!r && !a->skip)
				fail(a, "division by zero");
			r = !r ? 0 : op[0] == '/' ? old / r : old % r;
			break;
		case '<': r = old << r; break;
		case '>': r = old >> r; break;
		case '&': r = old & r; break;
		case '^': r = old ^ r; break;
		case '|': r = old | r; break;
		}
		var_store(a, name, r);
		return r;
	}
	return var_value(a, name);
}

static intmax_t primary(struct arith *a)
{
	skip_space(a);
	if (take(a, "(")) {
		intmax_t x = ternary(a);
		if (!take(a, ")"))
			fail(a, "a missing )");
		return x;
	}
	if (isalpha((unsigned char)*a->p) || *a->p == '_')
		return variable(a);
	if (!isdigit((unsigned char)*a->p)) {
		fail(a, *a->p ? "a stray character" : "a missing operand");
		return 0;
	}
	const char *end;
	intmax_t x = number(a->p, &end);
	a->p = end;
	if (isalnum((unsigned char)*end))
		fail(a, "a bad number");
	return x;
}

static intmax_t unary(struct arith *a)
{
	if (take(a, "-"))
		return -unary(a);
	if (take(a, "+"))
		return unary(a);
	if (take(a, "!"))
		return !unary(a);
	if (take(a, "~"))
		return ~unary(a);
	return primary(a);
}

static intmax_t multiplicative(struct arith *a)
{
	intmax_t x = unary(a);
	for (;;) {
		if (take(a, "*")) {
			x *= unary(a);
		} else if (take(a, "/") || take(a, "%")) {
			char op = a->p[-1];
			intmax_t y = unary(a);
			if (!y && !a->skip)
				fail(a, "division by zero");
			x = !y ? 0 : op == '/' ? x / y : x % y;
		} else {
			return x;
		}
	}
}

/* The binary levels below multiplication's, each its operators. */
static intmax_t binary(struct arith *a, int level)
{
	static const char *const ops[][4] = {
		{ "|" }, { "^" }, { "&" }, { "==", "!=" },
		{ "<=", ">=", "<", ">" }, { "<<", ">>" }, { "+", "-" },
	};
	if (level == 7)
		return multiplicative(a);
	intmax_t x = binary(a, level + 1);
	for (;;) {
		int k = 0;
		while (k < 4 && ops[level][k] && !take(a, ops[level][k]))
			k++;
		if (k == 4 || !ops[level][k])
			return x;
		intmax_t y = binary(a, level + 1);
		const char *op = ops[level][k];
		x = !strcmp(op, "|") ? x | y : !strcmp(op, "^") ? x ^ y
		  : !strcmp(op, "&") ? x & y : !strcmp(op, "==") ? x == y
		  : !strcmp(op, "!=") ? x != y : !strcmp(op, "<=") ? x <= y
		  : !strcmp(op, ">=") ? x >= y : !strcmp(op, "<") ? x < y
		  : !strcmp(op, ">") ? x > y : !strcmp(op, "<<") ? x << y
		  : !strcmp(op, ">>") ? x >> y : !strcmp(op, "+") ? x + y : x - y;
	}
}

/* && and ||: the right side is evaluated only when it counts. */
static intmax_t logical(struct arith *a, bool or)
{
	intmax_t x = or ? logical(a, false) : binary(a, 0);
	while (take(a, or ? "||" : "&&")) {
		bool skip = a->skip;
		a->skip = skip || (or ? x != 0 : x == 0);
		intmax_t y = or ? logical(a, false) : binary(a, 0);
		a->skip = skip;
		x = or ? (x || y) : (x && y);
	}
	return x;
}

static intmax_t ternary(struct arith *a)
{
	intmax_t c = logical(a, true);
	if (!take(a, "?"))
		return c;
	bool skip = a->skip;
	a->skip = skip || !c;
	intmax_t x = ternary(a);
	if (!take(a, ":"))
		fail(a, "a missing :");
	a->skip = skip || c;
	intmax_t y = ternary(a);
	a->skip = skip;
	return c ? x : y;
}

bool arith_eval(const char *expr, intmax_t *value)
{
	struct arith a = { .p = expr };
	*value = ternary(&a);
	skip_space(&a);
	if (*a.p)
		fail(&a, "a stray character");
	if (a.error) {
		fprintf(stderr, "sh: arithmetic expression: %s: \"%s\"\n", a.error,
			expr);
		*value = 0;
		return false;
	}
	return true;
}
