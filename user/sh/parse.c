/* user/sh/parse.c: the parser. Builds the tree of a line by recursive
 * descent over POSIX's grammar (XCU 2.10), the part pagoda's shell has:
 *
 *   list     := and_or { (';' | '&' | newline) [and_or] }
 *   and_or   := pipeline { ('&&' | '||') newlines pipeline }
 *   pipeline := ['!'] command { '|' newlines command }
 *   command  := { NAME=value } { word | redirection }   (not empty)
 *             | '(' list ')' { redirection }            (a subshell)
 *   redirection := [n] ('<' | '>' | '>>' | '>&' | '<&') word
 *
 * `a && b || c` groups to the left, as in every shell; `;` and `&` end an
 * and_or, `&` making it a background job. Nothing runs before the whole
 * line has parsed, so a syntax error runs nothing. */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "sh.h"

struct parser {
	const char *line;
	struct token *toks;
	int pos;
	jmp_buf fail;   /* longjmp'd to with 1 (more input) or -1 (error) */
};

static struct token *peek(struct parser *p)
{
	return &p->toks[p->pos];
}

/* A syntax error at the current token. */
static _Noreturn void syntax_error(struct parser *p)
{
	struct token *t = peek(p);
	fprintf(stderr, "sh: syntax error near unexpected token `%s'\n",
		tok_name(t));
	longjmp(p->fail, -1);
}

/* The same, except that at the end of the line (after |, && or ||) the
 * line is only incomplete: the next line goes on with it. */
static _Noreturn void unexpected(struct parser *p)
{
	if (peek(p)->type == T_END)
		longjmp(p->fail, 1);
	syntax_error(p);
}

static void skip_newlines(struct parser *p)
{
	while (peek(p)->type == T_NEWLINE)
		p->pos++;
}

static bool is_redir(enum tok t)
{
	return t == T_LT || t == T_GT || t == T_DGT || t == T_GTAMP ||
	       t == T_LTAMP || t == T_DLT || t == T_DLTDASH;
}

/* NAME=value, NAME a valid name: an assignment (before the command). */
static bool is_assignment(const char *w)
{
	const char *eq = strchr(w, '=');
	return eq && var_name_ok(w, eq - w);
}

static void add_word(char ***v, int *n, char *w)
{
	char **bigger = sh_alloc((*n + 2) * sizeof(char *));
	if (*n)
		memcpy(bigger, *v, *n * sizeof(char *));
	bigger[(*n)++] = w;
	*v = bigger;
}

static struct redir *redirection(struct parser *p)
{
	static const enum redir_type types[] = {
		[T_LT] = R_IN, [T_GT] = R_OUT, [T_DGT] = R_APPEND,
		[T_GTAMP] = R_DUP_OUT, [T_LTAMP] = R_DUP_IN,
		[T_DLT] = R_HEREDOC, [T_DLTDASH] = R_HEREDOC,
	};
	struct token *op = &p->toks[p->pos++];
	struct redir *r = sh_alloc(sizeof(*r));
	r->type = types[op->type];
	r->fd = op->io_fd >= 0 ? op->io_fd :
		(r->type == R_IN || r->type == R_DUP_IN ||
		 r->type == R_HEREDOC) ? 0 : 1;
	if (peek(p)->type != T_WORD)
		syntax_error(p);
	struct token *w = &p->toks[p->pos++];
	r->word = r->type == R_HEREDOC ? w->heredoc : w->text;
	r->literal = w->literal;
	return r;
}

static struct node *list(struct parser *p, const char *ends);

static const char *word_at(struct parser *p)
{
	return peek(p)->type == T_WORD ? peek(p)->text : "";
}

/* The reserved word w must come now. */
static void expect(struct parser *p, const char *w)
{
	if (strcmp(word_at(p), w) != 0)
		unexpected(p);
	p->pos++;
}

static struct node *new_node(enum node_type type)
{
	struct node *n = sh_alloc(sizeof(*n));
	n->type = type;
	return n;
}

/* After `if` or `elif`: cond; then list [elif ...| else list] fi. */
static struct node *if_clause(struct parser *p)
{
	struct node *n = new_node(N_IF);
	n->cond = list(p, " then ");
	expect(p, "then");
	n->left = list(p, " elif else fi ");
	if (strcmp(word_at(p), "elif") == 0) {
		p->pos++;
		n->right = if_clause(p);  /* it takes the fi */
		return n;
	}
	if (strcmp(word_at(p), "else") == 0) {
		p->pos++;
		n->right = list(p, " fi ");
	}
	expect(p, "fi");
	return n;
}

