/* user/sh/sh.h: pagoda's /bin/sh, the pieces and how they meet.
 *
 *   main.c      reads lines (a terminal, a script, -c), runs each
 *   lex.c       a line -> tokens: words (quotes kept) and operators
 *   parse.c     tokens -> a tree: lists, and-or chains, pipelines, commands
 *   expand.c    a word -> fields: quotes, $VAR, ${VAR}, $?, ~, splitting
 *   glob.c      a field with * ? [...] -> the file names it matches
 *   vars.c      shell variables and the environment children get
 *   exec.c      runs a tree: fork, pipes, redirections, PATH, exec
 *   jobs.c      the job table: process groups, the terminal, wait, report
 *   builtins.c  cd, pwd, export, unset, exit, exec, jobs, fg, bg, wait, ...
 *   edit.c      line editing at the prompt, history on the arrows
 *   test.c      the test builtin, [ ... ]
 *   trap.c      trap: signals caught, ignored, and the EXIT trap
 *
 * All of a line's tokens, tree and expanded words live in one arena
 * (sh_alloc), emptied before the next line: nothing is freed one by one.
 * docs/shell.md walks through it. */
#ifndef SH_H
#define SH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* ---- the arena (main.c) ---- */
void *sh_alloc(size_t n);         /* zeroed; exits the line if full */
char *sh_strndup(const char *s, size_t n);
void sh_arena_reset(void);
size_t sh_arena_mark(void);       /* what is allocated now... */
void sh_arena_release(size_t mark);  /* ...is all that stays */
/* `. FILE`: run FILE's commands in this shell; their last status. */
int sh_source(const char *path);

/* ---- tokens (lex.c) ---- */
enum tok {
	T_WORD, T_NEWLINE, T_END,
	T_SEMI, T_AMP, T_PIPE, T_AND, T_OR, T_BANG,
	T_LT, T_GT, T_DGT, T_GTAMP, T_LTAMP,  /* < > >> >& <& */
	T_LPAREN, T_RPAREN,  /* ( ): a subshell */
	T_DSEMI,             /* ;; ends a case item */
	T_DLT, T_DLTDASH,    /* << <<-: a here-document follows */
};
struct token {
	enum tok type;
	char *text;       /* T_WORD: as written, quotes and all */
	int io_fd;        /* a redirection's leading number, or -1 */
	int start, end;   /* its bytes in the line: [start, end) */
	char *heredoc;    /* a here-document's delimiter word: the body */
	bool literal;     /* ...quoted delimiter: the body is not expanded */
};
/* Split line into tokens (ending with T_END) in *out. Returns their
 * count, -1 if a quote is left open (more input is needed). */
int lex(const char *line, struct token **out);
const char *tok_name(const struct token *t);  /* as an error shows it */
/* s at a '(': just past its matching ')' (quotes and nesting skipped
 * over), or NULL if there is none. */
const char *lex_paren_end(const char *s);
/* Just past the ` closing the one at s (\` inside is no end), or NULL. */
const char *lex_backquote_end(const char *s);

/* ---- the tree (parse.c) ---- */
enum redir_type { R_IN, R_OUT, R_APPEND, R_DUP_OUT, R_DUP_IN, R_HEREDOC };
struct redir {
	enum redir_type type;
	int fd;             /* the descriptor it sets */
	char *word;         /* the file, or the fd to copy ("-": close), or
			       a here-document's body */
	bool literal;       /* R_HEREDOC: the body as it is, no expansion */
	struct redir *next;
};
struct cmd {            /* a simple command */
	char **assigns;     /* NAME=value words before the command */
	int nassigns;
	char **words;       /* unexpanded */
	int nwords;
	struct redir *redirs;
	struct node *sub;   /* ( list ) or a compound command; no words */
	bool subshell;      /* sub runs in a child shell, even alone */
	char *fname;        /* NAME() compound: defines function NAME... */
	char *fbody;        /* ...as this source text (func.c) */
};
enum node_type {
	N_PIPE, N_AND, N_OR, N_SEQ, N_BG,
	N_IF, N_WHILE, N_UNTIL, N_FOR, N_GROUP, N_CASE,
};
struct case_item {      /* PATTERN | PATTERN ) body ;; */
	char **pats;        /* unexpanded */
	int npats;
	struct node *body;  /* NULL: an empty item */
	struct case_item *next;
};
struct node {
	enum node_type type;
	struct node *left, *right;  /* N_AND, N_OR, N_SEQ; N_BG: left;
				       N_IF: then, else; loops, { }: left */
	struct node *cond;          /* N_IF, N_WHILE, N_UNTIL */
	char *var;                  /* N_FOR: the name...; N_CASE: the word */
	struct case_item *items;    /* N_CASE: in order */
	char **words;               /* ...and its words (NULL: "$@") */
	int nwords;
	struct cmd **cmds;          /* N_PIPE: ncmds commands, left to right */
	int ncmds;
	bool negate;                /* N_PIPE: `! pipeline` */
	char *text;                 /* the source text, for the job table */
};
/* Parse line into a tree (NULL for a line with no command). Returns 0,
 * -1 after reporting a syntax error, or 1 if the line ends where more
 * must follow (after |, &&, ||, or inside quotes). */
