;; SPDX-License-Identifier: GPL-2.0
;; spin: while (1) {}: one loop, no calls.  Must be stoppable, and must
;; never cause a soft lockup or an RCU stall.
(module
  (memory (export "memory") 1)
  (func (export "_start")
    (loop $forever
      (br $forever))))
