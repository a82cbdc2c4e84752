/*
 * One Go -> C wrapper per way of setting EDI before galeed_enter_c, in
 * assembly so the encodings are the ones named; wrappers_test.go says
 * which policy, or which error, each must give.
 */
	.text

	/* wrapper NAME starts a wrapper; the lines up to gates set EDI. */
	.macro wrapper name
	.globl _cgo_0123456789ab_Cfunc_\name
	.type _cgo_0123456789ab_Cfunc_\name, @function
_cgo_0123456789ab_Cfunc_\name:
	.endm

	.macro gates name
	call galeed_enter_c
	call galeed_leave_c
	ret
	.size _cgo_0123456789ab_Cfunc_\name, .-_cgo_0123456789ab_Cfunc_\name
	.endm

	/* Constants, in every encoding. */
	wrapper xor31
	xor %edi, %edi
	gates xor31
	wrapper xor33
	.byte 0x33, 0xff /* xor %edi, %edi as 33 /r */
	gates xor33
	wrapper xor64
	xor %rdi, %rdi
	gates xor64
	wrapper mov
	mov $1, %edi
	gates mov
	wrapper movc7
	.byte 0xc7, 0xc7, 2, 0, 0, 0 /* mov $2, %edi as c7 /0 */
	gates movc7
	wrapper mov64
	movq $1, %rdi
	gates mov64
	wrapper movabs
	movabsq $2, %rdi
	gates movabs

	/* Instructions that leave RDI alone between the constant and the call. */
	wrapper keeps
	mov $1, %edi
	lea 8(%rsp), %rsi
	mov %rdi, -8(%rsp)
	xor %r15d, %r15d
	mov $5, %r15d
	cmp %rdi, %rax
	nopw 0(%rax,%rax)
	push %rbx
	pop %rbx
	movzbl %dil, %eax
	endbr64
	gates keeps

	/* No constant policy. */
	wrapper none
	gates none
	wrapper r15
	mov $1, %r15d
	gates r15
	wrapper movreg
	mov %eax, %edi
	gates movreg
	wrapper mov16
	mov $1, %edi
	movw $1, %di
	gates mov16
	wrapper dil
	mov $1, %edi
	mov $0, %dil
	gates dil
	wrapper load
	mov $1, %edi
	mov 8(%rsp), %edi
	gates load
	wrapper call
	mov $1, %edi
	call void_f
	gates call
	wrapper label
	mov $1, %edi
	jmp 1f
1:
	gates label
	wrapper seven
	mov $7, %edi
	gates seven
	wrapper negative
	mov $-1, %rdi
	gates negative
