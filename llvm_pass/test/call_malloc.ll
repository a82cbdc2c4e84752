; Go -> C, C.malloc(n) (and C.CString, C.CBytes, which use it): cgo's own
; wrapper calls malloc, and again for a zero-size request, reading the frame
; in between. Each call is gated alone; the frame's accesses stay outside.
; Also checks the per-call remark (-pass-remarks=galeed).
; IR: cgo's wrapper of C.malloc (in _cgo_export.c) in llvm_pass/test/testdata/gates.go, by clang-14 -O2,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-COUNT-2: remark: <unknown>:0:0: C.malloc runs in C mode, policy deny
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc__Cmalloc(
; CHECK-NEXT:    bitcast
; CHECK-NEXT:    [[N:%[0-9]+]] = load i64
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @galeed.call.malloc, i32 0, i32 0))
; CHECK-NEXT:    tail call noalias i8* @malloc(i64 noundef [[N]])
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NOT:     @galeed_
; CHECK:         call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @galeed.call.malloc.1, i32 0, i32 0))
; CHECK-NEXT:    tail call noalias dereferenceable_or_null(1) i8* @malloc(i64 noundef 1)
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NOT:     @galeed_
; CHECK:         store i8* {{%[0-9]+}}, i8** {{%[0-9]+}}, align 1
; CHECK-NEXT:    ret void

source_filename = "obj/_cgo_export.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4

; Function Attrs: mustprogress nofree nounwind uwtable willreturn
define dso_local void @_cgo_926328778c9c_Cfunc__Cmalloc(i8* nocapture noundef %0) local_unnamed_addr #0 {
  %2 = bitcast i8* %0 to i64*
  %3 = load i64, i64* %2, align 1, !tbaa !5
  %4 = tail call noalias i8* @malloc(i64 noundef %3) #2
  %5 = icmp eq i8* %4, null
  br i1 %5, label %6, label %10

6:                                                ; preds = %1
  %7 = icmp eq i64 %3, 0
  br i1 %7, label %8, label %10

8:                                                ; preds = %6
  %9 = tail call noalias dereferenceable_or_null(1) i8* @malloc(i64 noundef 1) #2
  br label %10

10:                                               ; preds = %8, %6, %1
  %11 = phi i8* [ %9, %8 ], [ null, %6 ], [ %4, %1 ]
  %12 = getelementptr inbounds i8, i8* %0, i64 8
  %13 = bitcast i8* %12 to i8**
  store i8* %11, i8** %13, align 1, !tbaa !11
  ret void
}

; Function Attrs: inaccessiblememonly mustprogress nofree nounwind willreturn
declare noalias noundef i8* @malloc(i64 noundef) local_unnamed_addr #1

attributes #0 = { mustprogress nofree nounwind uwtable willreturn "frame-pointer"="none" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { inaccessiblememonly mustprogress nofree nounwind willreturn "frame-pointer"="none" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { nounwind }

!llvm.module.flags = !{!0, !1, !2, !3}
!llvm.ident = !{!4}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{!"Debian clang version 14.0.6"}
!5 = !{!6, !7, i64 0}
!6 = !{!"", !7, i64 0, !10, i64 8}
!7 = !{!"long long", !8, i64 0}
!8 = !{!"omnipotent char", !9, i64 0}
!9 = !{!"Simple C/C++ TBAA"}
!10 = !{!"any pointer", !8, i64 0}
!11 = !{!6, !10, i64 8}
