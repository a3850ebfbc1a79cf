;; SPDX-License-Identifier: GPL-2.0
;; Valid modules whose generated C once failed -Werror builds (the host
;; harness compiles with -Wall -Wextra -Werror): unused parameters and
;; locals, a local set and never read, a function with a result that ends in
;; a loop with no exit and no return, or in unreachable, or in br/return
;; inside nested blocks; data.drop in a module without a memory.
(module
  (type $v (func (result i32)))
  (data $d "abc")
  (func $unused (export "unused") (param i32 i64 f32 f64) (result i32)
    (local i32 i64 f32 f64 funcref externref)
    (i32.const 1))
  (func (export "set_only") (param i32) (result i32)
    (local i32 f64)
    (local.set 1 (local.get 0))
    (local.set 2 (f64.const 1))
    (local.set 0 (i32.const 5))
    (i32.const 2))
  (func (export "forever") (param i32) (result i32)
    (loop $l (result i32) (br $l)))
  (func (export "forever_if") (param i32) (result i32)
    (loop $l (result i32) (br_if $l (i32.const 1)) (br $l)))
  (func (export "spin_until") (param i32) (result i32)
    (loop $l (result i32)
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if $l (local.get 0))
      (i32.const 7)))
  (func (export "ends_unreachable") (param i32) (result i32)
    (if (local.get 0) (then (return (i32.const 3))))
    (unreachable))
  (func (export "ends_br") (param i32) (result i32 i64)
    (block $b (result i32 i64)
      (br $b (i32.const 4) (i64.const 5))))
  (func (export "ends_return") (result f32)
    (block (block (return (f32.const 1.5)))) (unreachable))
  (func (export "table_of_nothing") (param i32) (result i32)
    (call_indirect (type $v) (local.get 0)))
  (table 0 funcref)
  (func (export "drop_data") (data.drop $d))
)
;; ASSERT unused i32:1 i64:2 f32:3 f64:4 => i32:1
;; ASSERT set_only i32:9 => i32:2
;; ASSERT spin_until i32:10 => i32:7
;; ASSERT ends_unreachable i32:1 => i32:3
;; ASSERT ends_unreachable i32:0 => trap: unreachable
;; ASSERT ends_br i32:0 => i32:4 i64:5
;; ASSERT ends_return => f32:1.5
;; ASSERT table_of_nothing i32:0 => trap: undefined element
;; ASSERT drop_data =>
