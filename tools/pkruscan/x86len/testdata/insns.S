/*
 * Instructions whose lengths the decoder must reproduce. The assembler is
 * the reference: the I macro records each instruction's length in section
 * .lens, and the test walks .text with the decoder and compares.
 *
 * The list favours what compilers emit (every addressing form, every
 * immediate size, operand-size and REX variations, SSE/AVX/AVX-512) plus
 * the PKRU-related instructions pkruscan looks for.
 */
.macro I insn:vararg
1:	\insn
2:	.pushsection .lens, "", @progbits
	.byte 2b-1b
	.popsection
.endm

	.text
	.globl insns
insns:
/* Addressing forms: mod 00/01/10/11, SIB, no-base SIB, RIP-relative. */
I	mov (%rax), %ecx
I	mov (%rsp), %ecx
I	mov (%rbp), %ecx
I	mov (%r12), %ecx
I	mov (%r13), %ecx
I	mov 8(%rax), %ecx
I	mov -8(%rsp), %ecx
I	mov 0x12345678(%rax), %ecx
I	mov 0x12345678(%rsp), %ecx
I	mov (%rax,%rbx,4), %ecx
I	mov 8(%rax,%rbx,8), %ecx
I	mov 0x1000(%rax,%rbx,2), %ecx
I	mov 0x1000(,%rbx,2), %ecx
I	mov 0x10(,%rbx,1), %ecx
I	mov 0x12345678, %ecx
I	mov insns(%rip), %ecx
I	mov %eax, %ecx
I	mov (%eax), %ecx
I	mov 4(%esp), %ecx
I	mov (%r8,%r9,4), %r10
I	lea 0x7f(%rip), %rax
I	lea (%rax,%rax), %rax

/* ALU forms: accumulator immediates, group 1, operand sizes. */
I	add $1, %al
I	add $0x12345678, %eax
I	add $0x1234, %ax
I	add $0x12345678, %rax
I	add $1, %cl
I	add $1, %ecx
I	add $0x1234, %cx
I	add $0x12345678, %ecx
I	add $0x12345678, %rcx
I	addq $1, 8(%rsp)
I	addw $0x1234, 0x100(%rbx,%rcx,8)
I	addl $0x12345678, insns(%rip)
I	or %eax, %ebx
I	adc (%rax), %r11
I	sbb %r8b, %sil
I	and $0x7f, %r9
I	sub %ax, %bx
I	xor %eax, %eax
I	cmp $0x12345678, %rax
I	cmpb $0, (%rdi)
I	test $0x12345678, %eax
I	test $1, %al
I	testb $1, (%rdi)
I	testw $0x100, (%rdi)
I	testl $0x10000, (%rdi)
I	testq $0x10000, 8(%rdi)
I	test %rax, %rbx
I	not %eax
I	negq 8(%rsp)
I	mulb (%rax)
I	imul %rbx
I	divl (%rcx)
I	idiv %r8
I	imul $0x12345678, %eax, %ecx
I	imul $3, %rax, %rcx
I	imul $0x1234, %ax, %cx
I	imul (%rax), %ecx
I	inc %eax
I	decb (%rax)
I	incw 2(%rax)
I	shl $3, %eax
I	shr %cl, %rax
I	sar %ebx
I	rol $1, %r8w
I	rcr $7, %bl
I	shld $4, %eax, %ebx
I	shrd %cl, %rax, %rbx
I	bt $5, %eax
I	bts %eax, (%rbx)
I	btr $63, %rax
I	btc %rcx, %rdx
I	bsf %eax, %ebx
I	bsr (%rax), %rcx
I	tzcnt %eax, %ebx
I	lzcnt %rax, %rbx
I	popcnt %eax, %ebx

/* Moves of every immediate size. */
I	mov $1, %al
I	mov $1, %r8b
I	mov $0x1234, %ax
I	mov $0x12345678, %eax
I	mov $0xef010f, %eax
I	movabs $0x123456789abcdef0, %rax
I	movabs $0x123456789abcdef0, %r15
I	mov $-1, %rax
I	movb $1, (%rax)
I	movw $0x1234, (%rax)
I	movl $0x12345678, (%rax)
I	movq $-1, 8(%rsp)
I	movabs 0x123456789abcdef0, %al
I	movabs 0x123456789abcdef0, %eax
I	movabs %rax, 0x123456789abcdef0
I	addr32 mov 0x12345678, %eax
I	movzbl (%rax), %eax
I	movzwl %ax, %ecx
I	movsbq %al, %rcx
I	movswq (%rax), %rcx
I	movslq %eax, %rcx
I	cmove %eax, %ebx
I	cmovne (%rax), %rbx
I	sete %al
I	setg (%rax)
I	xchg %eax, %ebx
I	xchg %rax, %r8
I	xchg %ax, %ax
I	xadd %eax, (%rbx)
I	cmpxchg %ecx, (%rbx)
I	lock cmpxchg %rcx, (%rbx)
I	lock cmpxchg16b (%rdi)
I	lock xaddq %rax, 8(%rdi)
I	lock incl (%rax)
I	bswap %eax
I	bswap %r9
I	movbe (%rax), %ecx
I	crc32b %al, %ecx
I	crc32q (%rax), %rcx
I	cwtl
I	cltq
I	cqto
I	cltd

