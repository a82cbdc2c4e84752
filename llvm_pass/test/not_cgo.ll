; Negatives: C code calling C, functions whose names only resemble cgo's
; wrappers (no hash, another kind, a malformed hash, no name, a prefix), a
; caller of _cgo_topofstack and a caller of a function that is not crosscall2.
; Both passes must leave them alone and declare nothing.
; IR: llvm_pass/test/testdata/not_cgo.c by clang-14 -O0 (regenerate.sh).
;
; CHECK-NOT:   @galeed
; CHECK:       define dso_local void @calls_hello()
; CHECK:         call void @hello()
; CHECK-NOT:   @galeed
; CHECK:       define dso_local void @_cgo_Cfunc_hello(
; CHECK:         call void @hello()
; CHECK-NOT:   @galeed
; CHECK:       define dso_local void @_cgo_0123456789ab_Cvar_hello(
; CHECK:         call void @hello()
; CHECK-NOT:   @galeed
; CHECK:       define dso_local void @_cgo_012345678xyz_Cfunc_hello(
; CHECK:         call void @hello()
; CHECK-NOT:   @galeed
; CHECK:       define dso_local void @_cgo_0123456789ab_Cfunc_(
; CHECK:         call void @hello()
; CHECK-NOT:   @galeed
; CHECK:       define dso_local void @x_cgo_0123456789ab_Cfunc_hello(
; CHECK:         call void @hello()
; CHECK-NOT:   @galeed
; CHECK:       define dso_local i8* @stack_top()
; CHECK-NEXT:    call i8* @_cgo_topofstack()
; CHECK-NOT:   @galeed
; CHECK:       define dso_local void @near_crosscall2()
; CHECK-NEXT:    call void @crosscall_2(
; CHECK-NOT:   @galeed

source_filename = "not_cgo.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @calls_hello() #0 {
  call void @hello()
  ret void
}

declare void @hello() #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_Cfunc_hello(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  store i8* %0, i8** %2, align 8
  call void @hello()
  ret void
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_0123456789ab_Cvar_hello(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  store i8* %0, i8** %2, align 8
  call void @hello()
  ret void
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_012345678xyz_Cfunc_hello(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  store i8* %0, i8** %2, align 8
  call void @hello()
  ret void
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_0123456789ab_Cfunc_(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  store i8* %0, i8** %2, align 8
  call void @hello()
  ret void
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @x_cgo_0123456789ab_Cfunc_hello(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  store i8* %0, i8** %2, align 8
  call void @hello()
  ret void
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local i8* @stack_top() #0 {
  %1 = call i8* @_cgo_topofstack()
  ret i8* %1
}

declare i8* @_cgo_topofstack() #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @near_crosscall2() #0 {
  call void @crosscall_2(void (i8*)* noundef null, i8* noundef null, i32 noundef 0, i64 noundef 0)
  ret void
}

declare void @crosscall_2(void (i8*)* noundef, i8* noundef, i32 noundef, i64 noundef) #1

attributes #0 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

!llvm.module.flags = !{!0, !1, !2, !3, !4}
!llvm.ident = !{!5}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{i32 7, !"frame-pointer", i32 2}
!5 = !{!"Debian clang version 14.0.6"}
