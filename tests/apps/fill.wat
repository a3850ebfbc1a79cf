;; SPDX-License-Identifier: GPL-2.0
;; fill: memory.fill of its whole 16 MiB memory, forever, then the same with
;; memory.copy.  One instruction moves megabytes: without yield checks inside
;; bulk operations, 1024 loop iterations would hold the CPU for seconds.
(module
  (memory (export "memory") 256)
  (func (export "_start")
    (local $v i32)
    (loop $forever
      (memory.fill (i32.const 0) (local.get $v) (i32.const 0x1000000))
      (memory.copy (i32.const 1) (i32.const 0) (i32.const 0xffffff))
      (local.set $v (i32.add (local.get $v) (i32.const 1)))
      (br $forever))))
