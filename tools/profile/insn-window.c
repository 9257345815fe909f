/* tools/profile/insn-window.c: a QEMU TCG plugin (QEMU 7.x, plugin API
 * version 1) for tools/bench-profile. It counts how many times each guest
 * instruction address executes between the first and the second rdtsc
 * run in user mode (below 0xc0000000: the benchmark's reads), and writes
 * "ADDRESS COUNT" lines to out=FILE when QEMU exits. The few declarations
 * it needs from QEMU's plugin API are written out here, so no QEMU
 * development package is needed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
enum qemu_plugin_cb_flags { CB_NO_REGS, CB_R_REGS, CB_RW_REGS };
typedef void (*tb_trans_cb)(qemu_plugin_id_t, struct qemu_plugin_tb *);
typedef void (*vcpu_udata_cb)(unsigned int, void *);
typedef void (*udata_cb)(qemu_plugin_id_t, void *);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t, tb_trans_cb);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *,
						 size_t);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *,
					    vcpu_udata_cb,
					    enum qemu_plugin_cb_flags, void *);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t, udata_cb, void *);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

#define SLOTS (1u << 20)
static uint32_t key[SLOTS];
static uint64_t val[SLOTS];
static int hits;
static char out[512];

static void on_rdtsc(unsigned int vcpu, void *udata)
{
	(void)vcpu;
	(void)udata;
	hits++;
}

static void on_insn(unsigned int vcpu, void *udata)
{
	uint32_t pc = (uint32_t)(uintptr_t)udata;
	(void)vcpu;
	if (hits != 1)
		return;
	uint32_t h = (pc * 2654435761u) & (SLOTS - 1);
	while (key[h] && key[h] != pc)
		h = (h + 1) & (SLOTS - 1);
	key[h] = pc;
	val[h]++;
}

static void on_tb(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	(void)id;
	for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
		struct qemu_plugin_insn *in = qemu_plugin_tb_get_insn(tb, i);
		uintptr_t pc = (uintptr_t)qemu_plugin_insn_vaddr(in);
		const unsigned char *op = qemu_plugin_insn_data(in);
		int rdtsc = pc < 0xc0000000u && qemu_plugin_insn_size(in) == 2 &&
			    op[0] == 0x0f && op[1] == 0x31;
		qemu_plugin_register_vcpu_insn_exec_cb(in, rdtsc ? on_rdtsc : on_insn,
						       CB_NO_REGS, (void *)pc);
	}
}

static void on_quit(qemu_plugin_id_t id, void *udata)
{
	(void)id;
	(void)udata;
	FILE *f = fopen(out, "w");
	if (!f)
		return;
	for (uint32_t i = 0; i < SLOTS; i++)
		if (key[i])
			fprintf(f, "%08x %llu\n", key[i],
				(unsigned long long)val[i]);
	fclose(f);
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const void *info, int argc,
			char **argv)
{
	(void)info;
	for (int i = 0; i < argc; i++) {
		if (strncmp(argv[i], "out=", 4) == 0)
			snprintf(out, sizeof out, "%s", argv[i] + 4);
	}
	if (!out[0])
		return -1;
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb);
	qemu_plugin_register_atexit_cb(id, on_quit, NULL);
	return 0;
}
