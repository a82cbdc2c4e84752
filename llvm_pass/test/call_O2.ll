; Go -> C at -O2, fully optimized: the frame is read through the argument
; directly and the calls are tail calls. The gates still bracket exactly the
; call of the C function. (clang runs the pass before optimizing; this is the
; shape opt or a later pipeline would meet.)
; IR: cgo's wrappers of C.add and C.hello in llvm_pass/test/testdata/gates.go, by clang-14 -O2,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_add(
; CHECK-NEXT:    [[TOP:%[0-9]+]] = tail call i8* @_cgo_topofstack()
; CHECK-NEXT:    bitcast
; CHECK-NEXT:    [[A:%[0-9]+]] = load i64
; CHECK-NEXT:    getelementptr
; CHECK-NEXT:    bitcast
; CHECK-NEXT:    [[B:%[0-9]+]] = load i32
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([6 x i8], [6 x i8]* @galeed.call.add, i32 0, i32 0))
; CHECK-NEXT:    [[R:%[0-9]+]] = tail call i64 @add(i64 noundef [[A]], i32 noundef [[B]])
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    tail call i8* @_cgo_topofstack()
; CHECK-NOT:     @galeed_
; CHECK:         store i64 [[R]], i64* {{%[0-9]+}}, align 1
; CHECK-NEXT:    ret void
;
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_hello(
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([8 x i8], [8 x i8]* @galeed.call.hello, i32 0, i32 0))
; CHECK-NEXT:    tail call void @hello()
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    ret void

source_filename = "obj/gates.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4

declare i8* @_cgo_topofstack() local_unnamed_addr #0

; Function Attrs: nounwind uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_add(i8* nocapture noundef %0) local_unnamed_addr #1 {
  %2 = tail call i8* @_cgo_topofstack() #2
  %3 = bitcast i8* %0 to i64*
  %4 = load i64, i64* %3, align 1, !tbaa !5
  %5 = getelementptr inbounds i8, i8* %0, i64 8
  %6 = bitcast i8* %5 to i32*
  %7 = load i32, i32* %6, align 1, !tbaa !11
  %8 = tail call i64 @add(i64 noundef %4, i32 noundef %7) #2
  %9 = tail call i8* @_cgo_topofstack() #2
  %10 = ptrtoint i8* %9 to i64
  %11 = ptrtoint i8* %2 to i64
  %12 = sub i64 %10, %11
  %13 = getelementptr inbounds i8, i8* %0, i64 %12
  %14 = getelementptr inbounds i8, i8* %13, i64 16
  %15 = bitcast i8* %14 to i64*
  store i64 %8, i64* %15, align 1, !tbaa !12
  ret void
}

declare i64 @add(i64 noundef, i32 noundef) local_unnamed_addr #0

; Function Attrs: nounwind uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_hello(i8* nocapture noundef readnone %0) local_unnamed_addr #1 {
  tail call void @hello() #2
  ret void
}

declare void @hello() local_unnamed_addr #0

attributes #0 = { "frame-pointer"="none" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { nounwind uwtable "frame-pointer"="none" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { nounwind }

!llvm.module.flags = !{!0, !1, !2, !3}
!llvm.ident = !{!4}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{!"Debian clang version 14.0.6"}
!5 = !{!6, !7, i64 0}
!6 = !{!"", !7, i64 0, !10, i64 8, !8, i64 12, !7, i64 16}
!7 = !{!"long", !8, i64 0}
!8 = !{!"omnipotent char", !9, i64 0}
!9 = !{!"Simple C/C++ TBAA"}
!10 = !{!"int", !8, i64 0}
!11 = !{!6, !10, i64 8}
!12 = !{!6, !7, i64 16}
