;; SPDX-License-Identifier: GPL-2.0
;; Integer semantics, expected values from the WebAssembly spec (numerics).
(module
  (func (export "div_s32") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "div_u32") (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))
  (func (export "rem_s32") (param i32 i32) (result i32) (i32.rem_s (local.get 0) (local.get 1)))
  (func (export "rem_u32") (param i32 i32) (result i32) (i32.rem_u (local.get 0) (local.get 1)))
  (func (export "div_s64") (param i64 i64) (result i64) (i64.div_s (local.get 0) (local.get 1)))
  (func (export "div_u64") (param i64 i64) (result i64) (i64.div_u (local.get 0) (local.get 1)))
  (func (export "rem_s64") (param i64 i64) (result i64) (i64.rem_s (local.get 0) (local.get 1)))
  (func (export "rem_u64") (param i64 i64) (result i64) (i64.rem_u (local.get 0) (local.get 1)))
  (func (export "shl32") (param i32 i32) (result i32) (i32.shl (local.get 0) (local.get 1)))
  (func (export "shr_s32") (param i32 i32) (result i32) (i32.shr_s (local.get 0) (local.get 1)))
  (func (export "shr_u32") (param i32 i32) (result i32) (i32.shr_u (local.get 0) (local.get 1)))
  (func (export "shl64") (param i64 i64) (result i64) (i64.shl (local.get 0) (local.get 1)))
  (func (export "shr_s64") (param i64 i64) (result i64) (i64.shr_s (local.get 0) (local.get 1)))
  (func (export "shr_u64") (param i64 i64) (result i64) (i64.shr_u (local.get 0) (local.get 1)))
  (func (export "rotl32") (param i32 i32) (result i32) (i32.rotl (local.get 0) (local.get 1)))
  (func (export "rotr32") (param i32 i32) (result i32) (i32.rotr (local.get 0) (local.get 1)))
  (func (export "rotl64") (param i64 i64) (result i64) (i64.rotl (local.get 0) (local.get 1)))
  (func (export "rotr64") (param i64 i64) (result i64) (i64.rotr (local.get 0) (local.get 1)))
  (func (export "clz32") (param i32) (result i32) (i32.clz (local.get 0)))
  (func (export "ctz32") (param i32) (result i32) (i32.ctz (local.get 0)))
  (func (export "popcnt32") (param i32) (result i32) (i32.popcnt (local.get 0)))
  (func (export "clz64") (param i64) (result i64) (i64.clz (local.get 0)))
  (func (export "ctz64") (param i64) (result i64) (i64.ctz (local.get 0)))
  (func (export "popcnt64") (param i64) (result i64) (i64.popcnt (local.get 0)))
  (func (export "mul32") (param i32 i32) (result i32) (i32.mul (local.get 0) (local.get 1)))
  (func (export "add32") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "lt_s32") (param i32 i32) (result i32) (i32.lt_s (local.get 0) (local.get 1)))
  (func (export "lt_u32") (param i32 i32) (result i32) (i32.lt_u (local.get 0) (local.get 1)))
  (func (export "ge_s64") (param i64 i64) (result i32) (i64.ge_s (local.get 0) (local.get 1)))
  (func (export "eqz64") (param i64) (result i32) (i64.eqz (local.get 0)))
  (func (export "ext8_32") (param i32) (result i32) (i32.extend8_s (local.get 0)))
  (func (export "ext16_32") (param i32) (result i32) (i32.extend16_s (local.get 0)))
  (func (export "ext32_64") (param i64) (result i64) (i64.extend32_s (local.get 0)))
  (func (export "ext_s") (param i32) (result i64) (i64.extend_i32_s (local.get 0)))
  (func (export "ext_u") (param i32) (result i64) (i64.extend_i32_u (local.get 0)))
  (func (export "wrap") (param i64) (result i32) (i32.wrap_i64 (local.get 0)))
)
;; ASSERT div_s32 i32:7 i32:0 => trap: integer divide by zero
;; ASSERT div_s32 i32:-2147483648 i32:-1 => trap: integer overflow
;; ASSERT div_s32 i32:-7 i32:2 => i32:-3
;; ASSERT div_s32 i32:-2147483648 i32:2 => i32:-1073741824
;; ASSERT div_u32 i32:-1 i32:2 => i32:2147483647
;; ASSERT div_u32 i32:1 i32:0 => trap: integer divide by zero
;; ASSERT rem_s32 i32:-2147483648 i32:-1 => i32:0
;; ASSERT rem_s32 i32:-7 i32:2 => i32:-1
;; ASSERT rem_s32 i32:7 i32:-2 => i32:1
;; ASSERT rem_s32 i32:1 i32:0 => trap: integer divide by zero
;; ASSERT rem_u32 i32:-1 i32:10 => i32:5
;; ASSERT rem_u32 i32:1 i32:0 => trap: integer divide by zero
;; ASSERT div_s64 i64:-9223372036854775808 i64:-1 => trap: integer overflow
;; ASSERT div_s64 i64:1 i64:0 => trap: integer divide by zero
;; ASSERT div_s64 i64:-7 i64:2 => i64:-3
;; ASSERT div_u64 i64:-1 i64:2 => i64:9223372036854775807
;; ASSERT div_u64 i64:1 i64:0 => trap: integer divide by zero
;; ASSERT rem_s64 i64:-9223372036854775808 i64:-1 => i64:0
;; ASSERT rem_s64 i64:-7 i64:2 => i64:-1
;; ASSERT rem_u64 i64:-1 i64:10 => i64:5
;; ASSERT rem_u64 i64:1 i64:0 => trap: integer divide by zero
;; ASSERT shl32 i32:1 i32:32 => i32:1
;; ASSERT shl32 i32:1 i32:33 => i32:2
;; ASSERT shl32 i32:1 i32:-1 => i32:-2147483648
;; ASSERT shr_s32 i32:-2147483648 i32:31 => i32:-1
;; ASSERT shr_s32 i32:-2147483648 i32:32 => i32:-2147483648
;; ASSERT shr_s32 i32:-1 i32:5 => i32:-1
;; ASSERT shr_s32 i32:0x40000000 i32:30 => i32:1
;; ASSERT shr_u32 i32:-2147483648 i32:31 => i32:1
;; ASSERT shr_u32 i32:-1 i32:64 => i32:-1
;; ASSERT shl64 i64:1 i64:64 => i64:1
;; ASSERT shl64 i64:1 i64:63 => i64:-9223372036854775808
;; ASSERT shr_s64 i64:-9223372036854775808 i64:63 => i64:-1
;; ASSERT shr_s64 i64:-9223372036854775808 i64:64 => i64:-9223372036854775808
;; ASSERT shr_u64 i64:-1 i64:127 => i64:1
;; ASSERT rotl32 i32:0xfe00dc00 i32:4 => i32:0xe00dc00f
;; ASSERT rotl32 i32:0xabcd9876 i32:1 => i32:0x579b30ed
;; ASSERT rotl32 i32:1 i32:32 => i32:1
;; ASSERT rotr32 i32:0xb0c1d2e3 i32:0x0005 => i32:0x1d860e97
;; ASSERT rotr32 i32:1 i32:1 => i32:-2147483648
;; ASSERT rotr32 i32:1 i32:0 => i32:1
;; ASSERT rotl64 i64:0xabd1234ef567809c i64:63 => i64:0x55e891a77ab3c04e
;; ASSERT rotl64 i64:1 i64:64 => i64:1
;; ASSERT rotr64 i64:1 i64:1 => i64:-9223372036854775808
;; ASSERT rotr64 i64:0xabcd1234ef567809 i64:53 => i64:0x6891a77ab3c04d5e
;; ASSERT clz32 i32:0 => i32:32
;; ASSERT clz32 i32:1 => i32:31
;; ASSERT clz32 i32:-1 => i32:0
;; ASSERT clz32 i32:0x00008000 => i32:16
;; ASSERT ctz32 i32:0 => i32:32
;; ASSERT ctz32 i32:0x80000000 => i32:31
;; ASSERT ctz32 i32:0x00010000 => i32:16
;; ASSERT popcnt32 i32:0 => i32:0
;; ASSERT popcnt32 i32:-1 => i32:32
;; ASSERT popcnt32 i32:0x55555555 => i32:16
;; ASSERT popcnt32 i32:0xdeadbeef => i32:24
;; ASSERT clz64 i64:0 => i64:64
;; ASSERT clz64 i64:1 => i64:63
;; ASSERT ctz64 i64:0 => i64:64
;; ASSERT ctz64 i64:0x8000000000000000 => i64:63
;; ASSERT popcnt64 i64:-1 => i64:64
;; ASSERT popcnt64 i64:0x99999999aaaaaaaa => i64:32
;; ASSERT popcnt64 i64:0xdeadbeefdeadbeef => i64:48
;; ASSERT mul32 i32:0x01234567 i32:0x76543210 => i32:0x358e7470
;; ASSERT mul32 i32:-2147483648 i32:-1 => i32:-2147483648
;; ASSERT add32 i32:0x7fffffff i32:1 => i32:-2147483648
;; ASSERT lt_s32 i32:-1 i32:1 => i32:1
;; ASSERT lt_u32 i32:-1 i32:1 => i32:0
;; ASSERT ge_s64 i64:-1 i64:0 => i32:0
;; ASSERT eqz64 i64:0 => i32:1
;; ASSERT eqz64 i64:0x100000000 => i32:0
;; ASSERT ext8_32 i32:0x80 => i32:-128
;; ASSERT ext8_32 i32:0x7f => i32:127
;; ASSERT ext8_32 i32:0x12345680 => i32:-128
;; ASSERT ext16_32 i32:0x8000 => i32:-32768
;; ASSERT ext32_64 i64:0x80000000 => i64:-2147483648
;; ASSERT ext32_64 i64:0x17fffffff => i64:2147483647
;; ASSERT ext_s i32:-1 => i64:-1
;; ASSERT ext_u i32:-1 => i64:4294967295
;; ASSERT wrap i64:0x123456789 => i32:0x23456789
