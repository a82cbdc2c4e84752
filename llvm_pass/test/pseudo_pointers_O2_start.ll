; The C consumers of pseudo_pointers.ll as clang -O2 hands them to the
; optimization pipeline, where the plugin runs (-O2 -disable-llvm-passes):
; lifetime markers on the variable holding the pointer, TBAA on its loads and
; stores. galeed-pseudo-pointers alone (CHECK), then within default<O2>
; (prefix O2), where the handle reaches the accessors directly.
; IR: llvm_pass/test/testdata/pseudo_pointers.c, by clang-14 -O2
; -Xclang -disable-llvm-passes, from llvm_pass/test/testdata/regenerate.sh.
; CHECK lines by hand.
;
; CHECK-LABEL: define dso_local void @point_add5(i64 noundef %0)
; CHECK:         [[X:%.*]] = call i64 @galeed_Point_get_x(i64 [[H:%.*]])
; CHECK-NEXT:    [[SUM:%.*]] = add nsw i64 [[X]], 5
; CHECK-NEXT:    call void @galeed_Point_set_x(i64 [[H]], i64 [[SUM]])
; CHECK-LABEL: define dso_local i32 @point_add10(i64 noundef %0)
; CHECK:         [[P:%.*]] = alloca i64, align 8
; CHECK-NEXT:    [[Q:%.*]] = alloca i64, align 8
; CHECK:         [[C:%.*]] = bitcast i64* [[Q]] to i8*
; CHECK-NEXT:    call void @llvm.lifetime.start.p0i8(i64 8, i8* [[C]])
; CHECK-NEXT:    [[HP:%.*]] = load i64, i64* [[P]], align 8{{$}}
; CHECK-NEXT:    store i64 [[HP]], i64* [[Q]], align 8{{$}}
; CHECK:         call void @point_add5(i64 noundef
; CHECK:         call void @point_add5(i64 noundef
; CHECK:         [[E:%.*]] = bitcast i64* [[Q]] to i8*
; CHECK-NEXT:    call void @llvm.lifetime.end.p0i8(i64 8, i8* [[E]])
; CHECK-NOT: %struct.Point*
;
; O2-LABEL: define dso_local void @point_add5(i64 noundef %0)
; O2-NEXT:    [[X:%.*]] = tail call i64 @galeed_Point_get_x(i64 %0)
; O2-NEXT:    [[SUM:%.*]] = add nsw i64 [[X]], 5
; O2-NEXT:    tail call void @galeed_Point_set_x(i64 %0, i64 [[SUM]])
; O2-NEXT:    ret void
; O2-LABEL: define dso_local double @sample_scaled(i64 noundef %0, double noundef %1)
; O2-NEXT:    tail call void @galeed_Sample_set_id(i64 %0, i32 7)
; O2-NEXT:    [[V:%.*]] = tail call double @galeed_Sample_get_value(i64 %0)
; O2-LABEL: define dso_local i64 @point_walk(i64 noundef %0, i32 noundef %1)
; O2:         tail call i64 @galeed_Point_get_y(i64 %0)
; O2:         tail call i64 @galeed_Point_get_x(i64 %0)
; O2-LABEL: define dso_local i32 @point_add10(i64 noundef %0)
; O2-NEXT:    icmp eq i64 %0, 0
; O2-NOT: %struct.Point*

source_filename = "pseudo_pointers.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.Point = type { i64, i64 }
%struct.Sample = type { i32, double, i16, i8 }
%struct.Line = type { %struct.Point, i64 }

; Function Attrs: nounwind uwtable
define dso_local void @point_add5(%struct.Point* noundef %0) #0 {
  %2 = alloca %struct.Point*, align 8
  store %struct.Point* %0, %struct.Point** %2, align 8, !tbaa !5
  %3 = load %struct.Point*, %struct.Point** %2, align 8, !tbaa !5
  %4 = getelementptr inbounds %struct.Point, %struct.Point* %3, i32 0, i32 0
  %5 = load i64, i64* %4, align 8, !tbaa !9
  %6 = add nsw i64 %5, 5
  store i64 %6, i64* %4, align 8, !tbaa !9
  ret void
}

; Function Attrs: nounwind uwtable
define dso_local double @sample_scaled(%struct.Sample* noundef %0, double noundef %1) #0 {
  %3 = alloca %struct.Sample*, align 8
  %4 = alloca double, align 8
  store %struct.Sample* %0, %struct.Sample** %3, align 8, !tbaa !5
  store double %1, double* %4, align 8, !tbaa !12
  %5 = load %struct.Sample*, %struct.Sample** %3, align 8, !tbaa !5
  %6 = getelementptr inbounds %struct.Sample, %struct.Sample* %5, i32 0, i32 0
  store i32 7, i32* %6, align 8, !tbaa !14
  %7 = load %struct.Sample*, %struct.Sample** %3, align 8, !tbaa !5
  %8 = getelementptr inbounds %struct.Sample, %struct.Sample* %7, i32 0, i32 1
  %9 = load double, double* %8, align 8, !tbaa !19
  %10 = load double, double* %4, align 8, !tbaa !12
  %11 = fmul double %9, %10
  ret double %11
}

