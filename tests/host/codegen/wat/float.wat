;; SPDX-License-Identifier: GPL-2.0
;; Float semantics, expected values from the WebAssembly spec (numerics):
;; min/max with NaN and signed zeros, rounding, sign operations, sqrt.
(module
  (func (export "min32") (param f32 f32) (result f32) (f32.min (local.get 0) (local.get 1)))
  (func (export "max32") (param f32 f32) (result f32) (f32.max (local.get 0) (local.get 1)))
  (func (export "min64") (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1)))
  (func (export "max64") (param f64 f64) (result f64) (f64.max (local.get 0) (local.get 1)))
  (func (export "nearest32") (param f32) (result f32) (f32.nearest (local.get 0)))
  (func (export "nearest64") (param f64) (result f64) (f64.nearest (local.get 0)))
  (func (export "ceil32") (param f32) (result f32) (f32.ceil (local.get 0)))
  (func (export "floor32") (param f32) (result f32) (f32.floor (local.get 0)))
  (func (export "trunc32") (param f32) (result f32) (f32.trunc (local.get 0)))
  (func (export "ceil64") (param f64) (result f64) (f64.ceil (local.get 0)))
  (func (export "floor64") (param f64) (result f64) (f64.floor (local.get 0)))
  (func (export "trunc64") (param f64) (result f64) (f64.trunc (local.get 0)))
  (func (export "copysign32") (param f32 f32) (result f32) (f32.copysign (local.get 0) (local.get 1)))
  (func (export "copysign64") (param f64 f64) (result f64) (f64.copysign (local.get 0) (local.get 1)))
  (func (export "abs32") (param f32) (result f32) (f32.abs (local.get 0)))
  (func (export "neg64") (param f64) (result f64) (f64.neg (local.get 0)))
  (func (export "sqrt64") (param f64) (result f64) (f64.sqrt (local.get 0)))
  (func (export "sqrt32") (param f32) (result f32) (f32.sqrt (local.get 0)))
  (func (export "eq64") (param f64 f64) (result i32) (f64.eq (local.get 0) (local.get 1)))
  (func (export "ne32") (param f32 f32) (result i32) (f32.ne (local.get 0) (local.get 1)))
  (func (export "lt64") (param f64 f64) (result i32) (f64.lt (local.get 0) (local.get 1)))
  (func (export "add32") (param f32 f32) (result f32) (f32.add (local.get 0) (local.get 1)))
  (func (export "div64") (param f64 f64) (result f64) (f64.div (local.get 0) (local.get 1)))
  (func (export "const_nan") (result f32) (f32.const nan:0x200000))
)
;; ASSERT min32 f32:-0 f32:0 => f32:bits:0x80000000
;; ASSERT min32 f32:0 f32:-0 => f32:bits:0x80000000
;; ASSERT max32 f32:-0 f32:0 => f32:bits:0x00000000
;; ASSERT max32 f32:0 f32:-0 => f32:bits:0x00000000
;; ASSERT min32 f32:nan f32:1 => f32:nan
;; ASSERT min32 f32:1 f32:nan => f32:nan
;; ASSERT max32 f32:-inf f32:nan => f32:nan
;; ASSERT min32 f32:-inf f32:1 => f32:-inf
;; ASSERT max32 f32:1.5 f32:-2.5 => f32:1.5
;; ASSERT min64 f64:-0 f64:0 => f64:bits:0x8000000000000000
;; ASSERT max64 f64:-0 f64:0 => f64:bits:0
;; ASSERT min64 f64:nan f64:0 => f64:nan
;; ASSERT max64 f64:0 f64:nan => f64:nan
;; ASSERT max64 f64:inf f64:1e308 => f64:inf
;; ASSERT nearest32 f32:0.5 => f32:bits:0
;; ASSERT nearest32 f32:-0.5 => f32:bits:0x80000000
;; ASSERT nearest32 f32:1.5 => f32:2
;; ASSERT nearest32 f32:2.5 => f32:2
;; ASSERT nearest32 f32:-3.5 => f32:-4
;; ASSERT nearest32 f32:4.5 => f32:4
;; ASSERT nearest32 f32:-0 => f32:bits:0x80000000
;; ASSERT nearest32 f32:8388609 => f32:8388609
;; ASSERT nearest32 f32:0x1.fffffep+22 => f32:8388608
;; ASSERT nearest32 f32:0x1.fffffcp+21 => f32:4194304
;; ASSERT nearest32 f32:-inf => f32:-inf
;; ASSERT nearest32 f32:nan => f32:nan
;; ASSERT nearest64 f64:0.5 => f64:bits:0
;; ASSERT nearest64 f64:-0.5 => f64:bits:0x8000000000000000
;; ASSERT nearest64 f64:2.5 => f64:2
;; ASSERT nearest64 f64:3.5 => f64:4
;; ASSERT nearest64 f64:-1.5 => f64:-2
;; ASSERT nearest64 f64:4503599627370497 => f64:4503599627370497
;; ASSERT nearest64 f64:0x1.fffffffffffffp+51 => f64:4503599627370496
;; ASSERT nearest64 f64:0x1.fffffffffffffp-2 => f64:bits:0
;; ASSERT ceil32 f32:-0.5 => f32:bits:0x80000000
;; ASSERT ceil32 f32:0.5 => f32:1
;; ASSERT ceil32 f32:-1.5 => f32:-1
;; ASSERT ceil32 f32:-0 => f32:bits:0x80000000
;; ASSERT ceil32 f32:0x1p-149 => f32:1
;; ASSERT ceil32 f32:inf => f32:inf
;; ASSERT floor32 f32:-0.5 => f32:-1
;; ASSERT floor32 f32:0.5 => f32:bits:0
;; ASSERT floor32 f32:-0x1p-149 => f32:-1
;; ASSERT floor32 f32:nan => f32:nan
;; ASSERT trunc32 f32:-0.5 => f32:bits:0x80000000
;; ASSERT trunc32 f32:-1.9 => f32:-1
;; ASSERT trunc32 f32:16777216 => f32:16777216
;; ASSERT ceil64 f64:-0.5 => f64:bits:0x8000000000000000
;; ASSERT ceil64 f64:1.0000000000000002 => f64:2
;; ASSERT ceil64 f64:-inf => f64:-inf
;; ASSERT floor64 f64:-0.0000001 => f64:-1
;; ASSERT floor64 f64:0x1.fffffffffffffp+51 => f64:0x1.ffffffffffffep+51
;; ASSERT floor64 f64:1e300 => f64:1e300
;; ASSERT trunc64 f64:-0.9 => f64:bits:0x8000000000000000
;; ASSERT trunc64 f64:-4503599627370495.5 => f64:-4503599627370495
;; ASSERT copysign32 f32:1 f32:-0 => f32:-1
;; ASSERT copysign32 f32:-inf f32:0 => f32:inf
;; ASSERT copysign32 f32:bits:0x7fc00000 f32:-1 => f32:bits:0xffc00000
;; ASSERT copysign64 f64:2 f64:-nan => f64:-2
;; ASSERT copysign64 f64:-0 f64:1 => f64:bits:0
;; ASSERT abs32 f32:bits:0xffc00001 => f32:bits:0x7fc00001
;; ASSERT abs32 f32:-0 => f32:bits:0
;; ASSERT neg64 f64:0 => f64:bits:0x8000000000000000
;; ASSERT neg64 f64:bits:0x7ff0000000000001 => f64:bits:0xfff0000000000001
;; ASSERT sqrt64 f64:2 => f64:bits:0x3ff6a09e667f3bcd
;; ASSERT sqrt64 f64:-0 => f64:bits:0x8000000000000000
;; ASSERT sqrt64 f64:-1 => f64:nan
;; ASSERT sqrt32 f32:4 => f32:2
;; ASSERT eq64 f64:nan f64:nan => i32:0
;; ASSERT eq64 f64:0 f64:-0 => i32:1
;; ASSERT ne32 f32:nan f32:nan => i32:1
;; ASSERT lt64 f64:nan f64:1 => i32:0
;; ASSERT add32 f32:0x1p-149 f32:0x1p-149 => f32:0x1p-148
;; ASSERT div64 f64:1 f64:-0 => f64:-inf
;; ASSERT const_nan => f32:bits:0x7fa00000
