; galeed-pseudo-pointers must reject point_add5(&q) with a C struct on the stack: not a handle, so it cannot be passed to a function taking one.
; IR: function local of llvm_pass/test/testdata/pseudo_pointers_errors.c, by clang-14 -O0 -g,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK line by hand.
;
; CHECK: error: pseudo_pointers_errors.c:26:3: in function local: passes a struct Point pointer that is not a galeed handle to point_add5, which takes one: only a struct Point * received as a parameter (or NULL) can be passed

source_filename = "pseudo_pointers_errors.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.Point = type { i64, i64 }

@__const.local.q = external hidden unnamed_addr constant %struct.Point, align 8

; Function Attrs: nofree nosync nounwind readnone speculatable willreturn
declare void @llvm.dbg.declare(metadata, metadata, metadata) #0

; Function Attrs: argmemonly nofree nounwind willreturn
declare void @llvm.memcpy.p0i8.p0i8.i64(i8* noalias nocapture writeonly, i8* noalias nocapture readonly, i64, i1 immarg) #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @local() #2 !dbg !22 {
  %1 = alloca %struct.Point, align 8
  call void @llvm.dbg.declare(metadata %struct.Point* %1, metadata !25, metadata !DIExpression()), !dbg !31
  %2 = bitcast %struct.Point* %1 to i8*, !dbg !31
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %2, i8* align 8 bitcast (%struct.Point* @__const.local.q to i8*), i64 16, i1 false), !dbg !31
  call void @point_add5(%struct.Point* noundef %1), !dbg !32
  ret void, !dbg !33
}

declare void @point_add5(%struct.Point* noundef) #3

attributes #0 = { nofree nosync nounwind readnone speculatable willreturn }
attributes #1 = { argmemonly nofree nounwind willreturn }
attributes #2 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

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
!22 = distinct !DISubprogram(name: "local", scope: !1, file: !1, line: 24, type: !23, scopeLine: 24, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !13)
!23 = !DISubroutineType(types: !24)
!24 = !{null}
!25 = !DILocalVariable(name: "q", scope: !22, file: !1, line: 25, type: !26)
!26 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "Point", file: !27, line: 7, size: 128, elements: !28)
!27 = !DIFile(filename: "./point.h", directory: ".", checksumkind: CSK_MD5, checksum: "137c7cfdf00fab693badf51707d78be6")
!28 = !{!29, !30}
!29 = !DIDerivedType(tag: DW_TAG_member, name: "x", scope: !26, file: !27, line: 8, baseType: !4, size: 64)
!30 = !DIDerivedType(tag: DW_TAG_member, name: "y", scope: !26, file: !27, line: 9, baseType: !4, size: 64, offset: 64)
!31 = !DILocation(line: 25, column: 16, scope: !22)
!32 = !DILocation(line: 26, column: 3, scope: !22)
!33 = !DILocation(line: 27, column: 1, scope: !22)
