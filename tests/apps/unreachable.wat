;; SPDX-License-Identifier: GPL-2.0
;; unreachable: must trap with "unreachable".
(module
  (memory (export "memory") 1)
  (func (export "_start")
    unreachable))
