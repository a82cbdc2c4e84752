; galeed-pseudo-pointers must reject saved = p: the pointer stored in a global variable.
; IR: function save of llvm_pass/test/testdata/pseudo_pointers_errors.c, by clang-14 -O0 -g,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK line by hand.
;
; CHECK: error: pseudo_pointers_errors.c:17:36: in function save: stores a struct Point pointer outside the function's local variables: it is a galeed handle, valid only while the call lasts (declare the variable as galeed_handle for an owned handle)

source_filename = "pseudo_pointers_errors.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.Point = type { i64, i64 }

@saved = external dso_local global %struct.Point*, align 8, !dbg !0

; Function Attrs: nofree nosync nounwind readnone speculatable willreturn
declare void @llvm.dbg.declare(metadata, metadata, metadata) #0

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @save(%struct.Point* noundef %0) #1 !dbg !30 {
  %2 = alloca %struct.Point*, align 8
  store %struct.Point* %0, %struct.Point** %2, align 8
  call void @llvm.dbg.declare(metadata %struct.Point** %2, metadata !34, metadata !DIExpression()), !dbg !35
  %3 = load %struct.Point*, %struct.Point** %2, align 8, !dbg !36
  store %struct.Point* %3, %struct.Point** @saved, align 8, !dbg !37
  ret void, !dbg !38
}

attributes #0 = { nofree nosync nounwind readnone speculatable willreturn }
attributes #1 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!22, !23, !24, !25, !26, !27, !28}
!llvm.ident = !{!29}

!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "saved", scope: !2, file: !3, line: 10, type: !16, isLocal: false, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C99, file: !3, producer: "Debian clang version 14.0.6", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !4, globals: !15, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "pseudo_pointers_errors.c", directory: ".", checksumkind: CSK_MD5, checksum: "337debcc721dd372103c6ad402139851")
!4 = !{!5, !11}
!5 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !6, size: 64)
!6 = !DIDerivedType(tag: DW_TAG_typedef, name: "int64_t", file: !7, line: 27, baseType: !8)
!7 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/stdint-intn.h", directory: "", checksumkind: CSK_MD5, checksum: "55bcbdc3159515ebd91d351a70d505f4")
!8 = !DIDerivedType(tag: DW_TAG_typedef, name: "__int64_t", file: !9, line: 44, baseType: !10)
!9 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/types.h", directory: "", checksumkind: CSK_MD5, checksum: "d108b5f93a74c50510d7d9bc0ab36df9")
!10 = !DIBasicType(name: "long", size: 64, encoding: DW_ATE_signed)
!11 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint32_t", file: !12, line: 26, baseType: !13)
!12 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/stdint-uintn.h", directory: "", checksumkind: CSK_MD5, checksum: "2bf2ae53c58c01b1a1b9383b5195125c")
!13 = !DIDerivedType(tag: DW_TAG_typedef, name: "__uint32_t", file: !9, line: 42, baseType: !14)
!14 = !DIBasicType(name: "unsigned int", size: 32, encoding: DW_ATE_unsigned)
!15 = !{!0}
!16 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !17, size: 64)
!17 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "Point", file: !18, line: 7, size: 128, elements: !19)
!18 = !DIFile(filename: "./point.h", directory: ".", checksumkind: CSK_MD5, checksum: "137c7cfdf00fab693badf51707d78be6")
!19 = !{!20, !21}
!20 = !DIDerivedType(tag: DW_TAG_member, name: "x", scope: !17, file: !18, line: 8, baseType: !6, size: 64)
!21 = !DIDerivedType(tag: DW_TAG_member, name: "y", scope: !17, file: !18, line: 9, baseType: !6, size: 64, offset: 64)
!22 = !{i32 7, !"Dwarf Version", i32 5}
!23 = !{i32 2, !"Debug Info Version", i32 3}
!24 = !{i32 1, !"wchar_size", i32 4}
!25 = !{i32 7, !"PIC Level", i32 2}
!26 = !{i32 7, !"PIE Level", i32 2}
!27 = !{i32 7, !"uwtable", i32 1}
!28 = !{i32 7, !"frame-pointer", i32 2}
!29 = !{!"Debian clang version 14.0.6"}
!30 = distinct !DISubprogram(name: "save", scope: !3, file: !3, line: 17, type: !31, scopeLine: 17, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !33)
!31 = !DISubroutineType(types: !32)
!32 = !{null, !16}
!33 = !{}
!34 = !DILocalVariable(name: "p", arg: 1, scope: !30, file: !3, line: 17, type: !16)
!35 = !DILocation(line: 17, column: 25, scope: !30)
!36 = !DILocation(line: 17, column: 38, scope: !30)
!37 = !DILocation(line: 17, column: 36, scope: !30)
!38 = !DILocation(line: 17, column: 41, scope: !30)