; Function Attrs: nounwind uwtable
define dso_local i64 @point_walk(%struct.Point* noundef %0, i32 noundef %1) #0 {
  %3 = alloca %struct.Point*, align 8
  %4 = alloca i32, align 4
  %5 = alloca i64, align 8
  %6 = alloca i32, align 4
  store %struct.Point* %0, %struct.Point** %3, align 8, !tbaa !5
  store i32 %1, i32* %4, align 4, !tbaa !20
  %7 = bitcast i64* %5 to i8*
  call void @llvm.lifetime.start.p0i8(i64 8, i8* %7) #3
  store i64 0, i64* %5, align 8, !tbaa !21
  %8 = bitcast i32* %6 to i8*
  call void @llvm.lifetime.start.p0i8(i64 4, i8* %8) #3
  store i32 0, i32* %6, align 4, !tbaa !20
  br label %9

9:                                                ; preds = %28, %2
  %10 = load i32, i32* %6, align 4, !tbaa !20
  %11 = load i32, i32* %4, align 4, !tbaa !20
  %12 = icmp slt i32 %10, %11
  br i1 %12, label %15, label %13

13:                                               ; preds = %9
  %14 = bitcast i32* %6 to i8*
  call void @llvm.lifetime.end.p0i8(i64 4, i8* %14) #3
  br label %31

15:                                               ; preds = %9
  %16 = load %struct.Point*, %struct.Point** %3, align 8, !tbaa !5
  %17 = getelementptr inbounds %struct.Point, %struct.Point* %16, i32 0, i32 1
  %18 = load i64, i64* %17, align 8, !tbaa !22
  %19 = load %struct.Point*, %struct.Point** %3, align 8, !tbaa !5
  %20 = getelementptr inbounds %struct.Point, %struct.Point* %19, i32 0, i32 0
  %21 = load i64, i64* %20, align 8, !tbaa !9
  %22 = add nsw i64 %21, %18
  store i64 %22, i64* %20, align 8, !tbaa !9
  %23 = load %struct.Point*, %struct.Point** %3, align 8, !tbaa !5
  %24 = getelementptr inbounds %struct.Point, %struct.Point* %23, i32 0, i32 0
  %25 = load i64, i64* %24, align 8, !tbaa !9
  %26 = load i64, i64* %5, align 8, !tbaa !21
  %27 = add nsw i64 %26, %25
  store i64 %27, i64* %5, align 8, !tbaa !21
  br label %28

28:                                               ; preds = %15
  %29 = load i32, i32* %6, align 4, !tbaa !20
  %30 = add nsw i32 %29, 1
  store i32 %30, i32* %6, align 4, !tbaa !20
  br label %9, !llvm.loop !23

31:                                               ; preds = %13
  %32 = load i64, i64* %5, align 8, !tbaa !21
  %33 = bitcast i64* %5 to i8*
  call void @llvm.lifetime.end.p0i8(i64 8, i8* %33) #3
  ret i64 %32
}

; Function Attrs: argmemonly nofree nosync nounwind willreturn
declare void @llvm.lifetime.start.p0i8(i64 immarg, i8* nocapture) #1

; Function Attrs: argmemonly nofree nosync nounwind willreturn
declare void @llvm.lifetime.end.p0i8(i64 immarg, i8* nocapture) #1

; Function Attrs: nounwind uwtable
define dso_local i32 @point_add10(%struct.Point* noundef %0) #0 {
  %2 = alloca i32, align 4
  %3 = alloca %struct.Point*, align 8
  %4 = alloca %struct.Point*, align 8
  %5 = alloca i32, align 4
  store %struct.Point* %0, %struct.Point** %3, align 8, !tbaa !5
  %6 = bitcast %struct.Point** %4 to i8*
  call void @llvm.lifetime.start.p0i8(i64 8, i8* %6) #3
  %7 = load %struct.Point*, %struct.Point** %3, align 8, !tbaa !5
  store %struct.Point* %7, %struct.Point** %4, align 8, !tbaa !5
  %8 = load %struct.Point*, %struct.Point** %4, align 8, !tbaa !5
  %9 = icmp eq %struct.Point* %8, null
  br i1 %9, label %10, label %11

10:                                               ; preds = %1
  store i32 -1, i32* %2, align 4
  store i32 1, i32* %5, align 4
  br label %14

11:                                               ; preds = %1
  %12 = load %struct.Point*, %struct.Point** %4, align 8, !tbaa !5
  call void @point_add5(%struct.Point* noundef %12)
  %13 = load %struct.Point*, %struct.Point** %3, align 8, !tbaa !5
  call void @point_add5(%struct.Point* noundef %13)
  store i32 0, i32* %2, align 4
  store i32 1, i32* %5, align 4
  br label %14

