// SPDX-License-Identifier: GPL-2.0
// Type and naming helpers shared by the module and function emitters.
#include <cstdio>

#include "aotc/codegen/module_info.h"

namespace aotc::codegen {

using wabt::Type;

bool IsSupportedValueType(Type t) {
  switch (t) {
    case Type::I32:
    case Type::I64:
    case Type::F32:
    case Type::F64:
    case Type::FuncRef:
    case Type::ExternRef:
    case Type::V128:
      return true;
    default:
      return false;
  }
}

std::string CType(Type t) {
  switch (t) {
    case Type::I32:
      return "u32";
    case Type::I64:
      return "u64";
    case Type::F32:
      return "float";
    case Type::F64:
      return "double";
    case Type::FuncRef:
      return "const struct wasmkm_funcref *";
    case Type::V128:
      return "wasmkm_v128";
    default:
      return "const void *";
  }
}

std::string CZero(Type t) {
  if (t.IsRef()) return "NULL";
  if (t == Type::V128) return "wasmkm_v128_zero()";
  return "0";
}

std::string Letters(const wabt::TypeVector& types) {
  std::string s;
  for (Type t : types) s += TypeLetter(t);
  return s;
}

std::string SigKey(const wabt::FuncSignature& sig) {
  return Letters(sig.param_types) + ":" + Letters(sig.result_types);
}

uint32_t SigId(ModuleInfo& mi, const wabt::FuncSignature& sig) {
  auto [it, inserted] = mi.sig_ids.emplace(SigKey(sig), mi.sig_ids.size());
  return it->second;
}

uint32_t SigIdOf(const ModuleInfo& mi, const wabt::FuncSignature& sig) {
  auto it = mi.sig_ids.find(SigKey(sig));
  if (it == mi.sig_ids.end())
    throw CodegenError{"internal error: signature " + SigKey(sig) + " missed by the facts pass"};
  return it->second;
}

std::string CReturnType(const ModuleInfo& mi, const wabt::TypeVector& results) {
  if (results.empty()) return "void";
  if (results.size() == 1) return CType(results[0]);
  std::string l = Letters(results);
  if (!mi.result_structs.count(l))
    throw CodegenError{"internal error: result tuple " + l + " missed by the facts pass"};
  return "struct wasmkm_res_" + l;
}

std::string FuncLabel(const ModuleInfo& mi, uint32_t idx) {
  std::string s = "function " + std::to_string(idx);
  if (idx < mi.names.size() && !mi.names[idx].empty()) s += " (" + mi.names[idx] + ")";
  return s;
}

std::string CStringLiteral(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c >= 0x20 && c < 0x7f && c != '?') {
      out += char(c);
    } else {
      char buf[8];
      snprintf(buf, sizeof(buf), "\\%03o", c);  // octal: never absorbs following chars
      out += buf;
    }
  }
  return out + "\"";
}

std::string CommentSafe(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c >= 0x7f || c == '*' || c == '/' || c == '\\')
      out += '_';
    else
      out += char(c);
  }
  return out;
}

}  // namespace aotc::codegen
