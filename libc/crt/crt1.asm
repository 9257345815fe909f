; libc/crt/crt1.asm: _start, where every program begins. exec left esp at
; argc (argv, envp and auxv above it); C takes over in __libc_start_main.
	section .bss
	global __libc_entry_regs
	alignb 4
__libc_entry_regs:          ; struct entry_regs (include/pagoda/start.h)
	resd 8

	section .text
	global _start
	extern __libc_start_main
_start:
	; Save the registers exec left, for tests of the ABI; a store
	; changes no register.
	mov [__libc_entry_regs + 0], eax
	mov [__libc_entry_regs + 4], ebx
	mov [__libc_entry_regs + 8], ecx
	mov [__libc_entry_regs + 12], edx
	mov [__libc_entry_regs + 16], esi
	mov [__libc_entry_regs + 20], edi
	mov [__libc_entry_regs + 24], ebp
	mov [__libc_entry_regs + 28], esp
	xor ebp, ebp            ; the outermost frame: backtraces stop here
	mov eax, esp            ; eax -> argc
	and esp, -16            ; the ABI: esp 16-byte aligned at each call
	sub esp, 12
	push eax
	call __libc_start_main  ; does not return
	hlt                     ; (a fault, if it ever did)

	section .note.GNU-stack noalloc noexec nowrite progbits
