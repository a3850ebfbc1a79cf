;; SPDX-License-Identifier: GPL-2.0
;; grow: a memory bomb.  Grows the linear memory as far as memory.grow
;; allows (doubling the step while it succeeds, halving it when it fails),
;; touching the last byte of every new region, then checks that a grow
;; past the limit returns -1 and changes nothing.  Exits with the final
;; size in pages; traps "unreachable" if a check fails.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (local $step i32) (local $size i32)
    (local.set $step (i32.const 1))
    (i32.store8 (i32.const 65535) (i32.const 0xaa))
    (block $done
      (loop $more
        (if (i32.eq (memory.grow (local.get $step)) (i32.const -1))
          (then
            (br_if $done (i32.eq (local.get $step) (i32.const 1)))
            (local.set $step (i32.shr_u (local.get $step) (i32.const 1))))
          (else
            (i32.store8 (i32.sub (i32.shl (memory.size) (i32.const 16)) (i32.const 1))
                        (i32.const 0xaa))
            (if (i32.lt_u (local.get $step) (i32.const 0x4000))
              (then (local.set $step (i32.shl (local.get $step) (i32.const 1)))))))
        (br $more)))
    (local.set $size (memory.size))
    (if (i32.ne (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
    (if (i32.ne (memory.grow (i32.const 65536)) (i32.const -1)) (then unreachable))
    (if (i32.ne (memory.grow (i32.const 0)) (local.get $size)) (then unreachable))
    (if (i32.ne (memory.size) (local.get $size)) (then unreachable))
    ;; the last byte is still there, one past it traps
    (if (i32.ne (i32.load8_u (i32.sub (i32.shl (local.get $size) (i32.const 16)) (i32.const 1)))
                (i32.const 0xaa))
      (then unreachable))
    (call $proc_exit (local.get $size))))
