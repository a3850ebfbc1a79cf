;; SPDX-License-Identifier: GPL-2.0
;; Edge cases from the spec's numerics and the spec testsuite (conversions,
;; float_exprs, memory, address, br_table, multi-value): rounding of integer
;; to float conversions (one rounding, sticky bits), demotion at the f32
;; range's end, trapping and saturating truncation bounds, effective
;; addresses past 4 GiB, zero-length bulk operations at the memory's end,
;; and a br_table that passes several values.
(module
  (memory 1)
  (func (export "f32_u64") (param i64) (result f32) (f32.convert_i64_u (local.get 0)))
  (func (export "f32_s64") (param i64) (result f32) (f32.convert_i64_s (local.get 0)))
  (func (export "f64_u64") (param i64) (result f64) (f64.convert_i64_u (local.get 0)))
  (func (export "f32_u32") (param i32) (result f32) (f32.convert_i32_u (local.get 0)))
  (func (export "f64_s64") (param i64) (result f64) (f64.convert_i64_s (local.get 0)))
  (func (export "demote") (param f64) (result f32) (f32.demote_f64 (local.get 0)))
  (func (export "i32_f32_s") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func (export "i32_f64_u") (param f64) (result i32) (i32.trunc_f64_u (local.get 0)))
  (func (export "i64_f64_u") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
  (func (export "i64_f32_s") (param f32) (result i64) (i64.trunc_f32_s (local.get 0)))
  (func (export "sat_i32_f64_u") (param f64) (result i32) (i32.trunc_sat_f64_u (local.get 0)))
  (func (export "sat_i64_f32_s") (param f32) (result i64) (i64.trunc_sat_f32_s (local.get 0)))
  (func (export "nearest64") (param f64) (result f64) (f64.nearest (local.get 0)))
  (func (export "nearest32") (param f32) (result f32) (f32.nearest (local.get 0)))
  (func (export "load_far") (param i32) (result i64) (i64.load offset=0xffffffff (local.get 0)))
  (func (export "store_far") (param i32) (i32.store8 offset=65535 (local.get 0) (i32.const 1)))
  (func (export "fill") (param i32 i32) (memory.fill (local.get 0) (i32.const 7) (local.get 1)))
  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "peek") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "br_table_multi") (param i32) (result i32 i64)
    (block $a (result i32 i64)
      (block $b (result i32 i64)
        (br_table $a $b $a (i32.const 1) (i64.const 2) (local.get 0)))
      (drop) (drop) (i32.const 3) (i64.const 4)))
  (func (export "swap") (param i32 f64) (result f64 i32) (local.get 1) (local.get 0))
  (func (export "shift_big") (param i32) (result i32) (i32.shl (i32.const 1) (local.get 0)))
  (func (export "rotr64") (param i64) (result i64) (i64.rotr (i64.const 1) (local.get 0)))
)
;; integer to float: one rounding to nearest even, the dropped bits sticky
;; ASSERT f32_u64 i64:0x8000008000000001 => f32:bits:0x5f000001
;; ASSERT f32_u64 i64:0x8000008000000000 => f32:bits:0x5f000000
;; ASSERT f32_u64 i64:-1 => f32:bits:0x5f800000
;; ASSERT f32_s64 i64:0x7fffff4000000001 => f32:bits:0x5effffff
;; ASSERT f32_s64 i64:-9223371761976868863 => f32:bits:0xdeffffff
;; ASSERT f64_u64 i64:-1 => f64:bits:0x43f0000000000000
;; ASSERT f64_u64 i64:0x8000000000000401 => f64:bits:0x43e0000000000001
;; ASSERT f64_s64 i64:9007199254740993 => f64:bits:0x4340000000000000
;; ASSERT f32_u32 i32:-1 => f32:bits:0x4f800000
;; ASSERT f32_u32 i32:0x80000081 => f32:bits:0x4f000001
;; demotion: the largest f32 and just past it
;; ASSERT demote f64:bits:0x47efffffefffffff => f32:bits:0x7f7fffff
;; ASSERT demote f64:bits:0x47effffff0000000 => f32:inf
;; ASSERT demote f64:bits:0x3690000000000000 => f32:bits:0x00000000
;; ASSERT demote f64:bits:0x36a0000000000001 => f32:bits:0x00000001
;; ASSERT demote f64:-0 => f32:bits:0x80000000
;; trapping truncation at the ends of the range
;; ASSERT i32_f32_s f32:-2147483648 => i32:-2147483648
;; ASSERT i32_f32_s f32:-2147483904 => trap: integer overflow
;; ASSERT i32_f32_s f32:2147483520 => i32:2147483520
;; ASSERT i32_f32_s f32:2147483648 => trap: integer overflow
;; ASSERT i32_f32_s f32:nan => trap: invalid conversion to integer
;; ASSERT i32_f64_u f64:-0.9999999999999999 => i32:0
;; ASSERT i32_f64_u f64:4294967295.9 => i32:-1
;; ASSERT i32_f64_u f64:4294967296 => trap: integer overflow
;; ASSERT i32_f64_u f64:-1 => trap: integer overflow
;; ASSERT i64_f64_u f64:18446744073709549568 => i64:-2048
;; ASSERT i64_f64_u f64:18446744073709551616 => trap: integer overflow
;; ASSERT i64_f32_s f32:-9223372036854775808 => i64:-9223372036854775808
;; ASSERT i64_f32_s f32:9223372036854775808 => trap: integer overflow
;; ASSERT sat_i32_f64_u f64:4294967296 => i32:-1
;; ASSERT sat_i32_f64_u f64:-inf => i32:0
;; ASSERT sat_i32_f64_u f64:nan => i32:0
;; ASSERT sat_i64_f32_s f32:inf => i64:0x7fffffffffffffff
;; ASSERT sat_i64_f32_s f32:-9223373136366403584 => i64:-9223372036854775808
;; nearest: ties to even, sign kept
;; ASSERT nearest64 f64:4503599627370495.5 => f64:4503599627370496
;; ASSERT nearest64 f64:-0.5 => f64:bits:0x8000000000000000
;; ASSERT nearest64 f64:2.5 => f64:2
;; ASSERT nearest32 f32:-3.5 => f32:-4
;; ASSERT nearest32 f32:0.49999997 => f32:bits:0
;; effective address = address + offset, in 33 bits: never wraps
;; ASSERT load_far i32:0 => trap: out of bounds memory access
;; ASSERT load_far i32:1 => trap: out of bounds memory access
;; ASSERT store_far i32:0 =>
;; ASSERT peek i32:65535 => i32:1
;; ASSERT store_far i32:1 => trap: out of bounds memory access
;; ASSERT store_far i32:-1 => trap: out of bounds memory access
;; zero-length bulk operations at the end are fine, one past it traps
;; ASSERT fill i32:65536 i32:0 =>
;; ASSERT fill i32:65537 i32:0 => trap: out of bounds memory access
;; ASSERT fill i32:65535 i32:2 => trap: out of bounds memory access
;; ASSERT peek i32:65535 => i32:1
;; ASSERT copy i32:65536 i32:0 i32:0 =>
;; ASSERT copy i32:0 i32:65537 i32:0 => trap: out of bounds memory access
;; ASSERT fill i32:10 i32:1 =>
;; ASSERT copy i32:11 i32:10 i32:2 =>
;; ASSERT peek i32:12 => i32:0
;; ASSERT peek i32:11 => i32:7
;; ASSERT br_table_multi i32:0 => i32:1 i64:2
;; ASSERT br_table_multi i32:1 => i32:3 i64:4
;; ASSERT br_table_multi i32:2 => i32:1 i64:2
;; ASSERT br_table_multi i32:-1 => i32:1 i64:2
;; ASSERT swap i32:5 f64:2.5 => f64:2.5 i32:5
;; ASSERT shift_big i32:33 => i32:2
;; ASSERT rotr64 i64:-1 => i64:2
