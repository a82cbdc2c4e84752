; galeed-pseudo-pointers: GALEED_HANDLE(p) (galeed_handles.h), a ptrtoint of
; a handle parameter to 64 bits, is the handle itself.
; IR: function handle_of of llvm_pass/test/testdata/pseudo_handle.c, by clang-14 -O0 -g,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-LABEL: define dso_local i64 @handle_of(i64 noundef %0)
; CHECK: store i64 %0, i64* [[SLOT:%[0-9]+]]
; CHECK: [[H:%[0-9]+]] = load i64, i64* [[SLOT]]
; CHECK-NEXT: ret i64 [[H]]

source_filename = "pseudo_handle.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.Point = type { i64, i64 }

; Function Attrs: noinline nounwind optnone uwtable
define dso_local i64 @handle_of(%struct.Point* noundef %0) #0 !dbg !20 {
  %2 = alloca %struct.Point*, align 8
  store %struct.Point* %0, %struct.Point** %2, align 8
  call void @llvm.dbg.declare(metadata %struct.Point** %2, metadata !34, metadata !DIExpression()), !dbg !35
  %3 = load %struct.Point*, %struct.Point** %2, align 8, !dbg !36
  %4 = ptrtoint %struct.Point* %3 to i64, !dbg !36
  ret i64 %4, !dbg !37
}

; Function Attrs: nofree nosync nounwind readnone speculatable willreturn
declare void @llvm.dbg.declare(metadata, metadata, metadata) #1

attributes #0 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { nofree nosync nounwind readnone speculatable willreturn }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!12, !13, !14, !15, !16, !17, !18}
!llvm.ident = !{!19}

!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: "Debian clang version 14.0.6", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !2, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "pseudo_handle.c", directory: ".", checksumkind: CSK_MD5, checksum: "049719538359407190af83a9c6057eee")
!2 = !{!3, !10}
!3 = !DIDerivedType(tag: DW_TAG_typedef, name: "galeed_handle", file: !4, line: 23, baseType: !5)
!4 = !DIFile(filename: "/work/main/go/handles/galeed_handles.h", directory: "", checksumkind: CSK_MD5, checksum: "5cd85c6ede1a13c6736113abaae090cb")
!5 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint64_t", file: !6, line: 27, baseType: !7)
!6 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/stdint-uintn.h", directory: "", checksumkind: CSK_MD5, checksum: "2bf2ae53c58c01b1a1b9383b5195125c")
!7 = !DIDerivedType(tag: DW_TAG_typedef, name: "__uint64_t", file: !8, line: 45, baseType: !9)
!8 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/types.h", directory: "", checksumkind: CSK_MD5, checksum: "d108b5f93a74c50510d7d9bc0ab36df9")
!9 = !DIBasicType(name: "unsigned long", size: 64, encoding: DW_ATE_unsigned)
!10 = !DIDerivedType(tag: DW_TAG_typedef, name: "uintptr_t", file: !11, line: 90, baseType: !9)
!11 = !DIFile(filename: "/usr/include/stdint.h", directory: "", checksumkind: CSK_MD5, checksum: "a48e64edacc5b19f56c99745232c963c")
!12 = !{i32 7, !"Dwarf Version", i32 5}
!13 = !{i32 2, !"Debug Info Version", i32 3}
!14 = !{i32 1, !"wchar_size", i32 4}
!15 = !{i32 7, !"PIC Level", i32 2}
!16 = !{i32 7, !"PIE Level", i32 2}
!17 = !{i32 7, !"uwtable", i32 1}
!18 = !{i32 7, !"frame-pointer", i32 2}
!19 = !{!"Debian clang version 14.0.6"}
!20 = distinct !DISubprogram(name: "handle_of", scope: !1, file: !1, line: 5, type: !21, scopeLine: 5, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !33)
!21 = !DISubroutineType(types: !22)
!22 = !{!3, !23}
!23 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !24, size: 64)
!24 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "Point", file: !25, line: 7, size: 128, elements: !26)
!25 = !DIFile(filename: "./point.h", directory: ".", checksumkind: CSK_MD5, checksum: "137c7cfdf00fab693badf51707d78be6")
!26 = !{!27, !32}
!27 = !DIDerivedType(tag: DW_TAG_member, name: "x", scope: !24, file: !25, line: 8, baseType: !28, size: 64)
!28 = !DIDerivedType(tag: DW_TAG_typedef, name: "int64_t", file: !29, line: 27, baseType: !30)
!29 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/stdint-intn.h", directory: "", checksumkind: CSK_MD5, checksum: "55bcbdc3159515ebd91d351a70d505f4")
!30 = !DIDerivedType(tag: DW_TAG_typedef, name: "__int64_t", file: !8, line: 44, baseType: !31)
!31 = !DIBasicType(name: "long", size: 64, encoding: DW_ATE_signed)
!32 = !DIDerivedType(tag: DW_TAG_member, name: "y", scope: !24, file: !25, line: 9, baseType: !28, size: 64, offset: 64)
!33 = !{}
!34 = !DILocalVariable(name: "p", arg: 1, scope: !20, file: !1, line: 5, type: !23)
!35 = !DILocation(line: 5, column: 39, scope: !20)
!36 = !DILocation(line: 5, column: 51, scope: !20)
!37 = !DILocation(line: 5, column: 44, scope: !20)