int parse(const char *line, struct node **tree);

/* ---- expansion (expand.c) ---- */
/* Expand words into fields (NULL-terminated, arena). Returns the count. */
int expand_words(char **words, int n, char ***fields);
/* The status of the last $(...) since it was set to -1. */
extern int subst_status;
/* A here-document's body with $parameters, $(...), `...` and $((...))
 * expanded and \$ \` \\ \newline taken as escapes; quotes stay. */
char *expand_heredoc(const char *body);
/* heredoc.c: the bodies of the here-documents whose operators the lexer
 * met on the line now ending at *p (a newline), read from the lines
 * after it into their delimiter tokens; *p moves past them. -1 if the
 * text ends before a delimiter line (more input needed), else 0. */
int heredoc_read_bodies(struct token *toks, int from, int n, const char **p);
/* An open descriptor that reads r's body (expanded unless literal), or
 * -1 after a message. */
int heredoc_open(const struct redir *r);
/* One word to a pattern for pattern_match(): no splitting, and what was
 * quoted in it matched as itself (case patterns). */
char *expand_pattern(const char *word);
/* glob.c: does string s match pattern (* ? [...], \ quoting)? */
bool pattern_match(const char *pattern, const char *s);
/* One word to one string, no splitting (redirection targets, values). */
char *expand_one(const char *word);

/* arith.c: the value of an arithmetic expression (already expanded);
 * false, with a message on stderr and *value 0, if it is not one. */
bool arith_eval(const char *expr, intmax_t *value);
/* The sorted paths pattern matches (glob.c; arena), or 0 if it has no
 * unescaped * ? [ or matches nothing. */
int glob_expand(const char *pattern, char ***out);

/* ---- variables (vars.c) ---- */
void vars_init(char **envp);
const char *var_get(const char *name);
int var_set(const char *name, const char *value, bool export);
void var_unset(const char *name);
void var_export(const char *name);
void vars_print(bool exported);  /* export's list, or set's (all) */
bool var_name_ok(const char *s, size_t n);
/* "NAME=value" of every exported variable, with the assigns (NAME=value
 * words, already expanded) put over them; malloc'd, for execve. */
char **vars_environ(char **assigns, int nassigns);

/* ---- running (exec.c) ---- */
extern int last_status;         /* $? */
extern pid_t last_bg_pid;       /* $! */
extern pid_t shell_pid;         /* $$: the shell's, in subshells too */
extern bool interactive;        /* reading a terminal: prompts, reports */
extern bool job_control;        /* own process groups, the terminal */
extern char *sh_name;           /* $0 */
extern char **pos_args;         /* $1 ... */
extern int npos_args;           /* $# */
extern bool interrupted;        /* a job died of Ctrl-C: leave loops */
int run_tree(struct node *n);
int run_argv(char **argv);      /* fork, exec on PATH, wait: its status */
void run_in_child(struct cmd *c);  /* never returns */
/* Apply redirections; with save (room for one per redir) remember what
 * each replaced, for undo_redirs. 0, or -1 after a message. */
