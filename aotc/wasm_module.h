// SPDX-License-Identifier: GPL-2.0
// Reading a .wasm into a validated wabt::Module, and the facts aotc takes
// from it for the descriptor.
#ifndef AOTC_WASM_MODULE_H_
#define AOTC_WASM_MODULE_H_

#include <wabt/feature.h>
#include <wabt/ir.h>

#include <cstdint>
#include <string>
#include <vector>

namespace aotc {

// The wasm features aotc reads and validates with: the one list (the code
// generator's tests read modules with it too).
wabt::Features WasmkmFeatures();

// Reads @bytes (named @filename in messages) with the features wasmkm
// supports, debug names applied, other custom sections skipped, then
// validates.  False with *error (wabt's messages, prefixed by the file name).
bool ReadWasm(const std::string& filename, const std::vector<uint8_t>& bytes, wabt::Module* module,
              std::string* error);

// Wasm type signature in the WASMKM_IMPORTS notation: params ':' results,
// each type by its WASMKM_VALTYPES letter (aotc/valtype.h).
std::string SignatureString(const wabt::FuncSignature& sig);

struct MemoryLimits {
  bool present = false;
  uint32_t min_pages = 0;
  uint32_t max_pages = 0xffffffffu;  // WASMKM_NO_MAX
};
MemoryLimits MemoryLimitsOf(const wabt::Module& module);
bool ExportsStart(const wabt::Module& module);

}  // namespace aotc

#endif  // AOTC_WASM_MODULE_H_
