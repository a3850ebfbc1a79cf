// SPDX-License-Identifier: GPL-2.0
// aotc code generator: a validated wabt::Module to one C translation unit
// ("app_code.c") that implements the runtime contract of <wasmkm/rt.h>.
#ifndef AOTC_CODEGEN_CODEGEN_H_
#define AOTC_CODEGEN_CODEGEN_H_

#include <cstdint>
#include <string>
#include <vector>

namespace wabt {
struct Module;
}

namespace aotc {

struct CodegenOptions {
  std::string app_name;
  bool yield_points = true;         // WASMKM_ENTRY at function entries, WASMKM_LOOP at loop headers
  bool merge_bounds_checks = true;  // one test per base local and region (analysis/bounds.h)
};

struct CodegenResult {
  std::string code_c;
  uint32_t nfuncs = 0;                  // imported + defined functions
  uint32_t state_size = 0;              // bytes of ctx->state the code needs
  std::vector<std::string> func_names;  // [nfuncs], "" where unknown
};

// Returns false and sets *error on input the generator does not support; the
// error names the wasm function (index and name if known), the instruction or
// feature, and what to do about it.
bool GenerateC(const wabt::Module& module, const CodegenOptions& opts, CodegenResult* out,
               std::string* error);

}  // namespace aotc

#endif  // AOTC_CODEGEN_CODEGEN_H_
