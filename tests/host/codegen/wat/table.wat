;; SPDX-License-Identifier: GPL-2.0
;; Tables and indirect calls per the spec: undefined/uninitialized elements,
;; signature mismatch (structurally equal types match), reference types,
;; table.grow/fill/copy/init, elem.drop, a second table.
(module
  (type $ii (func (param i32) (result i32)))
  (type $ii2 (func (param i32) (result i32)))
  (type $v (func (result i32)))
  (table $t 4 6 funcref)
  (table $u 2 externref)
  (elem (table $t) (i32.const 0) func $inc $dbl)
  (elem $pe funcref (ref.func $dbl) (ref.null func) (ref.func $seven))
  (elem declare func $seven)
  (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $ii2) (i32.mul (local.get 0) (i32.const 2)))
  (func $seven (type $v) (i32.const 7))
  (func (export "call") (param i32 i32) (result i32)
    (call_indirect $t (type $ii) (local.get 1) (local.get 0)))
  (func (export "call_v") (param i32) (result i32)
    (call_indirect $t (type $v) (local.get 0)))
  (func (export "size") (result i32) (table.size $t))
  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.func $seven) (local.get 0)))
  (func (export "set_null") (param i32) (table.set $t (local.get 0) (ref.null func)))
  (func (export "is_null") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0))))
  (func (export "fill") (param i32 i32) (table.fill $t (local.get 0) (ref.func $inc) (local.get 1)))
  (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init") (param i32 i32 i32) (table.init $t $pe (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop") (elem.drop $pe))
  (func (export "ext_null") (param i32) (result i32) (ref.is_null (table.get $u (local.get 0))))
  (func (export "ext_size") (result i32) (table.size $u))
  (func (export "ext_grow") (result i32) (table.grow $u (ref.null extern) (i32.const 1)))
  (func (export "funcref_null") (result i32) (ref.is_null (ref.func $seven)))
)
;; ASSERT call i32:0 i32:5 => i32:6
;; ASSERT call i32:1 i32:5 => i32:10
;; ASSERT call i32:2 i32:5 => trap: uninitialized element
;; ASSERT call i32:4 i32:5 => trap: undefined element
;; ASSERT call i32:-1 i32:5 => trap: undefined element
;; ASSERT call_v i32:0 => trap: indirect call type mismatch
;; ASSERT size => i32:4
;; ASSERT is_null i32:2 => i32:1
;; ASSERT is_null i32:1 => i32:0
;; ASSERT is_null i32:4 => trap: out of bounds table access
;; ASSERT grow i32:3 => i32:-1
;; ASSERT grow i32:1 => i32:4
;; ASSERT call_v i32:4 => i32:7
;; ASSERT size => i32:5
;; ASSERT grow i32:0 => i32:5
;; ASSERT grow i32:1 => i32:5
;; ASSERT grow i32:1 => i32:-1
;; ASSERT set_null i32:0 =>
;; ASSERT call i32:0 i32:1 => trap: uninitialized element
;; ASSERT set_null i32:6 => trap: out of bounds table access
;; ASSERT fill i32:2 i32:2 =>
;; ASSERT call i32:3 i32:1 => i32:2
;; ASSERT fill i32:5 i32:2 => trap: out of bounds table access
;; ASSERT fill i32:6 i32:0 =>
;; ASSERT copy i32:0 i32:1 i32:2 =>
;; ASSERT call i32:0 i32:3 => i32:6
;; ASSERT call i32:1 i32:3 => i32:4
;; ASSERT copy i32:5 i32:0 i32:2 => trap: out of bounds table access
;; ASSERT init i32:0 i32:0 i32:3 =>
;; ASSERT call i32:0 i32:4 => i32:8
;; ASSERT call i32:1 i32:4 => trap: uninitialized element
;; ASSERT call_v i32:2 => i32:7
;; ASSERT init i32:0 i32:1 i32:3 => trap: out of bounds table access
;; ASSERT drop =>
;; ASSERT init i32:0 i32:0 i32:1 => trap: out of bounds table access
;; ASSERT init i32:0 i32:0 i32:0 =>
;; ASSERT ext_null i32:1 => i32:1
;; ASSERT ext_null i32:2 => trap: out of bounds table access
;; ASSERT ext_size => i32:2
;; a table without a maximum grows (table_grow.wast)
;; ASSERT ext_grow => i32:2
;; ASSERT ext_size => i32:3
;; ASSERT ext_null i32:2 => i32:1
;; ASSERT funcref_null => i32:0
