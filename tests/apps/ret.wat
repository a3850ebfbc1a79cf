;; SPDX-License-Identifier: GPL-2.0
;; ret: _start returns without calling proc_exit: the instance exits with 0.
(module
  (memory (export "memory") 1)
  (func (export "_start")))
