# pagoda: build, run and test. `make run` boots the shell, `make test` runs
# every test. Sources are found by wildcard: adding a .c file needs no edit.

VERSION := 0.1
# `make DEBUG=1 ...` (and `make debug`, which implies it) builds into
# build-debug/ at -Og with no inlining, so gdb can break on every function
# and read every argument.
ifneq ($(filter debug gdb,$(MAKECMDGOALS)),)
DEBUG   ?= 1
endif
# `make RELEASE=1 ...` builds into build-release/ without the kernel heap's
# poisoning (KHEAP_DEBUG=0, a debugging aid `make test` keeps on): the
# kernel `make bench` measures, as Debian's Linux runs without slab debug.
ifeq ($(DEBUG),1)
BUILD   ?= build-debug
KOPT    := -Og -fno-inline -fno-inline-small-functions -fno-ipa-sra \
           -fno-optimize-sibling-calls -DPAGODA_DEBUG=1
else ifeq ($(RELEASE),1)
BUILD   ?= build-release
KOPT    := -O2 -DKHEAP_DEBUG=0
else
BUILD   ?= build
KOPT    := -O2
endif
CROSS   ?= i686-linux-gnu-
MEM     ?= 128M
QEMU    ?= qemu-system-i386
# Every feature TCG emulates, SMEP and SMAP among them (docs/fault.md);
# `make run CPU=qemu32` boots on a CPU without them. (make bench keeps
# QEMU's default CPU, the same for pagoda and Linux.)
CPU     ?= max

CC      := $(CROSS)gcc
OBJCOPY := $(CROSS)objcopy
NM      := $(CROSS)nm
NASM    := nasm
HOSTCC  ?= gcc
# `make Q=` shows every command.
Q       ?= @

# Kernel: freestanding C11 (GNU dialect for asm), no SSE/x87, frame
# pointers kept so panic() can walk the stack. No frame over 1 KiB, so none
# can step over a kernel stack's guard page (docs/memory.md).
KCFLAGS := -std=gnu11 -m32 -march=i686 $(KOPT) -g -ffreestanding -fno-pic \
           -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
           -fno-strict-aliasing -mgeneral-regs-only -mno-red-zone \
           -Wall -Wextra -Werror -Wno-unused-parameter -I. \
           -Wframe-larger-than=1024 \
           -DPAGODA_VERSION='"$(VERSION)"' -MD -MP
KLDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack \
            -Wl,-z,max-page-size=4096 -T linker.ld
NASMFLAGS := -f elf32 -g -F dwarf -I.

KDIRS := boot kernel kernel/arch/x86 kernel/lib mm exec fs tests
KSRC  := $(foreach d,$(KDIRS),$(wildcard $(d)/*.c))
KASM  := $(foreach d,$(KDIRS),$(wildcard $(d)/*.asm))
KOBJ  := $(patsubst %,$(BUILD)/k/%.o,$(KASM) $(KSRC))

# Host unit tests: the pure modules, built for the host under ASan and UBSan.
HOST_MODULES := $(shell cat tests/host/MODULES 2>/dev/null)
HOSTCFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
              -fsanitize=address,undefined -fno-sanitize-recover=all \
              -fno-omit-frame-pointer -I. -DHOST_TEST -MD -MP
HOST_SRC := $(wildcard tests/host/*.c) $(HOST_MODULES)
HOST_OBJ := $(patsubst %,$(BUILD)/host/%.o,$(HOST_SRC))

TOOLS_OK := $(BUILD)/.tools-ok
INITRD   := $(BUILD)/initrd.cpio
# The lab graders (labs/NAME/grade.c; the rules are with the user programs).
LAB_GRADERS := $(patsubst labs/%/grade.c,$(BUILD)/labs/%/grade,$(wildcard labs/*/grade.c))

.PHONY: all kernel run test test-preempt-1g iso run-iso debug gdb clean host-test corpus
all: kernel

kernel: $(BUILD)/kernel.elf

$(TOOLS_OK): tools/bootstrap
	@tools/bootstrap
	@mkdir -p $(@D) && touch $@

$(BUILD)/k/%.c.o: %.c | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/k/%.asm.o: %.asm | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  NASM    $<"
	$(Q)$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

# Two links, so the kernel can name its own functions in a backtrace: the
# first with an empty symbol table (.ksyms), the second with the table made
# from the first's `nm`. .ksyms is the last section, so nothing else moves;
# ksyms-gen --same checks that, and the build fails if it ever does.
# $(call klink,STEM): assemble STEM.asm and link the kernel into STEM.elf.
klink = $(NASM) $(NASMFLAGS) $(1).asm -o $(1).o && \
	$(CC) $(KLDFLAGS) -o $(1).elf $(KOBJ) $(1).o -lgcc && $(NM) -n $(1).elf >$(1).nm

