; Go -> C at -O2 as clang hands it to the pipeline, where the plugin runs
; (PipelineStartEP): nothing inlined yet, so the call of the preamble's
; static inline sq is still there to gate. RUN twice: the pass alone (CHECK),
; and opt's whole default<O2> pipeline with the plugin registered at its start
; (O2), which then inlines sq's body between the gates and keeps the frame's
; accesses outside them.
; IR: cgo's wrappers of C.add and C.sq, and sq, in llvm_pass/test/testdata/gates.go, by clang-14 -O2 -Xclang -disable-llvm-passes,
; extracted by llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_add(
; CHECK:         [[B:%[0-9]+]] = load i32, i32* {{%[0-9]+}}, align 1
; CHECK-NEXT:    call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([6 x i8], [6 x i8]* @galeed.call.add, i32 0, i32 0))
; CHECK-NEXT:    [[R:%[0-9]+]] = call i64 @add(i64 noundef {{%[0-9]+}}, i32 noundef [[B]])
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-NEXT:    store i64 [[R]]
; CHECK-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_sq(
; CHECK:         call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([5 x i8], [5 x i8]* @galeed.call.sq, i32 0, i32 0))
; CHECK-NEXT:    call i32 @sq(
; CHECK-NEXT:    call void @galeed_leave_c()
; CHECK-LABEL: define hidden i32 @sq(
; CHECK-NOT:     @galeed_
; CHECK:         ret i32
;
; O2-LABEL: define dso_local void @_cgo_926328778c9c_Cfunc_sq(
; O2-NEXT:    [[TOP:%[0-9]+]] = tail call i8* @_cgo_topofstack()
; O2-NEXT:    bitcast
; O2-NEXT:    [[X:%[0-9]+]] = load i32
; O2-NEXT:    tail call void @galeed_enter_c(i32 0, i8* getelementptr inbounds ([5 x i8], [5 x i8]* @galeed.call.sq, i64 0, i64 0))
; O2-NEXT:    [[R:%[0-9]+]] = mul nsw i32 [[X]], [[X]]
; O2-NEXT:    tail call void @galeed_leave_c()
; O2-NEXT:    tail call i8* @_cgo_topofstack()
; O2-NOT:     @galeed_
; O2:         store i32 [[R]]
; O2-NEXT:    ret void

source_filename = "obj/gates.cgo2.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.anon.1 = type { i64, i32, [4 x i8], i64 }
%struct.anon.5 = type { i32, [4 x i8], i32, [4 x i8] }

@galeed_call_policy__peek = hidden constant i32 1, align 4
@galeed_call_policy__fill = hidden constant i32 2, align 4

; Function Attrs: argmemonly nofree nosync nounwind willreturn
declare void @llvm.lifetime.start.p0i8(i64 immarg, i8* nocapture) #0

declare i8* @_cgo_topofstack() #1

; Function Attrs: argmemonly nofree nosync nounwind willreturn
declare void @llvm.lifetime.end.p0i8(i64 immarg, i8* nocapture) #0

; Function Attrs: nounwind uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_add(i8* noundef %0) #2 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon.1*, align 8
  %4 = alloca i8*, align 8
  %5 = alloca i64, align 8
  store i8* %0, i8** %2, align 8, !tbaa !5
  %6 = bitcast %struct.anon.1** %3 to i8*
  call void @llvm.lifetime.start.p0i8(i64 8, i8* %6) #4
  %7 = load i8*, i8** %2, align 8, !tbaa !5
  %8 = bitcast i8* %7 to %struct.anon.1*
  store %struct.anon.1* %8, %struct.anon.1** %3, align 8, !tbaa !5
  %9 = bitcast i8** %4 to i8*
  call void @llvm.lifetime.start.p0i8(i64 8, i8* %9) #4
  %10 = call i8* @_cgo_topofstack()
  store i8* %10, i8** %4, align 8, !tbaa !5
  %11 = bitcast i64* %5 to i8*
  call void @llvm.lifetime.start.p0i8(i64 8, i8* %11) #4
  %12 = load %struct.anon.1*, %struct.anon.1** %3, align 8, !tbaa !5
  %13 = getelementptr inbounds %struct.anon.1, %struct.anon.1* %12, i32 0, i32 0
  %14 = load i64, i64* %13, align 1, !tbaa !9
  %15 = load %struct.anon.1*, %struct.anon.1** %3, align 8, !tbaa !5
  %16 = getelementptr inbounds %struct.anon.1, %struct.anon.1* %15, i32 0, i32 1
  %17 = load i32, i32* %16, align 1, !tbaa !13
  %18 = call i64 @add(i64 noundef %14, i32 noundef %17)
  store i64 %18, i64* %5, align 8, !tbaa !14
  %19 = load %struct.anon.1*, %struct.anon.1** %3, align 8, !tbaa !5
  %20 = bitcast %struct.anon.1* %19 to i8*
  %21 = call i8* @_cgo_topofstack()
  %22 = load i8*, i8** %4, align 8, !tbaa !5
  %23 = ptrtoint i8* %21 to i64
  %24 = ptrtoint i8* %22 to i64
  %25 = sub i64 %23, %24
  %26 = getelementptr inbounds i8, i8* %20, i64 %25
  %27 = bitcast i8* %26 to %struct.anon.1*
  store %struct.anon.1* %27, %struct.anon.1** %3, align 8, !tbaa !5
  %28 = load i64, i64* %5, align 8, !tbaa !14
  %29 = load %struct.anon.1*, %struct.anon.1** %3, align 8, !tbaa !5
  %30 = getelementptr inbounds %struct.anon.1, %struct.anon.1* %29, i32 0, i32 3
  store i64 %28, i64* %30, align 1, !tbaa !15
  %31 = bitcast i64* %5 to i8*
  call void @llvm.lifetime.end.p0i8(i64 8, i8* %31) #4
  %32 = bitcast i8** %4 to i8*
  call void @llvm.lifetime.end.p0i8(i64 8, i8* %32) #4
  %33 = bitcast %struct.anon.1** %3 to i8*
  call void @llvm.lifetime.end.p0i8(i64 8, i8* %33) #4
  ret void
}

declare i64 @add(i64 noundef, i32 noundef) #1

; Function Attrs: nounwind uwtable
define dso_local void @_cgo_926328778c9c_Cfunc_sq(i8* noundef %0) #2 {
  %2 = alloca i8*, align 8
  %3 = alloca %struct.anon.5*, align 8
  %4 = alloca i8*, align 8
  %5 = alloca i32, align 4
  store i8* %0, i8** %2, align 8, !tbaa !5
  %6 = bitcast %struct.anon.5** %3 to i8*
  call void @llvm.lifetime.start.p0i8(i64 8, i8* %6) #4
  %7 = load i8*, i8** %2, align 8, !tbaa !5
  %8 = bitcast i8* %7 to %struct.anon.5*
  store %struct.anon.5* %8, %struct.anon.5** %3, align 8, !tbaa !5
  %9 = bitcast i8** %4 to i8*
  call void @llvm.lifetime.start.p0i8(i64 8, i8* %9) #4
  %10 = call i8* @_cgo_topofstack()
  store i8* %10, i8** %4, align 8, !tbaa !5
  %11 = bitcast i32* %5 to i8*
  call void @llvm.lifetime.start.p0i8(i64 4, i8* %11) #4
  %12 = load %struct.anon.5*, %struct.anon.5** %3, align 8, !tbaa !5
  %13 = getelementptr inbounds %struct.anon.5, %struct.anon.5* %12, i32 0, i32 0
  %14 = load i32, i32* %13, align 1, !tbaa !16
  %15 = call i32 @sq(i32 noundef %14)
  store i32 %15, i32* %5, align 4, !tbaa !18
  %16 = load %struct.anon.5*, %struct.anon.5** %3, align 8, !tbaa !5
  %17 = bitcast %struct.anon.5* %16 to i8*
  %18 = call i8* @_cgo_topofstack()
  %19 = load i8*, i8** %4, align 8, !tbaa !5
  %20 = ptrtoint i8* %18 to i64
  %21 = ptrtoint i8* %19 to i64
  %22 = sub i64 %20, %21
  %23 = getelementptr inbounds i8, i8* %17, i64 %22
  %24 = bitcast i8* %23 to %struct.anon.5*
  store %struct.anon.5* %24, %struct.anon.5** %3, align 8, !tbaa !5
  %25 = load i32, i32* %5, align 4, !tbaa !18
  %26 = load %struct.anon.5*, %struct.anon.5** %3, align 8, !tbaa !5
  %27 = getelementptr inbounds %struct.anon.5, %struct.anon.5* %26, i32 0, i32 2
  store i32 %25, i32* %27, align 1, !tbaa !19
  %28 = bitcast i32* %5 to i8*
  call void @llvm.lifetime.end.p0i8(i64 4, i8* %28) #4
  %29 = bitcast i8** %4 to i8*
  call void @llvm.lifetime.end.p0i8(i64 8, i8* %29) #4
  %30 = bitcast %struct.anon.5** %3 to i8*
  call void @llvm.lifetime.end.p0i8(i64 8, i8* %30) #4
  ret void
}

; Function Attrs: inlinehint nounwind uwtable
define hidden i32 @sq(i32 noundef %0) #3 {
  %2 = alloca i32, align 4
  store i32 %0, i32* %2, align 4, !tbaa !18
  %3 = load i32, i32* %2, align 4, !tbaa !18
  %4 = load i32, i32* %2, align 4, !tbaa !18
  %5 = mul nsw i32 %3, %4
  ret i32 %5
}

attributes #0 = { argmemonly nofree nosync nounwind willreturn }
attributes #1 = { "frame-pointer"="none" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { nounwind uwtable "frame-pointer"="none" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { inlinehint nounwind uwtable "frame-pointer"="none" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #4 = { nounwind }

!llvm.module.flags = !{!0, !1, !2, !3}
!llvm.ident = !{!4}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{!"Debian clang version 14.0.6"}
!5 = !{!6, !6, i64 0}
!6 = !{!"any pointer", !7, i64 0}
!7 = !{!"omnipotent char", !8, i64 0}
!8 = !{!"Simple C/C++ TBAA"}
!9 = !{!10, !11, i64 0}
!10 = !{!"", !11, i64 0, !12, i64 8, !7, i64 12, !11, i64 16}
!11 = !{!"long", !7, i64 0}
!12 = !{!"int", !7, i64 0}
!13 = !{!10, !12, i64 8}
!14 = !{!11, !11, i64 0}
!15 = !{!10, !11, i64 16}
!16 = !{!17, !12, i64 0}
!17 = !{!"", !12, i64 0, !7, i64 4, !12, i64 8, !7, i64 12}
!18 = !{!12, !12, i64 0}
!19 = !{!17, !12, i64 8}
