// SPDX-License-Identifier: GPL-2.0
// Reading and validating a .wasm with libwabt.
#include "aotc/wasm_module.h"

#include <wabt/binary-reader-ir.h>
#include <wabt/binary-reader.h>
#include <wabt/error-formatter.h>
#include <wabt/validator.h>

#include "aotc/valtype.h"

namespace aotc {

wabt::Features WasmkmFeatures() {
  wabt::Features features;
  features.enable_mutable_globals();
  features.enable_sign_extension();
  features.enable_sat_float_to_int();
  features.enable_bulk_memory();
  features.enable_multi_value();
  features.enable_reference_types();
  features.enable_simd();
  features.enable_relaxed_simd();  // parsed so that the code generator can refuse it by name
  return features;
}

bool ReadWasm(const std::string& filename, const std::vector<uint8_t>& bytes, wabt::Module* module,
              std::string* error) {
  wabt::Features features = WasmkmFeatures();
  // read_debug_names: function names from the "name" section; custom section
  // errors (DWARF, producers, ...) are not fatal: those sections are skipped.
  wabt::ReadBinaryOptions ropts(features, nullptr, /*read_debug_names=*/true,
                                /*stop_on_first_error=*/true,
                                /*fail_on_custom_section_error=*/false);
  wabt::Errors errors;
  if (wabt::Failed(wabt::ReadBinaryIr(filename.c_str(), bytes.data(), bytes.size(), ropts, &errors,
                                      module))) {
    *error = filename + ": not a valid WebAssembly binary:\n" +
             wabt::FormatErrorsToString(errors, wabt::Location::Type::Binary);
    return false;
  }
  // Validate before anything rewrites names (Debian's libwabt keeps asserts).
  if (wabt::Failed(wabt::ValidateModule(module, &errors, wabt::ValidateOptions(features)))) {
    *error = filename + ": WebAssembly validation failed:\n" +
             wabt::FormatErrorsToString(errors, wabt::Location::Type::Binary);
    return false;
  }
  return true;
}

std::string SignatureString(const wabt::FuncSignature& sig) {
  std::string s;
  for (wabt::Type t : sig.param_types) s += TypeLetter(t);
  s += ':';
  for (wabt::Type t : sig.result_types) s += TypeLetter(t);
  return s;
}

MemoryLimits MemoryLimitsOf(const wabt::Module& module) {
  MemoryLimits m;
  if (module.memories.empty()) return m;
  const wabt::Limits& l = module.memories[0]->page_limits;
  m.present = true;
  m.min_pages = uint32_t(l.initial);
  if (l.has_max) m.max_pages = uint32_t(l.max);
  return m;
}

bool ExportsStart(const wabt::Module& module) {
  for (const wabt::Export* e : module.exports)
    if (e->kind == wabt::ExternalKind::Func && e->name == "_start") return true;
  return false;
}

}  // namespace aotc
