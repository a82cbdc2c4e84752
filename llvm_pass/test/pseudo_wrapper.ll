; Go -> C with a Go pointer to a shared struct, C.point_add5(p) and
; C.point_dist(a, b): the wrapper turns each struct Point * argument into a
; call-scoped handle, acquired in Go mode before galeed_enter_c and released
; after galeed_leave_c, and calls the C function with the handle ABI. Run
; after galeed-cgo-call-gates, as at clang's pipeline start (CHECK); alone,
; the acquire and release surround the call itself (prefix ALONE).
; IR: cgo's wrappers of C.point_add5 and C.point_dist in
; llvm_pass/test/testdata/pseudo.go, by clang-14 -O0, extracted by
; llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-LABEL: define dso_local void @_cgo_{{[0-9a-f]+}}_Cfunc_point_add5(
; CHECK:         [[P:%[0-9]+]] = load %struct.Point*, %struct.Point** {{%[0-9]+}}, align 1
; CHECK-NEXT:    [[PB:%[0-9]+]] = bitcast %struct.Point* [[P]] to i8*
; CHECK-NEXT:    [[H:%.*]] = call i64 @galeed_handle_acquire(i8* [[PB]], i32 123)
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, {{.*}}@galeed.call.point_add5
; CHECK-NEXT:    call void @point_add5(i64 noundef [[H]])
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    call void @galeed_handle_release(i64 [[H]])
; CHECK-NEXT:    ret void
; CHECK:       declare void @point_add5(i64 noundef)
;
; CHECK-LABEL: define dso_local void @_cgo_{{[0-9a-f]+}}_Cfunc_point_dist(
; CHECK:         [[A:%[0-9]+]] = load %struct.Point*, %struct.Point** {{%[0-9]+}}, align 1
; CHECK:         [[B:%[0-9]+]] = load %struct.Point*, %struct.Point** {{%[0-9]+}}, align 1
; CHECK-NEXT:    [[AB:%[0-9]+]] = bitcast %struct.Point* [[A]] to i8*
; CHECK-NEXT:    [[HA:%.*]] = call i64 @galeed_handle_acquire(i8* [[AB]], i32 123)
; CHECK-NEXT:    [[BB:%[0-9]+]] = bitcast %struct.Point* [[B]] to i8*
; CHECK-NEXT:    [[HB:%.*]] = call i64 @galeed_handle_acquire(i8* [[BB]], i32 123)
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, {{.*}}@galeed.call.point_dist
; CHECK-NEXT:    [[R:%[0-9]+]] = call i64 @point_dist(i64 noundef [[HA]], i64 noundef [[HB]])
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    call void @galeed_handle_release(i64 [[HB]])
; CHECK-NEXT:    call void @galeed_handle_release(i64 [[HA]])
; CHECK-NEXT:    store i64 [[R]], i64* {{%[0-9]+}}, align 8
;
; CHECK-DAG: declare i64 @point_dist(i64 noundef, i64 noundef)
; CHECK-DAG: declare i64 @galeed_handle_acquire(i8*, i32)
; CHECK-DAG: declare void @galeed_handle_release(i64)
;
; ALONE-LABEL: define dso_local void @_cgo_{{[0-9a-f]+}}_Cfunc_point_add5(
; ALONE:         [[H:%.*]] = call i64 @galeed_handle_acquire(i8* {{%[0-9]+}}, i32 123)
; ALONE-NEXT:    call void @point_add5(i64 noundef [[H]])
; ALONE-NEXT:    call void @galeed_handle_release(i64 [[H]])
; ALONE-NEXT:    ret void
; ALONE-NOT:     @galeed_enter_c

source_filename = "pseudo_obj/pseudo.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.anon = type { %struct.Point* }
%struct.Point = type { i64, i64 }
%struct.anon.0 = type { %struct.Point*, %struct.Point*, i64 }

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_b70b678a8bc6_Cfunc_point_add5(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon*, align 8
  store i8* %0, i8** %2, align 8
  %4 = load i8*, i8** %2, align 8
  %5 = bitcast i8* %4 to %struct.anon*
  store %struct.anon* %5, %struct.anon** %3, align 8
  %6 = load %struct.anon*, %struct.anon** %3, align 8
  %7 = getelementptr inbounds %struct.anon, %struct.anon* %6, i32 0, i32 0
  %8 = load %struct.Point*, %struct.Point** %7, align 1
  call void @point_add5(%struct.Point* noundef %8)
  ret void
}

declare void @point_add5(%struct.Point* noundef) #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @_cgo_b70b678a8bc6_Cfunc_point_dist(i8* noundef %0) #0 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon.0*, align 8
  %4 = alloca i8*, align 8
  %5 = alloca i64, align 8
  store i8* %0, i8** %2, align 8
  %6 = load i8*, i8** %2, align 8
  %7 = bitcast i8* %6 to %struct.anon.0*
  store %struct.anon.0* %7, %struct.anon.0** %3, align 8
  %8 = call i8* @_cgo_topofstack()
  store i8* %8, i8** %4, align 8
  %9 = load %struct.anon.0*, %struct.anon.0** %3, align 8
  %10 = getelementptr inbounds %struct.anon.0, %struct.anon.0* %9, i32 0, i32 0
  %11 = load %struct.Point*, %struct.Point** %10, align 1
  %12 = load %struct.anon.0*, %struct.anon.0** %3, align 8
  %13 = getelementptr inbounds %struct.anon.0, %struct.anon.0* %12, i32 0, i32 1
  %14 = load %struct.Point*, %struct.Point** %13, align 1
  %15 = call i64 @point_dist(%struct.Point* noundef %11, %struct.Point* noundef %14)
  store i64 %15, i64* %5, align 8
  %16 = load %struct.anon.0*, %struct.anon.0** %3, align 8
  %17 = bitcast %struct.anon.0* %16 to i8*
  %18 = call i8* @_cgo_topofstack()
  %19 = load i8*, i8** %4, align 8
  %20 = ptrtoint i8* %18 to i64
  %21 = ptrtoint i8* %19 to i64
  %22 = sub i64 %20, %21
  %23 = getelementptr inbounds i8, i8* %17, i64 %22
  %24 = bitcast i8* %23 to %struct.anon.0*
  store %struct.anon.0* %24, %struct.anon.0** %3, align 8
  %25 = load i64, i64* %5, align 8
  %26 = load %struct.anon.0*, %struct.anon.0** %3, align 8
  %27 = getelementptr inbounds %struct.anon.0, %struct.anon.0* %26, i32 0, i32 2
  store i64 %25, i64* %27, align 1
  ret void
}

declare i8* @_cgo_topofstack() #1

declare i64 @point_dist(%struct.Point* noundef, %struct.Point* noundef) #1

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
