; C -> Go, calls of the //export functions GoAdd and GoVoid: cgo's wrappers
; copy the arguments into a frame on the C stack and call crosscall2. Only
; crosscall2 runs in Go mode; runtime/cgo's _cgo_wait_runtime_init_done and
; _cgo_release_context stay in the C caller's mode.
; IR: cgo's wrappers of GoAdd and GoVoid (in _cgo_export.c) in llvm_pass/test/testdata/gates.go, by clang-14 -O2,
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

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4

; Function Attrs: nounwind uwtable
define dso_local i32 @GoAdd(i32 noundef %0, i8* noundef %1) local_unnamed_addr #0 {
  %3 = alloca %struct._cgo_argtype, align 8
  %4 = tail call i64 @_cgo_wait_runtime_init_done() #4
  %5 = bitcast %struct._cgo_argtype* %3 to i8*
  call void @llvm.lifetime.start.p0i8(i64 24, i8* nonnull %5) #4
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(24) %5, i8 0, i64 24, i1 false)
  %6 = getelementptr inbounds %struct._cgo_argtype, %struct._cgo_argtype* %3, i64 0, i32 0
  store i32 %0, i32* %6, align 8, !tbaa !5
  %7 = getelementptr inbounds %struct._cgo_argtype, %struct._cgo_argtype* %3, i64 0, i32 2
  store i8* %1, i8** %7, align 8, !tbaa !11
  call void @crosscall2(void (i8*)* noundef nonnull @_cgoexp_926328778c9c_GoAdd, i8* noundef nonnull %5, i32 noundef 20, i64 noundef %4) #4
  call void @_cgo_release_context(i64 noundef %4) #4
  %8 = getelementptr inbounds %struct._cgo_argtype, %struct._cgo_argtype* %3, i64 0, i32 3
  %9 = load i32, i32* %8, align 8, !tbaa !12
  call void @llvm.lifetime.end.p0i8(i64 24, i8* nonnull %5) #4
  ret i32 %9
}

; Function Attrs: argmemonly nofree nosync nounwind willreturn
declare void @llvm.lifetime.start.p0i8(i64 immarg, i8* nocapture) #1

declare i64 @_cgo_wait_runtime_init_done() local_unnamed_addr #2

declare void @crosscall2(void (i8*)* noundef, i8* noundef, i32 noundef, i64 noundef) local_unnamed_addr #2

declare void @_cgoexp_926328778c9c_GoAdd(i8* noundef) #2

declare void @_cgo_release_context(i64 noundef) local_unnamed_addr #2

; Function Attrs: argmemonly nofree nosync nounwind willreturn
declare void @llvm.lifetime.end.p0i8(i64 immarg, i8* nocapture) #1

; Function Attrs: nounwind uwtable
define dso_local void @GoVoid() local_unnamed_addr #0 {
  %1 = alloca i8, align 1
  %2 = tail call i64 @_cgo_wait_runtime_init_done() #4
  call void @llvm.lifetime.start.p0i8(i64 1, i8* nonnull %1) #4
  store i8 0, i8* %1, align 1, !tbaa !13
  call void @crosscall2(void (i8*)* noundef nonnull @_cgoexp_926328778c9c_GoVoid, i8* noundef nonnull %1, i32 noundef 0, i64 noundef %2) #4
  call void @_cgo_release_context(i64 noundef %2) #4
  call void @llvm.lifetime.end.p0i8(i64 1, i8* nonnull %1) #4
  ret void
}

declare void @_cgoexp_926328778c9c_GoVoid(i8* noundef) #2

; Function Attrs: argmemonly nofree nounwind willreturn writeonly
declare void @llvm.memset.p0i8.i64(i8* nocapture writeonly, i8, i64, i1 immarg) #3

attributes #0 = { nounwind uwtable "frame-pointer"="none" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { argmemonly nofree nosync nounwind willreturn }
attributes #2 = { "frame-pointer"="none" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { argmemonly nofree nounwind willreturn writeonly }
attributes #4 = { nounwind }

!llvm.module.flags = !{!0, !1, !2, !3}
!llvm.ident = !{!4}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{!"Debian clang version 14.0.6"}
!5 = !{!6, !7, i64 0}
!6 = !{!"", !7, i64 0, !8, i64 4, !10, i64 8, !7, i64 16}
!7 = !{!"int", !8, i64 0}
!8 = !{!"omnipotent char", !9, i64 0}
!9 = !{!"Simple C/C++ TBAA"}
!10 = !{!"any pointer", !8, i64 0}
!11 = !{!6, !10, i64 8}
!12 = !{!6, !7, i64 16}
!13 = !{!8, !8, i64 0}
