; Go -> C, C.COUNTER where COUNTER is a macro (*counter_ptr): cgo's _Cmacro_
; wrapper evaluates the expression, with no call, between its two calls of
; _cgo_topofstack, and touches the frame only outside them. That span is gated.
; IR: cgo's wrapper of C.COUNTER in llvm_pass/test/testdata/gates.go, by clang-14 -O0,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cmacro_COUNTER(
; CHECK:         call i8* @_cgo_topofstack()
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([10 x i8], [10 x i8]* @galeed.call.COUNTER, i32 0, i32 0))
; CHECK-NEXT:    store i8*
; CHECK-NEXT:    [[P:%[0-9]+]] = load i32*, i32** @counter_ptr
; CHECK-NEXT:    load i32, i32* [[P]]
; CHECK-NOT:     @galeed_
; CHECK:         call void @galeed_leave_c()
; CHECK-NEXT:    call i8* @_cgo_topofstack()
; CHECK-NOT:     @galeed_
; CHECK:         ret void

source_filename = "obj/gates.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.anon.0 = type { i32, [4 x i8] }

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4
@counter_ptr = external global i32*, align 8

declare i8* @_cgo_topofstack() #0

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_926328778c9c_Cmacro_COUNTER(i8* noundef %0) #1 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon.0*, align 8
  %4 = alloca i8*, align 8
  %5 = alloca i32, align 4
  store i8* %0, i8** %2, align 8
  %6 = load i8*, i8** %2, align 8
  %7 = bitcast i8* %6 to %struct.anon.0*
  store %struct.anon.0* %7, %struct.anon.0** %3, align 8
  %8 = call i8* @_cgo_topofstack()
  store i8* %8, i8** %4, align 8
  %9 = load i32*, i32** @counter_ptr, align 8
  %10 = load i32, i32* %9, align 4
  store i32 %10, i32* %5, align 4
  %11 = load %struct.anon.0*, %struct.anon.0** %3, align 8
  %12 = bitcast %struct.anon.0* %11 to i8*
  %13 = call i8* @_cgo_topofstack()
  %14 = load i8*, i8** %4, align 8
  %15 = ptrtoint i8* %13 to i64
  %16 = ptrtoint i8* %14 to i64
  %17 = sub i64 %15, %16
  %18 = getelementptr inbounds i8, i8* %12, i64 %17
  %19 = bitcast i8* %18 to %struct.anon.0*
  store %struct.anon.0* %19, %struct.anon.0** %3, align 8
  %20 = load i32, i32* %5, align 4
  %21 = load %struct.anon.0*, %struct.anon.0** %3, align 8
  %22 = getelementptr inbounds %struct.anon.0, %struct.anon.0* %21, i32 0, i32 0
  store i32 %20, i32* %22, align 1
  ret void
}

attributes #0 = { "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

!llvm.module.flags = !{!0, !1, !2, !3, !4}
!llvm.ident = !{!5}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{i32 7, !"frame-pointer", i32 2}
!5 = !{!"Debian clang version 14.0.6"}
