; boot/boot.asm: the Multiboot header and the first instructions. Runs at the
; physical load address with paging off, builds a boot page directory of
; 4 MiB pages, jumps to the higher half, drops the identity map, calls kmain.

MB_MAGIC        equ 0x1BADB002
MB_FLAGS        equ (1 << 0) | (1 << 1)   ; page-aligned modules, memory map
KERNEL_BASE     equ 0xC0000000
BOOT_MAP_PDES   equ 224                   ; 224 x 4 MiB = 896 MiB (LOWMEM_LIMIT)
PDE_P_RW_PS     equ 0x83                  ; present, writable, 4 MiB page
CR0_PG          equ 0x80000000
CR0_WP          equ 0x00010000
CR4_PSE         equ 0x00000010

section .multiboot
align 4
    dd MB_MAGIC
    dd MB_FLAGS
    dd -(MB_MAGIC + MB_FLAGS)

section .text.boot
global _start
extern kmain
_start:
    ; Paging is off: every label must be turned into its physical address.
    mov ecx, eax                          ; keep the Multiboot magic
    mov edi, boot_page_dir - KERNEL_BASE
    ; Map physical 0 .. 896 MiB at KERNEL_BASE with 4 MiB pages, so kmain can
    ; read the Multiboot structures and modules wherever the loader put them.
    xor eax, eax
    mov edx, PDE_P_RW_PS
.fill:
    mov [edi + (KERNEL_BASE >> 22) * 4 + eax * 4], edx
    add edx, 0x400000
    inc eax
    cmp eax, BOOT_MAP_PDES
    jne .fill
    ; Identity-map the first 4 MiB just long enough to jump up.
    mov dword [edi], PDE_P_RW_PS

    mov eax, cr4
    or eax, CR4_PSE
    mov cr4, eax
    mov cr3, edi
    mov eax, cr0
    or eax, CR0_PG | CR0_WP
    mov cr0, eax
    lea eax, [higher_half]
    jmp eax

higher_half:
    mov dword [boot_page_dir], 0          ; drop the identity map
    mov eax, cr3
    mov cr3, eax                          ; flush it from the TLB
    mov esp, boot_stack_top
    xor ebp, ebp                          ; ends the backtrace chain
    push ebx                              ; Multiboot info (physical)
    push ecx                              ; Multiboot magic
    call kmain
.hang:
    cli
    hlt
    jmp .hang

section .data
align 4096
global boot_page_dir, kernel_pd
boot_page_dir:                            ; paging_init() turns it into
kernel_pd:                                ; the kernel page directory
    times 1024 dd 0

section .bss
align 4096
global boot_stack_guard
boot_stack_guard:                         ; unmapped by paging_init: an
    resb 4096                             ; overflow of kmain's stack faults
global boot_stack
boot_stack:
    resb 16384                            ; kmain's stack, later thread 0's
global boot_stack_top
boot_stack_top:

section .note.GNU-stack noalloc noexec nowrite progbits
