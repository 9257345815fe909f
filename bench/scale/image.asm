; bench/scale/image.asm: a program whose image is IMAGE_KB KiB of text
; (nasm -DIMAGE_KB=N; make bench-scale builds 16, 256, 4096 and 16384).
; With no argument it exits at once (its image mapped, untouched); with
; one (argc > 1) it first reads one byte of every page of its image, so
; each page is faulted in from the page cache.
section .text
global _start
_start:
    cmp dword [esp], 1          ; argc
    jbe .done
    mov esi, image
    mov ecx, IMAGE_KB / 4
.touch:
    mov al, [esi]
    add esi, 4096
    loop .touch
.done:
    mov eax, 1                  ; exit(0)
    xor ebx, ebx
    int 0x80

align 4096
image:
    times IMAGE_KB * 1024 db 0x90

section .note.GNU-stack noalloc noexec nowrite progbits
