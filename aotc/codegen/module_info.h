// SPDX-License-Identifier: GPL-2.0
// What the function emitter needs to know about the whole module: C names
// and types, the per-instance state layout, canonical signature ids.
#ifndef AOTC_CODEGEN_MODULE_INFO_H_
#define AOTC_CODEGEN_MODULE_INFO_H_

#include <wabt/ir.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "aotc/valtype.h"

namespace aotc::codegen {

// Thrown inside the generator; GenerateC turns it into its error string.
struct CodegenError {
  std::string message;
};

struct GlobalInfo {
  wabt::Type type;
  bool in_state = false;  // mutable: a field of the state block
  std::string expr;       // C expression that reads it (an lvalue if in_state)
};

struct TableInfo {
  wabt::Type elem_type;
  uint64_t initial = 0;
  uint32_t capacity = 0;  // fixed array size in the state block
  std::string slots;      // C lvalue of the array
  std::string size;       // C lvalue of the current size (u32)
  // The size for bounds checks: tells the C compiler that it never exceeds
  // the capacity, so an index it cannot bound draws no -Warray-bounds.
  std::string checked_size;
};

struct ModuleInfo {
  const wabt::Module* m = nullptr;
  bool yield_points = true;
  bool merge_bounds_checks = true;
  uint32_t nimports = 0;
  std::vector<std::string> names;           // per function, "" if unknown
  std::vector<uint32_t> func_sig;           // canonical signature id per function
  std::map<std::string, uint32_t> sig_ids;  // key: SigKey()
  std::vector<GlobalInfo> globals;
  std::vector<TableInfo> tables;
  bool has_memory = false;
  bool mem_has_max = false;
  uint64_t mem_max_pages = 65536;
  std::vector<std::string> data_dropped;  // C lvalue (u8) per data segment
  std::vector<std::string> elem_dropped;  // C lvalue (u8) per elem segment
  // Facts of the whole module (ComputeFacts), before emission.
  std::set<uint32_t> funcrefs;           // functions that need a wasmkm_funcref object
  std::set<std::string> result_structs;  // letters of multi-value result tuples
  bool uses_simd = false;                // some v128 value: include <wasmkm/simd.h>
};

// Type helpers.
using aotc::LetterType;  // aotc/valtype.h: the letters of WASMKM_VALTYPES
using aotc::TypeLetter;
std::string CType(wabt::Type t);
std::string CZero(wabt::Type t);  // a C initialiser for a zero value of t
std::string Letters(const wabt::TypeVector& types);
std::string SigKey(const wabt::FuncSignature& sig);
bool IsSupportedValueType(wabt::Type t);
// C return type of a function with these results ("void", a scalar, or a result struct).
std::string CReturnType(const ModuleInfo& mi, const wabt::TypeVector& results);
std::string FuncLabel(const ModuleInfo& mi, uint32_t idx);  // "function 3 ($name)"
std::string CStringLiteral(const std::string& s);
std::string CommentSafe(const std::string& s);
uint32_t SigId(ModuleInfo& mi, const wabt::FuncSignature& sig);          // numbers a new one
uint32_t SigIdOf(const ModuleInfo& mi, const wabt::FuncSignature& sig);  // a numbered one

// The facts pre-pass (facts.cc): funcrefs, result structs, SIMD use and the
// signature ids of call_indirect, from the whole module, before any C is
// printed.  The printers only read them (a miss is an internal error).
void ComputeFacts(ModuleInfo& mi);

// Emits the body of defined function idx as a complete C function definition.
std::string EmitFunction(const ModuleInfo& mi, uint32_t idx);

}  // namespace aotc::codegen

#endif  // AOTC_CODEGEN_MODULE_INFO_H_
