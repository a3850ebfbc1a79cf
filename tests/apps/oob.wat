;; SPDX-License-Identifier: GPL-2.0
;; oob: writes "before\n" to stdout, then stores past the end of its one
;; page of linear memory: must trap with "out of bounds memory access".
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "before\n")
  (func $store (param $addr i32)
    (i32.store (local.get $addr) (i32.const 0x12345678)))
  (func (export "_start")
    ;; iovec at 0: { buf = 16, len = 7 }
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 7))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    ;; the last 4-byte slot is in bounds, one byte further is not
    (call $store (i32.const 65532))
    (call $store (i32.const 65533))))
