; C -> Go, calls of the //export functions GoAdd and GoVoid: cgo's wrappers
; copy the arguments into a frame on the C stack and call crosscall2. Only
; crosscall2 runs in Go mode; runtime/cgo's _cgo_wait_runtime_init_done and
; _cgo_release_context stay in the C caller's mode.
; IR: cgo's wrappers of GoAdd and GoVoid (in _cgo_export.c) in llvm_pass/test/testdata/gates.go, by clang-14 -O0,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-LABEL: define dso_local i32 @GoAdd(
; CHECK:         call i64 @_cgo_wait_runtime_init_done()
; CHECK-NOT:     @galeed_
; CHECK:         call void @galeed_enter_go()
; CHECK-NEXT:    call void @crosscall2(void (i8*)* noundef {{(nonnull )?}}@_cgoexp_926328778c9c_GoAdd,
; CHECK-NEXT:    call void @galeed_leave_go()
; CHECK-NOT:     @galeed_
; CHECK:         call void @_cgo_release_context(
; CHECK-NOT:     @galeed_
; CHECK:         ret i32
; CHECK-LABEL: define dso_local void @GoVoid(
; CHECK-NOT:     @galeed_
; CHECK:         call void @galeed_enter_go()
; CHECK-NEXT:    call void @crosscall2(void (i8*)* noundef {{(nonnull )?}}@_cgoexp_926328778c9c_GoVoid,
; CHECK-NEXT:    call void @galeed_leave_go()
; CHECK-NOT:     @galeed_
; CHECK:         ret void
; CHECK-NOT:   declare void @galeed_enter_c
; CHECK:       declare void @galeed_enter_go()
; CHECK:       declare void @galeed_leave_go()

source_filename = "obj/_cgo_export.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct._cgo_argtype = type { i32, [4 x i8], i8*, i32 }
%struct._cgo_argtype.0 = type { i8 }

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4
@GoAdd._cgo_zero = external hidden global %struct._cgo_argtype, align 8
@GoVoid._cgo_zero = external hidden global %struct._cgo_argtype.0, align 1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local i32 @GoAdd(i32 noundef %0, i8* noundef %1) #0 {
  %3 = alloca i32, align 4
  %4 = alloca i8*, align 8
  %5 = alloca i64, align 8
  %6 = alloca %struct._cgo_argtype, align 8
  store i32 %0, i32* %3, align 4
  store i8* %1, i8** %4, align 8
  %7 = call i64 @_cgo_wait_runtime_init_done()
  store i64 %7, i64* %5, align 8
  %8 = bitcast %struct._cgo_argtype* %6 to i8*
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %8, i8* align 8 bitcast (%struct._cgo_argtype* @GoAdd._cgo_zero to i8*), i64 24, i1 false)
  %9 = load i32, i32* %3, align 4
  %10 = getelementptr inbounds %struct._cgo_argtype, %struct._cgo_argtype* %6, i32 0, i32 0
  store i32 %9, i32* %10, align 8
  %11 = load i8*, i8** %4, align 8
  %12 = getelementptr inbounds %struct._cgo_argtype, %struct._cgo_argtype* %6, i32 0, i32 2
  store i8* %11, i8** %12, align 8
  %13 = bitcast %struct._cgo_argtype* %6 to i8*
  %14 = load i64, i64* %5, align 8
  call void @crosscall2(void (i8*)* noundef @_cgoexp_926328778c9c_GoAdd, i8* noundef %13, i32 noundef 20, i64 noundef %14)
  %15 = load i64, i64* %5, align 8
  call void @_cgo_release_context(i64 noundef %15)
  %16 = getelementptr inbounds %struct._cgo_argtype, %struct._cgo_argtype* %6, i32 0, i32 3
  %17 = load i32, i32* %16, align 8
  ret i32 %17
}

declare i64 @_cgo_wait_runtime_init_done() #1

; Function Attrs: argmemonly nofree nounwind willreturn
declare void @llvm.memcpy.p0i8.p0i8.i64(i8* noalias nocapture writeonly, i8* noalias nocapture readonly, i64, i1 immarg) #2

declare void @crosscall2(void (i8*)* noundef, i8* noundef, i32 noundef, i64 noundef) #1

declare void @_cgoexp_926328778c9c_GoAdd(i8* noundef) #1

declare void @_cgo_release_context(i64 noundef) #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @GoVoid() #0 {
  %1 = alloca i64, align 8
  %2 = alloca %struct._cgo_argtype.0, align 1
  %3 = call i64 @_cgo_wait_runtime_init_done()
  store i64 %3, i64* %1, align 8
  %4 = bitcast %struct._cgo_argtype.0* %2 to i8*
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 1 %4, i8* align 1 getelementptr inbounds (%struct._cgo_argtype.0, %struct._cgo_argtype.0* @GoVoid._cgo_zero, i32 0, i32 0), i64 1, i1 false)
  %5 = bitcast %struct._cgo_argtype.0* %2 to i8*
  %6 = load i64, i64* %1, align 8
  call void @crosscall2(void (i8*)* noundef @_cgoexp_926328778c9c_GoVoid, i8* noundef %5, i32 noundef 0, i64 noundef %6)
  %7 = load i64, i64* %1, align 8
  call void @_cgo_release_context(i64 noundef %7)
  ret void
}

declare void @_cgoexp_926328778c9c_GoVoid(i8* noundef) #1

attributes #0 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { argmemonly nofree nounwind willreturn }

!llvm.module.flags = !{!0, !1, !2, !3, !4}
!llvm.ident = !{!5}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{i32 7, !"frame-pointer", i32 2}
!5 = !{!"Debian clang version 14.0.6"}
