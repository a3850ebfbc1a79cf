;; SPDX-License-Identifier: GPL-2.0
;; fspin: a tight floating-point loop that never ends and never calls out:
;; the FPU registers are live across every yield point.  Must be stoppable
;; and must not stall the CPU it runs on.
(module
  (memory (export "memory") 1)
  (func (export "_start")
    (local $x f64) (local $y f32)
    (local.set $x (f64.const 1.0))
    (local.set $y (f32.const 3.0))
    (loop $forever
      (local.set $x (f64.div (f64.add (f64.mul (local.get $x) (f64.const 1.0000001))
                                      (f64.const 0.5))
                             (f64.const 1.5)))
      (local.set $y (f32.add (f32.mul (local.get $y) (f32.const 0.999)) (f32.const 0.001)))
      (br $forever))
    ;; never reached; keeps both results live
    (f64.store (i32.const 0) (local.get $x))
    (f32.store (i32.const 8) (local.get $y))))
