;; SPDX-License-Identifier: GPL-2.0
;; table.grow per the spec (after the spec testsuite's table_grow): a table
;; without a maximum grows; one with a maximum stops there; a huge request
;; fails with -1 and leaves the table as it was; grown slots hold the init
;; value and can be called.  Then a table access at a constant index the C
;; compiler sees (generated C must build with -Werror: no -Warray-bounds).
(module
  (type $v (func (result i32)))
  (table $t 0 externref)
  (table $f 1 funcref)
  (table $m 0 10 funcref)
  (table $big 2 100000 funcref)
  (table $one 1 1 funcref)
  (elem declare func $nine)
  (func $nine (type $v) (i32.const 9))
  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null extern) (local.get 0)))
  (func (export "size") (result i32) (table.size $t))
  (func (export "null_at") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0))))
  (func (export "grow_f") (param i32) (result i32) (table.grow $f (ref.func $nine) (local.get 0)))
  (func (export "call_f") (param i32) (result i32) (call_indirect $f (type $v) (local.get 0)))
  (func (export "size_f") (result i32) (table.size $f))
  (func (export "grow_m") (param i32) (result i32) (table.grow $m (ref.null func) (local.get 0)))
  (func (export "grow_big") (param i32) (result i32) (table.grow $big (ref.func $nine) (local.get 0)))
  (func (export "call_big") (param i32) (result i32) (call_indirect $big (type $v) (local.get 0)))
  (func (export "grow_huge") (result i32) (table.grow $t (ref.null extern) (i32.const 0xfffffff0)))
  (func (export "fill_one_at_m1") (table.fill $one (i32.const -1) (ref.func $nine) (i32.const 1)))
  (func (export "get_one_at_m1") (result i32) (ref.is_null (table.get $one (i32.const -1))))
  (func (export "set_one_at_big") (table.set $one (i32.const 0x7fffffff) (ref.null func)))
  (func (export "call_one_at_m1") (result i32) (call_indirect $one (type $v) (i32.const -1)))
  (func (export "copy_one") (table.copy $one $one (i32.const -1) (i32.const 0) (i32.const 1)))
)
;; ASSERT size => i32:0
;; ASSERT null_at i32:0 => trap: out of bounds table access
;; ASSERT grow i32:0 => i32:0
;; ASSERT grow i32:1 => i32:0
;; ASSERT grow i32:0 => i32:1
;; ASSERT grow i32:2 => i32:1
;; ASSERT grow i32:800 => i32:3
;; ASSERT size => i32:803
;; ASSERT null_at i32:802 => i32:1
;; ASSERT null_at i32:803 => trap: out of bounds table access
;; ASSERT grow_f i32:3 => i32:1
;; ASSERT size_f => i32:4
;; ASSERT call_f i32:3 => i32:9
;; ASSERT call_f i32:0 => trap: uninitialized element
;; ASSERT call_f i32:4 => trap: undefined element
;; ASSERT grow_m i32:11 => i32:-1
;; ASSERT grow_m i32:10 => i32:0
;; ASSERT grow_m i32:1 => i32:-1
;; ASSERT grow_big i32:1000 => i32:2
;; ASSERT call_big i32:1001 => i32:9
;; ASSERT grow_huge => i32:-1
;; ASSERT size => i32:803
;; ASSERT fill_one_at_m1 => trap: out of bounds table access
;; ASSERT get_one_at_m1 => trap: out of bounds table access
;; ASSERT set_one_at_big => trap: out of bounds table access
;; ASSERT call_one_at_m1 => trap: undefined element
;; ASSERT copy_one => trap: out of bounds table access
