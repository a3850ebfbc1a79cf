// SPDX-License-Identifier: GPL-2.0
// Texts for enum wasmkm_trap_kind and the state enums (one table each).
#ifndef WASMCTL_TRAP_TEXT_H_
#define WASMCTL_TRAP_TEXT_H_

#include <cstdint>

namespace wasmctl {

// The Wasm spec test text of a trap kind ("integer divide by zero"), or
// "unknown trap" for a kind this wasmctl does not know.
const char* TrapText(uint32_t kind);
const char* InstStateName(uint32_t state);
const char* AppStateName(uint32_t state);

}  // namespace wasmctl

#endif  // WASMCTL_TRAP_TEXT_H_
