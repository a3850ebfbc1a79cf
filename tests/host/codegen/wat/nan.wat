;; SPDX-License-Identifier: GPL-2.0
;; NaN propagation per the spec (numerics: NaN propagation), after the spec
;; testsuite's float_exprs: arithmetic with an identity operand known to the C
;; compiler (x*1, x-0, x+-0, x/1, x*-1, -x-0, a promote/demote pair) must still
;; quiet a signalling NaN (an arithmetic NaN), while the bit operations (neg,
;; abs, copysign, reinterpret, select, locals) keep its bits.  A NaN made from
;; non-NaN operands is canonical.
(module
  (func (export "mul1_32") (param f32) (result f32) (f32.mul (local.get 0) (f32.const 1)))
  (func (export "one_mul_32") (param f32) (result f32) (f32.mul (f32.const 1) (local.get 0)))
  (func (export "sub0_32") (param f32) (result f32) (f32.sub (local.get 0) (f32.const 0)))
  (func (export "addm0_32") (param f32) (result f32) (f32.add (local.get 0) (f32.const -0)))
  (func (export "div1_32") (param f32) (result f32) (f32.div (local.get 0) (f32.const 1)))
  (func (export "mulm1_32") (param f32) (result f32) (f32.mul (local.get 0) (f32.const -1)))
  (func (export "divm1_32") (param f32) (result f32) (f32.div (local.get 0) (f32.const -1)))
  (func (export "negsub0_32") (param f32) (result f32)
    (f32.sub (f32.neg (local.get 0)) (f32.const 0)))
  (func (export "demote_promote") (param f32) (result f32)
    (f32.demote_f64 (f64.promote_f32 (local.get 0))))
  (func (export "mul1_64") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 1)))
  (func (export "sub0_64") (param f64) (result f64) (f64.sub (local.get 0) (f64.const 0)))
  (func (export "addm0_64") (param f64) (result f64) (f64.add (local.get 0) (f64.const -0)))
  (func (export "div1_64") (param f64) (result f64) (f64.div (local.get 0) (f64.const 1)))
  (func (export "mulm1_64") (param f64) (result f64) (f64.mul (local.get 0) (f64.const -1)))
  (func (export "negsub0_64") (param f64) (result f64)
    (f64.sub (f64.neg (local.get 0)) (f64.const 0)))
  (func (export "promote_demote") (param f64) (result f64)
    (f64.promote_f32 (f32.demote_f64 (local.get 0))))
  (func (export "promote") (param f32) (result f64) (f64.promote_f32 (local.get 0)))
  (func (export "demote") (param f64) (result f32) (f32.demote_f64 (local.get 0)))
  ;; the constant itself a signalling NaN: folding must not keep it
  (func (export "snan_const_mul") (result f32) (f32.mul (f32.const nan:0x200000) (f32.const 1)))
  (func (export "snan_const_add64") (result f64)
    (f64.add (f64.const nan:0x4000000000000) (f64.const -0)))
  (func (export "snan_const_demote") (result f32) (f32.demote_f64 (f64.const nan:0x4000000000000)))
  ;; min/max and rounding of a signalling NaN quiet it too
  (func (export "min_snan") (param f32) (result f32) (f32.min (local.get 0) (f32.const 1)))
  (func (export "max_snan64") (param f64) (result f64) (f64.max (f64.const 0) (local.get 0)))
  (func (export "floor_snan") (param f32) (result f32) (f32.floor (local.get 0)))
  (func (export "nearest_snan64") (param f64) (result f64) (f64.nearest (local.get 0)))
  (func (export "sqrt_snan") (param f32) (result f32) (f32.sqrt (local.get 0)))
  ;; bit operations keep the signalling bit
  (func (export "neg32") (param f32) (result f32) (f32.neg (local.get 0)))
  (func (export "abs64") (param f64) (result f64) (f64.abs (local.get 0)))
  (func (export "copysign32") (param f32 f32) (result f32) (f32.copysign (local.get 0) (local.get 1)))
  (func (export "neg_const") (result i32) (i32.reinterpret_f32 (f32.neg (f32.const nan:0x200000))))
  (func (export "select_snan") (param f64 i32) (result f64)
    (select (local.get 0) (f64.const 1) (local.get 1)))
  ;; NaN from non-NaN operands: canonical
  (func (export "zero_div_zero") (param f32) (result f32) (f32.div (local.get 0) (f32.const 0)))
  (func (export "inf_sub_inf64") (param f64) (result f64) (f64.sub (local.get 0) (f64.const inf)))
  (func (export "sqrt_neg") (param f64) (result f64) (f64.sqrt (local.get 0)))
  ;; SIMD: x * 1 per lane quiets too
  (func (export "f32x4_mul1") (param f32) (result i32)
    (i32.and (i32.reinterpret_f32 (f32x4.extract_lane 0
      (f32x4.mul (f32x4.splat (local.get 0)) (v128.const f32x4 1 1 1 1))))
      (i32.const 0x00400000)))
)
;; ASSERT mul1_32 f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT one_mul_32 f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT sub0_32 f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT addm0_32 f32:bits:0xffa00000 => f32:nan:arithmetic
;; ASSERT div1_32 f32:bits:0x7f800001 => f32:nan:arithmetic
;; ASSERT mulm1_32 f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT divm1_32 f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT negsub0_32 f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT demote_promote f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT mul1_64 f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT sub0_64 f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT addm0_64 f64:bits:0xfff0000000000001 => f64:nan:arithmetic
;; ASSERT div1_64 f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT mulm1_64 f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT negsub0_64 f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT promote_demote f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT promote f32:bits:0x7fa00000 => f64:nan:arithmetic
;; ASSERT demote f64:bits:0x7ff4000000000000 => f32:nan:arithmetic
;; ASSERT promote f32:bits:0x7fc00000 => f64:nan:canonical
;; ASSERT demote f64:bits:0x7ff8000000000000 => f32:nan:canonical
;; ASSERT snan_const_mul => f32:nan:arithmetic
;; ASSERT snan_const_add64 => f64:nan:arithmetic
;; ASSERT snan_const_demote => f32:nan:arithmetic
;; ASSERT min_snan f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT max_snan64 f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT floor_snan f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT nearest_snan64 f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT sqrt_snan f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT mul1_32 f32:1.5 => f32:1.5
;; ASSERT sub0_32 f32:-0 => f32:bits:0x80000000
;; ASSERT addm0_32 f32:-0 => f32:bits:0x80000000
;; ASSERT negsub0_64 f64:0 => f64:bits:0x8000000000000000
;; ASSERT neg32 f32:bits:0x7fa00000 => f32:bits:0xffa00000
;; ASSERT abs64 f64:bits:0xfff4000000000000 => f64:bits:0x7ff4000000000000
;; ASSERT copysign32 f32:bits:0x7fa00000 f32:-1 => f32:bits:0xffa00000
;; ASSERT neg_const => i32:0xffa00000
;; ASSERT select_snan f64:bits:0x7ff4000000000001 i32:1 => f64:bits:0x7ff4000000000001
;; ASSERT zero_div_zero f32:0 => f32:nan:canonical
;; ASSERT inf_sub_inf64 f64:inf => f64:nan:canonical
;; ASSERT sqrt_neg f64:-1 => f64:nan:canonical
;; ASSERT f32x4_mul1 f32:bits:0x7fa00000 => i32:0x00400000
