;; SPDX-License-Identifier: GPL-2.0
;; Bulk memory larger than the 64 KiB chunks it is done in (with a yield
;; check between chunks): fill, and overlapping copies in both directions,
;; must give exactly what one memset/memmove gives.
(module
  (memory 4 4)
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  ;; byte i = (i * 7 + i / 251) mod 256 over [0, 4 pages)
  (func (export "pattern") (local $i i32)
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $i) (i32.const 262144)))
      (i32.store8 (local.get $i) (i32.add (i32.mul (local.get $i) (i32.const 7))
                                          (i32.div_u (local.get $i) (i32.const 251))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l))))
  ;; 1 if byte i of [dst, dst+n) equals the pattern byte of (i + src - dst), else 0
  (func (export "moved") (param $dst i32) (param $src i32) (param $n i32) (result i32)
    (local $i i32) (local $j i32)
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $j (i32.add (local.get $src) (local.get $i)))
      (if (i32.ne (i32.load8_u (i32.add (local.get $dst) (local.get $i)))
                  (i32.and (i32.add (i32.mul (local.get $j) (i32.const 7))
                                    (i32.div_u (local.get $j) (i32.const 251)))
                           (i32.const 255)))
        (then (return (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (i32.const 1))
  ;; 1 if [a, a+n) is all v
  (func (export "filled") (param $a i32) (param $v i32) (param $n i32) (result i32)
    (local $i i32)
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $i))) (local.get $v))
        (then (return (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (i32.const 1))
)
;; ASSERT fill i32:3 i32:0x5a i32:200000 =>
;; ASSERT filled i32:3 i32:0x5a i32:200000 => i32:1
;; ASSERT load8 i32:2 => i32:0
;; ASSERT load8 i32:200003 => i32:0
;; ASSERT fill i32:0 i32:0x11 i32:262144 =>
;; ASSERT filled i32:0 i32:0x11 i32:262144 => i32:1
;; ASSERT fill i32:1 i32:0 i32:262144 => trap: out of bounds memory access
;; ASSERT pattern =>
;; ASSERT copy i32:70001 i32:5 i32:190000 =>
;; ASSERT moved i32:70001 i32:5 i32:190000 => i32:1
;; ASSERT moved i32:0 i32:0 i32:5 => i32:1
;; ASSERT pattern =>
;; ASSERT copy i32:9 i32:65540 i32:196000 =>
;; ASSERT moved i32:9 i32:65540 i32:196000 => i32:1
;; ASSERT moved i32:196100 i32:196100 i32:65000 => i32:1
;; ASSERT pattern =>
;; ASSERT copy i32:1 i32:0 i32:262143 =>
;; ASSERT moved i32:1 i32:0 i32:262143 => i32:1
;; ASSERT load8 i32:0 => i32:0
;; ASSERT pattern =>
;; ASSERT copy i32:0 i32:1 i32:262143 =>
;; ASSERT moved i32:0 i32:1 i32:262143 => i32:1