/* After `for`: NAME [in WORD...] (; or newline) do list done. */
static struct node *for_clause(struct parser *p)
{
	struct node *n = new_node(N_FOR);
	const char *name = word_at(p);
	if (!var_name_ok(name, strlen(name)))
		syntax_error(p);
	n->var = p->toks[p->pos++].text;
	if (strcmp(word_at(p), "in") == 0) {
		p->pos++;
		n->words = sh_alloc(sizeof(char *));
		while (peek(p)->type == T_WORD)
			add_word(&n->words, &n->nwords, p->toks[p->pos++].text);
	}
	if (peek(p)->type == T_SEMI)
		p->pos++;
	skip_newlines(p);
	expect(p, "do");
	n->left = list(p, " done ");
	expect(p, "done");
	return n;
}

/* One item after `case WORD in`: [(] PATTERN [| PATTERN]... ) [list],
 * the list ending at ;; or esac. */
static struct case_item *case_item(struct parser *p)
{
	struct case_item *it = sh_alloc(sizeof(*it));
	if (peek(p)->type == T_LPAREN)
		p->pos++;
	for (;;) {
		if (peek(p)->type != T_WORD)
			unexpected(p);
		add_word(&it->pats, &it->npats, p->toks[p->pos++].text);
		if (peek(p)->type != T_PIPE)
			break;
		p->pos++;
	}
	if (peek(p)->type != T_RPAREN)
		unexpected(p);
	p->pos++;
	skip_newlines(p);
	if (peek(p)->type == T_END)
		longjmp(p->fail, 1);  /* more lines to come */
	if (peek(p)->type != T_DSEMI && strcmp(word_at(p), "esac"))
		it->body = list(p, " ;; esac ");
	return it;
}

/* After `case`: WORD in ITEM ;; ... [ITEM] esac. */
static struct node *case_clause(struct parser *p)
{
	struct node *n = new_node(N_CASE);
	if (peek(p)->type != T_WORD)
		unexpected(p);
	n->var = p->toks[p->pos++].text;
	skip_newlines(p);
	expect(p, "in");
	struct case_item **tail = &n->items;
	for (;;) {
		skip_newlines(p);
		if (peek(p)->type == T_END)
			longjmp(p->fail, 1);
		if (strcmp(word_at(p), "esac") == 0)
			break;
		*tail = case_item(p);
		tail = &(*tail)->next;
		if (peek(p)->type != T_DSEMI)
			break;  /* the last item may leave out its ;; */
		p->pos++;
	}
	skip_newlines(p);
	if (peek(p)->type == T_END)
		longjmp(p->fail, 1);
	expect(p, "esac");
	return n;
}

/* if, while, until, for, case, { }: the tree of one, or NULL if the word
 * at hand starts none. The reserved words that end them start nothing. */
static struct node *compound(struct parser *p)
{
	const char *w = word_at(p);
	struct node *n;
	static const char *const enders[] = {
		"then", "else", "elif", "fi", "do", "done", "}", "esac",
	};
	for (size_t i = 0; i < sizeof(enders) / sizeof(enders[0]); i++)
		if (strcmp(w, enders[i]) == 0)
			syntax_error(p);
	if (strcmp(w, "if") && strcmp(w, "while") && strcmp(w, "until") &&
	    strcmp(w, "for") && strcmp(w, "{") && strcmp(w, "case"))
		return NULL;
	p->pos++;
	if (w[0] == 'c')
		return case_clause(p);
	if (w[0] == 'i')
		return if_clause(p);
	if (w[0] == 'f')
		return for_clause(p);
	if (w[0] == '{') {
		n = new_node(N_GROUP);
		n->left = list(p, " } ");
		expect(p, "}");
		return n;
	}
	n = new_node(w[0] == 'w' ? N_WHILE : N_UNTIL);
	n->cond = list(p, " do ");
	expect(p, "do");
	n->left = list(p, " done ");
	expect(p, "done");
	return n;
}

/* NAME ( ) compound-command: a function definition, kept as the compound
 * command's source text. True if one was at hand (and is now in c). */
static bool function_definition(struct parser *p, struct cmd *c)
{
	struct token *t = peek(p);
	if (t->type != T_WORD || !var_name_ok(t->text, strlen(t->text)) ||
	    t[1].type != T_LPAREN || t[2].type != T_RPAREN)
		return false;
	c->fname = t->text;
	p->pos += 3;
	skip_newlines(p);
	if (peek(p)->type == T_END)
		longjmp(p->fail, 1);  /* `f()` alone: the body follows */
	int start = peek(p)->start;
	if (!compound(p))
		unexpected(p);
	int end = p->toks[p->pos - 1].end;
	c->fbody = sh_strndup(p->line + start, end - start);
	return true;
}

