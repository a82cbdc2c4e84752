; galeed-pseudo-pointers must reject memcpy(p, from, sizeof *p): the whole struct copied in.
; IR: function overwrite of llvm_pass/test/testdata/pseudo_pointers_errors.c, by clang-14 -O0 -g,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK line by hand.
;
; CHECK: error: pseudo_pointers_errors.c:20:61: in function overwrite: copies the whole struct Point into a struct Point pointer (memcpy or struct assignment), a galeed handle (use galeed_Point_read or galeed_Point_write for the whole struct)

source_filename = "pseudo_pointers_errors.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.Point = type { i64, i64 }

; Function Attrs: nofree nosync nounwind readnone speculatable willreturn
declare void @llvm.dbg.declare(metadata, metadata, metadata) #0

; Function Attrs: argmemonly nofree nounwind willreturn
declare void @llvm.memcpy.p0i8.p0i8.i64(i8* noalias nocapture writeonly, i8* noalias nocapture readonly, i64, i1 immarg) #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @overwrite(%struct.Point* noundef %0, %struct.Point* noundef %1) #2 !dbg !22 {
  %3 = alloca %struct.Point*, align 8
  %4 = alloca %struct.Point*, align 8
  store %struct.Point* %0, %struct.Point** %3, align 8
  call void @llvm.dbg.declare(metadata %struct.Point** %3, metadata !33, metadata !DIExpression()), !dbg !34
  store %struct.Point* %1, %struct.Point** %4, align 8
  call void @llvm.dbg.declare(metadata %struct.Point** %4, metadata !35, metadata !DIExpression()), !dbg !36
  %5 = load %struct.Point*, %struct.Point** %3, align 8, !dbg !37
  %6 = bitcast %struct.Point* %5 to i8*, !dbg !38
  %7 = load %struct.Point*, %struct.Point** %4, align 8, !dbg !39
  %8 = bitcast %struct.Point* %7 to i8*, !dbg !38
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %6, i8* align 8 %8, i64 16, i1 false), !dbg !38
  ret void, !dbg !40
}

attributes #0 = { nofree nosync nounwind readnone speculatable willreturn }
attributes #1 = { argmemonly nofree nounwind willreturn }
attributes #2 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

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
!22 = distinct !DISubprogram(name: "overwrite", scope: !1, file: !1, line: 20, type: !23, scopeLine: 20, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !13)
!23 = !DISubroutineType(types: !24)
!24 = !{null, !25, !31}
!25 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !26, size: 64)
!26 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "Point", file: !27, line: 7, size: 128, elements: !28)
!27 = !DIFile(filename: "./point.h", directory: ".", checksumkind: CSK_MD5, checksum: "137c7cfdf00fab693badf51707d78be6")
!28 = !{!29, !30}
!29 = !DIDerivedType(tag: DW_TAG_member, name: "x", scope: !26, file: !27, line: 8, baseType: !4, size: 64)
!30 = !DIDerivedType(tag: DW_TAG_member, name: "y", scope: !26, file: !27, line: 9, baseType: !4, size: 64, offset: 64)
!31 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !32, size: 64)
!32 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !26)
!33 = !DILocalVariable(name: "p", arg: 1, scope: !22, file: !1, line: 20, type: !25)
!34 = !DILocation(line: 20, column: 30, scope: !22)
!35 = !DILocalVariable(name: "from", arg: 2, scope: !22, file: !1, line: 20, type: !31)
!36 = !DILocation(line: 20, column: 53, scope: !22)
!37 = !DILocation(line: 20, column: 68, scope: !22)
!38 = !DILocation(line: 20, column: 61, scope: !22)
!39 = !DILocation(line: 20, column: 71, scope: !22)
!40 = !DILocation(line: 20, column: 89, scope: !22)
