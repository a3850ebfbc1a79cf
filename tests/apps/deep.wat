;; SPDX-License-Identifier: GPL-2.0
;; deep [N]: unbounded recursion that calls host functions at every level
;; (fd_write of "d\n", clock_time_get, random_get, a 1 us poll_oneoff sleep,
;; sched_yield; and, with a directory granted as fd 3, path_open of "f"
;; (created, append), fd_write, fd_sync, fd_close, path_filestat_get, fd_readdir)
;; until the stack check traps "call stack exhausted".  From
;; level N on (default: never) every level also grows the memory by a page,
;; a vmalloc and a copy.  The deepest helper calls therefore come from the
;; deepest frame the check lets through: what the stack reserve is for.
;; The log holds one "d\n" per level reached.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get"
    (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get"
    (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get"
    (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff"
    (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sched_yield"
    (func $sched_yield (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_sync" (func $fd_sync (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get"
    (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_readdir"
    (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (memory (export "memory") 1)
  (global $grow_from (mut i32) (i32.const 0x7fffffff))
  (data (i32.const 16) "d\n")
  (data (i32.const 24) "f")

  (func $down (param $n i32) (result i32)
    (if (i32.ge_u (local.get $n) (global.get $grow_from))
      (then (drop (memory.grow (i32.const 1)))))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (drop (call $clock_time_get (i32.const 1) (i64.const 0) (i32.const 32)))
    (drop (call $random_get (i32.const 40) (i32.const 16)))
    (drop (call $poll_oneoff (i32.const 64) (i32.const 128) (i32.const 1) (i32.const 12)))
    (drop (call $sched_yield))
    ;; the file system, if fd 3 is a granted directory: oflags CREAT, rights
    ;; datasync read seek sync tell write (0x77), fdflags APPEND
    (if (i32.eqz (call $path_open (i32.const 3) (i32.const 0) (i32.const 24) (i32.const 1)
                                  (i32.const 1) (i64.const 0x77) (i64.const 0) (i32.const 1)
                                  (i32.const 300)))
      (then
        (drop (call $fd_write (i32.load (i32.const 300)) (i32.const 0) (i32.const 1)
                              (i32.const 8)))
        (drop (call $fd_sync (i32.load (i32.const 300))))
        (drop (call $fd_close (i32.load (i32.const 300))))))
    (drop (call $path_filestat_get (i32.const 3) (i32.const 0) (i32.const 24) (i32.const 1)
                                   (i32.const 320)))
    (drop (call $fd_readdir (i32.const 3) (i32.const 400) (i32.const 100) (i64.const 0)
                            (i32.const 396)))
    (i32.add (call $down (i32.add (local.get $n) (i32.const 1))) (local.get $n)))

  ;; N from argv[1], decimal; argv pointers at 256, strings at 512.
  (func $read_arg
    (local $p i32) (local $c i32) (local $v i32)
    (drop (call $args_sizes_get (i32.const 200) (i32.const 204)))
    (if (i32.lt_u (i32.load (i32.const 200)) (i32.const 2)) (then (return)))
    (if (i32.gt_u (i32.load (i32.const 204)) (i32.const 1024)) (then (return)))
    (drop (call $args_get (i32.const 256) (i32.const 512)))
    (local.set $p (i32.load (i32.const 260)))
    (block $end
      (loop $digit
        (local.set $c (i32.load8_u (local.get $p)))
        (br_if $end (i32.lt_u (local.get $c) (i32.const 48)))
        (br_if $end (i32.gt_u (local.get $c) (i32.const 57)))
        (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10))
                               (i32.sub (local.get $c) (i32.const 48))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $digit)))
    (global.set $grow_from (local.get $v)))

  (func (export "_start")
    (call $read_arg)
    ;; iovec at 0: { buf = 16, len = 2 }
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 2))
    ;; clock subscription at 64: tag 0 at 72, monotonic (1) at 80,
    ;; relative timeout 1000 ns at 88
    (i32.store (i32.const 80) (i32.const 1))
    (i64.store (i32.const 88) (i64.const 1000))
    (drop (call $down (i32.const 0)))))
