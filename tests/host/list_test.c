/* tests/host/list_test.c: host tests of kernel/lib/list.h, the intrusive
 * lists the process list and the children lists are made of. */
#include "tests/host/hosttest.h"

#include "kernel/lib/list.h"

struct item {
	int value;
	struct list_node node;
};

/* The values on head, in order, into out (at most max); returns how many. */
static int values(struct list_node *head, int *out, int max)
{
	int n = 0;
	struct list_node *pos;
	list_for_each(pos, head)
		if (n < max)
			out[n++] = list_entry(pos, struct item, node)->value;
	return n;
}

HOSTTEST(list, add_walk_and_delete_keep_the_order)
{
	struct list_node head = LIST_INIT(head);
	struct item it[4];
	int v[8];
	EXPECT_TRUE(list_empty(&head));
	EXPECT_EQ(values(&head, v, 8), 0);
	for (int i = 0; i < 4; i++) {
		it[i].value = i;
		list_init(&it[i].node);
		EXPECT_TRUE(list_empty(&it[i].node));  /* on no list */
		list_add_tail(&head, &it[i].node);
	}
	EXPECT_EQ(values(&head, v, 8), 4);
	EXPECT_TRUE(v[0] == 0 && v[1] == 1 && v[2] == 2 && v[3] == 3);
	list_del(&it[1].node);
	EXPECT_TRUE(list_empty(&it[1].node));
	list_del(&it[1].node);  /* twice: harmless, it is on no list */
	EXPECT_EQ(values(&head, v, 8), 3);
	EXPECT_TRUE(v[0] == 0 && v[1] == 2 && v[2] == 3);
	list_del(&it[0].node);
	list_del(&it[3].node);
	list_del(&it[2].node);
	EXPECT_TRUE(list_empty(&head));
}

HOSTTEST(list, move_takes_a_node_to_another_list_and_safe_walk_deletes)
{
	struct list_node a = LIST_INIT(a), b = LIST_INIT(b);
	struct item it[3];
	int v[8];
	for (int i = 0; i < 3; i++) {
		it[i].value = 10 + i;
		list_init(&it[i].node);
		list_add_tail(&a, &it[i].node);
	}
	struct list_node *pos, *tmp;
	list_for_each_safe(pos, tmp, &a)  /* move every one, as a reparent */
		list_move_tail(&b, pos);
	EXPECT_TRUE(list_empty(&a));
	EXPECT_EQ(values(&b, v, 8), 3);
	EXPECT_TRUE(v[0] == 10 && v[1] == 11 && v[2] == 12);
	list_for_each_safe(pos, tmp, &b)
		if (list_entry(pos, struct item, node)->value != 11)
			list_del(pos);
	EXPECT_EQ(values(&b, v, 8), 1);
	EXPECT_EQ(v[0], 11);
	EXPECT_TRUE(b.next == &it[1].node && b.prev == &it[1].node);
}