$(BUILD)/kernel.elf: $(KOBJ) linker.ld tools/ksyms-gen
	@echo "  LD      $@"
	$(Q)tools/ksyms-gen </dev/null >$(BUILD)/ksyms-pass1.asm
	$(Q)$(call klink,$(BUILD)/ksyms-pass1)
	$(Q)tools/ksyms-gen <$(BUILD)/ksyms-pass1.nm >$(BUILD)/ksyms-pass2.asm
	$(Q)$(call klink,$(BUILD)/ksyms-pass2)
	$(Q)tools/ksyms-gen --same $(BUILD)/ksyms-pass1.nm $(BUILD)/ksyms-pass2.nm
	$(Q)mv $(BUILD)/ksyms-pass2.elf $@

$(BUILD)/host/%.c.o: %.c | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -c $< -o $@

$(BUILD)/host/unit: $(HOST_OBJ)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $^

host-test: $(BUILD)/host/unit
	$(BUILD)/host/unit

.SECONDEXPANSION:
# Fuzzing the parsers on the host (docs/testing.md). Each target is a
# tests/fuzz/fuzz_NAME.c over the module(s) it parses. `make fuzz-host`
# runs each under libFuzzer (clang) for FUZZ_SECONDS; `make test` replays
# the saved corpus and every crash ever found with gcc's ASan and UBSan.
FUZZ_TARGETS := elf initrd cmdline path
FUZZ_MOD_elf := exec/elf.c
FUZZ_MOD_initrd := exec/initrd.c
FUZZ_MOD_cmdline := kernel/cmdline.c
FUZZ_MOD_path := fs/namei.c
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS := -std=gnu11 -g -O1 -I. -DHOST_TEST -fno-omit-frame-pointer
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_LIBFUZZER := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_DEPS = tests/fuzz/fuzz_$*.c tests/fuzz/fuzz_fail.c tests/fuzz/fuzz.h $(FUZZ_MOD_$*)

$(BUILD)/fuzz/replay-%: $$(FUZZ_DEPS) tests/fuzz/replay.c | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -Wall -Wextra -Werror -o $@ \
		tests/fuzz/fuzz_$*.c tests/fuzz/fuzz_fail.c tests/fuzz/replay.c $(FUZZ_MOD_$*)

$(BUILD)/fuzz/libfuzzer-%: $$(FUZZ_DEPS) | $(TOOLS_OK)
	@mkdir -p $(@D)
	@command -v clang >/dev/null || BOOTSTRAP_EXTRA='clang clang' tools/bootstrap
	@echo "  CLANG   $@"
	$(Q)clang $(FUZZ_CFLAGS) $(FUZZ_LIBFUZZER) -o $@ \
		tests/fuzz/fuzz_$*.c tests/fuzz/fuzz_fail.c $(FUZZ_MOD_$*)