/* Stack, control flow. */
I	push %rax
I	push %r12
I	pushq $1
I	pushq $0x12345678
I	pushq (%rax)
I	pushw $0x1234
I	pop %rbx
I	pop %r13
I	popq (%rax)
I	pushf
I	popf
I	enter $0x20, $0
I	leave
I	ret
I	ret $8
I	lretq
I	lretq $16
I	call *%rax
I	call *(%rax)
I	call *insns(%rip)
I	jmp *%rax
I	jmp *8(%rax,%rbx,8)
I	notrack jmp *%rax
I	ljmp *(%rax)
I	lcall *(%rax)
I	jmp 1f
I	je 1f
I	jrcxz 1f
I	loop 1f
1:
I	call insns
I	jmp insns
I	jne insns
I	int3
I	int $0x80
I	ud2
I	ud1 (%rax), %eax
I	hlt
I	nop
I	pause
I	nopw 0(%rax,%rax,1)
I	nopl 0(%rax)
I	nopw %cs:0(%rax,%rax,1)
I	.byte 0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0  /* data16 cs nopw */
I	endbr64
I	rep stosb
I	rep movsq
I	repne scasb
I	cmpsb
I	lodsl
I	in $0x60, %al
I	out %al, $0x80
I	in (%dx), %eax
I	cpuid
I	rdtsc
I	rdtscp
I	rdrand %eax
I	rdseed %rax
I	syscall
I	sysenter
I	clc
I	std
I	cld
I	cmc
I	lahf
I	sahf
I	xlat
I	fs movq (%rax), %rax
I	movq %fs:0, %rax
I	movq %gs:0x28, %rcx
I	xbegin 1f
I	xabort $1
I	xend
1:

/* System and XSAVE: including the PKRU writers pkruscan looks for. */
I	wrpkru
I	rdpkru
I	xgetbv
I	xsetbv
I	xsave (%rdi)
I	xsave64 (%rdi)
I	xrstor (%rdi)
I	xrstor64 (%rdi)
I	xrstor 8(%rsp)
I	xrstor64 0x100(%rdi,%rsi,8)
I	xrstors (%rdi)
I	xrstors64 (%rdi)
I	xsaves (%rdi)
I	xsavec (%rdi)
I	xsaveopt (%rdi)
I	fxsave (%rdi)
I	fxrstor64 (%rdi)
I	ldmxcsr (%rdi)
I	stmxcsr 4(%rsp)
I	lfence
I	mfence
I	sfence
I	clflush (%rax)
I	clflushopt (%rax)
I	clwb (%rax)
I	prefetcht0 (%rax)
I	prefetchnta 64(%rax)
I	prefetchw (%rax)
I	monitor
I	mwait
I	rdfsbase %rax
I	wrgsbase %rax
I	swapgs
I	lgdt (%rax)
I	sidt (%rax)
I	invlpg (%rax)
I	mov %cr0, %rax
I	mov %rax, %cr3
I	mov %dr7, %rax
I	rdmsr
I	wrmsr
I	invpcid (%rax), %rax
I	vmcall
I	vmread %rax, %rbx
I	vmwrite (%rax), %rbx
I	vmptrld (%rax)

/* x87. */
I	fld1
I	fldl (%rax)
I	fstps 4(%rsp)
I	fadd %st(1), %st
I	fmulp
I	fistpll (%rax)
I	fnstcw (%rax)
I	fldcw 2(%rsp)
I	fxch
I	fucomip %st(1), %st
I	wait