14:                                               ; preds = %11, %10
  %15 = bitcast %struct.Point** %4 to i8*
  call void @llvm.lifetime.end.p0i8(i64 8, i8* %15) #3
  %16 = load i32, i32* %2, align 4
  ret i32 %16
}

; Function Attrs: nounwind uwtable
define dso_local void @sample_mark(%struct.Sample* noundef %0, i16 noundef signext %1) #0 {
  %3 = alloca %struct.Sample*, align 8
  %4 = alloca i16, align 2
  store %struct.Sample* %0, %struct.Sample** %3, align 8, !tbaa !5
  store i16 %1, i16* %4, align 2, !tbaa !25
  %5 = load i16, i16* %4, align 2, !tbaa !25
  %6 = load %struct.Sample*, %struct.Sample** %3, align 8, !tbaa !5
  %7 = getelementptr inbounds %struct.Sample, %struct.Sample* %6, i32 0, i32 2
  store i16 %5, i16* %7, align 8, !tbaa !26
  %8 = load %struct.Sample*, %struct.Sample** %3, align 8, !tbaa !5
  %9 = getelementptr inbounds %struct.Sample, %struct.Sample* %8, i32 0, i32 3
  %10 = load i8, i8* %9, align 2, !tbaa !27, !range !28
  %11 = trunc i8 %10 to i1
  %12 = xor i1 %11, true
  %13 = load %struct.Sample*, %struct.Sample** %3, align 8, !tbaa !5
  %14 = getelementptr inbounds %struct.Sample, %struct.Sample* %13, i32 0, i32 3
  %15 = zext i1 %12 to i8
  store i8 %15, i8* %14, align 2, !tbaa !27
  ret void
}

; Function Attrs: nounwind uwtable
define dso_local void @line_moved(%struct.Line* noalias sret(%struct.Line) align 8 %0, %struct.Line* noundef byval(%struct.Line) align 8 %1, i64 noundef %2) #0 {
  %4 = alloca i64, align 8
  store i64 %2, i64* %4, align 8, !tbaa !21
  %5 = load i64, i64* %4, align 8, !tbaa !21
  %6 = getelementptr inbounds %struct.Line, %struct.Line* %1, i32 0, i32 1
  %7 = load i64, i64* %6, align 8, !tbaa !29
  %8 = add nsw i64 %7, %5
  store i64 %8, i64* %6, align 8, !tbaa !29
  %9 = bitcast %struct.Line* %0 to i8*
  %10 = bitcast %struct.Line* %1 to i8*
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %9, i8* align 8 %10, i64 24, i1 false), !tbaa.struct !31
  ret void
}

; Function Attrs: argmemonly nofree nounwind willreturn
declare void @llvm.memcpy.p0i8.p0i8.i64(i8* noalias nocapture writeonly, i8* noalias nocapture readonly, i64, i1 immarg) #2

; Function Attrs: nounwind uwtable
define dso_local void @line_grow(%struct.Line* noundef %0) #0 {
  %2 = alloca %struct.Line*, align 8
  store %struct.Line* %0, %struct.Line** %2, align 8, !tbaa !5
  %3 = load %struct.Line*, %struct.Line** %2, align 8, !tbaa !5
  %4 = getelementptr inbounds %struct.Line, %struct.Line* %3, i32 0, i32 1
  %5 = load i64, i64* %4, align 8, !tbaa !29
  %6 = add nsw i64 %5, 1
  store i64 %6, i64* %4, align 8, !tbaa !29
  ret void
}

attributes #0 = { nounwind uwtable "frame-pointer"="none" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { argmemonly nofree nosync nounwind willreturn }
attributes #2 = { argmemonly nofree nounwind willreturn }
attributes #3 = { nounwind }

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
!10 = !{!"Point", !11, i64 0, !11, i64 8}
!11 = !{!"long", !7, i64 0}
!12 = !{!13, !13, i64 0}
!13 = !{!"double", !7, i64 0}
!14 = !{!15, !16, i64 0}
!15 = !{!"Sample", !16, i64 0, !13, i64 8, !17, i64 16, !18, i64 18}
!16 = !{!"int", !7, i64 0}
!17 = !{!"short", !7, i64 0}
!18 = !{!"_Bool", !7, i64 0}
!19 = !{!15, !13, i64 8}
!20 = !{!16, !16, i64 0}
!21 = !{!11, !11, i64 0}
!22 = !{!10, !11, i64 8}
!23 = distinct !{!23, !24}
!24 = !{!"llvm.loop.mustprogress"}
!25 = !{!17, !17, i64 0}
!26 = !{!15, !17, i64 16}
!27 = !{!15, !18, i64 18}
!28 = !{i8 0, i8 2}
!29 = !{!30, !11, i64 16}
!30 = !{!"Line", !10, i64 0, !11, i64 16}
!31 = !{i64 0, i64 8, !21, i64 8, i64 8, !21, i64 16, i64 8, !21}
