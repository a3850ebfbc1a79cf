;; SPDX-License-Identifier: GPL-2.0
;; SIMD128 per the spec: every v128 instruction, edge lanes (INT_MIN, -1,
;; saturation bounds, NaN, signed zeros, rounding ties), lane order in
;; memory, bounds of every v128 load/store form, v128 in globals, locals,
;; select, multi-value blocks, calls and call_indirect.  Generic functions
;; are named after their instruction.
(module
  (memory 1)
  (data (i32.const 0) "\00\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\80\ff\7f")
  (type $vv (func (param v128) (result v128)))
  (type $ii (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) func $dbl $inc)
  (global $g (mut v128) (v128.const i32x4 -1 -2 -3 -4))
  (func $dbl (type $vv) (i32x4.add (local.get 0) (local.get 0)))
  (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
  (func (export "const") (result v128) (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))
  (func (export "splat8") (param i32) (result v128) (i8x16.splat (local.get 0)))
  (func (export "splat16") (param i32) (result v128) (i16x8.splat (local.get 0)))
  (func (export "splat32") (param i32) (result v128) (i32x4.splat (local.get 0)))
  (func (export "splat64") (param i64) (result v128) (i64x2.splat (local.get 0)))
  (func (export "splatf32") (param f32) (result v128) (f32x4.splat (local.get 0)))
  (func (export "splatf64") (param f64) (result v128) (f64x2.splat (local.get 0)))
  (func (export "extract8s") (param v128) (result i32) (i8x16.extract_lane_s 15 (local.get 0)))
  (func (export "extract8u") (param v128) (result i32) (i8x16.extract_lane_u 15 (local.get 0)))
  (func (export "extract16s") (param v128) (result i32) (i16x8.extract_lane_s 3 (local.get 0)))
  (func (export "extract16u") (param v128) (result i32) (i16x8.extract_lane_u 3 (local.get 0)))
  (func (export "extract32") (param v128) (result i32) (i32x4.extract_lane 3 (local.get 0)))
  (func (export "extract64") (param v128) (result i64) (i64x2.extract_lane 1 (local.get 0)))
  (func (export "extractf32") (param v128) (result f32) (f32x4.extract_lane 2 (local.get 0)))
  (func (export "extractf64") (param v128) (result f64) (f64x2.extract_lane 1 (local.get 0)))
  (func (export "replace8") (param v128 i32) (result v128) (i8x16.replace_lane 15 (local.get 0) (local.get 1)))
  (func (export "replace16") (param v128 i32) (result v128) (i16x8.replace_lane 5 (local.get 0) (local.get 1)))
  (func (export "replace32") (param v128 i32) (result v128) (i32x4.replace_lane 0 (local.get 0) (local.get 1)))
  (func (export "replace64") (param v128 i64) (result v128) (i64x2.replace_lane 1 (local.get 0) (local.get 1)))
  (func (export "replacef32") (param v128 f32) (result v128) (f32x4.replace_lane 2 (local.get 0) (local.get 1)))
  (func (export "replacef64") (param v128 f64) (result v128) (f64x2.replace_lane 0 (local.get 0) (local.get 1)))
  (func (export "shuffle") (param v128 v128) (result v128)
    (i8x16.shuffle 31 0 16 15 1 1 30 2 17 3 29 4 18 5 28 6 (local.get 0) (local.get 1)))
  (func (export "bitselect") (param v128 v128 v128) (result v128)
    (v128.bitselect (local.get 0) (local.get 1) (local.get 2)))
  (func (export "load") (param i32) (result v128) (v128.load (local.get 0)))
  (func (export "load_off") (param i32) (result v128) (v128.load offset=0xffffffff align=1 (local.get 0)))
  (func (export "load8x8_s") (param i32) (result v128) (v128.load8x8_s (local.get 0)))
  (func (export "load8x8_u") (param i32) (result v128) (v128.load8x8_u align=1 (local.get 0)))
  (func (export "load16x4_s") (param i32) (result v128) (v128.load16x4_s (local.get 0)))
  (func (export "load16x4_u") (param i32) (result v128) (v128.load16x4_u (local.get 0)))
  (func (export "load32x2_s") (param i32) (result v128) (v128.load32x2_s (local.get 0)))
  (func (export "load32x2_u") (param i32) (result v128) (v128.load32x2_u align=2 (local.get 0)))
  (func (export "load8_splat") (param i32) (result v128) (v128.load8_splat (local.get 0)))
  (func (export "load16_splat") (param i32) (result v128) (v128.load16_splat (local.get 0)))
  (func (export "load32_splat") (param i32) (result v128) (v128.load32_splat (local.get 0)))
  (func (export "load64_splat") (param i32) (result v128) (v128.load64_splat (local.get 0)))
  (func (export "load32_zero") (param i32) (result v128) (v128.load32_zero (local.get 0)))
  (func (export "load64_zero") (param i32) (result v128) (v128.load64_zero (local.get 0)))
  (func (export "load8_lane") (param i32 v128) (result v128) (v128.load8_lane 15 (local.get 0) (local.get 1)))
  (func (export "load16_lane") (param i32 v128) (result v128) (v128.load16_lane 5 (local.get 0) (local.get 1)))
  (func (export "load32_lane") (param i32 v128) (result v128) (v128.load32_lane 2 (local.get 0) (local.get 1)))
  (func (export "load64_lane") (param i32 v128) (result v128) (v128.load64_lane 0 (local.get 0) (local.get 1)))
  (func (export "store") (param i32 v128) (v128.store (local.get 0) (local.get 1)))
  (func (export "store8_lane") (param i32 v128) (v128.store8_lane 15 (local.get 0) (local.get 1)))
  (func (export "store16_lane") (param i32 v128) (v128.store16_lane 7 (local.get 0) (local.get 1)))
  (func (export "store32_lane") (param i32 v128) (v128.store32_lane 1 (local.get 0) (local.get 1)))
  (func (export "store64_lane") (param i32 v128) (v128.store64_lane 0 (local.get 0) (local.get 1)))
  (func (export "global_swap") (param v128) (result v128)
    (global.get $g) (global.set $g (local.get 0)))
  (func (export "select") (param i32) (result v128)
    (select (v128.const i64x2 1 2) (v128.const i64x2 3 4) (local.get 0)))
  (func (export "multi") (param v128) (result v128 i32 v128)
    (block (result v128 i32) (local.get 0) (i32.const 10))
    (i32x4.add (local.get 0) (local.get 0)))
  (func (export "indirect") (param i32 v128) (result v128)
    (call_indirect (type $vv) (local.get 1) (local.get 0)))
  (func (export "loop_sum") (param i32) (result v128) (local v128)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get 0)))
        (local.set 1 (i32x4.add (local.get 1) (v128.const i32x4 1 2 3 -1)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $l)))
    (local.get 1))
  ;; Generic: one function per instruction.
  (func (export "i8x16.swizzle") (param v128 v128) (result v128) (i8x16.swizzle (local.get 0) (local.get 1)))
  (func (export "i8x16.eq") (param v128 v128) (result v128) (i8x16.eq (local.get 0) (local.get 1)))
  (func (export "i8x16.ne") (param v128 v128) (result v128) (i8x16.ne (local.get 0) (local.get 1)))
  (func (export "i8x16.lt_s") (param v128 v128) (result v128) (i8x16.lt_s (local.get 0) (local.get 1)))
  (func (export "i8x16.lt_u") (param v128 v128) (result v128) (i8x16.lt_u (local.get 0) (local.get 1)))
  (func (export "i8x16.gt_s") (param v128 v128) (result v128) (i8x16.gt_s (local.get 0) (local.get 1)))
  (func (export "i8x16.gt_u") (param v128 v128) (result v128) (i8x16.gt_u (local.get 0) (local.get 1)))
  (func (export "i8x16.le_s") (param v128 v128) (result v128) (i8x16.le_s (local.get 0) (local.get 1)))
  (func (export "i8x16.le_u") (param v128 v128) (result v128) (i8x16.le_u (local.get 0) (local.get 1)))
  (func (export "i8x16.ge_s") (param v128 v128) (result v128) (i8x16.ge_s (local.get 0) (local.get 1)))
  (func (export "i8x16.ge_u") (param v128 v128) (result v128) (i8x16.ge_u (local.get 0) (local.get 1)))
  (func (export "i16x8.eq") (param v128 v128) (result v128) (i16x8.eq (local.get 0) (local.get 1)))
  (func (export "i16x8.ne") (param v128 v128) (result v128) (i16x8.ne (local.get 0) (local.get 1)))
  (func (export "i16x8.lt_s") (param v128 v128) (result v128) (i16x8.lt_s (local.get 0) (local.get 1)))
  (func (export "i16x8.lt_u") (param v128 v128) (result v128) (i16x8.lt_u (local.get 0) (local.get 1)))
  (func (export "i16x8.gt_s") (param v128 v128) (result v128) (i16x8.gt_s (local.get 0) (local.get 1)))
  (func (export "i16x8.gt_u") (param v128 v128) (result v128) (i16x8.gt_u (local.get 0) (local.get 1)))
  (func (export "i16x8.le_s") (param v128 v128) (result v128) (i16x8.le_s (local.get 0) (local.get 1)))
  (func (export "i16x8.le_u") (param v128 v128) (result v128) (i16x8.le_u (local.get 0) (local.get 1)))
  (func (export "i16x8.ge_s") (param v128 v128) (result v128) (i16x8.ge_s (local.get 0) (local.get 1)))
  (func (export "i16x8.ge_u") (param v128 v128) (result v128) (i16x8.ge_u (local.get 0) (local.get 1)))
  (func (export "i32x4.eq") (param v128 v128) (result v128) (i32x4.eq (local.get 0) (local.get 1)))
  (func (export "i32x4.ne") (param v128 v128) (result v128) (i32x4.ne (local.get 0) (local.get 1)))
  (func (export "i32x4.lt_s") (param v128 v128) (result v128) (i32x4.lt_s (local.get 0) (local.get 1)))
  (func (export "i32x4.lt_u") (param v128 v128) (result v128) (i32x4.lt_u (local.get 0) (local.get 1)))
  (func (export "i32x4.gt_s") (param v128 v128) (result v128) (i32x4.gt_s (local.get 0) (local.get 1)))
  (func (export "i32x4.gt_u") (param v128 v128) (result v128) (i32x4.gt_u (local.get 0) (local.get 1)))
  (func (export "i32x4.le_s") (param v128 v128) (result v128) (i32x4.le_s (local.get 0) (local.get 1)))
  (func (export "i32x4.le_u") (param v128 v128) (result v128) (i32x4.le_u (local.get 0) (local.get 1)))
  (func (export "i32x4.ge_s") (param v128 v128) (result v128) (i32x4.ge_s (local.get 0) (local.get 1)))
  (func (export "i32x4.ge_u") (param v128 v128) (result v128) (i32x4.ge_u (local.get 0) (local.get 1)))
  (func (export "i64x2.eq") (param v128 v128) (result v128) (i64x2.eq (local.get 0) (local.get 1)))
  (func (export "i64x2.ne") (param v128 v128) (result v128) (i64x2.ne (local.get 0) (local.get 1)))
  (func (export "i64x2.lt_s") (param v128 v128) (result v128) (i64x2.lt_s (local.get 0) (local.get 1)))
  (func (export "i64x2.gt_s") (param v128 v128) (result v128) (i64x2.gt_s (local.get 0) (local.get 1)))
  (func (export "i64x2.le_s") (param v128 v128) (result v128) (i64x2.le_s (local.get 0) (local.get 1)))
  (func (export "i64x2.ge_s") (param v128 v128) (result v128) (i64x2.ge_s (local.get 0) (local.get 1)))
  (func (export "f32x4.eq") (param v128 v128) (result v128) (f32x4.eq (local.get 0) (local.get 1)))
  (func (export "f32x4.ne") (param v128 v128) (result v128) (f32x4.ne (local.get 0) (local.get 1)))
  (func (export "f32x4.lt") (param v128 v128) (result v128) (f32x4.lt (local.get 0) (local.get 1)))
  (func (export "f32x4.gt") (param v128 v128) (result v128) (f32x4.gt (local.get 0) (local.get 1)))
  (func (export "f32x4.le") (param v128 v128) (result v128) (f32x4.le (local.get 0) (local.get 1)))
  (func (export "f32x4.ge") (param v128 v128) (result v128) (f32x4.ge (local.get 0) (local.get 1)))
  (func (export "f64x2.eq") (param v128 v128) (result v128) (f64x2.eq (local.get 0) (local.get 1)))
  (func (export "f64x2.ne") (param v128 v128) (result v128) (f64x2.ne (local.get 0) (local.get 1)))
  (func (export "f64x2.lt") (param v128 v128) (result v128) (f64x2.lt (local.get 0) (local.get 1)))
  (func (export "f64x2.gt") (param v128 v128) (result v128) (f64x2.gt (local.get 0) (local.get 1)))
  (func (export "f64x2.le") (param v128 v128) (result v128) (f64x2.le (local.get 0) (local.get 1)))
  (func (export "f64x2.ge") (param v128 v128) (result v128) (f64x2.ge (local.get 0) (local.get 1)))
  (func (export "v128.and") (param v128 v128) (result v128) (v128.and (local.get 0) (local.get 1)))
  (func (export "v128.andnot") (param v128 v128) (result v128) (v128.andnot (local.get 0) (local.get 1)))
  (func (export "v128.or") (param v128 v128) (result v128) (v128.or (local.get 0) (local.get 1)))
  (func (export "v128.xor") (param v128 v128) (result v128) (v128.xor (local.get 0) (local.get 1)))
  (func (export "i8x16.narrow_i16x8_s") (param v128 v128) (result v128) (i8x16.narrow_i16x8_s (local.get 0) (local.get 1)))
  (func (export "i8x16.narrow_i16x8_u") (param v128 v128) (result v128) (i8x16.narrow_i16x8_u (local.get 0) (local.get 1)))
  (func (export "i16x8.narrow_i32x4_s") (param v128 v128) (result v128) (i16x8.narrow_i32x4_s (local.get 0) (local.get 1)))
  (func (export "i16x8.narrow_i32x4_u") (param v128 v128) (result v128) (i16x8.narrow_i32x4_u (local.get 0) (local.get 1)))
  (func (export "i8x16.add") (param v128 v128) (result v128) (i8x16.add (local.get 0) (local.get 1)))
  (func (export "i8x16.add_sat_s") (param v128 v128) (result v128) (i8x16.add_sat_s (local.get 0) (local.get 1)))
  (func (export "i8x16.add_sat_u") (param v128 v128) (result v128) (i8x16.add_sat_u (local.get 0) (local.get 1)))
  (func (export "i8x16.sub") (param v128 v128) (result v128) (i8x16.sub (local.get 0) (local.get 1)))
  (func (export "i8x16.sub_sat_s") (param v128 v128) (result v128) (i8x16.sub_sat_s (local.get 0) (local.get 1)))
  (func (export "i8x16.sub_sat_u") (param v128 v128) (result v128) (i8x16.sub_sat_u (local.get 0) (local.get 1)))
  (func (export "i8x16.min_s") (param v128 v128) (result v128) (i8x16.min_s (local.get 0) (local.get 1)))
  (func (export "i8x16.min_u") (param v128 v128) (result v128) (i8x16.min_u (local.get 0) (local.get 1)))
  (func (export "i8x16.max_s") (param v128 v128) (result v128) (i8x16.max_s (local.get 0) (local.get 1)))
  (func (export "i8x16.max_u") (param v128 v128) (result v128) (i8x16.max_u (local.get 0) (local.get 1)))
  (func (export "i8x16.avgr_u") (param v128 v128) (result v128) (i8x16.avgr_u (local.get 0) (local.get 1)))
  (func (export "i16x8.add") (param v128 v128) (result v128) (i16x8.add (local.get 0) (local.get 1)))
  (func (export "i16x8.add_sat_s") (param v128 v128) (result v128) (i16x8.add_sat_s (local.get 0) (local.get 1)))
  (func (export "i16x8.add_sat_u") (param v128 v128) (result v128) (i16x8.add_sat_u (local.get 0) (local.get 1)))
  (func (export "i16x8.sub") (param v128 v128) (result v128) (i16x8.sub (local.get 0) (local.get 1)))
  (func (export "i16x8.sub_sat_s") (param v128 v128) (result v128) (i16x8.sub_sat_s (local.get 0) (local.get 1)))
  (func (export "i16x8.sub_sat_u") (param v128 v128) (result v128) (i16x8.sub_sat_u (local.get 0) (local.get 1)))
  (func (export "i16x8.mul") (param v128 v128) (result v128) (i16x8.mul (local.get 0) (local.get 1)))
  (func (export "i16x8.min_s") (param v128 v128) (result v128) (i16x8.min_s (local.get 0) (local.get 1)))
  (func (export "i16x8.min_u") (param v128 v128) (result v128) (i16x8.min_u (local.get 0) (local.get 1)))
  (func (export "i16x8.max_s") (param v128 v128) (result v128) (i16x8.max_s (local.get 0) (local.get 1)))
  (func (export "i16x8.max_u") (param v128 v128) (result v128) (i16x8.max_u (local.get 0) (local.get 1)))
  (func (export "i16x8.avgr_u") (param v128 v128) (result v128) (i16x8.avgr_u (local.get 0) (local.get 1)))
  (func (export "i16x8.q15mulr_sat_s") (param v128 v128) (result v128) (i16x8.q15mulr_sat_s (local.get 0) (local.get 1)))
  (func (export "i16x8.extmul_low_i8x16_s") (param v128 v128) (result v128) (i16x8.extmul_low_i8x16_s (local.get 0) (local.get 1)))
  (func (export "i16x8.extmul_high_i8x16_s") (param v128 v128) (result v128) (i16x8.extmul_high_i8x16_s (local.get 0) (local.get 1)))
  (func (export "i16x8.extmul_low_i8x16_u") (param v128 v128) (result v128) (i16x8.extmul_low_i8x16_u (local.get 0) (local.get 1)))
  (func (export "i16x8.extmul_high_i8x16_u") (param v128 v128) (result v128) (i16x8.extmul_high_i8x16_u (local.get 0) (local.get 1)))
  (func (export "i32x4.add") (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))
  (func (export "i32x4.sub") (param v128 v128) (result v128) (i32x4.sub (local.get 0) (local.get 1)))
  (func (export "i32x4.mul") (param v128 v128) (result v128) (i32x4.mul (local.get 0) (local.get 1)))
  (func (export "i32x4.min_s") (param v128 v128) (result v128) (i32x4.min_s (local.get 0) (local.get 1)))
  (func (export "i32x4.min_u") (param v128 v128) (result v128) (i32x4.min_u (local.get 0) (local.get 1)))
  (func (export "i32x4.max_s") (param v128 v128) (result v128) (i32x4.max_s (local.get 0) (local.get 1)))
  (func (export "i32x4.max_u") (param v128 v128) (result v128) (i32x4.max_u (local.get 0) (local.get 1)))
  (func (export "i32x4.dot_i16x8_s") (param v128 v128) (result v128) (i32x4.dot_i16x8_s (local.get 0) (local.get 1)))
  (func (export "i32x4.extmul_low_i16x8_s") (param v128 v128) (result v128) (i32x4.extmul_low_i16x8_s (local.get 0) (local.get 1)))
  (func (export "i32x4.extmul_high_i16x8_s") (param v128 v128) (result v128) (i32x4.extmul_high_i16x8_s (local.get 0) (local.get 1)))
  (func (export "i32x4.extmul_low_i16x8_u") (param v128 v128) (result v128) (i32x4.extmul_low_i16x8_u (local.get 0) (local.get 1)))
  (func (export "i32x4.extmul_high_i16x8_u") (param v128 v128) (result v128) (i32x4.extmul_high_i16x8_u (local.get 0) (local.get 1)))
  (func (export "i64x2.add") (param v128 v128) (result v128) (i64x2.add (local.get 0) (local.get 1)))
  (func (export "i64x2.sub") (param v128 v128) (result v128) (i64x2.sub (local.get 0) (local.get 1)))
  (func (export "i64x2.mul") (param v128 v128) (result v128) (i64x2.mul (local.get 0) (local.get 1)))
  (func (export "i64x2.extmul_low_i32x4_s") (param v128 v128) (result v128) (i64x2.extmul_low_i32x4_s (local.get 0) (local.get 1)))
  (func (export "i64x2.extmul_high_i32x4_s") (param v128 v128) (result v128) (i64x2.extmul_high_i32x4_s (local.get 0) (local.get 1)))
  (func (export "i64x2.extmul_low_i32x4_u") (param v128 v128) (result v128) (i64x2.extmul_low_i32x4_u (local.get 0) (local.get 1)))
  (func (export "i64x2.extmul_high_i32x4_u") (param v128 v128) (result v128) (i64x2.extmul_high_i32x4_u (local.get 0) (local.get 1)))
  (func (export "f32x4.add") (param v128 v128) (result v128) (f32x4.add (local.get 0) (local.get 1)))
  (func (export "f32x4.sub") (param v128 v128) (result v128) (f32x4.sub (local.get 0) (local.get 1)))
  (func (export "f32x4.mul") (param v128 v128) (result v128) (f32x4.mul (local.get 0) (local.get 1)))
  (func (export "f32x4.div") (param v128 v128) (result v128) (f32x4.div (local.get 0) (local.get 1)))
  (func (export "f32x4.min") (param v128 v128) (result v128) (f32x4.min (local.get 0) (local.get 1)))
  (func (export "f32x4.max") (param v128 v128) (result v128) (f32x4.max (local.get 0) (local.get 1)))
  (func (export "f32x4.pmin") (param v128 v128) (result v128) (f32x4.pmin (local.get 0) (local.get 1)))
  (func (export "f32x4.pmax") (param v128 v128) (result v128) (f32x4.pmax (local.get 0) (local.get 1)))
  (func (export "f64x2.add") (param v128 v128) (result v128) (f64x2.add (local.get 0) (local.get 1)))
  (func (export "f64x2.sub") (param v128 v128) (result v128) (f64x2.sub (local.get 0) (local.get 1)))
  (func (export "f64x2.mul") (param v128 v128) (result v128) (f64x2.mul (local.get 0) (local.get 1)))
  (func (export "f64x2.div") (param v128 v128) (result v128) (f64x2.div (local.get 0) (local.get 1)))
  (func (export "f64x2.min") (param v128 v128) (result v128) (f64x2.min (local.get 0) (local.get 1)))
  (func (export "f64x2.max") (param v128 v128) (result v128) (f64x2.max (local.get 0) (local.get 1)))
  (func (export "f64x2.pmin") (param v128 v128) (result v128) (f64x2.pmin (local.get 0) (local.get 1)))
  (func (export "f64x2.pmax") (param v128 v128) (result v128) (f64x2.pmax (local.get 0) (local.get 1)))
  (func (export "v128.not") (param v128) (result v128) (v128.not (local.get 0)))
  (func (export "i8x16.abs") (param v128) (result v128) (i8x16.abs (local.get 0)))
  (func (export "i8x16.neg") (param v128) (result v128) (i8x16.neg (local.get 0)))
  (func (export "i8x16.popcnt") (param v128) (result v128) (i8x16.popcnt (local.get 0)))
  (func (export "i16x8.extadd_pairwise_i8x16_s") (param v128) (result v128) (i16x8.extadd_pairwise_i8x16_s (local.get 0)))
  (func (export "i16x8.extadd_pairwise_i8x16_u") (param v128) (result v128) (i16x8.extadd_pairwise_i8x16_u (local.get 0)))
  (func (export "i32x4.extadd_pairwise_i16x8_s") (param v128) (result v128) (i32x4.extadd_pairwise_i16x8_s (local.get 0)))
  (func (export "i32x4.extadd_pairwise_i16x8_u") (param v128) (result v128) (i32x4.extadd_pairwise_i16x8_u (local.get 0)))
  (func (export "i16x8.abs") (param v128) (result v128) (i16x8.abs (local.get 0)))
  (func (export "i16x8.neg") (param v128) (result v128) (i16x8.neg (local.get 0)))
  (func (export "i16x8.extend_low_i8x16_s") (param v128) (result v128) (i16x8.extend_low_i8x16_s (local.get 0)))
  (func (export "i16x8.extend_high_i8x16_s") (param v128) (result v128) (i16x8.extend_high_i8x16_s (local.get 0)))
  (func (export "i16x8.extend_low_i8x16_u") (param v128) (result v128) (i16x8.extend_low_i8x16_u (local.get 0)))
  (func (export "i16x8.extend_high_i8x16_u") (param v128) (result v128) (i16x8.extend_high_i8x16_u (local.get 0)))
  (func (export "i32x4.abs") (param v128) (result v128) (i32x4.abs (local.get 0)))
  (func (export "i32x4.neg") (param v128) (result v128) (i32x4.neg (local.get 0)))
  (func (export "i32x4.extend_low_i16x8_s") (param v128) (result v128) (i32x4.extend_low_i16x8_s (local.get 0)))
  (func (export "i32x4.extend_high_i16x8_s") (param v128) (result v128) (i32x4.extend_high_i16x8_s (local.get 0)))
  (func (export "i32x4.extend_low_i16x8_u") (param v128) (result v128) (i32x4.extend_low_i16x8_u (local.get 0)))
  (func (export "i32x4.extend_high_i16x8_u") (param v128) (result v128) (i32x4.extend_high_i16x8_u (local.get 0)))
  (func (export "i64x2.abs") (param v128) (result v128) (i64x2.abs (local.get 0)))
  (func (export "i64x2.neg") (param v128) (result v128) (i64x2.neg (local.get 0)))
  (func (export "i64x2.extend_low_i32x4_s") (param v128) (result v128) (i64x2.extend_low_i32x4_s (local.get 0)))
  (func (export "i64x2.extend_high_i32x4_s") (param v128) (result v128) (i64x2.extend_high_i32x4_s (local.get 0)))
  (func (export "i64x2.extend_low_i32x4_u") (param v128) (result v128) (i64x2.extend_low_i32x4_u (local.get 0)))
  (func (export "i64x2.extend_high_i32x4_u") (param v128) (result v128) (i64x2.extend_high_i32x4_u (local.get 0)))
  (func (export "f32x4.ceil") (param v128) (result v128) (f32x4.ceil (local.get 0)))
  (func (export "f32x4.floor") (param v128) (result v128) (f32x4.floor (local.get 0)))
  (func (export "f32x4.trunc") (param v128) (result v128) (f32x4.trunc (local.get 0)))
  (func (export "f32x4.nearest") (param v128) (result v128) (f32x4.nearest (local.get 0)))
  (func (export "f64x2.ceil") (param v128) (result v128) (f64x2.ceil (local.get 0)))
  (func (export "f64x2.floor") (param v128) (result v128) (f64x2.floor (local.get 0)))
  (func (export "f64x2.trunc") (param v128) (result v128) (f64x2.trunc (local.get 0)))
  (func (export "f64x2.nearest") (param v128) (result v128) (f64x2.nearest (local.get 0)))
  (func (export "f32x4.abs") (param v128) (result v128) (f32x4.abs (local.get 0)))
  (func (export "f32x4.neg") (param v128) (result v128) (f32x4.neg (local.get 0)))
  (func (export "f32x4.sqrt") (param v128) (result v128) (f32x4.sqrt (local.get 0)))
  (func (export "f64x2.abs") (param v128) (result v128) (f64x2.abs (local.get 0)))
  (func (export "f64x2.neg") (param v128) (result v128) (f64x2.neg (local.get 0)))
  (func (export "f64x2.sqrt") (param v128) (result v128) (f64x2.sqrt (local.get 0)))
  (func (export "i32x4.trunc_sat_f32x4_s") (param v128) (result v128) (i32x4.trunc_sat_f32x4_s (local.get 0)))
  (func (export "i32x4.trunc_sat_f32x4_u") (param v128) (result v128) (i32x4.trunc_sat_f32x4_u (local.get 0)))
  (func (export "f32x4.convert_i32x4_s") (param v128) (result v128) (f32x4.convert_i32x4_s (local.get 0)))
  (func (export "f32x4.convert_i32x4_u") (param v128) (result v128) (f32x4.convert_i32x4_u (local.get 0)))
  (func (export "i32x4.trunc_sat_f64x2_s_zero") (param v128) (result v128) (i32x4.trunc_sat_f64x2_s_zero (local.get 0)))
  (func (export "i32x4.trunc_sat_f64x2_u_zero") (param v128) (result v128) (i32x4.trunc_sat_f64x2_u_zero (local.get 0)))
  (func (export "f64x2.convert_low_i32x4_s") (param v128) (result v128) (f64x2.convert_low_i32x4_s (local.get 0)))
  (func (export "f64x2.convert_low_i32x4_u") (param v128) (result v128) (f64x2.convert_low_i32x4_u (local.get 0)))
  (func (export "f32x4.demote_f64x2_zero") (param v128) (result v128) (f32x4.demote_f64x2_zero (local.get 0)))
  (func (export "f64x2.promote_low_f32x4") (param v128) (result v128) (f64x2.promote_low_f32x4 (local.get 0)))
  (func (export "v128.any_true") (param v128) (result i32) (v128.any_true (local.get 0)))
  (func (export "i8x16.all_true") (param v128) (result i32) (i8x16.all_true (local.get 0)))
  (func (export "i8x16.bitmask") (param v128) (result i32) (i8x16.bitmask (local.get 0)))
  (func (export "i16x8.all_true") (param v128) (result i32) (i16x8.all_true (local.get 0)))
  (func (export "i16x8.bitmask") (param v128) (result i32) (i16x8.bitmask (local.get 0)))
  (func (export "i32x4.all_true") (param v128) (result i32) (i32x4.all_true (local.get 0)))
  (func (export "i32x4.bitmask") (param v128) (result i32) (i32x4.bitmask (local.get 0)))
  (func (export "i64x2.all_true") (param v128) (result i32) (i64x2.all_true (local.get 0)))
  (func (export "i64x2.bitmask") (param v128) (result i32) (i64x2.bitmask (local.get 0)))
  (func (export "i8x16.shl") (param v128 i32) (result v128) (i8x16.shl (local.get 0) (local.get 1)))
  (func (export "i8x16.shr_s") (param v128 i32) (result v128) (i8x16.shr_s (local.get 0) (local.get 1)))
  (func (export "i8x16.shr_u") (param v128 i32) (result v128) (i8x16.shr_u (local.get 0) (local.get 1)))
  (func (export "i16x8.shl") (param v128 i32) (result v128) (i16x8.shl (local.get 0) (local.get 1)))
  (func (export "i16x8.shr_s") (param v128 i32) (result v128) (i16x8.shr_s (local.get 0) (local.get 1)))
  (func (export "i16x8.shr_u") (param v128 i32) (result v128) (i16x8.shr_u (local.get 0) (local.get 1)))
  (func (export "i32x4.shl") (param v128 i32) (result v128) (i32x4.shl (local.get 0) (local.get 1)))
  (func (export "i32x4.shr_s") (param v128 i32) (result v128) (i32x4.shr_s (local.get 0) (local.get 1)))
  (func (export "i32x4.shr_u") (param v128 i32) (result v128) (i32x4.shr_u (local.get 0) (local.get 1)))
  (func (export "i64x2.shl") (param v128 i32) (result v128) (i64x2.shl (local.get 0) (local.get 1)))
  (func (export "i64x2.shr_s") (param v128 i32) (result v128) (i64x2.shr_s (local.get 0) (local.get 1)))
  (func (export "i64x2.shr_u") (param v128 i32) (result v128) (i64x2.shr_u (local.get 0) (local.get 1)))
)
;; --- constants, splat, lanes (spec: lane 0 is the lowest address)
;; ASSERT const => v128:i8x16:0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
;; ASSERT splat8 i32:0x1ff => v128:i8x16:-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1
;; ASSERT splat16 i32:0x18000 => v128:i16x8:-32768,-32768,-32768,-32768,-32768,-32768,-32768,-32768
;; ASSERT splat32 i32:7 => v128:i32x4:7,7,7,7
;; ASSERT splat64 i64:-2 => v128:i64x2:-2,-2
;; ASSERT splatf32 f32:bits:0x7fa00001 => v128:i32x4:0x7fa00001,0x7fa00001,0x7fa00001,0x7fa00001
;; ASSERT splatf64 f64:-0 => v128:i64x2:0x8000000000000000,0x8000000000000000
;; ASSERT extract8s v128:i8x16:0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,-128 => i32:-128
;; ASSERT extract8u v128:i8x16:0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,-128 => i32:128
;; ASSERT extract16s v128:i16x8:0,0,0,-2,0,0,0,0 => i32:-2
;; ASSERT extract16u v128:i16x8:0,0,0,-2,0,0,0,0 => i32:65534
;; ASSERT extract32 v128:i32x4:1,2,3,-4 => i32:-4
;; ASSERT extract64 v128:i64x2:1,-9 => i64:-9
;; ASSERT extractf32 v128:i32x4:0,0,0x7f800001,0 => f32:bits:0x7f800001
;; ASSERT extractf64 v128:f64x2:1.5,-2.5 => f64:-2.5
;; ASSERT replace8 v128:i8x16:1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 i32:0x1234 => v128:i8x16:1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0x34
;; ASSERT replace16 v128:i16x8:1,1,1,1,1,1,1,1 i32:-1 => v128:i16x8:1,1,1,1,1,-1,1,1
;; ASSERT replace32 v128:i32x4:1,1,1,1 i32:9 => v128:i32x4:9,1,1,1
;; ASSERT replace64 v128:i64x2:1,1 i64:-1 => v128:i64x2:1,-1
;; ASSERT replacef32 v128:f32x4:1,1,1,1 f32:bits:0xffc00123 => v128:i32x4:0x3f800000,0x3f800000,0xffc00123,0x3f800000
;; ASSERT replacef64 v128:f64x2:1,1 f64:-0 => v128:f64x2:-0,1
;; ASSERT shuffle v128:i8x16:0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 v128:i8x16:16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31 => v128:i8x16:31,0,16,15,1,1,30,2,17,3,29,4,18,5,28,6
;; ASSERT i8x16.swizzle v128:i8x16:10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25 v128:i8x16:0,15,16,255,128,1,17,-1,3,3,14,32,2,4,6,8 => v128:i8x16:10,25,0,0,0,11,0,0,13,13,24,0,12,14,16,18
;; --- bitwise
;; ASSERT v128.not v128:i64x2:0,-1 => v128:i64x2:-1,0
;; ASSERT v128.and v128:i32x4:0xff00ff00,-1,0,5 v128:i32x4:0x0ff00ff0,7,-1,3 => v128:i32x4:0x0f000f00,7,0,1
;; ASSERT v128.andnot v128:i32x4:0xff00ff00,-1,0,5 v128:i32x4:0x0ff00ff0,7,-1,3 => v128:i32x4:0xf000f000,-8,0,4
;; ASSERT v128.or v128:i32x4:0xff00ff00,-1,0,5 v128:i32x4:0x0ff00ff0,7,-1,3 => v128:i32x4:0xfff0fff0,-1,-1,7
;; ASSERT v128.xor v128:i32x4:0xff00ff00,-1,0,5 v128:i32x4:0x0ff00ff0,7,-1,3 => v128:i32x4:0xf0f0f0f0,-8,-1,6
;; ASSERT bitselect v128:i32x4:0xaaaaaaaa,1,2,3 v128:i32x4:0x55555555,4,5,6 v128:i32x4:0xf0f0f0f0,-1,0,1 => v128:i32x4:0xa5a5a5a5,1,5,7
;; ASSERT v128.any_true v128:i64x2:0,0 => i32:0
;; ASSERT v128.any_true v128:i64x2:0,0x8000000000000000 => i32:1
;; ASSERT i8x16.all_true v128:i8x16:1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,-1 => i32:1
;; ASSERT i8x16.all_true v128:i8x16:1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1 => i32:0
;; ASSERT i16x8.all_true v128:i16x8:0x100,1,1,1,1,1,1,1 => i32:1
;; ASSERT i16x8.all_true v128:i8x16:1,0,1,0,1,0,1,0,1,0,1,0,1,0,0,0 => i32:0
;; ASSERT i32x4.all_true v128:i32x4:0x10000,1,1,1 => i32:1
;; ASSERT i32x4.all_true v128:i64x2:0x100000000,1 => i32:0
;; ASSERT i64x2.all_true v128:i64x2:0x100000000,1 => i32:1
;; ASSERT i64x2.all_true v128:i64x2:0,-1 => i32:0
;; ASSERT i8x16.bitmask v128:i8x16:-1,0,-128,127,0,0,0,0,0,0,0,0,0,0,0,-2 => i32:0x8005
;; ASSERT i16x8.bitmask v128:i16x8:-1,0,0,0,0,0,32767,-32768 => i32:0x81
;; ASSERT i32x4.bitmask v128:i32x4:0,-1,0x7fffffff,0x80000000 => i32:0xa
;; ASSERT i64x2.bitmask v128:i64x2:-1,1 => i32:1
;; --- integer compares (true lanes are all ones)
;; ASSERT i8x16.eq v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:-1,0,-1,0,0,0,-1,0,-1,-1,-1,-1,-1,-1,-1,-1
;; ASSERT i8x16.ne v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:0,-1,0,-1,-1,-1,0,-1,0,0,0,0,0,0,0,0
;; ASSERT i8x16.lt_s v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:0,0,0,0,-1,0,0,-1,0,0,0,0,0,0,0,0
;; ASSERT i8x16.lt_u v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:0,-1,0,-1,0,0,0,-1,0,0,0,0,0,0,0,0
;; ASSERT i8x16.gt_s v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:0,-1,0,-1,0,-1,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.gt_u v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:0,0,0,0,-1,-1,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.le_s v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:-1,0,-1,0,-1,0,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1
;; ASSERT i8x16.le_u v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:-1,-1,-1,-1,0,0,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1
;; ASSERT i8x16.ge_s v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:-1,-1,-1,-1,0,-1,-1,0,-1,-1,-1,-1,-1,-1,-1,-1
;; ASSERT i8x16.ge_u v128:i8x16:0,1,-1,127,-128,5,5,5,5,5,5,5,5,5,5,5 v128:i8x16:0,-1,-1,-128,127,4,5,6,5,5,5,5,5,5,5,5 => v128:i8x16:-1,0,-1,0,-1,-1,-1,0,-1,-1,-1,-1,-1,-1,-1,-1
;; ASSERT i16x8.eq v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:-1,0,-1,0,0,0,-1,0
;; ASSERT i16x8.ne v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:0,-1,0,-1,-1,-1,0,-1
;; ASSERT i16x8.lt_s v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:0,0,0,0,-1,0,0,-1
;; ASSERT i16x8.lt_u v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:0,-1,0,-1,0,0,0,-1
;; ASSERT i16x8.gt_s v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:0,-1,0,-1,0,-1,0,0
;; ASSERT i16x8.gt_u v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:0,0,0,0,-1,-1,0,0
;; ASSERT i16x8.le_s v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:-1,0,-1,0,-1,0,-1,-1
;; ASSERT i16x8.le_u v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:-1,-1,-1,-1,0,0,-1,-1
;; ASSERT i16x8.ge_s v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:-1,-1,-1,-1,0,-1,-1,0
;; ASSERT i16x8.ge_u v128:i16x8:0,1,-1,32767,-32768,5,5,5 v128:i16x8:0,-1,-1,-32768,32767,4,5,6 => v128:i16x8:-1,0,-1,0,-1,-1,-1,0
;; ASSERT i32x4.eq v128:i32x4:0,1,-1,0x7fffffff v128:i32x4:0,-1,-1,0x80000000 => v128:i32x4:-1,0,-1,0
;; ASSERT i32x4.ne v128:i32x4:0,1,-1,0x7fffffff v128:i32x4:0,-1,-1,0x80000000 => v128:i32x4:0,-1,0,-1
;; ASSERT i32x4.lt_s v128:i32x4:0,1,-1,0x7fffffff v128:i32x4:0,-1,-1,0x80000000 => v128:i32x4:0,0,0,0
;; ASSERT i32x4.lt_u v128:i32x4:0,1,-1,0x7fffffff v128:i32x4:0,-1,-1,0x80000000 => v128:i32x4:0,-1,0,-1
;; ASSERT i32x4.gt_s v128:i32x4:0,1,-1,0x7fffffff v128:i32x4:0,-1,-1,0x80000000 => v128:i32x4:0,-1,0,-1
;; ASSERT i32x4.gt_u v128:i32x4:0,1,-1,0x7fffffff v128:i32x4:0,-1,-1,0x80000000 => v128:i32x4:0,0,0,0
;; ASSERT i32x4.le_s v128:i32x4:0,1,-1,0x80000000 v128:i32x4:0,-1,-1,0x7fffffff => v128:i32x4:-1,0,-1,-1
;; ASSERT i32x4.le_u v128:i32x4:0,1,-1,0x80000000 v128:i32x4:0,-1,-1,0x7fffffff => v128:i32x4:-1,-1,-1,0
;; ASSERT i32x4.ge_s v128:i32x4:0,1,-1,0x80000000 v128:i32x4:0,-1,-1,0x7fffffff => v128:i32x4:-1,-1,-1,0
;; ASSERT i32x4.ge_u v128:i32x4:0,1,-1,0x80000000 v128:i32x4:0,-1,-1,0x7fffffff => v128:i32x4:-1,0,-1,-1
;; ASSERT i64x2.eq v128:i64x2:-1,5 v128:i64x2:-1,0x100000005 => v128:i64x2:-1,0
;; ASSERT i64x2.ne v128:i64x2:-1,5 v128:i64x2:-1,0x100000005 => v128:i64x2:0,-1
;; ASSERT i64x2.lt_s v128:i64x2:0x8000000000000000,1 v128:i64x2:0x7fffffffffffffff,-1 => v128:i64x2:-1,0
;; ASSERT i64x2.gt_s v128:i64x2:0x8000000000000000,1 v128:i64x2:0x7fffffffffffffff,-1 => v128:i64x2:0,-1
;; ASSERT i64x2.le_s v128:i64x2:3,1 v128:i64x2:3,-1 => v128:i64x2:-1,0
;; ASSERT i64x2.ge_s v128:i64x2:3,-2 v128:i64x2:3,-1 => v128:i64x2:-1,0
;; --- float compares: NaN is unordered (only ne is true), -0 == +0
;; ASSERT f32x4.eq v128:f32x4:nan,-0,1,inf v128:f32x4:nan,0,2,inf => v128:i32x4:0,-1,0,-1
;; ASSERT f32x4.ne v128:f32x4:nan,-0,1,inf v128:f32x4:nan,0,2,inf => v128:i32x4:-1,0,-1,0
;; ASSERT f32x4.lt v128:f32x4:nan,-0,1,-inf v128:f32x4:1,0,2,inf => v128:i32x4:0,0,-1,-1
;; ASSERT f32x4.gt v128:f32x4:1,-0,3,-inf v128:f32x4:nan,0,2,inf => v128:i32x4:0,0,-1,0
;; ASSERT f32x4.le v128:f32x4:nan,-0,1,3 v128:f32x4:1,0,2,2 => v128:i32x4:0,-1,-1,0
;; ASSERT f32x4.ge v128:f32x4:1,-0,1,3 v128:f32x4:nan,0,2,2 => v128:i32x4:0,-1,0,-1
;; ASSERT f64x2.eq v128:f64x2:nan,-0 v128:f64x2:nan,0 => v128:i64x2:0,-1
;; ASSERT f64x2.ne v128:f64x2:nan,-0 v128:f64x2:nan,0 => v128:i64x2:-1,0
;; ASSERT f64x2.lt v128:f64x2:nan,-1 v128:f64x2:1,0 => v128:i64x2:0,-1
;; ASSERT f64x2.gt v128:f64x2:2,nan v128:f64x2:1,0 => v128:i64x2:-1,0
;; ASSERT f64x2.le v128:f64x2:0,nan v128:f64x2:-0,nan => v128:i64x2:-1,0
;; ASSERT f64x2.ge v128:f64x2:-inf,1 v128:f64x2:-inf,nan => v128:i64x2:-1,0
;; --- integer arithmetic: wrapping, saturating, min/max, average
;; ASSERT i8x16.add v128:i8x16:127,-128,-1,1,0,0,0,0,0,0,0,0,0,0,0,100 v128:i8x16:1,-1,1,-1,0,0,0,0,0,0,0,0,0,0,0,100 => v128:i8x16:-128,127,0,0,0,0,0,0,0,0,0,0,0,0,0,-56
;; ASSERT i8x16.add_sat_s v128:i8x16:127,-128,-1,1,0,0,0,0,0,0,0,0,0,0,0,100 v128:i8x16:1,-1,1,-1,0,0,0,0,0,0,0,0,0,0,0,100 => v128:i8x16:127,-128,0,0,0,0,0,0,0,0,0,0,0,0,0,127
;; ASSERT i8x16.add_sat_u v128:i8x16:255,254,128,1,0,0,0,0,0,0,0,0,0,0,0,100 v128:i8x16:1,1,128,1,0,0,0,0,0,0,0,0,0,0,0,100 => v128:i8x16:255,255,255,2,0,0,0,0,0,0,0,0,0,0,0,200
;; ASSERT i8x16.sub v128:i8x16:-128,127,0,0,0,0,0,0,0,0,0,0,0,0,0,0 v128:i8x16:1,-1,1,-128,0,0,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:127,-128,-1,-128,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.sub_sat_s v128:i8x16:-128,127,0,0,0,0,0,0,0,0,0,0,0,0,0,0 v128:i8x16:1,-1,1,-128,0,0,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:-128,127,-1,127,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.sub_sat_u v128:i8x16:0,5,255,128,0,0,0,0,0,0,0,0,0,0,0,0 v128:i8x16:1,3,254,129,0,0,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:0,2,1,0,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.min_s v128:i8x16:-128,127,-1,0,0,0,0,0,0,0,0,0,0,0,0,0 v128:i8x16:127,-128,1,0,0,0,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:-128,-128,-1,0,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.min_u v128:i8x16:-128,127,-1,0,0,0,0,0,0,0,0,0,0,0,0,0 v128:i8x16:127,-128,1,0,0,0,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:127,127,1,0,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.max_s v128:i8x16:-128,127,-1,0,0,0,0,0,0,0,0,0,0,0,0,0 v128:i8x16:127,-128,1,0,0,0,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:127,127,1,0,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.max_u v128:i8x16:-128,127,-1,0,0,0,0,0,0,0,0,0,0,0,0,0 v128:i8x16:127,-128,1,0,0,0,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:-128,-128,-1,0,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.avgr_u v128:i8x16:255,0,1,2,3,0,0,0,0,0,0,0,0,0,0,0 v128:i8x16:255,1,1,5,254,0,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:255,1,1,4,129,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i16x8.add v128:i16x8:32767,-32768,1,2,3,4,5,6 v128:i16x8:1,-1,1,1,1,1,1,1 => v128:i16x8:-32768,32767,2,3,4,5,6,7
;; ASSERT i16x8.add_sat_s v128:i16x8:32767,-32768,1,2,3,4,5,6 v128:i16x8:1,-1,1,1,1,1,1,1 => v128:i16x8:32767,-32768,2,3,4,5,6,7
;; ASSERT i16x8.add_sat_u v128:i16x8:65535,32768,1,0,0,0,0,0 v128:i16x8:1,32768,1,0,0,0,0,0 => v128:i16x8:65535,65535,2,0,0,0,0,0
;; ASSERT i16x8.sub v128:i16x8:-32768,0,0,0,0,0,0,0 v128:i16x8:1,1,0,0,0,0,0,0 => v128:i16x8:32767,-1,0,0,0,0,0,0
;; ASSERT i16x8.sub_sat_s v128:i16x8:-32768,32767,0,0,0,0,0,0 v128:i16x8:1,-1,-32768,0,0,0,0,0 => v128:i16x8:-32768,32767,32767,0,0,0,0,0
;; ASSERT i16x8.sub_sat_u v128:i16x8:0,65535,0,0,0,0,0,0 v128:i16x8:1,1,0,0,0,0,0,0 => v128:i16x8:0,65534,0,0,0,0,0,0
;; ASSERT i16x8.mul v128:i16x8:0x4000,-1,300,0,0,0,0,-32768 v128:i16x8:4,-1,300,0,0,0,0,-1 => v128:i16x8:0,1,0x5f90,0,0,0,0,-32768
;; ASSERT i16x8.min_s v128:i16x8:-1,1,0,0,0,0,0,0 v128:i16x8:1,-1,0,0,0,0,0,0 => v128:i16x8:-1,-1,0,0,0,0,0,0
;; ASSERT i16x8.min_u v128:i16x8:-1,1,0,0,0,0,0,0 v128:i16x8:1,-1,0,0,0,0,0,0 => v128:i16x8:1,1,0,0,0,0,0,0
;; ASSERT i16x8.max_s v128:i16x8:-1,1,0,0,0,0,0,0 v128:i16x8:1,-1,0,0,0,0,0,0 => v128:i16x8:1,1,0,0,0,0,0,0
;; ASSERT i16x8.max_u v128:i16x8:-1,1,0,0,0,0,0,0 v128:i16x8:1,-1,0,0,0,0,0,0 => v128:i16x8:-1,-1,0,0,0,0,0,0
;; ASSERT i16x8.avgr_u v128:i16x8:65535,65535,0,1,0,0,0,0 v128:i16x8:65535,65534,1,2,0,0,0,0 => v128:i16x8:65535,65535,1,2,0,0,0,0
;; ASSERT i16x8.q15mulr_sat_s v128:i16x8:-32768,-32768,16384,16384,-16384,1,32767,0 v128:i16x8:-32768,32767,16384,-16384,16384,16384,32767,5 => v128:i16x8:32767,-32767,8192,-8192,-8192,1,32766,0
;; ASSERT i32x4.add v128:i32x4:0x7fffffff,-1,5,0 v128:i32x4:1,1,-10,0 => v128:i32x4:0x80000000,0,-5,0
;; ASSERT i32x4.sub v128:i32x4:0x80000000,0,5,0 v128:i32x4:1,1,10,0 => v128:i32x4:0x7fffffff,-1,-5,0
;; ASSERT i32x4.mul v128:i32x4:0x10000,-1,0x7fffffff,3 v128:i32x4:0x10000,-1,2,-3 => v128:i32x4:0,1,-2,-9
;; ASSERT i32x4.min_s v128:i32x4:-1,1,0x80000000,0x7fffffff v128:i32x4:1,-1,0x7fffffff,0x80000000 => v128:i32x4:-1,-1,0x80000000,0x80000000
;; ASSERT i32x4.min_u v128:i32x4:-1,1,0x80000000,0x7fffffff v128:i32x4:1,-1,0x7fffffff,0x80000000 => v128:i32x4:1,1,0x7fffffff,0x7fffffff
;; ASSERT i32x4.max_s v128:i32x4:-1,1,0x80000000,0x7fffffff v128:i32x4:1,-1,0x7fffffff,0x80000000 => v128:i32x4:1,1,0x7fffffff,0x7fffffff
;; ASSERT i32x4.max_u v128:i32x4:-1,1,0x80000000,0x7fffffff v128:i32x4:1,-1,0x7fffffff,0x80000000 => v128:i32x4:-1,-1,0x80000000,0x80000000
;; ASSERT i32x4.dot_i16x8_s v128:i16x8:-32768,-32768,1,2,-1,3,32767,32767 v128:i16x8:-32768,-32768,3,4,5,-7,32767,-32768 => v128:i32x4:0x80000000,11,-26,-32767
;; ASSERT i64x2.add v128:i64x2:0x7fffffffffffffff,-1 v128:i64x2:1,1 => v128:i64x2:0x8000000000000000,0
;; ASSERT i64x2.sub v128:i64x2:0x8000000000000000,0 v128:i64x2:1,1 => v128:i64x2:0x7fffffffffffffff,-1
;; ASSERT i64x2.mul v128:i64x2:0x100000001,-3 v128:i64x2:0x100000001,7 => v128:i64x2:0x200000001,-21
;; ASSERT i8x16.abs v128:i8x16:-128,-1,0,1,127,-127,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:-128,1,0,1,127,127,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.neg v128:i8x16:-128,-1,0,1,127,-127,0,0,0,0,0,0,0,0,0,0 => v128:i8x16:-128,1,0,-1,-127,127,0,0,0,0,0,0,0,0,0,0
;; ASSERT i16x8.abs v128:i16x8:-32768,-1,0,1,32767,-32767,0,0 => v128:i16x8:-32768,1,0,1,32767,32767,0,0
;; ASSERT i16x8.neg v128:i16x8:-32768,-1,0,1,32767,-32767,0,0 => v128:i16x8:-32768,1,0,-1,-32767,32767,0,0
;; ASSERT i32x4.abs v128:i32x4:0x80000000,-1,0,-5 => v128:i32x4:0x80000000,1,0,5
;; ASSERT i32x4.neg v128:i32x4:0x80000000,-1,0,5 => v128:i32x4:0x80000000,1,0,-5
;; ASSERT i64x2.abs v128:i64x2:0x8000000000000000,-7 => v128:i64x2:0x8000000000000000,7
;; ASSERT i64x2.neg v128:i64x2:0x8000000000000000,7 => v128:i64x2:0x8000000000000000,-7
;; ASSERT i8x16.popcnt v128:i8x16:0,1,-1,0x55,0x80,3,7,15,0,0,0,0,0,0,0,0xfe => v128:i8x16:0,1,8,4,1,2,3,4,0,0,0,0,0,0,0,7
;; --- shifts: the count is taken modulo the lane width
;; ASSERT i8x16.shl v128:i8x16:1,-1,0x81,0,0,0,0,0,0,0,0,0,0,0,0,0 i32:9 => v128:i8x16:2,-2,2,0,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.shr_s v128:i8x16:-128,127,-1,0,0,0,0,0,0,0,0,0,0,0,0,0 i32:7 => v128:i8x16:-1,0,-1,0,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.shr_s v128:i8x16:-128,127,-1,0,0,0,0,0,0,0,0,0,0,0,0,0 i32:8 => v128:i8x16:-128,127,-1,0,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i8x16.shr_u v128:i8x16:-128,127,-1,0,0,0,0,0,0,0,0,0,0,0,0,0 i32:-1 => v128:i8x16:1,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0
;; ASSERT i16x8.shl v128:i16x8:1,-1,0x8001,0,0,0,0,0 i32:17 => v128:i16x8:2,-2,2,0,0,0,0,0
;; ASSERT i16x8.shr_s v128:i16x8:-32768,32767,-2,0,0,0,0,0 i32:15 => v128:i16x8:-1,0,-1,0,0,0,0,0
;; ASSERT i16x8.shr_u v128:i16x8:-32768,32767,-2,0,0,0,0,0 i32:33 => v128:i16x8:0x4000,0x3fff,0x7fff,0,0,0,0,0
;; ASSERT i32x4.shl v128:i32x4:1,-1,0x80000001,3 i32:32 => v128:i32x4:1,-1,0x80000001,3
;; ASSERT i32x4.shl v128:i32x4:1,-1,0x80000001,3 i32:31 => v128:i32x4:0x80000000,0x80000000,0x80000000,0x80000000
;; ASSERT i32x4.shr_s v128:i32x4:0x80000000,0x7fffffff,-1,8 i32:35 => v128:i32x4:0xf0000000,0x0fffffff,-1,1
;; ASSERT i32x4.shr_u v128:i32x4:0x80000000,0x7fffffff,-1,8 i32:-29 => v128:i32x4:0x10000000,0x0fffffff,0x1fffffff,1
;; ASSERT i64x2.shl v128:i64x2:1,-1 i32:65 => v128:i64x2:2,-2
;; ASSERT i64x2.shr_s v128:i64x2:0x8000000000000000,0x7fffffffffffffff i32:63 => v128:i64x2:-1,0
;; ASSERT i64x2.shr_u v128:i64x2:0x8000000000000000,-1 i32:127 => v128:i64x2:1,1
;; --- narrowing saturates signed inputs; extension; extmul; pairwise
;; ASSERT i8x16.narrow_i16x8_s v128:i16x8:0,127,128,-128,-129,32767,-32768,-1 v128:i16x8:1,2,3,4,5,6,7,0x100 => v128:i8x16:0,127,127,-128,-128,127,-128,-1,1,2,3,4,5,6,7,127
;; ASSERT i8x16.narrow_i16x8_u v128:i16x8:0,127,128,-128,255,256,-32768,-1 v128:i16x8:1,2,3,4,5,6,7,0x100 => v128:i8x16:0,127,128,0,255,255,0,0,1,2,3,4,5,6,7,255
;; ASSERT i16x8.narrow_i32x4_s v128:i32x4:32768,-32769,-1,0x7fffffff v128:i32x4:1,-2,0x80000000,32767 => v128:i16x8:32767,-32768,-1,32767,1,-2,-32768,32767
;; ASSERT i16x8.narrow_i32x4_u v128:i32x4:65536,-1,65535,0x7fffffff v128:i32x4:1,-2,0x80000000,32768 => v128:i16x8:65535,0,65535,65535,1,0,0,32768
;; ASSERT i16x8.extend_low_i8x16_s v128:i8x16:-128,127,-1,0,1,2,3,4,-5,6,7,8,9,10,11,-12 => v128:i16x8:-128,127,-1,0,1,2,3,4
;; ASSERT i16x8.extend_high_i8x16_s v128:i8x16:-128,127,-1,0,1,2,3,4,-5,6,7,8,9,10,11,-12 => v128:i16x8:-5,6,7,8,9,10,11,-12
;; ASSERT i16x8.extend_low_i8x16_u v128:i8x16:-128,127,-1,0,1,2,3,4,-5,6,7,8,9,10,11,-12 => v128:i16x8:128,127,255,0,1,2,3,4
;; ASSERT i16x8.extend_high_i8x16_u v128:i8x16:-128,127,-1,0,1,2,3,4,-5,6,7,8,9,10,11,-12 => v128:i16x8:251,6,7,8,9,10,11,244
;; ASSERT i32x4.extend_low_i16x8_s v128:i16x8:-32768,1,-1,2,3,-4,5,-6 => v128:i32x4:-32768,1,-1,2
;; ASSERT i32x4.extend_high_i16x8_s v128:i16x8:-32768,1,-1,2,3,-4,5,-6 => v128:i32x4:3,-4,5,-6
;; ASSERT i32x4.extend_low_i16x8_u v128:i16x8:-32768,1,-1,2,3,-4,5,-6 => v128:i32x4:32768,1,65535,2
;; ASSERT i32x4.extend_high_i16x8_u v128:i16x8:-32768,1,-1,2,3,-4,5,-6 => v128:i32x4:3,65532,5,65530
;; ASSERT i64x2.extend_low_i32x4_s v128:i32x4:-1,0x7fffffff,0x80000000,3 => v128:i64x2:-1,0x7fffffff
;; ASSERT i64x2.extend_high_i32x4_s v128:i32x4:-1,0x7fffffff,0x80000000,3 => v128:i64x2:-2147483648,3
;; ASSERT i64x2.extend_low_i32x4_u v128:i32x4:-1,0x7fffffff,0x80000000,3 => v128:i64x2:0xffffffff,0x7fffffff
;; ASSERT i64x2.extend_high_i32x4_u v128:i32x4:-1,0x7fffffff,0x80000000,3 => v128:i64x2:0x80000000,3
;; ASSERT i16x8.extmul_low_i8x16_s v128:i8x16:-128,-128,127,-1,2,3,4,5,9,9,9,9,9,9,9,9 v128:i8x16:-128,127,127,-1,-2,3,4,5,9,9,9,9,9,9,9,9 => v128:i16x8:16384,-16256,16129,1,-4,9,16,25
;; ASSERT i16x8.extmul_high_i8x16_s v128:i8x16:9,9,9,9,9,9,9,9,-128,-128,127,-1,2,3,4,5 v128:i8x16:9,9,9,9,9,9,9,9,-128,127,127,-1,-2,3,4,5 => v128:i16x8:16384,-16256,16129,1,-4,9,16,25
;; ASSERT i16x8.extmul_low_i8x16_u v128:i8x16:255,128,2,0,0,0,0,0,9,9,9,9,9,9,9,9 v128:i8x16:255,2,3,0,0,0,0,0,9,9,9,9,9,9,9,9 => v128:i16x8:65025,256,6,0,0,0,0,0
;; ASSERT i16x8.extmul_high_i8x16_u v128:i8x16:9,9,9,9,9,9,9,9,255,128,2,0,0,0,0,0 v128:i8x16:9,9,9,9,9,9,9,9,255,2,3,0,0,0,0,0 => v128:i16x8:65025,256,6,0,0,0,0,0
;; ASSERT i32x4.extmul_low_i16x8_s v128:i16x8:-32768,-32768,3,-4,9,9,9,9 v128:i16x8:-32768,32767,5,6,9,9,9,9 => v128:i32x4:0x40000000,-1073709056,15,-24
;; ASSERT i32x4.extmul_high_i16x8_s v128:i16x8:9,9,9,9,-32768,-32768,3,-4 v128:i16x8:9,9,9,9,-32768,32767,5,6 => v128:i32x4:0x40000000,-1073709056,15,-24
;; ASSERT i32x4.extmul_low_i16x8_u v128:i16x8:65535,2,0,0,9,9,9,9 v128:i16x8:65535,3,0,0,9,9,9,9 => v128:i32x4:0xfffe0001,6,0,0
;; ASSERT i32x4.extmul_high_i16x8_u v128:i16x8:9,9,9,9,65535,2,0,0 v128:i16x8:9,9,9,9,65535,3,0,0 => v128:i32x4:0xfffe0001,6,0,0
;; ASSERT i64x2.extmul_low_i32x4_s v128:i32x4:0x80000000,-1,9,9 v128:i32x4:0x80000000,5,9,9 => v128:i64x2:0x4000000000000000,-5
;; ASSERT i64x2.extmul_high_i32x4_s v128:i32x4:9,9,0x80000000,-1 v128:i32x4:9,9,0x80000000,5 => v128:i64x2:0x4000000000000000,-5
;; ASSERT i64x2.extmul_low_i32x4_u v128:i32x4:-1,2,9,9 v128:i32x4:-1,3,9,9 => v128:i64x2:0xfffffffe00000001,6
;; ASSERT i64x2.extmul_high_i32x4_u v128:i32x4:9,9,-1,2 v128:i32x4:9,9,-1,3 => v128:i64x2:0xfffffffe00000001,6
;; ASSERT i16x8.extadd_pairwise_i8x16_s v128:i8x16:-128,-128,127,127,-1,1,0,0,0,0,0,0,0,0,5,-6 => v128:i16x8:-256,254,0,0,0,0,0,-1
;; ASSERT i16x8.extadd_pairwise_i8x16_u v128:i8x16:-128,-128,127,127,-1,1,0,0,0,0,0,0,0,0,5,-6 => v128:i16x8:256,254,256,0,0,0,0,255
;; ASSERT i32x4.extadd_pairwise_i16x8_s v128:i16x8:-32768,-32768,32767,32767,-1,1,5,-6 => v128:i32x4:-65536,65534,0,-1
;; ASSERT i32x4.extadd_pairwise_i16x8_u v128:i16x8:-32768,-32768,32767,32767,-1,1,5,-6 => v128:i32x4:65536,65534,65536,65535
;; --- floats: IEEE arithmetic, NaN results, min/max of signed zeros, pmin/pmax
;; ASSERT f32x4.add v128:f32x4:1,inf,0x1p-149,-0 v128:f32x4:2,-inf,0x1p-149,-0 => v128:f32x4:3,nan,0x1p-148,-0
;; ASSERT f32x4.add v128:f32x4:16777216,1,3e38,-3e38 v128:f32x4:1,0x1p-24,3e38,-3e38 => v128:f32x4:16777216,1,inf,-inf
;; ASSERT f32x4.sub v128:f32x4:0,inf,1,-0 v128:f32x4:-0,inf,0x1p-25,0 => v128:f32x4:0,nan,1,-0
;; ASSERT f32x4.mul v128:f32x4:-0,inf,3,0x1p-126 v128:f32x4:5,0,-2,0x1p-24 => v128:f32x4:-0,nan,-6,0x1p-150
;; ASSERT f32x4.div v128:f32x4:1,0,-1,1 v128:f32x4:0,0,0,3 => v128:f32x4:inf,nan,-inf,0x1.555556p-2
;; ASSERT f32x4.min v128:f32x4:-0,0,nan,1 v128:f32x4:0,-0,1,-inf => v128:f32x4:-0,-0,nan,-inf
;; ASSERT f32x4.max v128:f32x4:-0,0,1,1 v128:f32x4:0,-0,nan,-inf => v128:f32x4:0,0,nan,1
;; ASSERT f32x4.pmin v128:f32x4:-0,0,nan,1 v128:f32x4:0,-0,1,-inf => v128:f32x4:-0,0,bits:0x7fc00000,-inf
;; ASSERT f32x4.pmin v128:f32x4:1,2,3,4 v128:f32x4:bits:0x7fc00001,2,-3,nan => v128:f32x4:1,2,-3,4
;; ASSERT f32x4.pmax v128:f32x4:-0,0,bits:0x7fa00000,1 v128:f32x4:0,-0,1,inf => v128:f32x4:-0,0,bits:0x7fa00000,inf
;; ASSERT f64x2.add v128:f64x2:0x1p-1074,inf v128:f64x2:0x1p-1074,-inf => v128:f64x2:0x1p-1073,nan
;; ASSERT f64x2.sub v128:f64x2:1,-0 v128:f64x2:0x1p-54,0 => v128:f64x2:1,-0
;; ASSERT f64x2.mul v128:f64x2:-0,1e308 v128:f64x2:-1,10 => v128:f64x2:0,inf
;; ASSERT f64x2.div v128:f64x2:1,-0 v128:f64x2:3,0 => v128:f64x2:0x1.5555555555555p-2,nan
;; ASSERT f64x2.min v128:f64x2:0,nan v128:f64x2:-0,-inf => v128:f64x2:-0,nan
;; ASSERT f64x2.max v128:f64x2:-0,-inf v128:f64x2:0,nan => v128:f64x2:0,nan
;; ASSERT f64x2.pmin v128:f64x2:0,nan v128:f64x2:-0,1 => v128:f64x2:0,nan
;; ASSERT f64x2.pmax v128:f64x2:-0,1 v128:f64x2:0,bits:0xfff0000000000001 => v128:f64x2:-0,1
;; ASSERT f32x4.abs v128:i32x4:0xffc00001,0x80000000,0xbf800000,0x7f800001 => v128:i32x4:0x7fc00001,0,0x3f800000,0x7f800001
;; ASSERT f32x4.neg v128:i32x4:0xffc00001,0x80000000,0xbf800000,0x7f800001 => v128:i32x4:0x7fc00001,0,0x3f800000,0xff800001
;; ASSERT f64x2.abs v128:i64x2:0xfff8000000000001,-1 => v128:i64x2:0x7ff8000000000001,0x7fffffffffffffff
;; ASSERT f64x2.neg v128:i64x2:0xfff8000000000001,0 => v128:i64x2:0x7ff8000000000001,0x8000000000000000
;; ASSERT f32x4.sqrt v128:f32x4:4,-0,-1,2 => v128:f32x4:2,-0,nan,0x1.6a09e6p+0
;; ASSERT f64x2.sqrt v128:f64x2:2,inf => v128:f64x2:0x1.6a09e667f3bcdp+0,inf
;; ASSERT f32x4.ceil v128:f32x4:-0.5,0.5,-1.5,8388607.5 => v128:f32x4:-0,1,-1,8388608
;; ASSERT f32x4.floor v128:f32x4:-0.5,0.5,-0,-8388607.5 => v128:f32x4:-1,0,-0,-8388608
;; ASSERT f32x4.trunc v128:f32x4:-0.5,1.9,-1.9,nan => v128:f32x4:-0,1,-1,nan
;; ASSERT f32x4.nearest v128:f32x4:0.5,1.5,2.5,-0.5 => v128:f32x4:0,2,2,-0
;; ASSERT f32x4.nearest v128:f32x4:-3.5,8388609,0x1.fffffep-2,inf => v128:f32x4:-4,8388609,0,inf
;; ASSERT f64x2.ceil v128:f64x2:-0.5,4503599627370495.5 => v128:f64x2:-0,4503599627370496
;; ASSERT f64x2.floor v128:f64x2:-0.5,0x1p-1074 => v128:f64x2:-1,0
;; ASSERT f64x2.trunc v128:f64x2:-1.5,1e300 => v128:f64x2:-1,1e300
;; ASSERT f64x2.nearest v128:f64x2:2.5,-0.49999999999999994 => v128:f64x2:2,-0
;; --- conversions: saturating truncation, rounding of int->float
;; ASSERT i32x4.trunc_sat_f32x4_s v128:f32x4:nan,-inf,3e9,-2.9 => v128:i32x4:0,0x80000000,0x7fffffff,-2
;; ASSERT i32x4.trunc_sat_f32x4_s v128:f32x4:-2147483648,2147483520,-0.9,0x1p31 => v128:i32x4:0x80000000,2147483520,0,0x7fffffff
;; ASSERT i32x4.trunc_sat_f32x4_u v128:f32x4:nan,-1,5e9,4294967040 => v128:i32x4:0,0,-1,4294967040
;; ASSERT i32x4.trunc_sat_f32x4_u v128:f32x4:-0.9,2.9,inf,-inf => v128:i32x4:0,2,-1,0
;; ASSERT i32x4.trunc_sat_f64x2_s_zero v128:f64x2:-2147483648.9,2147483647.9 => v128:i32x4:0x80000000,0x7fffffff,0,0
;; ASSERT i32x4.trunc_sat_f64x2_s_zero v128:f64x2:-2147483649,nan => v128:i32x4:0x80000000,0,0,0
;; ASSERT i32x4.trunc_sat_f64x2_u_zero v128:f64x2:4294967295.9,-0.9 => v128:i32x4:-1,0,0,0
;; ASSERT i32x4.trunc_sat_f64x2_u_zero v128:f64x2:4294967296,-1 => v128:i32x4:-1,0,0,0
;; ASSERT f32x4.convert_i32x4_s v128:i32x4:0x80000000,16777217,-16777219,0x7fffffff => v128:f32x4:-2147483648,16777216,-16777220,2147483648
;; ASSERT f32x4.convert_i32x4_u v128:i32x4:-1,16777217,16777219,0x80000001 => v128:f32x4:4294967296,16777216,16777220,2147483648
;; ASSERT f64x2.convert_low_i32x4_s v128:i32x4:0x80000000,-1,5,5 => v128:f64x2:-2147483648,-1
;; ASSERT f64x2.convert_low_i32x4_u v128:i32x4:0x80000000,-1,5,5 => v128:f64x2:2147483648,4294967295
;; ASSERT f32x4.demote_f64x2_zero v128:f64x2:0x1.000001p+0,1e300 => v128:f32x4:1,inf,0,0
;; ASSERT f32x4.demote_f64x2_zero v128:f64x2:0x1.0000030000001p+0,-0x1p-150 => v128:f32x4:0x1.000004p+0,-0,0,0
;; ASSERT f32x4.demote_f64x2_zero v128:f64x2:nan,0x1.fffffefffffffp+127 => v128:f32x4:nan,0x1.fffffep+127,0,0
;; ASSERT f64x2.promote_low_f32x4 v128:f32x4:0x1p-149,-inf,9,9 => v128:f64x2:0x1p-149,-inf
;; ASSERT f64x2.promote_low_f32x4 v128:f32x4:nan,-0,9,9 => v128:f64x2:nan,-0
;; --- memory: loads and stores of every width, lanes, splats, zero-extending
;; ASSERT load i32:0 => v128:i8x16:0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
;; ASSERT load i32:65520 => v128:i64x2:0,0
;; ASSERT load i32:65521 => trap: out of bounds memory access
;; ASSERT load i32:-1 => trap: out of bounds memory access
;; ASSERT load_off i32:0 => trap: out of bounds memory access
;; ASSERT load8x8_s i32:8 => v128:i16x8:8,9,10,11,12,13,14,15
;; ASSERT load8x8_s i32:16 => v128:i16x8:-128,-1,127,0,0,0,0,0
;; ASSERT load8x8_u i32:16 => v128:i16x8:128,255,127,0,0,0,0,0
;; ASSERT load8x8_u i32:65529 => trap: out of bounds memory access
;; ASSERT load16x4_s i32:16 => v128:i32x4:-128,127,0,0
;; ASSERT load16x4_u i32:16 => v128:i32x4:0xff80,127,0,0
;; ASSERT load32x2_s i32:16 => v128:i64x2:0x7fff80,0
;; ASSERT load32x2_s i32:20 => v128:i64x2:0,0
;; ASSERT load32x2_u i32:14 => v128:i64x2:0xff800f0e,0x7f
;; ASSERT load32x2_u i32:65528 => v128:i64x2:0,0
;; ASSERT load8_splat i32:17 => v128:i8x16:-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1
;; ASSERT load8_splat i32:65536 => trap: out of bounds memory access
;; ASSERT load16_splat i32:1 => v128:i16x8:0x201,0x201,0x201,0x201,0x201,0x201,0x201,0x201
;; ASSERT load32_splat i32:0 => v128:i32x4:0x03020100,0x03020100,0x03020100,0x03020100
;; ASSERT load64_splat i32:8 => v128:i64x2:0x0f0e0d0c0b0a0908,0x0f0e0d0c0b0a0908
;; ASSERT load64_splat i32:65529 => trap: out of bounds memory access
;; ASSERT load32_zero i32:4 => v128:i32x4:0x07060504,0,0,0
;; ASSERT load64_zero i32:4 => v128:i64x2:0x0b0a090807060504,0
;; ASSERT load64_zero i32:65533 => trap: out of bounds memory access
;; ASSERT load8_lane i32:3 v128:i64x2:-1,-1 => v128:i8x16:-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,3
;; ASSERT load16_lane i32:3 v128:i64x2:0,0 => v128:i16x8:0,0,0,0,0,0x403,0,0
;; ASSERT load32_lane i32:0 v128:i64x2:0,0 => v128:i32x4:0,0,0x03020100,0
;; ASSERT load64_lane i32:8 v128:i64x2:1,1 => v128:i64x2:0x0f0e0d0c0b0a0908,1
;; ASSERT load64_lane i32:65529 v128:i64x2:1,1 => trap: out of bounds memory access
;; ASSERT store i32:100 v128:i32x4:1,2,3,4 =>
;; ASSERT load i32:100 => v128:i32x4:1,2,3,4
;; ASSERT store i32:65521 v128:i32x4:1,2,3,4 => trap: out of bounds memory access
;; ASSERT load i32:65520 => v128:i64x2:0,0
;; ASSERT store8_lane i32:100 v128:i8x16:0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,-86 =>
;; ASSERT load i32:100 => v128:i32x4:0xaa,2,3,4
;; ASSERT store16_lane i32:102 v128:i16x8:0,0,0,0,0,0,0,0x5566 =>
;; ASSERT load i32:100 => v128:i32x4:0x556600aa,2,3,4
;; ASSERT store32_lane i32:104 v128:i32x4:5,6,7,8 =>
;; ASSERT load i32:100 => v128:i32x4:0x556600aa,6,3,4
;; ASSERT store64_lane i32:108 v128:i64x2:-1,-2 =>
;; ASSERT load i32:100 => v128:i32x4:0x556600aa,6,-1,-1
;; ASSERT store64_lane i32:65529 v128:i64x2:0,0 => trap: out of bounds memory access
;; ASSERT store8_lane i32:65536 v128:i64x2:0,0 => trap: out of bounds memory access
;; --- v128 in globals, locals, select, blocks, calls and through the table
;; ASSERT global_swap v128:i32x4:1,2,3,4 => v128:i32x4:-1,-2,-3,-4
;; ASSERT global_swap v128:i32x4:5,6,7,8 => v128:i32x4:1,2,3,4
;; ASSERT select i32:1 => v128:i64x2:1,2
;; ASSERT select i32:0 => v128:i64x2:3,4
;; ASSERT multi v128:i32x4:1,2,3,4 => v128:i32x4:1,2,3,4 i32:10 v128:i32x4:2,4,6,8
;; ASSERT indirect i32:0 v128:i32x4:1,2,3,4 => v128:i32x4:2,4,6,8
;; ASSERT indirect i32:1 v128:i32x4:1,2,3,4 => trap: indirect call type mismatch
;; ASSERT loop_sum i32:1000 => v128:i32x4:1000,2000,3000,-1000