/* MMX, SSE through SSE4.2, AES, SHA, CLMUL. */
I	emms
I	movq %mm0, %mm1
I	paddb (%rax), %mm2
I	psllq $4, %mm3
I	movd %eax, %xmm0
I	movq %rax, %xmm0
I	movq %xmm0, %rax
I	movaps %xmm1, %xmm2
I	movups (%rax), %xmm3
I	movss 4(%rsp), %xmm4
I	movsd %xmm5, (%rax)
I	movapd %xmm8, %xmm15
I	movdqa (%rax), %xmm9
I	movdqu %xmm10, 16(%rsp)
I	addps %xmm1, %xmm2
I	addsd (%rax), %xmm2
I	mulss %xmm1, %xmm2
I	divpd %xmm1, %xmm2
I	sqrtsd %xmm1, %xmm2
I	cvtsi2sd %rax, %xmm0
I	cvtsi2ssl (%rax), %xmm0
I	cvttsd2si %xmm0, %eax
I	cvtsd2ss %xmm0, %xmm1
I	ucomisd %xmm0, %xmm1
I	comiss (%rax), %xmm1
I	cmpps $1, %xmm0, %xmm1
I	cmpsd $2, (%rax), %xmm1
I	shufps $0x1b, %xmm0, %xmm1
I	pshufd $0x1b, %xmm0, %xmm1
I	pshufb %xmm0, %xmm1
I	pshuflw $0, (%rax), %xmm1
I	psrldq $8, %xmm1
I	pslld $3, %xmm9
I	psraw $1, %xmm2
I	pinsrw $3, %eax, %xmm1
I	pextrw $3, %xmm1, %eax
I	pinsrd $1, %eax, %xmm1
I	pinsrq $1, %rax, %xmm9
I	pextrb $15, %xmm1, %eax
I	pextrq $1, %xmm1, (%rax)
I	extractps $1, %xmm0, %eax
I	insertps $0x10, %xmm1, %xmm2
I	blendvps %xmm0, %xmm1, %xmm2
I	pblendw $0xf0, %xmm1, %xmm2
I	roundsd $4, %xmm1, %xmm2
I	dpps $0xff, %xmm1, %xmm2
I	pcmpeqb %xmm0, %xmm1
I	pcmpistri $0x0c, (%rax), %xmm1
I	pcmpestrm $0, %xmm0, %xmm1
I	pmovzxbw (%rax), %xmm1
I	pmulld %xmm0, %xmm1
I	ptest %xmm0, %xmm1
I	palignr $4, %xmm0, %xmm1
I	pmovmskb %xmm0, %eax
I	movmskps %xmm0, %eax
I	movntdq %xmm0, (%rax)
I	movnti %eax, (%rax)
I	maskmovdqu %xmm1, %xmm2
I	lddqu (%rax), %xmm1
I	movddup %xmm0, %xmm1
I	haddps %xmm0, %xmm1
I	aesenc %xmm0, %xmm1
I	aesdeclast (%rax), %xmm1
I	aeskeygenassist $1, %xmm0, %xmm1
I	pclmulqdq $0x11, %xmm0, %xmm1
I	sha256rnds2 %xmm0, %xmm1, %xmm2
I	sha1rnds4 $3, %xmm0, %xmm1
I	extrq $4, $8, %xmm1
I	insertq $4, $8, %xmm0, %xmm1
I	extrq %xmm0, %xmm1
I	pfadd %mm0, %mm1
I	pfrcp (%rax), %mm1
I	femms

