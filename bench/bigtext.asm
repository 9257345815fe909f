; bench/bigtext.asm: 4 MiB of program text, one function at the start of
; each of its 1024 pages; _start calls them all, so each text page is
; touched once (a first-touch fault from the page cache), then exits.
PAGES equ 1024

section .text
global _start
_start:
    mov esi, page0
    mov ecx, PAGES
.next:
    call esi
    add esi, 4096
    loop .next
    mov eax, 1          ; exit(0)
    xor ebx, ebx
    int 0x80

align 4096
page0:
%rep PAGES
    ret
    align 4096, db 0xcc
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
