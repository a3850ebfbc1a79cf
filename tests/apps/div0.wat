;; SPDX-License-Identifier: GPL-2.0
;; div0: i32.div_s by zero (the divisor comes from memory, so that it is
;; not a constant): must trap with "integer divide by zero".
(module
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (i32.div_s (i32.const 7) (i32.load (i32.const 100))))))
