;; SPDX-License-Identifier: GPL-2.0
;; Merged bounds checks (aotc/analysis/bounds.h): a straight-line run of
;; accesses off one base local gets one test up front.  Whatever the test
;; decides, each access must still behave as the spec says: in bounds it
;; works, out of bounds it traps as "out of bounds memory access" at that
;; access, with every store before it in the function done (the harness
;; keeps the instance, so a later read sees them), including across a call.
(module
  (memory 1 1)
  (global $g (mut i32) (i32.const 0))
  ;; Four accesses off $p, in the way clang writes them (i32.add of a
  ;; constant, and memarg offsets).  Stores 1 at p, 2 at p+8, then loads
  ;; p+4 and p+off.  Out of bounds only at the last load when off is big.
  (func (export "group") (param $p i32) (param $off i32) (result i32)
    (i32.store (local.get $p) (i32.const 1))
    (i32.store (i32.add (local.get $p) (i32.const 8)) (i32.const 2))
    (drop (i32.load offset=4 (local.get $p)))
    (i32.load (i32.add (local.get $p) (local.get $off))))
  ;; The last access of the run is out of bounds for p > 65536 - 4096 - 8:
  ;; the stores before it must be done, then the trap.
  (func (export "late_trap") (param $p i32)
    (i32.store (local.get $p) (i32.const 0x11))
    (i32.store offset=4 (local.get $p) (i32.const 0x22))
    (global.set $g (local.get $p))
    (i64.store offset=4096 (local.get $p) (i64.const 0x33)))
  ;; A negative displacement: p - 8 wraps for p < 8 (an address near
  ;; 4 GiB: out of bounds), and is in bounds otherwise.
  (func (export "neg") (param $p i32) (result i32)
    (i32.add
      (i32.load (i32.add (local.get $p) (i32.const -8)))
      (i32.load (i32.sub (local.get $p) (i32.const 4)))))
  ;; A base computed and teed in the run (as clang does for a[i][j]).
  (func (export "teed") (param $i i32) (param $j i32) (result i32)
    (local $q i32)
    (i32.store offset=16
      (local.tee $q (i32.add (local.get $i) (i32.shl (local.get $j) (i32.const 2))))
      (i32.const 5))
    (i32.add (i32.load offset=16 (local.get $q))
             (i32.load (i32.add (local.get $q) (i32.const 20)))))
  ;; The base local is assigned again in the middle of the run: accesses
  ;; after that use the new value.
  (func (export "reassign") (param $p i32) (param $n i32) (result i32)
    (i32.store (local.get $p) (i32.const 9))
    (i32.store offset=4 (local.get $p) (i32.const 10))
    (local.set $p (local.get $n))
    (i32.add (i32.load (local.get $p)) (i32.load offset=4 (local.get $p))))
  ;; An address computed from $p stays on the stack while $p is assigned
  ;; (clang's "local.tee $p (i32.add $p C)"): the access uses the old value.
  (func (export "retee") (param $p i32) (result i32)
    (i32.store offset=4 (local.get $p) (i32.const 7))
    (i32.store offset=8 (local.get $p) (i32.const 9))
    (i32.load (local.tee $p (i32.add (local.get $p) (i32.const 4)))))
  (func (export "reset") (param $p i32) (result i32)
    (i32.store offset=4 (local.get $p) (i32.const 7))
    (i32.store offset=8 (local.get $p) (i32.const 9))
    local.get $p
    i32.const 4
    i32.add
    i32.const 0x10000
    local.set $p
    i32.load)
  ;; Two bases in one run.
  (func (export "two") (param $a i32) (param $b i32) (result i64)
    (i64.store (local.get $a) (i64.load (local.get $b)))
    (i64.store offset=8 (local.get $a) (i64.load offset=8 (local.get $b)))
    (i64.add (i64.load (local.get $a)) (i64.load offset=8 (local.get $a))))
  ;; A call ends the run: the callee's store is visible after the trap.
  (func $mark (i32.store (i32.const 100) (i32.const 0x77)))
  (func (export "split_by_call") (param $p i32)
    (i32.store (local.get $p) (i32.const 0x55))
    (i32.store offset=4 (local.get $p) (i32.const 0x56))
    (call $mark)
    (i32.store (local.get $p) (i32.const 0x57))
    (i32.store offset=65536 (local.get $p) (i32.const 0x58)))
  (func (export "get") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "get64") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "g") (result i32) (global.get $g))
)
;; ASSERT group i32:0 i32:8 => i32:2
;; ASSERT group i32:65524 i32:8 => i32:2
;; ASSERT group i32:65524 i32:9 => trap: out of bounds memory access
;; ASSERT group i32:65525 i32:0 => trap: out of bounds memory access
;; ASSERT group i32:1000 i32:-2000 => trap: out of bounds memory access
;; ASSERT group i32:-8 i32:8 => trap: out of bounds memory access
;; ASSERT late_trap i32:61432 =>
;; ASSERT get64 i32:65528 => i64:0x33
;; ASSERT late_trap i32:61433 => trap: out of bounds memory access
;; ASSERT get i32:61433 => i32:0x11
;; ASSERT get i32:61437 => i32:0x22
;; ASSERT g => i32:61433
;; ASSERT neg i32:4 => trap: out of bounds memory access
;; ASSERT neg i32:7 => trap: out of bounds memory access
;; ASSERT neg i32:0 => trap: out of bounds memory access
;; ASSERT neg i32:65536 => i32:0x33
;; ASSERT neg i32:65537 => trap: out of bounds memory access
;; ASSERT neg i32:8 => i32:1
;; ASSERT teed i32:100 i32:10 => i32:5
;; ASSERT teed i32:65500 i32:3 => i32:5
;; ASSERT teed i32:65501 i32:3 => trap: out of bounds memory access
;; ASSERT get i32:65529 => i32:5
;; ASSERT reassign i32:200 i32:200 => i32:19
;; ASSERT reassign i32:200 i32:65532 => trap: out of bounds memory access
;; ASSERT get i32:204 => i32:10
;; ASSERT reassign i32:65533 i32:0 => trap: out of bounds memory access
;; ASSERT retee i32:500 => i32:7
;; ASSERT reset i32:600 => i32:7
;; ASSERT retee i32:65524 => i32:7
;; ASSERT retee i32:65525 => trap: out of bounds memory access
;; ASSERT two i32:300 i32:0 => i64:3
;; ASSERT two i32:300 i32:65528 => trap: out of bounds memory access
;; ASSERT split_by_call i32:65533 => trap: out of bounds memory access
;; ASSERT get i32:100 => i32:0
;; ASSERT split_by_call i32:400 => trap: out of bounds memory access
;; ASSERT get i32:100 => i32:0x77
;; ASSERT get i32:400 => i32:0x57
;; ASSERT get i32:404 => i32:0x56
