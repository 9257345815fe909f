/* kernel/lib/list.h: intrusive doubly linked lists, as Linux's list_head
 * in a few lines. A list is a `struct list_node` head whose next and prev
 * point at itself when empty; an object joins a list through a
 * `struct list_node` member, and list_entry() turns that member back into
 * the object. Nothing here locks: the list's owner says which lock guards
 * it. */
#ifndef KERNEL_LIB_LIST_H
#define KERNEL_LIB_LIST_H

#include <stdbool.h>
#include <stddef.h>

struct list_node {
	struct list_node *next, *prev;
};

/* A static head that starts empty: struct list_node h = LIST_INIT(h); */
#define LIST_INIT(name) { &(name), &(name) }

/* The object of type `type` whose member `member` is node n. */
#define list_entry(n, type, member) \
	((type *)((char *)(n) - offsetof(type, member)))

/* for (pos over every node of head); pos must not be removed in the body
 * (use list_for_each_safe for that, with a spare node pointer). */
#define list_for_each(pos, head) \
	for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)
#define list_for_each_safe(pos, tmp, head) \
	for ((pos) = (head)->next, (tmp) = (pos)->next; (pos) != (head); \
	     (pos) = (tmp), (tmp) = (pos)->next)

/* Make n an empty head, or a node on no list. */
static inline void list_init(struct list_node *n)
{
	n->next = n->prev = n;
}

/* Whether head has no node (or node n is on no list). */
static inline bool list_empty(const struct list_node *head)
{
	return head->next == head;
}

/* Put n, on no list, at the end of head. */
static inline void list_add_tail(struct list_node *head, struct list_node *n)
{
	n->prev = head->prev;
	n->next = head;
	head->prev->next = n;
	head->prev = n;
}

/* Take n off its list (if any) and leave it on none. */
static inline void list_del(struct list_node *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	list_init(n);
}

/* Move n from its list (if any) to the end of head. */
static inline void list_move_tail(struct list_node *head, struct list_node *n)
{
	list_del(n);
	list_add_tail(head, n);
}

#endif
