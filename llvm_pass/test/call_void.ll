; Go -> C, C.hello(): a void C function without arguments. The wrapper never
; touches its frame, so the gates surround the call and nothing else.
; IR: cgo's wrapper of C.hello in llvm_pass/test/testdata/gates.go, by clang-14 -O0,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK: @galeed.call.hello = private unnamed_addr constant [8 x i8] c"C.hello\00"
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_hello(
; CHECK-NEXT:    %2 = alloca i8*, align 8
; CHECK-NEXT:    store i8* %0, i8** %2, align 8
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([8 x i8], [8 x i8]* @galeed.call.hello, i32 0, i32 0))
; CHECK-NEXT:    call void @hello()
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    ret void
; CHECK: declare void @galeed_enter_c(i32, i8*)
; CHECK: declare void @galeed_leave_c()
;
; With manifests/readonly.txt over -galeed-default-policy=readwrite (prefix
; MANIFEST): the manifest's readonly, so no readwrite warning.
; MANIFEST-NOT: warning
; MANIFEST:     call void @galeed_enter_c(i32 1, i8* getelementptr inbounds ([8 x i8], [8 x i8]* @galeed.call.hello, i32 0, i32 0))

source_filename = "obj/gates.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_hello(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  store i8* %0, i8** %2, align 8
  call void @hello()
  ret void
}

declare void @hello() #1

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
