; Per-call policies declared with GALEED_CALL_POLICY (galeed_call_policy.h) in
; the preamble: peek readonly, fill readwrite (which warns, naming where it
; was declared), hello none (the default: deny, or what
; -galeed-default-policy says, RUN with prefix RO).
; IR: cgo's wrappers of C.peek, C.fill and C.hello in llvm_pass/test/testdata/gates.go, by clang-14 -O0 -g,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK:         warning: cgo-gcc-prolog:{{[0-9]+}}:0: in function _cgo_926328778c9c_Cfunc_fill: C.fill runs with Go memory readable and writable: galeed does not isolate this call (policy readwrite, declared at gates.go:21)
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_fill(
; CHECK:         call void @galeed_enter_c(i32 2, i8* getelementptr inbounds ([7 x i8], [7 x i8]* @galeed.call.fill, i32 0, i32 0))
; CHECK-NEXT:    call void @fill(
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_hello(
; CHECK:         call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([8 x i8], [8 x i8]* @galeed.call.hello, i32 0, i32 0))
; CHECK-NEXT:    call void @hello()
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_peek(
; CHECK:         call void @galeed_enter_c(i32 1, i8* getelementptr inbounds ([7 x i8], [7 x i8]* @galeed.call.peek, i32 0, i32 0))
; CHECK-NEXT:    call i8* @peek(
; CHECK-NEXT:    call void @galeed_leave_c()
;
; RO-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_fill(
; RO:         call void @galeed_enter_c(i32 2,
; RO-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_hello(
; RO:         call void @galeed_enter_c(i32 1,
; RO-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_peek(
; RO:         call void @galeed_enter_c(i32 1,
;
; With the manifest manifests/policy.txt (-galeed-call-policies, prefix
; MANIFEST): hello readwrite by the manifest alone, peek and fill listed with
; the policies their declarations give.
;
; MANIFEST:         warning: cgo-gcc-prolog:{{[0-9]+}}:0: in function _cgo_926328778c9c_Cfunc_fill: C.fill runs with Go memory readable and writable: galeed does not isolate this call (policy readwrite, declared at gates.go:21, listed at llvm_pass/test/manifests/policy.txt:6)
; MANIFEST:         warning: cgo-gcc-prolog:{{[0-9]+}}:0: in function _cgo_926328778c9c_Cfunc_hello: C.hello runs with Go memory readable and writable: galeed does not isolate this call (policy readwrite, listed at llvm_pass/test/manifests/policy.txt:4)
; MANIFEST-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_fill(
; MANIFEST:         call void @galeed_enter_c(i32 2,
; MANIFEST-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_hello(
; MANIFEST:         call void @galeed_enter_c(i32 2,
; MANIFEST-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_peek(
; MANIFEST:         call void @galeed_enter_c(i32 1,
;
; Broken manifests, one per prefix: each is an error at the manifest's line.
;
; MALFORMED: error: llvm_pass/test/manifests/malformed.txt:3: expected 'C.<function> <policy>', found 'C.peek'
; UNKNOWN_POLICY: error: llvm_pass/test/manifests/unknown_policy.txt:2: unknown policy 'read-only' for C.peek: expected one of deny, readonly, readwrite
; DUPLICATE: error: llvm_pass/test/manifests/duplicate.txt:3: C.hello is listed twice (first at line 1)
; CONFLICT: error: llvm_pass/test/manifests/conflict.txt:2: C.peek is readwrite here but readonly in its GALEED_CALL_POLICY (galeed_call_policy__peek, declared at gates.go:19)
; MISSING: error: llvm_pass/test/manifests/missing.txt: cannot read the call-policy manifest (-galeed-call-policies): No such file or directory

source_filename = "obj/gates.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.anon.2 = type { i8*, i64 }
%struct.anon.3 = type { i8*, i8* }

@galeed_call_policy__peek = hidden constant i32 1, align 4, !dbg !0
@galeed_call_policy__fill = hidden constant i32 2, align 4, !dbg !11

; Function Attrs: nofree nosync nounwind readnone speculatable willreturn
declare void @llvm.dbg.declare(metadata, metadata, metadata) #0

declare i8* @_cgo_topofstack() #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_fill(i8* noundef %0) #2 !dbg !24 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon.2*, align 8
  store i8* %0, i8** %2, align 8
  call void @llvm.dbg.declare(metadata i8** %2, metadata !29, metadata !DIExpression()), !dbg !30
  call void @llvm.dbg.declare(metadata %struct.anon.2** %3, metadata !31, metadata !DIExpression()), !dbg !40
  %4 = load i8*, i8** %2, align 8, !dbg !41
  %5 = bitcast i8* %4 to %struct.anon.2*, !dbg !41
  store %struct.anon.2* %5, %struct.anon.2** %3, align 8, !dbg !40
  %6 = load %struct.anon.2*, %struct.anon.2** %3, align 8, !dbg !42
  %7 = getelementptr inbounds %struct.anon.2, %struct.anon.2* %6, i32 0, i32 0, !dbg !43
  %8 = load i8*, i8** %7, align 1, !dbg !43
  %9 = load %struct.anon.2*, %struct.anon.2** %3, align 8, !dbg !44
  %10 = getelementptr inbounds %struct.anon.2, %struct.anon.2* %9, i32 0, i32 1, !dbg !45
  %11 = load i64, i64* %10, align 1, !dbg !45
  call void @fill(i8* noundef %8, i64 noundef %11), !dbg !46
  ret void, !dbg !47
}

declare void @fill(i8* noundef, i64 noundef) #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_hello(i8* noundef %0) #2 !dbg !48 {
  %2 = alloca i8*, align 8
  store i8* %0, i8** %2, align 8
  call void @llvm.dbg.declare(metadata i8** %2, metadata !49, metadata !DIExpression()), !dbg !50
  call void @hello(), !dbg !51
  ret void, !dbg !52
}

declare void @hello() #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_peek(i8* noundef %0) #2 !dbg !53 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon.3*, align 8
  %4 = alloca i8*, align 8
  %5 = alloca i8*, align 8
  store i8* %0, i8** %2, align 8
  call void @llvm.dbg.declare(metadata i8** %2, metadata !54, metadata !DIExpression()), !dbg !55
  call void @llvm.dbg.declare(metadata %struct.anon.3** %3, metadata !56, metadata !DIExpression()), !dbg !62
  %6 = load i8*, i8** %2, align 8, !dbg !63
  %7 = bitcast i8* %6 to %struct.anon.3*, !dbg !63
  store %struct.anon.3* %7, %struct.anon.3** %3, align 8, !dbg !62
  call void @llvm.dbg.declare(metadata i8** %4, metadata !64, metadata !DIExpression()), !dbg !65
  %8 = call i8* @_cgo_topofstack(), !dbg !66
  store i8* %8, i8** %4, align 8, !dbg !65
  call void @llvm.dbg.declare(metadata i8** %5, metadata !67, metadata !DIExpression()), !dbg !68
  %9 = load %struct.anon.3*, %struct.anon.3** %3, align 8, !dbg !69
  %10 = getelementptr inbounds %struct.anon.3, %struct.anon.3* %9, i32 0, i32 0, !dbg !70
  %11 = load i8*, i8** %10, align 1, !dbg !70
  %12 = call i8* @peek(i8* noundef %11), !dbg !71
  store i8* %12, i8** %5, align 8, !dbg !72
  %13 = load %struct.anon.3*, %struct.anon.3** %3, align 8, !dbg !73
  %14 = bitcast %struct.anon.3* %13 to i8*, !dbg !74
  %15 = call i8* @_cgo_topofstack(), !dbg !75
  %16 = load i8*, i8** %4, align 8, !dbg !76
  %17 = ptrtoint i8* %15 to i64, !dbg !77
  %18 = ptrtoint i8* %16 to i64, !dbg !77
  %19 = sub i64 %17, %18, !dbg !77
  %20 = getelementptr inbounds i8, i8* %14, i64 %19, !dbg !78
  %21 = bitcast i8* %20 to %struct.anon.3*, !dbg !79
  store %struct.anon.3* %21, %struct.anon.3** %3, align 8, !dbg !80
  %22 = load i8*, i8** %5, align 8, !dbg !81
  %23 = load %struct.anon.3*, %struct.anon.3** %3, align 8, !dbg !82
  %24 = getelementptr inbounds %struct.anon.3, %struct.anon.3* %23, i32 0, i32 1, !dbg !83
  store i8* %22, i8** %24, align 1, !dbg !84
  ret void, !dbg !85
}

declare i8* @peek(i8* noundef) #1

attributes #0 = { nofree nosync nounwind readnone speculatable willreturn }
attributes #1 = { "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!16, !17, !18, !19, !20, !21, !22}
!llvm.ident = !{!23}

!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "galeed_call_policy__peek", scope: !2, file: !13, line: 19, type: !14, isLocal: true, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C99, file: !3, producer: "Debian clang version 14.0.6", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !4, globals: !10, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "obj/gates.cgo2.c", directory: ".", checksumkind: CSK_MD5, checksum: "b1cedc5f6311d2263248be81195e6da4")
!4 = !{!5, !6, !8}
!5 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: null, size: 64)
!6 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !7, size: 64)
!7 = !DIBasicType(name: "char", size: 8, encoding: DW_ATE_signed_char)
!8 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !9, size: 64)
!9 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !7)
!10 = !{!0, !11}
!11 = !DIGlobalVariableExpression(var: !12, expr: !DIExpression())
!12 = distinct !DIGlobalVariable(name: "galeed_call_policy__fill", scope: !2, file: !13, line: 21, type: !14, isLocal: true, isDefinition: true)
!13 = !DIFile(filename: "gates.go", directory: ".")
!14 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !15)
!15 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!16 = !{i32 7, !"Dwarf Version", i32 5}
!17 = !{i32 2, !"Debug Info Version", i32 3}
!18 = !{i32 1, !"wchar_size", i32 4}
!19 = !{i32 7, !"PIC Level", i32 2}
!20 = !{i32 7, !"PIE Level", i32 2}
!21 = !{i32 7, !"uwtable", i32 1}
!22 = !{i32 7, !"frame-pointer", i32 2}
!23 = !{!"Debian clang version 14.0.6"}
!24 = distinct !DISubprogram(name: "_cgo_926328778c9c_Cfunc_fill", scope: !25, file: !25, line: 107, type: !26, scopeLine: 108, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !28)
!25 = !DIFile(filename: "cgo-gcc-prolog", directory: ".")
!26 = !DISubroutineType(types: !27)
!27 = !{null, !5}
!28 = !{}
!29 = !DILocalVariable(name: "v", arg: 1, scope: !24, file: !25, line: 107, type: !5)
!30 = !DILocation(line: 107, column: 36, scope: !24)
!31 = !DILocalVariable(name: "_cgo_a", scope: !24, file: !25, line: 112, type: !32)
!32 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !33, size: 64)
!33 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !24, file: !25, line: 109, size: 128, elements: !34)
!34 = !{!35, !36}
!35 = !DIDerivedType(tag: DW_TAG_member, name: "p0", scope: !33, file: !25, line: 110, baseType: !6, size: 64)
!36 = !DIDerivedType(tag: DW_TAG_member, name: "p1", scope: !33, file: !25, line: 111, baseType: !37, size: 64, offset: 64)
!37 = !DIDerivedType(tag: DW_TAG_typedef, name: "size_t", file: !38, line: 46, baseType: !39)
!38 = !DIFile(filename: "/usr/lib/llvm-14/lib/clang/14.0.6/include/stddef.h", directory: "", checksumkind: CSK_MD5, checksum: "2499dd2361b915724b073282bea3a7bc")
!39 = !DIBasicType(name: "unsigned long", size: 64, encoding: DW_ATE_unsigned)
!40 = !DILocation(line: 112, column: 49, scope: !24)
!41 = !DILocation(line: 112, column: 58, scope: !24)
!42 = !DILocation(line: 114, column: 7, scope: !24)
!43 = !DILocation(line: 114, column: 15, scope: !24)
!44 = !DILocation(line: 114, column: 19, scope: !24)
!45 = !DILocation(line: 114, column: 27, scope: !24)
!46 = !DILocation(line: 114, column: 2, scope: !24)
!47 = !DILocation(line: 116, column: 1, scope: !24)
!48 = distinct !DISubprogram(name: "_cgo_926328778c9c_Cfunc_hello", scope: !25, file: !25, line: 120, type: !26, scopeLine: 121, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !28)
!49 = !DILocalVariable(name: "v", arg: 1, scope: !48, file: !25, line: 120, type: !5)
!50 = !DILocation(line: 120, column: 37, scope: !48)
!51 = !DILocation(line: 123, column: 2, scope: !48)
!52 = !DILocation(line: 125, column: 1, scope: !48)
!53 = distinct !DISubprogram(name: "_cgo_926328778c9c_Cfunc_peek", scope: !25, file: !25, line: 129, type: !26, scopeLine: 130, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !28)
!54 = !DILocalVariable(name: "v", arg: 1, scope: !53, file: !25, line: 129, type: !5)
!55 = !DILocation(line: 129, column: 36, scope: !53)
!56 = !DILocalVariable(name: "_cgo_a", scope: !53, file: !25, line: 134, type: !57)
!57 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !58, size: 64)
!58 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !53, file: !25, line: 131, size: 128, elements: !59)
!59 = !{!60, !61}
!60 = !DIDerivedType(tag: DW_TAG_member, name: "p0", scope: !58, file: !25, line: 132, baseType: !8, size: 64)
!61 = !DIDerivedType(tag: DW_TAG_member, name: "r", scope: !58, file: !25, line: 133, baseType: !8, size: 64, offset: 64)
!62 = !DILocation(line: 134, column: 49, scope: !53)
!63 = !DILocation(line: 134, column: 58, scope: !53)
!64 = !DILocalVariable(name: "_cgo_stktop", scope: !53, file: !25, line: 135, type: !6)
!65 = !DILocation(line: 135, column: 8, scope: !53)
!66 = !DILocation(line: 135, column: 22, scope: !53)
!67 = !DILocalVariable(name: "_cgo_r", scope: !53, file: !25, line: 136, type: !8)
!68 = !DILocation(line: 136, column: 24, scope: !53)
!69 = !DILocation(line: 138, column: 40, scope: !53)
!70 = !DILocation(line: 138, column: 48, scope: !53)
!71 = !DILocation(line: 138, column: 35, scope: !53)
!72 = !DILocation(line: 138, column: 9, scope: !53)
!73 = !DILocation(line: 140, column: 26, scope: !53)
!74 = !DILocation(line: 140, column: 19, scope: !53)
!75 = !DILocation(line: 140, column: 36, scope: !53)
!76 = !DILocation(line: 140, column: 56, scope: !53)
!77 = !DILocation(line: 140, column: 54, scope: !53)
!78 = !DILocation(line: 140, column: 33, scope: !53)
!79 = !DILocation(line: 140, column: 11, scope: !53)
!80 = !DILocation(line: 140, column: 9, scope: !53)
!81 = !DILocation(line: 141, column: 14, scope: !53)
!82 = !DILocation(line: 141, column: 2, scope: !53)
!83 = !DILocation(line: 141, column: 10, scope: !53)
!84 = !DILocation(line: 141, column: 12, scope: !53)
!85 = !DILocation(line: 143, column: 1, scope: !53)
