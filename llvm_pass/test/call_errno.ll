; Go -> C, `r, err := C.setup(1)`: cgo's _C2func_ wrapper clears errno before
; the call and reads it after. __errno_location is cgo's bookkeeping and stays
; in Go mode; the gates sit between it and the call (so they must preserve
; errno).
; IR: cgo's wrapper of C.setup called for errno in llvm_pass/test/testdata/gates.go, by clang-14 -O0,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-LABEL: define dso_local i32 @_cgo_926328778c9c_C2func_setup(
; CHECK:         [[ERRNO:%[0-9]+]] = call i32* @__errno_location()
; CHECK-NEXT:    store i32 0, i32* [[ERRNO]]
; CHECK-NOT:     @galeed_
; CHECK:         call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([8 x i8], [8 x i8]* @galeed.call.setup, i32 0, i32 0))
; CHECK-NEXT:    call i32 @setup(
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    store i32
; CHECK-NEXT:    [[ERRNO2:%[0-9]+]] = call i32* @__errno_location()
; CHECK-NEXT:    load i32, i32* [[ERRNO2]]
; CHECK-NOT:     @galeed_
; CHECK:         ret i32

source_filename = "obj/gates.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.anon = type { i32, [4 x i8], i32, [4 x i8] }

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4

; Function Attrs: noinline nounwind optnone uwtable
define dso_local i32 @_cgo_926328778c9c_C2func_setup(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  %3 = alloca i32, align 4
  %4 = alloca %struct.anon*, align 8
  %5 = alloca i8*, align 8
  %6 = alloca i32, align 4
  store i8* %0, i8** %2, align 8
  %7 = load i8*, i8** %2, align 8
  %8 = bitcast i8* %7 to %struct.anon*
  store %struct.anon* %8, %struct.anon** %4, align 8
  %9 = call i8* @_cgo_topofstack()
  store i8* %9, i8** %5, align 8
  %10 = call i32* @__errno_location() #3
  store i32 0, i32* %10, align 4
  %11 = load %struct.anon*, %struct.anon** %4, align 8
  %12 = getelementptr inbounds %struct.anon, %struct.anon* %11, i32 0, i32 0
  %13 = load i32, i32* %12, align 1
  %14 = call i32 @setup(i32 noundef %13)
  store i32 %14, i32* %6, align 4
  %15 = call i32* @__errno_location() #3
  %16 = load i32, i32* %15, align 4
  store i32 %16, i32* %3, align 4
  %17 = load %struct.anon*, %struct.anon** %4, align 8
  %18 = bitcast %struct.anon* %17 to i8*
  %19 = call i8* @_cgo_topofstack()
  %20 = load i8*, i8** %5, align 8
  %21 = ptrtoint i8* %19 to i64
  %22 = ptrtoint i8* %20 to i64
  %23 = sub i64 %21, %22
  %24 = getelementptr inbounds i8, i8* %18, i64 %23
  %25 = bitcast i8* %24 to %struct.anon*
  store %struct.anon* %25, %struct.anon** %4, align 8
  %26 = load i32, i32* %6, align 4
  %27 = load %struct.anon*, %struct.anon** %4, align 8
  %28 = getelementptr inbounds %struct.anon, %struct.anon* %27, i32 0, i32 2
  store i32 %26, i32* %28, align 1
  %29 = load i32, i32* %3, align 4
  ret i32 %29
}

declare i8* @_cgo_topofstack() #1

; Function Attrs: nounwind readnone willreturn
declare i32* @__errno_location() #2

declare i32 @setup(i32 noundef) #1

attributes #0 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { nounwind readnone willreturn "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { nounwind readnone willreturn }

!llvm.module.flags = !{!0, !1, !2, !3, !4}
!llvm.ident = !{!5}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{i32 7, !"frame-pointer", i32 2}
!5 = !{!"Debian clang version 14.0.6"}
