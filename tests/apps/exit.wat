;; SPDX-License-Identifier: GPL-2.0
;; exit: calls proc_exit(5) directly from _start.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (call $proc_exit (i32.const 5))
    unreachable))
