;; SPDX-License-Identifier: GPL-2.0
;; Every trap kind the spec defines, each raised in a named function (the
;; module is built with its name section), some one call deeper than the
;; export: a trap is reported with its kind and the function it happened in
;; ("trap: TEXT in $name"), and it does not leave partial effects behind.
(module
  (type $v (func))
  (type $i (func (param i32) (result i32)))
  (memory 1 1)
  (table 3 4 funcref)
  (elem (i32.const 0) func $ok $inc)
  (func $ok (type $v))
  (func $inc (type $i) (i32.add (local.get 0) (i32.const 1)))
  (func $unreachable (export "unreachable") (unreachable))
  (func $deep_unreachable (export "deep_unreachable") (call $unreachable))
  (func $load (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func $store (export "store") (param i32 i64) (i64.store align=1 (local.get 0) (local.get 1)))
  (func $fill (export "fill") (param i32 i32) (memory.fill (local.get 0) (i32.const 7) (local.get 1)))
  (func $div (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $calls_div (export "div") (param i32 i32) (result i32) (call $div (local.get 0) (local.get 1)))
  (func $rem_u64 (export "rem_u64") (param i64 i64) (result i64) (i64.rem_u (local.get 0) (local.get 1)))
  (func $trunc (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func $trunc_u64 (export "trunc_u64") (param f32) (result i64) (i64.trunc_f32_u (local.get 0)))
  (func $indirect (export "indirect") (param i32) (call_indirect (type $v) (local.get 0)))
  (func $table_get (export "table_get") (param i32) (result i32)
    (ref.is_null (table.get 0 (local.get 0))))
  (func $recurse (export "recurse") (param i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
  (func $read (export "read") (param i32) (result i64) (i64.load (local.get 0)))
)
;; ASSERT unreachable => trap: unreachable in $unreachable
;; ASSERT deep_unreachable => trap: unreachable in $unreachable
;; ASSERT load i32:65532 => i32:0
;; ASSERT load i32:65533 => trap: out of bounds memory access in $load
;; ASSERT store i32:65528 i64:-1 =>
;; ASSERT store i32:65529 i64:0 => trap: out of bounds memory access in $store
;; ASSERT read i32:65528 => i64:-1
;; ASSERT fill i32:65000 i32:537 => trap: out of bounds memory access in $fill
;; ASSERT read i32:65528 => i64:-1
;; ASSERT fill i32:65536 i32:0 =>
;; ASSERT div i32:7 i32:0 => trap: integer divide by zero in $div
;; ASSERT div i32:0x80000000 i32:-1 => trap: integer overflow in $div
;; ASSERT div i32:0x80000000 i32:1 => i32:0x80000000
;; ASSERT rem_u64 i64:1 i64:0 => trap: integer divide by zero in $rem_u64
;; ASSERT trunc f64:nan => trap: invalid conversion to integer in $trunc
;; ASSERT trunc f64:2147483648 => trap: integer overflow in $trunc
;; ASSERT trunc f64:-2147483648.9 => i32:-2147483648
;; ASSERT trunc_u64 f32:-1 => trap: integer overflow in $trunc_u64
;; ASSERT trunc_u64 f32:-0.9 => i64:0
;; ASSERT indirect i32:0 =>
;; ASSERT indirect i32:1 => trap: indirect call type mismatch in $indirect
;; ASSERT indirect i32:2 => trap: uninitialized element in $indirect
;; ASSERT indirect i32:3 => trap: undefined element in $indirect
;; ASSERT indirect i32:-1 => trap: undefined element in $indirect
;; ASSERT table_get i32:2 => i32:1
;; ASSERT table_get i32:3 => trap: out of bounds table access in $table_get
;; ASSERT recurse i32:0 => trap: call stack exhausted in $recurse