FUZZ_REPLAY := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay-%)
.PHONY: fuzz-host
fuzz-host: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/libfuzzer-%) $(BUILD)/corpus/MANIFEST $(INITRD)
	@tools/fuzz-host $(BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The system-call fuzzer on pagoda (user/sysfuzz, docs/testing.md):
# `make fuzz [SEED=n] [MINUTES=m] [MEM=8M]` runs it from seed n for m
# minutes; `make fuzz SEED=n BATCH=b` replays one batch, printing each call.
SEED    ?= $(shell date +%s)
MINUTES ?= 10
.PHONY: fuzz
fuzz: $(BUILD)/kernel.elf $(INITRD)
	@tools/fuzz-kernel $(BUILD) $(MEM) $(SEED) $(MINUTES) $(BATCH)

# The stress program on pagoda (user/stress, docs/testing.md): `make stress
# [SEED=n] [MINUTES=m] [STRESS_MEM=16M]` runs 8 workers from seed n for m
# minutes on a small machine, so reclaim and the OOM killer run.
STRESS_MEM ?= 16M
.PHONY: stress
stress: $(BUILD)/kernel.elf $(INITRD)
	@tools/stress-kernel $(BUILD) $(STRESS_MEM) $(SEED) $(MINUTES)

# The ELF corpus: one file per rule of exec/elf.c, and a MANIFEST of
# `NAME ERRNO_NAME EXPECTED_EXIT` lines (tests/corpus/mkcorpus.c).
CORPUS_SRC := $(wildcard tests/corpus/*.c)
$(BUILD)/mkcorpus: $(CORPUS_SRC) tests/corpus/elfgen.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -std=gnu11 -O1 -Wall -Wextra -Werror -I. -o $@ $(CORPUS_SRC)

$(BUILD)/corpus/MANIFEST: $(BUILD)/mkcorpus
	@echo "  CORPUS  $(@D)"
	$(Q)rm -rf $(@D) && $< $(@D)

corpus: $(BUILD)/corpus/MANIFEST

test: $(BUILD)/kernel.elf $(BUILD)/host/unit $(INITRD) $(FUZZ_REPLAY) $(BUILD)/bench.cpio $(BUILD)/bench-scale.cpio \
      $(LAB_GRADERS)
	@tools/run-tests $(BUILD)

# A 1 GiB writev to the console while another thread keeps running (long:
# the serial console under TCG moves about 1 MiB/s; docs/testing.md).
test-preempt-1g: $(BUILD)/kernel.elf $(BUILD)/user/preemptcheck
	@bash -c 'set -o pipefail; PAGODA_BUILD=$(BUILD) tools/run-elf \
		$(BUILD)/user/preemptcheck /dev/console 1073741824 1000 | \
		grep -v "^preemptcheck filler"'

# QEMU's status is init's exit status, encoded as (code << 1) | 1 by the
# isa-debug-exit device (docs/boot.md): make run exits with init's status.
QEMU_STATUS = st=$$?; [ $$((st & 1)) = 1 ] && st=$$((st >> 1)); exit $$st
run: $(BUILD)/kernel.elf $(INITRD)
	@$(QEMU) -cpu $(CPU) -m $(MEM) -kernel $< -initrd $(INITRD) -append "$(ARGS)" \
		-nographic -nic none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=4; \
		$(QEMU_STATUS)

# A CD image that GRUB boots, as on a real machine; ARGS go into grub.cfg.
ISODIR := $(BUILD)/isodir
iso: $(BUILD)/kernel.elf $(INITRD) boot/grub.cfg
	@rm -rf $(ISODIR) && mkdir -p $(ISODIR)/boot/grub
	@cp $< $(ISODIR)/boot/kernel.elf
	@cp $(INITRD) $(ISODIR)/boot/initrd.cpio
	@sed 's|@ARGS@|$(ARGS)|' boot/grub.cfg >$(ISODIR)/boot/grub/grub.cfg
	@echo "  ISO     $(BUILD)/pagoda.iso"
	$(Q)grub-mkrescue -o $(BUILD)/pagoda.iso $(ISODIR) >$(BUILD)/iso.log 2>&1 \
		|| { cat $(BUILD)/iso.log; exit 1; }

run-iso: iso
	$(QEMU) -cpu $(CPU) -m $(MEM) -cdrom $(BUILD)/pagoda.iso -boot d -nographic -nic none \
		-no-reboot -device isa-debug-exit,iobase=0xf4,iosize=4 || true

# `make debug`: the debug build, QEMU paused with its gdb stub and the
# pagoda console on this terminal (keyboard included); gdb attaches from a
# second terminal with `make gdb` (inside tmux, make debug opens that pane
# itself). Quitting QEMU (Ctrl-a x) ends both.
GDBPORT ?= 1234
debug: $(BUILD)/kernel.elf $(INITRD)
	@if [ -n "$$TMUX" ]; then tmux split-window -h "$(MAKE) gdb GDBPORT=$(GDBPORT)"; \
	else echo "pagoda is paused for gdb: run 'make gdb' in another terminal"; fi
	@$(QEMU) -cpu $(CPU) -m $(MEM) -kernel $< -initrd $(INITRD) -append "$(ARGS)" \
		-nographic -nic none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=4 \
		-gdb tcp::$(GDBPORT) -S; $(QEMU_STATUS)

gdb: $(BUILD)/kernel.elf
	gdb -q -ex 'set $$gdbport = $(GDBPORT)' -x tools/gdbinit $<

# User space: libc and programs ----------------------------------------------
# libc.a from libc/src/*/*.c, crt1.o from libc/crt/crt1.asm, and one static
# Linux i386 program per user/NAME.c, at $(BUILD)/user/NAME (docs/libc.md).
# `user` is separate from `kernel`: the kernel never needs them to build.
ULIB_INC = $(shell $(CC) -print-file-name=include)
UCFLAGS = -std=gnu11 -m32 -march=i686 -O2 -g -ffreestanding -fno-pic \
          -fno-pie -fno-stack-protector -fno-strict-aliasing -nostdinc \
          -isystem $(ULIB_INC) -Ilibc/include -I. -Wall -Wextra -Werror -MD -MP
# -fno-tree-loop-distribute-patterns: or memset's loop becomes a memset call.
LIBC_CFLAGS = $(UCFLAGS) -Ilibc/src/internal -fno-tree-loop-distribute-patterns
ULDFLAGS := -m32 -nostdlib -static -no-pie -Wl,--build-id=none \
            -Wl,-z,noexecstack
LIBC_OBJ := $(patsubst libc/%.c,$(BUILD)/libc/%.o,$(wildcard libc/src/*/*.c))
LIBC_A   := $(BUILD)/libc/libc.a
CRT1     := $(BUILD)/libc/crt1.o
USER_BIN := $(patsubst user/%.c,$(BUILD)/user/%,$(wildcard user/*.c))
# A bigger program is a directory, user/NAME/*.c (the shell, user/sh/):
# its objects go to $(BUILD)/user-obj/NAME/, the program to $(BUILD)/user/NAME.
USER_DIRS := $(sort $(patsubst user/%/,%,$(dir $(wildcard user/*/*.c))))
USER_MULTI_BIN := $(addprefix $(BUILD)/user/,$(USER_DIRS))
USER_MULTI_OBJ := $(patsubst user/%.c,$(BUILD)/user-obj/%.o,$(wildcard user/*/*.c))

.PHONY: user
user: $(USER_BIN) $(USER_MULTI_BIN)

$(BUILD)/libc/%.o: libc/%.c | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(LIBC_CFLAGS) -c $< -o $@

$(CRT1): libc/crt/crt1.asm | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  NASM    $<"
	$(Q)$(NASM) -f elf32 -g -F dwarf $< -o $@

$(LIBC_A): $(LIBC_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && $(CROSS)ar rcs $@ $^

$(BUILD)/user/%.o: user/%.c | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

$(USER_BIN): $(BUILD)/user/%: $(BUILD)/user/%.o $(CRT1) $(LIBC_A)
	@echo "  LD      $@"
	$(Q)$(CC) $(ULDFLAGS) -o $@ $(CRT1) $< $(LIBC_A) -lgcc

$(BUILD)/user-obj/%.o: user/%.c | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

define user_multi_link
$(BUILD)/user/$(1): $(filter $(BUILD)/user-obj/$(1)/%,$(USER_MULTI_OBJ)) $(CRT1) $(LIBC_A)
	@echo "  LD      $$@"
	$(Q)$(CC) $(ULDFLAGS) -o $$@ $(CRT1) $(filter $(BUILD)/user-obj/$(1)/%,$(USER_MULTI_OBJ)) $(LIBC_A) -lgcc
endef
$(foreach p,$(USER_DIRS),$(eval $(call user_multi_link,$(p))))

-include $(LIBC_OBJ:.o=.d) $(USER_BIN:=.d) $(USER_MULTI_OBJ:.o=.d)

# The labs (docs/labs.md): each labs/NAME/grade.c is a user program on
# pagoda's libc, the lab's grader. `make grade LAB=NAME` builds and runs
# it (labs/grade). tools/check-labs, in `make test`, checks that every
# grader passes on this tree and fails on the lab's starting point
# (labs/NAME/start), every start applied to one copy; `make check-labs`
# gives each lab a copy of its own.

$(BUILD)/labs/%.o: labs/%.c | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

$(LAB_GRADERS): $(BUILD)/labs/%/grade: $(BUILD)/labs/%/grade.o $(CRT1) $(LIBC_A)
	@echo "  LD      $@"
	$(Q)$(CC) $(ULDFLAGS) -o $@ $(CRT1) $< $(LIBC_A) -lgcc

.PHONY: grade check-labs
grade: $(BUILD)/kernel.elf $(USER_BIN) $(LAB_GRADERS)
	@[ -n "$(LAB)" ] || { echo "usage: make grade LAB=NAME (one of: $(notdir $(patsubst %/grade.c,%,$(wildcard labs/*/grade.c))))"; exit 2; }
	@labs/grade $(LAB) $(BUILD)

