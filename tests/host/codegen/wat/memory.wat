;; SPDX-License-Identifier: GPL-2.0
;; Linear memory per the spec: bounds at the last byte, offsets past 4 GiB,
;; grow (and the module's maximum), bulk memory, data segments.
(module
  (memory 1 3)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08")
  (data $p "hello")
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "load8s") (param i32) (result i32) (i32.load8_s (local.get 0)))
  (func (export "load32") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "load64") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "load16s64") (param i32) (result i64) (i64.load16_s offset=1 (local.get 0)))
  (func (export "load_off") (param i32) (result i32) (i32.load8_u offset=0xffffffff (local.get 0)))
  (func (export "store32") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "store_f64") (param i32 f64) (f64.store offset=8 (local.get 0) (local.get 1)))
  (func (export "load_f64") (param i32) (result f64) (f64.load offset=8 (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init") (param i32 i32 i32) (memory.init $p (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop") (data.drop $p))
  (func (export "drop0") (data.drop 0))
  (func (export "init0") (param i32 i32 i32) (memory.init 0 (local.get 0) (local.get 1) (local.get 2)))
  ;; Alignment hints are only hints: any address works with any of them.
  (func (export "ld64_a1") (param i32) (result i64) (i64.load align=1 (local.get 0)))
  (func (export "ld32_a8off") (param i32) (result i32) (i32.load offset=3 align=4 (local.get 0)))
  (func (export "st16_a1") (param i32 i32) (i32.store16 align=1 (local.get 0) (local.get 1)))
  (func (export "stf32_a2") (param i32 f32) (f32.store offset=1 align=2 (local.get 0) (local.get 1)))
  ;; The effective address is 33 bits: addr + offset never wraps to low memory.
  (func (export "st_wrap") (param i32) (i32.store8 offset=0xfffffff0 (local.get 0) (i32.const 0x5a)))
  (func (export "ld_wrap") (param i32) (result i64) (i64.load offset=0xfffffff8 (local.get 0)))
)
;; ASSERT load8 i32:0 => i32:1
;; ASSERT load8s i32:65535 => i32:0
;; ASSERT load8 i32:65536 => trap: out of bounds memory access
;; ASSERT load8 i32:-1 => trap: out of bounds memory access
;; ASSERT load32 i32:0 => i32:0x04030201
;; ASSERT load32 i32:65532 => i32:0
;; ASSERT load32 i32:65533 => trap: out of bounds memory access
;; ASSERT load64 i32:1 => i64:0x0008070605040302
;; ASSERT load64 i32:65529 => trap: out of bounds memory access
;; ASSERT load16s64 i32:65533 => i64:0
;; ASSERT load16s64 i32:65534 => trap: out of bounds memory access
;; ASSERT load_off i32:0 => trap: out of bounds memory access
;; ASSERT load_off i32:1 => trap: out of bounds memory access
;; ASSERT load_off i32:-1 => trap: out of bounds memory access
;; ASSERT store32 i32:65533 i32:1 => trap: out of bounds memory access
;; ASSERT store32 i32:100 i32:0x80 => 
;; ASSERT load8s i32:100 => i32:-128
;; ASSERT store_f64 i32:0 f64:-1.5 =>
;; ASSERT load_f64 i32:0 => f64:-1.5
;; ASSERT load8 i32:15 => i32:0xbf
;; ASSERT size => i32:1
;; ASSERT grow i32:0 => i32:1
;; ASSERT grow i32:3 => i32:-1
;; ASSERT grow i32:1 => i32:1
;; ASSERT size => i32:2
;; ASSERT load8 i32:131071 => i32:0
;; ASSERT load8 i32:131072 => trap: out of bounds memory access
;; ASSERT grow i32:1 => i32:2
;; ASSERT grow i32:1 => i32:-1
;; ASSERT grow i32:-1 => i32:-1
;; ASSERT fill i32:196600 i32:0xaa i32:8 =>
;; ASSERT load8 i32:196607 => i32:0xaa
;; ASSERT fill i32:196600 i32:0xaa i32:9 => trap: out of bounds memory access
;; ASSERT fill i32:196608 i32:0 i32:0 =>
;; ASSERT fill i32:196609 i32:0 i32:0 => trap: out of bounds memory access
;; ASSERT copy i32:1 i32:0 i32:4 =>
;; ASSERT load32 i32:0 => i32:0x03020101
;; ASSERT copy i32:0 i32:1 i32:4 =>
;; ASSERT load32 i32:0 => i32:0x04030201
;; ASSERT copy i32:0 i32:196605 i32:4 => trap: out of bounds memory access
;; ASSERT init i32:200 i32:1 i32:4 =>
;; ASSERT load32 i32:200 => i32:0x6f6c6c65
;; ASSERT init i32:200 i32:2 i32:4 => trap: out of bounds memory access
;; ASSERT init i32:200 i32:5 i32:0 =>
;; ASSERT init i32:200 i32:6 i32:0 => trap: out of bounds memory access
;; ASSERT drop =>
;; ASSERT init i32:200 i32:0 i32:1 => trap: out of bounds memory access
;; ASSERT init i32:200 i32:0 i32:0 =>
;; ASSERT init0 i32:0 i32:0 i32:1 => trap: out of bounds memory access
;; ASSERT init0 i32:0 i32:0 i32:0 =>
;; ASSERT drop0 =>
;; ASSERT st16_a1 i32:301 i32:0x12345 =>
;; ASSERT ld64_a1 i32:300 => i64:0x0000000000234500
;; ASSERT ld32_a8off i32:298 => i32:0x00002345
;; ASSERT stf32_a2 i32:302 f32:-0 =>
;; ASSERT ld64_a1 i32:300 => i64:0x0080000000234500
;; ASSERT st16_a1 i32:196607 i32:0 => trap: out of bounds memory access
;; ASSERT st_wrap i32:0x10 => trap: out of bounds memory access
;; ASSERT st_wrap i32:0xf => trap: out of bounds memory access
;; ASSERT load8 i32:0 => i32:1
;; ASSERT ld_wrap i32:8 => trap: out of bounds memory access
;; ASSERT ld_wrap i32:0 => trap: out of bounds memory access
