; Go -> C at -O2, fully optimized, where sq (a static inline from the
; preamble) was inlined into its wrapper before the pass ran: no call is left
; to gate, and sq's code would run in Go mode. The pass must refuse, at the
; wrapper's location (the IR has debug info).
; IR: cgo's wrapper of C.sq in llvm_pass/test/testdata/gates.go, by clang-14 -O2 -g,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK: error: cgo-gcc-prolog:{{[0-9]+}}:0: in function _cgo_926328778c9c_Cfunc_sq: the cgo wrapper of C.sq calls no C function to gate: it was inlined or removed before galeed-cgo-call-gates ran, which must come before inlining

source_filename = "obj/gates.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@galeed_call_policy__peek = hidden constant i32 1, align 4, !dbg !0
@galeed_call_policy__fill = hidden constant i32 2, align 4, !dbg !11

declare i8* @_cgo_topofstack() local_unnamed_addr #0

; Function Attrs: nounwind uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_sq(i8* nocapture noundef %0) local_unnamed_addr #1 !dbg !23 {
  call void @llvm.dbg.value(metadata i8* %0, metadata !28, metadata !DIExpression()), !dbg !42
  call void @llvm.dbg.value(metadata i8* %0, metadata !29, metadata !DIExpression()), !dbg !42
  %2 = tail call i8* @_cgo_topofstack() #3, !dbg !43
  call void @llvm.dbg.value(metadata i8* %2, metadata !40, metadata !DIExpression()), !dbg !42
  %3 = bitcast i8* %0 to i32*, !dbg !44
  %4 = load i32, i32* %3, align 1, !dbg !44, !tbaa !45
  call void @llvm.dbg.value(metadata i32 %4, metadata !50, metadata !DIExpression()), !dbg !55
  %5 = mul nsw i32 %4, %4, !dbg !57
  call void @llvm.dbg.value(metadata i32 %5, metadata !41, metadata !DIExpression()), !dbg !42
  %6 = tail call i8* @_cgo_topofstack() #3, !dbg !58
  %7 = ptrtoint i8* %6 to i64, !dbg !59
  %8 = ptrtoint i8* %2 to i64, !dbg !59
  %9 = sub i64 %7, %8, !dbg !59
  %10 = getelementptr inbounds i8, i8* %0, i64 %9, !dbg !60
  call void @llvm.dbg.value(metadata i8* %10, metadata !29, metadata !DIExpression()), !dbg !42
  %11 = getelementptr inbounds i8, i8* %10, i64 8, !dbg !61
  %12 = bitcast i8* %11 to i32*, !dbg !61
  store i32 %5, i32* %12, align 1, !dbg !62, !tbaa !63
  ret void, !dbg !64
}

; Function Attrs: nofree nosync nounwind readnone speculatable willreturn
declare void @llvm.dbg.value(metadata, metadata, metadata) #2

attributes #0 = { "frame-pointer"="none" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { nounwind uwtable "frame-pointer"="none" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { nofree nosync nounwind readnone speculatable willreturn }
attributes #3 = { nounwind }

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!16, !17, !18, !19, !20, !21}
!llvm.ident = !{!22}

!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "galeed_call_policy__peek", scope: !2, file: !13, line: 19, type: !14, isLocal: true, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C99, file: !3, producer: "Debian clang version 14.0.6", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !4, globals: !10, splitDebugInlining: false, nameTableKind: None)
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
!22 = !{!"Debian clang version 14.0.6"}
!23 = distinct !DISubprogram(name: "_cgo_926328778c9c_Cfunc_sq", scope: !24, file: !24, line: 167, type: !25, scopeLine: 168, flags: DIFlagPrototyped | DIFlagAllCallsDescribed, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !2, retainedNodes: !27)
!24 = !DIFile(filename: "cgo-gcc-prolog", directory: ".")
!25 = !DISubroutineType(types: !26)
!26 = !{null, !5}
!27 = !{!28, !29, !40, !41}
!28 = !DILocalVariable(name: "v", arg: 1, scope: !23, file: !24, line: 167, type: !5)
!29 = !DILocalVariable(name: "_cgo_a", scope: !23, file: !24, line: 174, type: !30)
!30 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !31, size: 64)
!31 = distinct !DICompositeType(tag: DW_TAG_structure_type, scope: !23, file: !24, line: 169, size: 128, elements: !32)
!32 = !{!33, !34, !38, !39}
!33 = !DIDerivedType(tag: DW_TAG_member, name: "p0", scope: !31, file: !24, line: 170, baseType: !15, size: 32)
!34 = !DIDerivedType(tag: DW_TAG_member, name: "__pad4", scope: !31, file: !24, line: 171, baseType: !35, size: 32, offset: 32)
!35 = !DICompositeType(tag: DW_TAG_array_type, baseType: !7, size: 32, elements: !36)
!36 = !{!37}
!37 = !DISubrange(count: 4)
!38 = !DIDerivedType(tag: DW_TAG_member, name: "r", scope: !31, file: !24, line: 172, baseType: !15, size: 32, offset: 64)
!39 = !DIDerivedType(tag: DW_TAG_member, name: "__pad12", scope: !31, file: !24, line: 173, baseType: !35, size: 32, offset: 96)
!40 = !DILocalVariable(name: "_cgo_stktop", scope: !23, file: !24, line: 175, type: !6)
!41 = !DILocalVariable(name: "_cgo_r", scope: !23, file: !24, line: 176, type: !15)
!42 = !DILocation(line: 0, scope: !23)
!43 = !DILocation(line: 175, column: 22, scope: !23)
!44 = !DILocation(line: 178, column: 22, scope: !23)
!45 = !{!46, !47, i64 0}
!46 = !{!"", !47, i64 0, !48, i64 4, !47, i64 8, !48, i64 12}
!47 = !{!"int", !48, i64 0}
!48 = !{!"omnipotent char", !49, i64 0}
!49 = !{!"Simple C/C++ TBAA"}
!50 = !DILocalVariable(name: "x", arg: 1, scope: !51, file: !13, line: 13, type: !15)
!51 = distinct !DISubprogram(name: "sq", scope: !13, file: !13, line: 13, type: !52, scopeLine: 13, flags: DIFlagPrototyped | DIFlagAllCallsDescribed, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition | DISPFlagOptimized, unit: !2, retainedNodes: !54)
!52 = !DISubroutineType(types: !53)
!53 = !{!15, !15}
!54 = !{!50}
!55 = !DILocation(line: 0, scope: !51, inlinedAt: !56)
!56 = distinct !DILocation(line: 178, column: 11, scope: !23)
!57 = !DILocation(line: 13, column: 40, scope: !51, inlinedAt: !56)
!58 = !DILocation(line: 180, column: 36, scope: !23)
!59 = !DILocation(line: 180, column: 54, scope: !23)
!60 = !DILocation(line: 180, column: 33, scope: !23)
!61 = !DILocation(line: 181, column: 10, scope: !23)
!62 = !DILocation(line: 181, column: 12, scope: !23)
!63 = !{!46, !47, i64 8}
!64 = !DILocation(line: 183, column: 1, scope: !23)