check-labs: $(BUILD)/kernel.elf $(USER_BIN) $(LAB_GRADERS)
	@tools/check-labs --full $(BUILD)/kernel.elf

-include $(LAB_GRADERS:=.d)
# The benchmark (bench/, `make bench`): bench/bench*.c on pagoda's libc and
# three tiny assembly programs, packed alone into bench.cpio, the initrd
# both pagoda and Linux boot it from.
BENCH_DIR := $(BUILD)/bench
BENCH_ASM := $(patsubst bench/%.asm,$(BENCH_DIR)/%,$(wildcard bench/*.asm))
BENCH_OBJ := $(patsubst bench/%.c,$(BENCH_DIR)/%.o,$(wildcard bench/*.c))

$(BENCH_DIR)/%.o: bench/%.c | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

$(BENCH_DIR)/bench: $(BENCH_OBJ) $(CRT1) $(LIBC_A)
	@echo "  LD      $@"
	$(Q)$(CC) $(ULDFLAGS) -o $@ $(CRT1) $(BENCH_OBJ) $(LIBC_A) -lgcc

$(BENCH_ASM): $(BENCH_DIR)/%: bench/%.asm | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  NASM    $<"
	$(Q)$(NASM) -f elf32 $< -o $@.o && $(CROSS)ld -m elf_i386 -static \
		--build-id=none -z noexecstack -o $@ $@.o

$(BUILD)/bench.cpio: $(BENCH_DIR)/bench $(BENCH_ASM) tools/mkinitrd
	@echo "  INITRD  $@"
	$(Q)tools/mkinitrd $@ $(foreach b,$^,$(if $(filter tools/%,$(b)),,$(b):bench/$(notdir $(b))))

-include $(BENCH_OBJ:.o=.d)

# `make pictures`: docs/pictures/*.svg, drawn by tools/draw-as from the
# trace= lines of a boot of pagoda (tools/make-pictures, docs/trace.md).
.PHONY: pictures
pictures: $(BUILD)/kernel.elf $(INITRD)
	@tools/make-pictures $(BUILD)

.PHONY: bench bench-scale
bench: $(BUILD)/bench.cpio
	@$(MAKE) --no-print-directory RELEASE=1 build-release/kernel.elf
	@KERNEL=build-release/kernel.elf tools/bench-vs-linux $(BUILD)

# `make bench-scale` (bench/README.md): how fork+execve grows with the
# image's size (bench/scale/image.asm at four sizes), the live processes
# and the VMAs, on both kernels; a second, bigger initrd (20 MiB).
SCALE_IMAGES := $(foreach k,16K 256K 4M 16M,$(BENCH_DIR)/image-$(k))
$(BENCH_DIR)/image-%: bench/scale/image.asm | $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  NASM    $< ($*)"
	$(Q)$(NASM) -f elf32 -DIMAGE_KB=$$(( $(subst M,*1024,$(subst K,,$*)) )) \
		$< -o $@.o && $(CROSS)ld -m elf_i386 -static --build-id=none \
		-z noexecstack -o $@ $@.o

$(BUILD)/bench-scale.cpio: $(BENCH_DIR)/bench $(BENCH_ASM) $(SCALE_IMAGES) tools/mkinitrd
	@echo "  INITRD  $@"
	$(Q)tools/mkinitrd $@ $(foreach b,$^,$(if $(filter tools/%,$(b)),,$(b):bench/$(notdir $(b))))

bench-scale: $(BUILD)/bench-scale.cpio
	@$(MAKE) --no-print-directory RELEASE=1 build-release/kernel.elf
	@KERNEL=build-release/kernel.elf CPIO=$(BUILD)/bench-scale.cpio \
		GROUP=scale tools/bench-vs-linux $(BUILD)

# End of user space -----------------------------------------------------------

clean:
	rm -rf build build-debug build-release $(BUILD)

# The initrd: every user program as /bin/NAME, the ELF corpus, and a hard
# link to /bin/exit42 (fs.initrd_hard_links_are_one_inode).
# The initrd carries the programs without their debug sections (gdb and
# the host checks use $(BUILD)/user): half the size, which leaves an
# 8 MiB machine (make test's low-memory run) room to work.
INITRD_BIN := $(patsubst $(BUILD)/user/%,$(BUILD)/initrd-bin/%,$(USER_BIN) $(USER_MULTI_BIN))
$(INITRD_BIN): $(BUILD)/initrd-bin/%: $(BUILD)/user/%
	@mkdir -p $(@D)
	$(Q)$(OBJCOPY) --strip-debug $< $@

$(INITRD): $(INITRD_BIN) $(BUILD)/corpus/MANIFEST tools/mkinitrd $(wildcard tests/sh/*)
	@echo "  INITRD  $@"
	$(Q)tools/mkinitrd $@ $(foreach b,$(INITRD_BIN),$(b):bin/$(notdir $(b))) \
		$(BUILD)/corpus:corpus tests/sh:tests/sh +bin/exit42:corpus/exit42.link

.PHONY: initrd
initrd: $(INITRD)

-include $(KOBJ:.o=.d) $(HOST_OBJ:.o=.d)
