;; SPDX-License-Identifier: GPL-2.0
;; Control flow per the spec: br_table, multi-value blocks and functions,
;; block/if parameters, loops, stack-polymorphic code after br/return/
;; unreachable, select, globals and the start function.
(module
  (global $g (mut i32) (i32.const 10))
  (global $k i64 (i64.const -5))
  (global $f (mut f64) (f64.const 0.5))
  (func $start (global.set $g (i32.add (global.get $g) (i32.const 1))))
  (start $start)
  (func (export "g") (result i32) (global.get $g))
  (func (export "k") (result i64) (global.get $k))
  (func (export "fset") (param f64) (result f64) (global.set $f (local.get 0)) (global.get $f))
  (func (export "brtable") (param i32) (result i32)
    (block $d (result i32)
      (block $b2 (result i32)
        (block $b1 (result i32)
          (block $b0 (result i32)
            (i32.const 100)
            (br_table $b0 $b1 $b2 $b1 $d (local.get 0)))
          (i32.add (i32.const 1)) (br $d))
        (i32.add (i32.const 2)) (br $d))
      (i32.add (i32.const 3))))
  (func $swap (export "swap") (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))
  (func (export "swap_twice") (param i32 i64) (result i32 i64)
    (call $swap (local.get 0) (local.get 1))
    (drop) (drop)
    (call $swap2 (call $swap (local.get 0) (local.get 1))))
  (func $swap2 (param i64 i32) (result i32 i64) (local.get 1) (local.get 0))
  (func (export "multi_block") (param i32) (result i32)
    (local.get 0)
    (block (param i32) (result i32 i32)
      (i32.const 5)
      (br_if 0 (i32.eqz (local.get 0)))
      (drop) (drop) (i32.const 1) (i32.const 2))
    (i32.sub))
  (func (export "if_params") (param i32 i32) (result i32)
    (local.get 1)
    (if (param i32) (result i32) (local.get 0)
      (then (i32.const 10) (i32.add))
      (else (i32.const 20) (i32.mul))))
  (func (export "if_noelse") (param i32) (result i32)
    (local i32)
    (if (local.get 0) (then (local.set 1 (i32.const 9))))
    (local.get 1))
  (func (export "fac") (param i64) (result i64)
    (local i64)
    (local.set 1 (i64.const 1))
    (block $done
      (loop $l
        (br_if $done (i64.le_u (local.get 0) (i64.const 1)))
        (local.set 1 (i64.mul (local.get 1) (local.get 0)))
        (local.set 0 (i64.sub (local.get 0) (i64.const 1)))
        (br $l)))
    (local.get 1))
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "loop_result") (result i32)
    (local i32)
    (loop $l (result i32)
      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
      (local.get 0)
      (br_if $l (i32.lt_u (local.get 0) (i32.const 100000)))))
  (func (export "dead_code") (param i32) (result i32)
    (block $b (result i32)
      (br $b (local.get 0))
      (i32.add)
      (unreachable)
      (drop))
    (return (i32.add (i32.const 1)))
    (i64.const 0)
    (unreachable))
  (func (export "unreach") (result i32)
    (block (result i32) (unreachable) (i64.const 1) (drop) (br 0)))
  (func (export "sel") (param i32) (result i64)
    (select (i64.const 1) (i64.const 2) (local.get 0)))
  (func (export "sel_f") (param i32) (result f32)
    (select (result f32) (f32.const 1.5) (f32.const -2) (local.get 0)))
  (func (export "br_if_value") (param i32) (result i32)
    (block $b (result i32)
      (drop (br_if $b (i32.const 7) (local.get 0)))
      (i32.const 8)))
  ;; sum 1..n with the running values carried as loop parameters
  (func (export "loop_params") (param i32) (result i32)
    (i32.const 0) (local.get 0)
    (loop $l (param i32 i32) (result i32 i32)
      (local.set 0)
      (i32.add (local.get 0))
      (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if $l (i32.ne (local.get 0) (i32.const 0))))
    (drop))
  (table $t 1 funcref)
  (elem (i32.const 0) $swap)
  (func (export "indirect_multi") (param i32 i64) (result i64 i32)
    (call_indirect $t (param i32 i64) (result i64 i32) (local.get 0) (local.get 1) (i32.const 0)))
  (func (export "return_nested") (param i32) (result i32)
    (block (block (block (br_if 2 (local.get 0)) (return (i32.const 1)))))
    (i32.const 2))
)
;; ASSERT g => i32:11
;; ASSERT k => i64:-5
;; ASSERT fset f64:2.25 => f64:2.25
;; ASSERT brtable i32:0 => i32:101
;; ASSERT brtable i32:1 => i32:102
;; ASSERT brtable i32:2 => i32:103
;; ASSERT brtable i32:3 => i32:102
;; ASSERT brtable i32:4 => i32:100
;; ASSERT brtable i32:-1 => i32:100
;; ASSERT swap i32:1 i64:-2 => i64:-2 i32:1
;; ASSERT swap_twice i32:3 i64:4 => i32:3 i64:4
;; ASSERT multi_block i32:0 => i32:-5
;; ASSERT multi_block i32:3 => i32:-1
;; ASSERT if_params i32:1 i32:5 => i32:15
;; ASSERT if_params i32:0 i32:5 => i32:100
;; ASSERT if_noelse i32:0 => i32:0
;; ASSERT if_noelse i32:1 => i32:9
;; ASSERT fac i64:20 => i64:2432902008176640000
;; ASSERT fac i64:0 => i64:1
;; ASSERT fib i32:20 => i32:6765
;; ASSERT loop_result => i32:100000
;; ASSERT dead_code i32:41 => i32:42
;; ASSERT unreach => trap: unreachable
;; ASSERT sel i32:1 => i64:1
;; ASSERT sel i32:0 => i64:2
;; ASSERT sel_f i32:0 => f32:-2
;; ASSERT br_if_value i32:1 => i32:7
;; ASSERT br_if_value i32:0 => i32:8
;; ASSERT return_nested i32:1 => i32:2
;; ASSERT return_nested i32:0 => i32:1
;; ASSERT loop_params i32:4 => i32:10
;; ASSERT loop_params i32:100 => i32:5050
;; ASSERT indirect_multi i32:7 i64:-8 => i64:-8 i32:7
