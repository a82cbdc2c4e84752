; C consumers of shared Go structs, which galeed-pseudo-pointers rewrites:
; each struct Point * / struct Sample * parameter becomes a galeed_handle (i64)
; in place (same name, the handle ABI), the local variables holding it hold
; the handle, each field load and store through it becomes a call of the
; field's getter or setter from the manifest (manifests/point.json), a NULL
; test tests the handle for 0, and a call of another consumer passes it on.
; IR: llvm_pass/test/testdata/pseudo_pointers.c, by clang-14 -O0, from
; llvm_pass/test/testdata/regenerate.sh. CHECK lines by hand.
;
; Without -galeed-shared-types the pass changes nothing (prefix NONE).
; NONE: define dso_local void @point_add5(%struct.Point* noundef %0)
; NONE: getelementptr inbounds %struct.Point
; NONE-NOT: @galeed_
;
; The Galeed paper's example, p->x += 5:
; CHECK-LABEL: define dso_local void @point_add5(i64 noundef %0)
; CHECK-NEXT:    [[SLOT:%.*]] = alloca i64, align 8
; CHECK-NEXT:    store i64 %0, i64* [[SLOT]], align 8
; CHECK-NEXT:    [[H:%.*]] = load i64, i64* [[SLOT]], align 8
; CHECK-NEXT:    [[X:%.*]] = call i64 @galeed_Point_get_x(i64 [[H]])
; CHECK-NEXT:    [[SUM:%.*]] = add nsw i64 [[X]], 5
; CHECK-NEXT:    call void @galeed_Point_set_x(i64 [[H]], i64 [[SUM]])
; CHECK-NEXT:    ret void
;
; Two fields of two types, s->id = 7 and s->value * k:
; CHECK-LABEL: define dso_local double @sample_scaled(i64 noundef %0, double noundef %1)
; CHECK:         [[H1:%.*]] = load i64, i64*
; CHECK-NEXT:    call void @galeed_Sample_set_id(i64 [[H1]], i32 7)
; CHECK-NEXT:    [[H2:%.*]] = load i64, i64*
; CHECK-NEXT:    [[V:%.*]] = call double @galeed_Sample_get_value(i64 [[H2]])
; CHECK-NOT:     getelementptr
; CHECK:         fmul double [[V]]
;
; A loop, p->x += p->y; sum += p->x:
; CHECK-LABEL: define dso_local i64 @point_walk(i64 noundef %0, i32 noundef %1)
; CHECK-NOT:     %struct.Point
; CHECK:         [[Y:%.*]] = call i64 @galeed_Point_get_y(i64 {{%.*}})
; CHECK-NEXT:    [[HX:%.*]] = load i64, i64*
; CHECK-NEXT:    [[X:%.*]] = call i64 @galeed_Point_get_x(i64 [[HX]])
; CHECK-NEXT:    [[S:%.*]] = add nsw i64 [[X]], [[Y]]
; CHECK-NEXT:    call void @galeed_Point_set_x(i64 [[HX]], i64 [[S]])
; CHECK:         call i64 @galeed_Point_get_x(i64 {{%.*}})
; CHECK:         br label {{%.*}}, !llvm.loop
;
; q = p; if (q == 0) ...; point_add5(q); point_add5(p):
; CHECK-LABEL: define dso_local i32 @point_add10(i64 noundef %0)
; CHECK:         [[P:%.*]] = alloca i64, align 8
; CHECK-NEXT:    [[Q:%.*]] = alloca i64, align 8
; CHECK-NEXT:    store i64 %0, i64* [[P]], align 8
; CHECK-NEXT:    [[HP:%.*]] = load i64, i64* [[P]], align 8
; CHECK-NEXT:    store i64 [[HP]], i64* [[Q]], align 8
; CHECK-NEXT:    [[HQ:%.*]] = load i64, i64* [[Q]], align 8
; CHECK-NEXT:    icmp eq i64 [[HQ]], 0
; CHECK:         [[HQ2:%.*]] = load i64, i64* [[Q]], align 8
; CHECK-NEXT:    call void @point_add5(i64 noundef [[HQ2]])
; CHECK-NEXT:    [[HP2:%.*]] = load i64, i64* [[P]], align 8
; CHECK-NEXT:    call void @point_add5(i64 noundef [[HP2]])
;
; s->level = level (an int16_t: the caller sign-extends it), s->valid =
; !s->valid (a bool, an i8 in memory, zero-extended):
; CHECK-LABEL: define dso_local void @sample_mark(i64 noundef %0, i16 noundef signext %1)
; CHECK:         call void @galeed_Sample_set_level(i64 {{%.*}}, i16 signext {{%.*}})
; CHECK:         call i8 @galeed_Sample_get_valid(i64 {{%.*}})
; CHECK:         call void @galeed_Sample_set_valid(i64 {{%.*}}, i8 zeroext {{%.*}})
;
; A struct Line passed by value (byval) and returned (sret) is a C copy: its
; pointers stay pointers, its fields plain loads and stores.
; CHECK-LABEL: define dso_local void @line_moved(%struct.Line* noalias sret(%struct.Line) align 8 %0, %struct.Line* noundef byval(%struct.Line) align 8 %1, i64 noundef %2)
; CHECK-NOT:     @galeed_
; CHECK:         getelementptr inbounds %struct.Line, %struct.Line* %1, i32 0, i32 1
; CHECK-NOT:     @galeed_
; CHECK:         ret void
;
; CHECK-LABEL: define dso_local void @line_grow(i64 noundef %0)
; CHECK:         [[H:%.*]] = load i64, i64*
; CHECK-NEXT:    [[L:%.*]] = call i64 @galeed_Line_get_len(i64 [[H]])
; CHECK-NEXT:    [[N:%.*]] = add nsw i64 [[L]], 1
; CHECK-NEXT:    call void @galeed_Line_set_len(i64 [[H]], i64 [[N]])
;
; CHECK-DAG: declare i64 @galeed_Point_get_x(i64)
; CHECK-DAG: declare void @galeed_Point_set_x(i64, i64)
; CHECK-DAG: declare i64 @galeed_Point_get_y(i64)
; CHECK-DAG: declare void @galeed_Sample_set_id(i64, i32)
; CHECK-DAG: declare double @galeed_Sample_get_value(i64)
; CHECK-NOT: %struct.Point*
; CHECK-NOT: %struct.Sample*
;
; A manifest whose field offset disagrees with the module's struct Point
; (manifests/point_stale.json puts y at offset 4) is an error naming both:
; STALE: error: llvm_pass/test/manifests/point_stale.json: stale shared-type manifest: struct Point of pseudo_pointers.c has no member of size 8 at offset 4, where the manifest puts field y: regenerate the manifest from the Go source
;
; A manifest that is not JSON, one missing a member the schema requires (a
; scalar field's getter) and one that does not exist are errors naming it:
; MALFORMED: error: llvm_pass/test/manifests/shared_malformed.json: malformed shared-type manifest: [4:0, byte=94]: Unexpected EOF
; INVALID: error: llvm_pass/test/manifests/shared_invalid.json: types[0] (Point).fields[0]: field x of kind int needs a "getter"
; MISSING: error: llvm_pass/test/manifests/missing.json: cannot read the shared-type manifest (-galeed-shared-types): No such file or directory

source_filename = "pseudo_pointers.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.Point = type { i64, i64 }
%struct.Sample = type { i32, double, i16, i8 }
%struct.Line = type { %struct.Point, i64 }

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @point_add5(%struct.Point* noundef %0) #0 {
  %2 = alloca %struct.Point*, align 8
  store %struct.Point* %0, %struct.Point** %2, align 8
  %3 = load %struct.Point*, %struct.Point** %2, align 8
  %4 = getelementptr inbounds %struct.Point, %struct.Point* %3, i32 0, i32 0
  %5 = load i64, i64* %4, align 8
  %6 = add nsw i64 %5, 5
  store i64 %6, i64* %4, align 8
  ret void
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local double @sample_scaled(%struct.Sample* noundef %0, double noundef %1) #0 {
  %3 = alloca %struct.Sample*, align 8
  %4 = alloca double, align 8
  store %struct.Sample* %0, %struct.Sample** %3, align 8
  store double %1, double* %4, align 8
  %5 = load %struct.Sample*, %struct.Sample** %3, align 8
  %6 = getelementptr inbounds %struct.Sample, %struct.Sample* %5, i32 0, i32 0
  store i32 7, i32* %6, align 8
  %7 = load %struct.Sample*, %struct.Sample** %3, align 8
  %8 = getelementptr inbounds %struct.Sample, %struct.Sample* %7, i32 0, i32 1
  %9 = load double, double* %8, align 8
  %10 = load double, double* %4, align 8
  %11 = fmul double %9, %10
  ret double %11
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local i64 @point_walk(%struct.Point* noundef %0, i32 noundef %1) #0 {
  %3 = alloca %struct.Point*, align 8
  %4 = alloca i32, align 4
  %5 = alloca i64, align 8
  %6 = alloca i32, align 4
  store %struct.Point* %0, %struct.Point** %3, align 8
  store i32 %1, i32* %4, align 4
  store i64 0, i64* %5, align 8
  store i32 0, i32* %6, align 4
  br label %7

7:                                                ; preds = %24, %2
  %8 = load i32, i32* %6, align 4
  %9 = load i32, i32* %4, align 4
  %10 = icmp slt i32 %8, %9
  br i1 %10, label %11, label %27

11:                                               ; preds = %7
  %12 = load %struct.Point*, %struct.Point** %3, align 8
  %13 = getelementptr inbounds %struct.Point, %struct.Point* %12, i32 0, i32 1
  %14 = load i64, i64* %13, align 8
  %15 = load %struct.Point*, %struct.Point** %3, align 8
  %16 = getelementptr inbounds %struct.Point, %struct.Point* %15, i32 0, i32 0
  %17 = load i64, i64* %16, align 8
  %18 = add nsw i64 %17, %14
  store i64 %18, i64* %16, align 8
  %19 = load %struct.Point*, %struct.Point** %3, align 8
  %20 = getelementptr inbounds %struct.Point, %struct.Point* %19, i32 0, i32 0
  %21 = load i64, i64* %20, align 8
  %22 = load i64, i64* %5, align 8
  %23 = add nsw i64 %22, %21
  store i64 %23, i64* %5, align 8
  br label %24

24:                                               ; preds = %11
  %25 = load i32, i32* %6, align 4
  %26 = add nsw i32 %25, 1
  store i32 %26, i32* %6, align 4
  br label %7, !llvm.loop !6

27:                                               ; preds = %7
  %28 = load i64, i64* %5, align 8
  ret i64 %28
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local i32 @point_add10(%struct.Point* noundef %0) #0 {
  %2 = alloca i32, align 4
  %3 = alloca %struct.Point*, align 8
  %4 = alloca %struct.Point*, align 8
  store %struct.Point* %0, %struct.Point** %3, align 8
  %5 = load %struct.Point*, %struct.Point** %3, align 8
  store %struct.Point* %5, %struct.Point** %4, align 8
  %6 = load %struct.Point*, %struct.Point** %4, align 8
  %7 = icmp eq %struct.Point* %6, null
  br i1 %7, label %8, label %9

8:                                                ; preds = %1
  store i32 -1, i32* %2, align 4
  br label %12

9:                                                ; preds = %1
  %10 = load %struct.Point*, %struct.Point** %4, align 8
  call void @point_add5(%struct.Point* noundef %10)
  %11 = load %struct.Point*, %struct.Point** %3, align 8
  call void @point_add5(%struct.Point* noundef %11)
  store i32 0, i32* %2, align 4
  br label %12

12:                                               ; preds = %9, %8
  %13 = load i32, i32* %2, align 4
  ret i32 %13
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @sample_mark(%struct.Sample* noundef %0, i16 noundef signext %1) #0 {
  %3 = alloca %struct.Sample*, align 8
  %4 = alloca i16, align 2
  store %struct.Sample* %0, %struct.Sample** %3, align 8
  store i16 %1, i16* %4, align 2
  %5 = load i16, i16* %4, align 2
  %6 = load %struct.Sample*, %struct.Sample** %3, align 8
  %7 = getelementptr inbounds %struct.Sample, %struct.Sample* %6, i32 0, i32 2
  store i16 %5, i16* %7, align 8
  %8 = load %struct.Sample*, %struct.Sample** %3, align 8
  %9 = getelementptr inbounds %struct.Sample, %struct.Sample* %8, i32 0, i32 3
  %10 = load i8, i8* %9, align 2
  %11 = trunc i8 %10 to i1
  %12 = xor i1 %11, true
  %13 = load %struct.Sample*, %struct.Sample** %3, align 8
  %14 = getelementptr inbounds %struct.Sample, %struct.Sample* %13, i32 0, i32 3
  %15 = zext i1 %12 to i8
  store i8 %15, i8* %14, align 2
  ret void
}

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @line_moved(%struct.Line* noalias sret(%struct.Line) align 8 %0, %struct.Line* noundef byval(%struct.Line) align 8 %1, i64 noundef %2) #0 {
  %4 = alloca i64, align 8
  store i64 %2, i64* %4, align 8
  %5 = load i64, i64* %4, align 8
  %6 = getelementptr inbounds %struct.Line, %struct.Line* %1, i32 0, i32 1
  %7 = load i64, i64* %6, align 8
  %8 = add nsw i64 %7, %5
  store i64 %8, i64* %6, align 8
  %9 = bitcast %struct.Line* %0 to i8*
  %10 = bitcast %struct.Line* %1 to i8*
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %9, i8* align 8 %10, i64 24, i1 false)
  ret void
}

; Function Attrs: argmemonly nofree nounwind willreturn
declare void @llvm.memcpy.p0i8.p0i8.i64(i8* noalias nocapture writeonly, i8* noalias nocapture readonly, i64, i1 immarg) #1

; Function Attrs: noinline nounwind optnone uwtable
define dso_local void @line_grow(%struct.Line* noundef %0) #0 {
  %2 = alloca %struct.Line*, align 8
  store %struct.Line* %0, %struct.Line** %2, align 8
  %3 = load %struct.Line*, %struct.Line** %2, align 8
  %4 = getelementptr inbounds %struct.Line, %struct.Line* %3, i32 0, i32 1
  %5 = load i64, i64* %4, align 8
  %6 = add nsw i64 %5, 1
  store i64 %6, i64* %4, align 8
  ret void
}

attributes #0 = { noinline nounwind optnone uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { argmemonly nofree nounwind willreturn }

!llvm.module.flags = !{!0, !1, !2, !3, !4}
!llvm.ident = !{!5}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 1}
!4 = !{i32 7, !"frame-pointer", i32 2}
!5 = !{!"Debian clang version 14.0.6"}
!6 = distinct !{!6, !7}
!7 = !{!"llvm.loop.mustprogress"}