/* VEX: AVX, AVX2, FMA, F16C, BMI, AMX. */
I	vzeroupper
I	vzeroall
I	vmovaps %ymm0, %ymm1
I	vmovups (%rax), %ymm1
I	vmovdqu %ymm8, (%rax)
I	vmovdqu64 %zmm8, (%rax)
I	vaddps %ymm0, %ymm1, %ymm2
I	vaddpd (%rax,%rbx,8), %ymm9, %ymm15
I	vmulsd %xmm0, %xmm1, %xmm2
I	vxorps %xmm0, %xmm0, %xmm0
I	vpxor %ymm12, %ymm13, %ymm14
I	vpshufb %ymm0, %ymm1, %ymm2
I	vpshufd $0x1b, %ymm0, %ymm1
I	vpsrlq $4, %ymm0, %ymm1
I	vcmpps $1, %ymm0, %ymm1, %ymm2
I	vshufps $0x44, %xmm0, %xmm1, %xmm2
I	vpinsrw $1, %eax, %xmm1, %xmm2
I	vpextrw $1, %xmm1, %eax
I	vperm2f128 $0x20, %ymm0, %ymm1, %ymm2
I	vinserti128 $1, %xmm0, %ymm1, %ymm1
I	vextractf128 $1, %ymm0, (%rax)
I	vblendvps %ymm3, %ymm0, %ymm1, %ymm2
I	vpbroadcastd %xmm0, %ymm1
I	vbroadcastss (%rax), %ymm1
I	vpermq $0xd8, %ymm0, %ymm1
I	vgatherdps %ymm2, (%rax,%ymm1,4), %ymm0
I	vpgatherqq %ymm2, 8(%rax,%ymm1,8), %ymm0
I	vfmadd231ps %ymm0, %ymm1, %ymm2
I	vfmadd213sd (%rax), %xmm1, %xmm2
I	vcvtps2ph $0, %ymm0, %xmm1
I	vcvtph2ps %xmm0, %ymm1
I	vpmaskmovd (%rax), %ymm1, %ymm2
I	vtestps %ymm0, %ymm1
I	vmovmskps %ymm0, %eax
I	vcvtsi2sdq %rax, %xmm1, %xmm2
I	vaesenc %ymm0, %ymm1, %ymm2
I	vpclmulqdq $0, %ymm0, %ymm1, %ymm2
I	andn %eax, %ebx, %ecx
I	bextr %rax, (%rbx), %rcx
I	blsr %eax, %ebx
I	bzhi %rax, %rbx, %rcx
I	pdep %eax, %ebx, %ecx
I	pext %rax, %rbx, %rcx
I	mulx %rax, %rbx, %rcx
I	rorx $5, %eax, %ebx
I	sarx %eax, %ebx, %ecx
I	shlx %rax, (%rbx), %rcx
I	kmovw %k1, %k2
I	kmovq %rax, %k1
I	korw %k1, %k2, %k3
I	kshiftlw $3, %k1, %k2
I	ldtilecfg (%rax)
I	tilerelease
I	tileloadd (%rax,%rbx,1), %tmm0
I	tdpbssd %tmm1, %tmm2, %tmm3

/* EVEX: AVX-512 with masks, broadcast, compressed displacement, FP16. */
I	vaddps %zmm0, %zmm1, %zmm2
I	vaddps %zmm16, %zmm17, %zmm31
I	vaddps (%rax){1to16}, %zmm1, %zmm2{%k1}{z}
I	vaddps 64(%rax), %zmm1, %zmm2
I	vaddps 0x1000(%rax), %zmm1, %zmm2
I	vaddps {rn-sae}, %zmm0, %zmm1, %zmm2
I	vmovdqu32 %zmm0, (%rax){%k1}
I	vmovups %xmm16, %xmm17
I	vpaddq %ymm20, %ymm21, %ymm22
I	vpternlogd $0x96, %zmm0, %zmm1, %zmm2
I	vpshufd $0x1b, %zmm0, %zmm1
I	vpsrlq $4, %zmm0, %zmm1
I	vcmpps $1, %zmm0, %zmm1, %k1
I	vpcmpd $2, %zmm0, %zmm1, %k1
I	vshufi64x2 $0x44, %zmm0, %zmm1, %zmm2
I	vextracti64x4 $1, %zmm0, %ymm1
I	vinserti32x8 $1, %ymm0, %zmm1, %zmm1
I	vpermt2d %zmm0, %zmm1, %zmm2
I	vpcompressd %zmm0, (%rax){%k1}
I	vpgatherdd (%rax,%zmm1,4), %zmm0{%k1}
I	vscatterdps %zmm0, (%rax,%zmm1,4){%k1}
I	vfmadd231ps %zmm0, %zmm1, %zmm2
I	vcvtps2pd %ymm0, %zmm1
I	vpmovqd %zmm0, %ymm1
I	vpbroadcastd %eax, %zmm1
I	vrndscaleps $4, %zmm0, %zmm1
I	vfpclassps $4, %zmm0, %k1
I	vpopcntq %zmm0, %zmm1
I	vpdpbusd %zmm0, %zmm1, %zmm2
I	vaddph %zmm0, %zmm1, %zmm2
I	vfmadd132ph (%rax), %zmm1, %zmm2
I	vcvtph2psx %ymm0, %zmm1
I	vcmpph $1, %zmm0, %zmm1, %k1
I	vmovw %eax, %xmm1
I	vmovsh (%rax), %xmm1

/* XOP. */
I	vpcmov %xmm0, %xmm1, %xmm2, %xmm3
I	vprotd $3, %xmm0, %xmm1
I	vpcomb $1, %xmm0, %xmm1, %xmm2
I	vfrczps %xmm0, %xmm1
I	bextr $0x0408, %eax, %ebx
I	blcfill %eax, %ebx
	.size insns, .-insns
	.section .note.GNU-stack, "", @progbits
