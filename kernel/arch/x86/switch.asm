; kernel/arch/x86/switch.asm: switch_context, the whole of a thread switch
; on one CPU. Saves the callee-saved registers on the old thread's kernel
; stack, stores its esp, loads the new one's and returns on its stack.

section .text
; void switch_context(uint32_t *save_esp, uint32_t new_esp)
global switch_context
switch_context:
    mov eax, [esp + 4]
    mov edx, [esp + 8]
    push ebp
    push ebx
    push esi
    push edi
    mov [eax], esp
    mov esp, edx
    pop edi
    pop esi
    pop ebx
    pop ebp
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
