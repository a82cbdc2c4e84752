; galeed-pseudo-pointers must reject return *p: the whole struct copied out (a memcpy in IR).
; IR: function copy of llvm_pass/test/testdata/pseudo_pointers_errors.c, by clang-14 -O0 -g,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK line by hand.
;
; CHECK: error: pseudo_pointers_errors.c:19:45: in function copy: copies the whole struct Point out of a struct Point pointer (memcpy or struct assignment), a galeed handle (use galeed_Point_read or galeed_Point_write for the whole struct)

source_filename = "pseudo_pointers_errors.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.Point = type { i64, i64 }

; Function Attrs: nofree nosync nounwind readnone speculatable willreturn
declare void @llvm.dbg.declare(metadata, metadata, metadata) #0

; Function Attrs: noinline nounwind optnone uwtable
define dso_local { i64, i64 } @copy(%struct.Point* noundef %0) #1 !dbg !22 {
  %2 = alloca %struct.Point, align 8
  %3 = alloca %struct.Point*, align 8
  store %struct.Point* %0, %struct.Point** %3, align 8
  call void @llvm.dbg.declare(metadata %struct.Point** %3, metadata !31, metadata !DIExpression()), !dbg !32
  %4 = load %struct.Point*, %struct.Point** %3, align 8, !dbg !33
  %5 = bitcast %struct.Point* %2 to i8*, !dbg !34
  %6 = bitcast %struct.Point* %4 to i8*, !dbg !34
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %5, i8* align 8 %6, i64 16, i1 false), !dbg !34
  %7 = bitcast %struct.Point* %2 to { i64, i64 }*, !dbg !35
  %8 = load { i64, i64 }, { i64, i64 }* %7, align 8, !dbg !35
  ret { i64, i64 } %8, !dbg !35
}

; Function Attrs: argmemonly nofree nounwind willreturn
declare void @llvm.memcpy.p0i8.p0i8.i64(i8* noalias nocapture writeonly, i8* noalias nocapture readonly, i64, i1 immarg) #2

attributes #0 = { nofree nosync nounwind readnone speculatable willreturn }
attributes #1 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { argmemonly nofree nounwind willreturn }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!14, !15, !16, !17, !18, !19, !20}
!llvm.ident = !{!21}

!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: "Debian clang version 14.0.6", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !2, globals: !13, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "pseudo_pointers_errors.c", directory: ".", checksumkind: CSK_MD5, checksum: "337debcc721dd372103c6ad402139851")
!2 = !{!3, !9}
!3 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !4, size: 64)
!4 = !DIDerivedType(tag: DW_TAG_typedef, name: "int64_t", file: !5, line: 27, baseType: !6)
!5 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/stdint-intn.h", directory: "", checksumkind: CSK_MD5, checksum: "55bcbdc3159515ebd91d351a70d505f4")
!6 = !DIDerivedType(tag: DW_TAG_typedef, name: "__int64_t", file: !7, line: 44, baseType: !8)
!7 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/types.h", directory: "", checksumkind: CSK_MD5, checksum: "d108b5f93a74c50510d7d9bc0ab36df9")
!8 = !DIBasicType(name: "long", size: 64, encoding: DW_ATE_signed)
!9 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint32_t", file: !10, line: 26, baseType: !11)
!10 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/stdint-uintn.h", directory: "", checksumkind: CSK_MD5, checksum: "2bf2ae53c58c01b1a1b9383b5195125c")
!11 = !DIDerivedType(tag: DW_TAG_typedef, name: "__uint32_t", file: !7, line: 42, baseType: !12)
!12 = !DIBasicType(name: "unsigned int", size: 32, encoding: DW_ATE_unsigned)
!13 = !{}
!14 = !{i32 7, !"Dwarf Version", i32 5}
!15 = !{i32 2, !"Debug Info Version", i32 3}
!16 = !{i32 1, !"wchar_size", i32 4}
!17 = !{i32 7, !"PIC Level", i32 2}
!18 = !{i32 7, !"PIE Level", i32 2}
!19 = !{i32 7, !"uwtable", i32 1}
!20 = !{i32 7, !"frame-pointer", i32 2}
!21 = !{!"Debian clang version 14.0.6"}
!22 = distinct !DISubprogram(name: "copy", scope: !1, file: !1, line: 19, type: !23, scopeLine: 19, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !13)
!23 = !DISubroutineType(types: !24)
!24 = !{!25, !30}
!25 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "Point", file: !26, line: 7, size: 128, elements: !27)
!26 = !DIFile(filename: "./point.h", directory: ".", checksumkind: CSK_MD5, checksum: "137c7cfdf00fab693badf51707d78be6")
!27 = !{!28, !29}
!28 = !DIDerivedType(tag: DW_TAG_member, name: "x", scope: !25, file: !26, line: 8, baseType: !4, size: 64)
!29 = !DIDerivedType(tag: DW_TAG_member, name: "y", scope: !25, file: !26, line: 9, baseType: !4, size: 64, offset: 64)
!30 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !25, size: 64)
!31 = !DILocalVariable(name: "p", arg: 1, scope: !22, file: !1, line: 19, type: !30)
!32 = !DILocation(line: 19, column: 33, scope: !22)
!33 = !DILocation(line: 19, column: 46, scope: !22)
!34 = !DILocation(line: 19, column: 45, scope: !22)
!35 = !DILocation(line: 19, column: 38, scope: !22)
