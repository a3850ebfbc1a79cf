// SPDX-License-Identifier: GPL-2.0
// Value type letters of signature strings, from WASMKM_VALTYPES in
// <linux/wasmkm_object.h>: the one list that aotc (export and import
// signatures, C names of result tuples), wasmctl and wasmkm.ko read.
#ifndef AOTC_VALTYPE_H_
#define AOTC_VALTYPE_H_

#include <linux/wasmkm_object.h>
#include <wabt/type.h>

#include <string>

namespace aotc {

// The letter of @t, '?' for a type wasmkm has no letter for.
inline char TypeLetter(wabt::Type t) {
  const std::string name = t.GetName();
#define AOTC_VALTYPE_LETTER(n, letter, slots) \
  if (name == #n) return letter;
  WASMKM_VALTYPES(AOTC_VALTYPE_LETTER)
#undef AOTC_VALTYPE_LETTER
  return '?';
}

// The inverse: the value type of letter @c (externref for any other letter).
inline wabt::Type LetterType(char c) {
  for (wabt::Type t : {wabt::Type::I32, wabt::Type::I64, wabt::Type::F32, wabt::Type::F64,
                       wabt::Type::V128, wabt::Type::FuncRef})
    if (TypeLetter(t) == c) return t;
  return wabt::Type::ExternRef;
}

}  // namespace aotc

#endif  // AOTC_VALTYPE_H_
