;; SPDX-License-Identifier: GPL-2.0
;; A signalling NaN times an operand the C compiler can prove is 1 (or minus
;; an operand it can prove is 0) must come out quiet, however the compiler
;; learns the value: not only a wasm constant (nan.wat) but a call inlined
;; with a constant argument, a local, a branch on y == 1, (f64)i where i == 1,
;; an integer store forwarded to a float load, a reinterpreted integer
;; constant.  ops.h explains why no analysis in aotc could list these and
;; how the helpers keep them out (run-tests.sh builds this file with and
;; without -fsignaling-nans).
(module
  (memory 1)
  (func $mul (param f64 f64) (result f64) (f64.mul (local.get 0) (local.get 1)))
  (func $sub32 (param f32 f32) (result f32) (f32.sub (local.get 0) (local.get 1)))
  (func (export "inlined_mul1") (param f64) (result f64) (call $mul (local.get 0) (f64.const 1)))
  (func (export "inlined_sub0_32") (param f32) (result f32) (call $sub32 (local.get 0) (f32.const 0)))
  (func (export "local_div1") (param f64) (result f64) (local f64)
    (local.set 1 (f64.const 1))
    (f64.div (local.get 0) (local.get 1)))
  (func (export "branch_eq1") (param f64 f64) (result f64)
    (if (result f64) (f64.eq (local.get 1) (f64.const 1))
      (then (f64.mul (local.get 0) (local.get 1)))
      (else (f64.const 0))))
  (func (export "convert_eq1") (param f64 i32) (result f64)
    (if (result f64) (i32.eq (local.get 1) (i32.const 1))
      (then (f64.mul (local.get 0) (f64.convert_i32_s (local.get 1))))
      (else (f64.const 0))))
  (func (export "store_forward") (param f64) (result f64)
    (i64.store (i32.const 64) (i64.const 0x3ff0000000000000))
    (f64.mul (local.get 0) (f64.load (i32.const 64))))
  (func (export "reinterpret_m0_32") (param f32) (result f32)
    (f32.add (local.get 0) (f32.reinterpret_i32 (i32.const 0x80000000))))
  (func (export "reinterpret_m1") (param f64) (result f64)
    (f64.mul (f64.reinterpret_i64 (i64.const 0xbff0000000000000)) (local.get 0)))
)
;; ASSERT inlined_mul1 f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT inlined_sub0_32 f32:bits:0x7fa00000 => f32:nan:arithmetic
;; ASSERT local_div1 f64:bits:0x7ff0000000000001 => f64:nan:arithmetic
;; ASSERT branch_eq1 f64:bits:0x7ff4000000000000 f64:1 => f64:nan:arithmetic
;; ASSERT branch_eq1 f64:2 f64:1 => f64:2
;; ASSERT convert_eq1 f64:bits:0xfff4000000000000 i32:1 => f64:nan:arithmetic
;; ASSERT store_forward f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT reinterpret_m0_32 f32:bits:0xffa00000 => f32:nan:arithmetic
;; ASSERT reinterpret_m1 f64:bits:0x7ff4000000000000 => f64:nan:arithmetic
;; ASSERT reinterpret_m1 f64:2.5 => f64:-2.5
