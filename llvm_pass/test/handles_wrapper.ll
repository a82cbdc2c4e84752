; Go -> C with a Go pointer to a shared struct and no shared-type manifest,
; C.counter_add5(c): the preamble includes the generator's header
; (paper_galeed.h), whose marker galeed_shared_type__Counter says struct
; Counter is shared with type ID 0x5aafdfce (1521475534).
; galeed-cgo-call-handles gives counter_add5 the handle ABI and the wrapper a
; call-scoped handle: acquire, enter_c, call, leave_c, release (CHECK, after
; the gates as at clang's pipeline start; PIPELINE with default<O0>, the
; plugin's PipelineStartEP). With the generator's manifest too, it agrees
; with the marker and galeed-pseudo-pointers does the same (CHECK); with a
; manifest giving Counter another type ID, the marker or the manifest is
; stale, an error naming both (STALE).
; IR: cgo's wrapper of C.counter_add5 in llvm_pass/test/testdata/counter.go,
; with the header galeedgen writes for tools/galeedgen/testdata/src/paper,
; by clang-14 -O0, extracted by llvm_pass/test/testdata/regenerate.sh. CHECK
; lines by hand.
;
; CHECK:       @galeed_shared_type__Counter = hidden constant i32 1521475534
; CHECK-LABEL: define dso_local void @_cgo_{{[0-9a-f]+}}_Cfunc_counter_add5(
; CHECK:         [[C:%[0-9]+]] = load %struct.Counter*, %struct.Counter** {{%[0-9]+}}, align 1
; CHECK-NEXT:    [[CB:%[0-9]+]] = bitcast %struct.Counter* [[C]] to i8*
; CHECK-NEXT:    [[H:%.*]] = call i64 @galeed_handle_acquire(i8* [[CB]], i32 1521475534)
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, {{.*}}@galeed.call.counter_add5
; CHECK-NEXT:    call void @counter_add5(i64 noundef [[H]])
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    call void @galeed_handle_release(i64 [[H]])
; CHECK-NEXT:    ret void
; CHECK:       declare void @counter_add5(i64 noundef)
; CHECK:       declare i64 @galeed_handle_acquire(i8*, i32)
; CHECK:       declare void @galeed_handle_release(i64)
;
; PIPELINE-LABEL: define dso_local void @_cgo_{{[0-9a-f]+}}_Cfunc_counter_add5(
; PIPELINE:         [[H:%.*]] = call i64 @galeed_handle_acquire(i8* {{%[0-9]+}}, i32 1521475534)
; PIPELINE-NEXT:    call void @galeed_enter_c(i32 0, {{.*}}@galeed.call.counter_add5
; PIPELINE-NEXT:    call void @counter_add5(i64 noundef [[H]])
; PIPELINE-NEXT:    call void @galeed_leave_c()
; PIPELINE-NEXT:    call void @galeed_handle_release(i64 [[H]])
; PIPELINE-NEXT:    ret void
;
; STALE: error: llvm_pass/test/manifests/counter_stale.json: stale shared-type manifest or header: struct Counter has type ID 0x5aafdfce in its marker galeed_shared_type__Counter (counter_obj/counter.cgo2.c), but 0x5aafdfcf in the manifest: regenerate both from the Go source

; ModuleID = 'handles_wrapper.full.ll'
source_filename = "counter_obj/counter.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.anon = type { %struct.Counter* }
%struct.Counter = type { i64 }

@galeed_shared_type__Counter = hidden constant i32 1521475534, align 4

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_b5f2f9262052_Cfunc_counter_add5(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon*, align 8
  store i8* %0, i8** %2, align 8
  %4 = load i8*, i8** %2, align 8
  %5 = bitcast i8* %4 to %struct.anon*
  store %struct.anon* %5, %struct.anon** %3, align 8
  %6 = load %struct.anon*, %struct.anon** %3, align 8
  %7 = getelementptr inbounds %struct.anon, %struct.anon* %6, i32 0, i32 0
  %8 = load %struct.Counter*, %struct.Counter** %7, align 1
  call void @counter_add5(%struct.Counter* noundef %8)
  ret void
}

declare void @counter_add5(%struct.Counter* noundef) #1

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
