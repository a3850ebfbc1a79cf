;; SPDX-License-Identifier: GPL-2.0
;; Conversions, expected values from the WebAssembly spec: trapping
;; truncation at the exact range boundaries, saturation, int->float rounding.
(module
  (func (export "i32_f32_s") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func (export "i32_f32_u") (param f32) (result i32) (i32.trunc_f32_u (local.get 0)))
  (func (export "i32_f64_s") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func (export "i32_f64_u") (param f64) (result i32) (i32.trunc_f64_u (local.get 0)))
  (func (export "i64_f32_s") (param f32) (result i64) (i64.trunc_f32_s (local.get 0)))
  (func (export "i64_f32_u") (param f32) (result i64) (i64.trunc_f32_u (local.get 0)))
  (func (export "i64_f64_s") (param f64) (result i64) (i64.trunc_f64_s (local.get 0)))
  (func (export "i64_f64_u") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
  (func (export "sat_i32_f32_s") (param f32) (result i32) (i32.trunc_sat_f32_s (local.get 0)))
  (func (export "sat_i32_f64_u") (param f64) (result i32) (i32.trunc_sat_f64_u (local.get 0)))
  (func (export "sat_i64_f64_s") (param f64) (result i64) (i64.trunc_sat_f64_s (local.get 0)))
  (func (export "sat_i64_f32_u") (param f32) (result i64) (i64.trunc_sat_f32_u (local.get 0)))
  (func (export "f32_i64_s") (param i64) (result f32) (f32.convert_i64_s (local.get 0)))
  (func (export "f32_i64_u") (param i64) (result f32) (f32.convert_i64_u (local.get 0)))
  (func (export "f64_i64_u") (param i64) (result f64) (f64.convert_i64_u (local.get 0)))
  (func (export "f32_i32_u") (param i32) (result f32) (f32.convert_i32_u (local.get 0)))
  (func (export "f64_i32_s") (param i32) (result f64) (f64.convert_i32_s (local.get 0)))
  (func (export "demote") (param f64) (result f32) (f32.demote_f64 (local.get 0)))
  (func (export "promote") (param f32) (result f64) (f64.promote_f32 (local.get 0)))
  (func (export "reinterpret") (param f32) (result i32) (i32.reinterpret_f32 (local.get 0)))
  (func (export "reinterpret64") (param i64) (result f64) (f64.reinterpret_i64 (local.get 0)))
)
;; ASSERT i32_f32_s f32:-2147483648 => i32:-2147483648
;; ASSERT i32_f32_s f32:2147483648 => trap: integer overflow
;; ASSERT i32_f32_s f32:-2147483904 => trap: integer overflow
;; ASSERT i32_f32_s f32:2147483520 => i32:2147483520
;; ASSERT i32_f32_s f32:-0.9 => i32:0
;; ASSERT i32_f32_s f32:nan => trap: invalid conversion to integer
;; ASSERT i32_f32_s f32:inf => trap: integer overflow
;; ASSERT i32_f32_u f32:-0.9 => i32:0
;; ASSERT i32_f32_u f32:-1 => trap: integer overflow
;; ASSERT i32_f32_u f32:4294967040 => i32:-256
;; ASSERT i32_f32_u f32:4294967296 => trap: integer overflow
;; ASSERT i32_f64_s f64:-2147483648.9 => i32:-2147483648
;; ASSERT i32_f64_s f64:-2147483649 => trap: integer overflow
;; ASSERT i32_f64_s f64:2147483647.9 => i32:2147483647
;; ASSERT i32_f64_s f64:2147483648 => trap: integer overflow
;; ASSERT i32_f64_s f64:-nan => trap: invalid conversion to integer
;; ASSERT i32_f64_u f64:4294967295.9 => i32:-1
;; ASSERT i32_f64_u f64:4294967296 => trap: integer overflow
;; ASSERT i32_f64_u f64:-0.99999 => i32:0
;; ASSERT i32_f64_u f64:-1 => trap: integer overflow
;; ASSERT i64_f32_s f32:-9223372036854775808 => i64:-9223372036854775808
;; ASSERT i64_f32_s f32:9223372036854775808 => trap: integer overflow
;; ASSERT i64_f32_s f32:-9223373136366403584 => trap: integer overflow
;; ASSERT i64_f32_u f32:18446742974197923840 => i64:-1099511627776
;; ASSERT i64_f32_u f32:18446744073709551616 => trap: integer overflow
;; ASSERT i64_f32_u f32:-0.5 => i64:0
;; ASSERT i64_f64_s f64:-9223372036854775808 => i64:-9223372036854775808
;; ASSERT i64_f64_s f64:9223372036854774784 => i64:9223372036854774784
;; ASSERT i64_f64_s f64:9223372036854775808 => trap: integer overflow
;; ASSERT i64_f64_s f64:-9223372036854777856 => trap: integer overflow
;; ASSERT i64_f64_u f64:18446744073709549568 => i64:-2048
;; ASSERT i64_f64_u f64:18446744073709551616 => trap: integer overflow
;; ASSERT i64_f64_u f64:nan => trap: invalid conversion to integer
;; ASSERT sat_i32_f32_s f32:nan => i32:0
;; ASSERT sat_i32_f32_s f32:-inf => i32:-2147483648
;; ASSERT sat_i32_f32_s f32:3e9 => i32:2147483647
;; ASSERT sat_i32_f32_s f32:-1.5 => i32:-1
;; ASSERT sat_i32_f64_u f64:-1 => i32:0
;; ASSERT sat_i32_f64_u f64:4294967296 => i32:-1
;; ASSERT sat_i32_f64_u f64:4294967295.5 => i32:-1
;; ASSERT sat_i32_f64_u f64:-nan => i32:0
;; ASSERT sat_i64_f64_s f64:1e19 => i64:9223372036854775807
;; ASSERT sat_i64_f64_s f64:-1e19 => i64:-9223372036854775808
;; ASSERT sat_i64_f64_s f64:-9223372036854775808 => i64:-9223372036854775808
;; ASSERT sat_i64_f32_u f32:inf => i64:-1
;; ASSERT sat_i64_f32_u f32:-inf => i64:0
;; ASSERT f32_i64_s i64:9223372036854775807 => f32:9223372036854775808
;; ASSERT f32_i64_s i64:0x7fffff4000000001 => f32:bits:0x5effffff
;; ASSERT f32_i64_s i64:-0x7fffff4000000001 => f32:bits:0xdeffffff
;; ASSERT f32_i64_s i64:0x20000020000001 => f32:bits:0x5a000001
;; ASSERT f32_i64_u i64:0xffffffffffffffff => f32:18446744073709551616
;; ASSERT f32_i64_u i64:0x8000008000000001 => f32:bits:0x5f000001
;; ASSERT f32_i64_u i64:0xfffffe8000000001 => f32:bits:0x5f7fffff
;; ASSERT f64_i64_u i64:0x8000000000000401 => f64:bits:0x43e0000000000001
;; ASSERT f64_i64_u i64:0xfffffffffffff401 => f64:bits:0x43efffffffffffff
;; ASSERT f64_i64_u i64:0x20000000000001 => f64:9007199254740992
;; ASSERT f64_i64_u i64:0x20000000000003 => f64:9007199254740996
;; ASSERT f32_i32_u i32:0xffffffff => f32:4294967296
;; ASSERT f32_i32_u i32:0x80000081 => f32:bits:0x4f000001
;; ASSERT f64_i32_s i32:-2147483648 => f64:-2147483648
;; ASSERT demote f64:0x1.fffffefffffffp-1 => f32:0x1.fffffep-1
;; ASSERT demote f64:0x1.ffffffp+127 => f32:inf
;; ASSERT demote f64:-0 => f32:bits:0x80000000
;; ASSERT demote f64:0x1p-150 => f32:bits:0
;; ASSERT promote f32:0x1p-149 => f64:0x1p-149
;; ASSERT promote f32:nan => f64:nan
;; ASSERT reinterpret f32:-0 => i32:-2147483648
;; ASSERT reinterpret64 i64:0x7ff0000000000000 => f64:inf