int apply_redirs(struct redir *r, int *save);
void undo_redirs(struct redir *r, int *save);
/* execve argv[0] found on PATH; returns only on failure, with errno. */
void exec_path(char **argv, char **envp);
void fatal_exec_error(const char *name);  /* message, then _exit 126/127 */

/* ---- jobs (jobs.c) ---- */
void jobs_init(void);           /* takes the terminal if interactive */
void jobs_restore_signals(void); /* in a child: default signal actions */
void jobs_shell_signals(void);  /* the shell's own: ignore the keyboard's */
void jobs_forget(void);         /* in a subshell: the parent's jobs are not its own */
/* A new job of the pids started for tree text; its process group. */
int job_add(pid_t pgid, const pid_t *pids, int npids, const char *text,
	    bool background);
int job_wait_fg(int id);        /* wait for it to end or stop: $? */
void jobs_notify(void);         /* collect children; report to the user */
int job_find(const char *spec); /* "%n", "%+", "%-", "%%", "%name": id */
int job_fg(int id);
int job_bg(int id);
int job_wait(int id);           /* wait builtin: its status */
int job_wait_pid(pid_t pid);
int jobs_wait_all(void);
void jobs_list(bool pids_only);
/* The pids kill should get for job id: -pgid for a job in a group of its
 * own, else each pid; as strings in out (room for n). Returns how many. */
int job_kill_args(int id, char **out, int n);

/* ---- line editing (edit.c) ---- */
bool edit_wanted(void);  /* a terminal with a TERM that is not "dumb" */
/* Print prompt, edit a line and append it, with its newline, to *text
 * (malloc'd, grown; *len bytes long). False at the end of input. */
bool edit_line(const char *prompt, char **text, size_t *len);

/* ---- builtins (builtins.c) ---- */
typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn builtin_find(const char *name);
int b_test(int argc, char **argv);  /* test.c: test and [ */

/* flow.c: break and continue, read. loop_depth counts the loops running;
 * loop_break or loop_continue, when not 0, how many loops a break or a
 * continue still has to unwind: run_tree runs nothing meanwhile. */
extern int loop_depth, loop_break, loop_continue;
bool loop_done(void);  /* after a round: leave this loop? (takes a level) */
int run_loop(struct node *n);  /* N_WHILE, N_UNTIL */
int run_for(struct node *n);
int run_case(struct node *n);

/* options.c: set and shift, and what set -e and set -x do. cond_depth
 * counts the conditions running (if/while/until's, the left of && and
 * ||), where a failure does not end the shell under set -e. */
extern bool opt_errexit, opt_xtrace, opt_nounset, opt_noglob;
extern int cond_depth;
int b_set(int argc, char **argv);
int b_shift(int argc, char **argv);
/* sh -e, -x, -eu...: 0; with a c among them (sh -ec): 1; -1 if none. */
int sh_options(const char *arg);
/* Under set -u: name was expanded unset. Says so; ends a script (2). */
void nounset_error(const char *name);
void xtrace(int argc, char **argv);    /* "+ cmd args" under set -x */
void errexit_check(int status);        /* under set -e: exit if failed */

/* func.c: functions, kept as source text and parsed at each call. */
extern bool func_returning;     /* a return is unwinding to its call */
void func_define(const char *name, const char *body);
bool func_exists(const char *name);
int func_call(int argc, char **argv);  /* a builtin_fn: argv[0] names it */
int b_return(int argc, char **argv);
int b_break(int argc, char **argv);  /* break and continue */
int b_read(int argc, char **argv);
void sh_exit(int status);       /* the EXIT trap, flush, leave */
/* Parse and run text in this shell (a trap's command): its $?. */
int sh_run_string(const char *text);

/* trap.c: trap, and where the shell meets it. */
int b_trap(int argc, char **argv);
/* Run the commands of the trapped signals that came since the last call,
 * $? kept. Returns the last such signal, 0 if none came. */
int traps_run_pending(void);
int traps_pending(void);      /* the first signal waiting, or 0 */
void traps_run_exit(void);   /* the EXIT trap, once */
void traps_in_child(void);   /* a forked child: caught ones to default */
bool trap_owns(int sig);     /* a trap (command or ignore) is set */

#endif
