; Go -> C, C.add(a, b): arguments read from the frame before the call, the
; result written to it after. Both frame accesses touch Go memory and must stay
; outside the gates; only the call of add runs in C mode.
; IR: cgo's wrapper of C.add in llvm_pass/test/testdata/gates.go, by clang-14 -O0,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_add(
; CHECK:         call i8* @_cgo_topofstack()
; CHECK-NOT:     @galeed_
; CHECK:         [[A:%[0-9]+]] = load i64, i64* {{%[0-9]+}}, align 1
; CHECK-NOT:     @galeed_
; CHECK:         [[B:%[0-9]+]] = load i32, i32* {{%[0-9]+}}, align 1
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([6 x i8], [6 x i8]* @galeed.call.add, i32 0, i32 0))
; CHECK-NEXT:    [[R:%[0-9]+]] = call i64 @add(i64 noundef [[A]], i32 noundef [[B]])
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    store i64 [[R]], i64* {{%[0-9]+}}, align 8
; CHECK-NOT:     @galeed_
; CHECK:         call i8* @_cgo_topofstack()
; CHECK-NOT:     @galeed_
; CHECK:         store i64 {{%[0-9]+}}, i64* {{%[0-9]+}}, align 1
; CHECK-NEXT:    ret void

source_filename = "obj/gates.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.anon.1 = type { i64, i32, [4 x i8], i64 }

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4

declare i8* @_cgo_topofstack() #0

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_add(i8* noundef %0) #1 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon.1*, align 8
  %4 = alloca i8*, align 8
  %5 = alloca i64, align 8
  store i8* %0, i8** %2, align 8
  %6 = load i8*, i8** %2, align 8
  %7 = bitcast i8* %6 to %struct.anon.1*
  store %struct.anon.1* %7, %struct.anon.1** %3, align 8
  %8 = call i8* @_cgo_topofstack()
  store i8* %8, i8** %4, align 8
  %9 = load %struct.anon.1*, %struct.anon.1** %3, align 8
  %10 = getelementptr inbounds %struct.anon.1, %struct.anon.1* %9, i32 0, i32 0
  %11 = load i64, i64* %10, align 1
  %12 = load %struct.anon.1*, %struct.anon.1** %3, align 8
  %13 = getelementptr inbounds %struct.anon.1, %struct.anon.1* %12, i32 0, i32 1
  %14 = load i32, i32* %13, align 1
  %15 = call i64 @add(i64 noundef %11, i32 noundef %14)
  store i64 %15, i64* %5, align 8
  %16 = load %struct.anon.1*, %struct.anon.1** %3, align 8
  %17 = bitcast %struct.anon.1* %16 to i8*
  %18 = call i8* @_cgo_topofstack()
  %19 = load i8*, i8** %4, align 8
  %20 = ptrtoint i8* %18 to i64
  %21 = ptrtoint i8* %19 to i64
  %22 = sub i64 %20, %21
  %23 = getelementptr inbounds i8, i8* %17, i64 %22
  %24 = bitcast i8* %23 to %struct.anon.1*
  store %struct.anon.1* %24, %struct.anon.1** %3, align 8
  %25 = load i64, i64* %5, align 8
  %26 = load %struct.anon.1*, %struct.anon.1** %3, align 8
  %27 = getelementptr inbounds %struct.anon.1, %struct.anon.1* %26, i32 0, i32 3
  store i64 %25, i64* %27, align 1
  ret void
}

declare i64 @add(i64 noundef, i32 noundef) #0

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
