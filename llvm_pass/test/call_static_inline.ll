; Go -> C, C.sq(x) where sq is a static inline function of the preamble, at
; -O0: sq is defined in the same module as its wrapper. The call is gated like
; any other; sq's own body is C code and stays as it is.
; IR: cgo's wrapper of C.sq, and sq, in llvm_pass/test/testdata/gates.go, by clang-14 -O0,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_sq(
; CHECK:         [[X:%[0-9]+]] = load i32, i32* {{%[0-9]+}}, align 1
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([5 x i8], [5 x i8]* @galeed.call.sq, i32 0, i32 0))
; CHECK-NEXT:    [[R:%[0-9]+]] = call i32 @sq(i32 noundef [[X]])
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    store i32 [[R]]
; CHECK-LABEL: define hidden i32 @sq(
; CHECK-NOT:     @galeed_
; CHECK:         ret i32

source_filename = "obj/gates.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.anon.5 = type { i32, [4 x i8], i32, [4 x i8] }

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4

declare i8* @_cgo_topofstack() #0

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_sq(i8* noundef %0) #1 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon.5*, align 8
  %4 = alloca i8*, align 8
  %5 = alloca i32, align 4
  store i8* %0, i8** %2, align 8
  %6 = load i8*, i8** %2, align 8
  %7 = bitcast i8* %6 to %struct.anon.5*
  store %struct.anon.5* %7, %struct.anon.5** %3, align 8
  %8 = call i8* @_cgo_topofstack()
  store i8* %8, i8** %4, align 8
  %9 = load %struct.anon.5*, %struct.anon.5** %3, align 8
  %10 = getelementptr inbounds %struct.anon.5, %struct.anon.5* %9, i32 0, i32 0
  %11 = load i32, i32* %10, align 1
  %12 = call i32 @sq(i32 noundef %11)
  store i32 %12, i32* %5, align 4
  %13 = load %struct.anon.5*, %struct.anon.5** %3, align 8
  %14 = bitcast %struct.anon.5* %13 to i8*
  %15 = call i8* @_cgo_topofstack()
  %16 = load i8*, i8** %4, align 8
  %17 = ptrtoint i8* %15 to i64
  %18 = ptrtoint i8* %16 to i64
  %19 = sub i64 %17, %18
  %20 = getelementptr inbounds i8, i8* %14, i64 %19
  %21 = bitcast i8* %20 to %struct.anon.5*
  store %struct.anon.5* %21, %struct.anon.5** %3, align 8
  %22 = load i32, i32* %5, align 4
  %23 = load %struct.anon.5*, %struct.anon.5** %3, align 8
  %24 = getelementptr inbounds %struct.anon.5, %struct.anon.5* %23, i32 0, i32 2
  store i32 %22, i32* %24, align 1
  ret void
}

; Function Attrs: noinline nounwind optnone uwtable
define hidden i32 @sq(i32 noundef %0) #1 {
  %2 = alloca i32, align 4
  store i32 %0, i32* %2, align 4
  %3 = load i32, i32* %2, align 4
  %4 = load i32, i32* %2, align 4
  %5 = mul nsw i32 %3, %4
  ret i32 %5
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