static struct cmd *command(struct parser *p)
{
	struct cmd *c = sh_alloc(sizeof(*c));
	struct redir **tail = &c->redirs;
	if (function_definition(p, c))
		return c;
	bool paren = peek(p)->type == T_LPAREN;
	if (!paren)
		c->sub = compound(p);
	if (paren) {  /* ( list ): a subshell */
		p->pos++;
		c->sub = list(p, " ) ");
		c->subshell = true;
		if (peek(p)->type != T_RPAREN)
			syntax_error(p);
		p->pos++;
	}
	if (c->sub) {
		while (is_redir(peek(p)->type)) {
			*tail = redirection(p);
			tail = &(*tail)->next;
		}
		if (peek(p)->type == T_WORD || peek(p)->type == T_LPAREN)
			syntax_error(p);
		return c;
	}
	for (;;) {
		struct token *t = peek(p);
		if (t->type == T_BANG && (c->nwords || c->nassigns))
			t->type = T_WORD;  /* `!` only negates before a command */
		if (t->type == T_WORD) {
			if (c->nwords == 0 && is_assignment(t->text))
				add_word(&c->assigns, &c->nassigns, t->text);
			else
				add_word(&c->words, &c->nwords, t->text);
			p->pos++;
		} else if (is_redir(t->type)) {
			*tail = redirection(p);
			tail = &(*tail)->next;
		} else {
			break;
		}
	}
	if (!c->nwords && !c->nassigns && !c->redirs)
		unexpected(p);
	return c;
}

static struct node *pipeline(struct parser *p)
{
	struct node *n = sh_alloc(sizeof(*n));
	n->type = N_PIPE;
	if (peek(p)->type == T_BANG) {
		n->negate = true;
		p->pos++;
	}
	for (;;) {
		struct cmd *c = command(p);
		struct cmd **bigger = sh_alloc((n->ncmds + 1) * sizeof(c));
		if (n->ncmds)
			memcpy(bigger, n->cmds, n->ncmds * sizeof(c));
		bigger[n->ncmds++] = c;
		n->cmds = bigger;
		if (peek(p)->type != T_PIPE)
			return n;
		p->pos++;
		skip_newlines(p);
	}
}

static struct node *and_or(struct parser *p)
{
	int first = p->pos;
	struct node *left = pipeline(p);
	for (;;) {
		enum tok t = peek(p)->type;
		if (t != T_AND && t != T_OR)
			break;
		p->pos++;
		skip_newlines(p);
		struct node *n = sh_alloc(sizeof(*n));
		n->type = t == T_AND ? N_AND : N_OR;
		n->left = left;
		n->right = pipeline(p);
		left = n;
	}
	int start = p->toks[first].start, end = p->toks[p->pos - 1].end;
	left->text = sh_strndup(p->line + start, end - start);
	return left;
}

/* Is the current token one of ends (" then fi " and the like; ")" for a
 * subshell's end)? Reserved words count only as whole, unquoted words. */
static bool at_end(struct parser *p, const char *ends)
{
	struct token *t = peek(p);
	char w[16];
	if (!ends)
		return false;
	if (t->type == T_RPAREN)
		return strstr(ends, " ) ") != NULL;
	if (t->type == T_DSEMI)
		return strstr(ends, " ;; ") != NULL;
	if (t->type != T_WORD || strlen(t->text) > 8)
		return false;
	snprintf(w, sizeof(w), " %s ", t->text);
	return strstr(ends, w) != NULL;
}

/* list: and_or items joined into a right-leaning chain of N_SEQ, up to
 * the end of the line, or (nested) up to one of the words in ends. */
static struct node *list(struct parser *p, const char *ends)
{
	struct node *head = NULL, **tail = &head;
	for (;;) {
		skip_newlines(p);
		enum tok t = peek(p)->type;
		if (t == T_END && ends)
			longjmp(p->fail, 1);  /* `if a; then` alone: read on */
		if (t == T_END)
			return head;
		if (at_end(p, ends)) {
			if (!head)
				syntax_error(p);
			return head;
		}
		struct node *item = and_or(p);
		t = peek(p)->type;
		if (t == T_AMP) {
			struct node *bg = sh_alloc(sizeof(*bg));
			bg->type = N_BG;
			bg->left = item;
			bg->text = item->text;
			item = bg;
		}
		if (t == T_AMP || t == T_SEMI || t == T_NEWLINE)
			p->pos++;
		else if (t != T_END && !at_end(p, ends))
			syntax_error(p);
		struct node *seq = sh_alloc(sizeof(*seq));
		seq->type = N_SEQ;
		seq->left = item;
		*tail = seq;
		tail = &seq->right;
	}
}

int parse(const char *line, struct node **tree)
{
	struct parser p = { .line = line };
	*tree = NULL;
	if (lex(line, &p.toks) < 0)
		return 1;
	int r = setjmp(p.fail);
	if (r)
		return r;
	*tree = list(&p, NULL);
	return 0;
}
