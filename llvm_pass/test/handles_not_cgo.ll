; Not a cgo wrapper: C code that includes the generator's header (its marker
; galeed_shared_type__Counter included) and defines a function taking a
; struct Counter *, with no shared-type manifest. galeed-cgo-call-handles
; changes nothing (and galeed-pseudo-pointers, the consumer rewrite, needs
; the manifest): the function keeps its pointer parameter and its loads and
; stores, and nothing galeed is called or declared.
; IR: llvm_pass/test/testdata/counter_consumer.c, with the header galeedgen
; writes for tools/galeedgen/testdata/src/paper, by clang-14 -O0
; (regenerate.sh). CHECK lines by hand.
;
; CHECK:       @galeed_shared_type__Counter = internal constant i32 1521475534
; CHECK-LABEL: define dso_local void @counter_add5(%struct.Counter* noundef %0)
; CHECK-NOT:     @galeed
; CHECK:         [[F:%[0-9]+]] = getelementptr inbounds %struct.Counter, %struct.Counter* {{%[0-9]+}}, i32 0, i32 0
; CHECK-NEXT:    [[N:%[0-9]+]] = load i64, i64* [[F]], align 8
; CHECK-NEXT:    [[A:%[0-9]+]] = add nsw i64 [[N]], 5
; CHECK-NEXT:    store i64 [[A]], i64* [[F]], align 8
; CHECK-NEXT:    ret void
; CHECK-NOT:   @galeed_handle
; CHECK-NOT:   declare

; ModuleID = 'counter_consumer.c'
source_filename = "counter_consumer.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.Counter = type { i64 }

@galeed_shared_type__Counter = internal constant i32 1521475534, align 4
@llvm.compiler.used = appending global [1 x i8*] [i8* bitcast (i32* @galeed_shared_type__Counter to i8*)], section "llvm.metadata"

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @counter_add5(%struct.Counter* noundef %0) #0 {
  %2 = alloca %struct.Counter*, align 8
  store %struct.Counter* %0, %struct.Counter** %2, align 8
  %3 = load %struct.Counter*, %struct.Counter** %2, align 8
  %4 = getelementptr inbounds %struct.Counter, %struct.Counter* %3, i32 0, i32 0
  %5 = load i64, i64* %4, align 8
  %6 = add nsw i64 %5, 5
  store i64 %6, i64* %4, align 8
  ret void
}

attributes #0 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

!llvm.module.flags = !{!0, !1, !2, !3, !4}
!llvm.ident = !{!5}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{i32 7, !"frame-pointer", i32 2}
!5 = !{!"Debian clang version 14.0.6"}
