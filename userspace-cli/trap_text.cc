// SPDX-License-Identifier: GPL-2.0
// Trap and state texts; the trap table matches the comments in
// <linux/wasmkm.h>.
#include "userspace-cli/trap_text.h"

#include <linux/wasmkm.h>

namespace wasmctl {

const char* TrapText(uint32_t kind) {
  switch (kind) {
    case WASMKM_TRAP_NONE:
      return "no trap";
    case WASMKM_TRAP_UNREACHABLE:
      return "unreachable";
    case WASMKM_TRAP_MEM_OOB:
      return "out of bounds memory access";
    case WASMKM_TRAP_DIV_ZERO:
      return "integer divide by zero";
    case WASMKM_TRAP_INT_OVERFLOW:
      return "integer overflow";
    case WASMKM_TRAP_INVALID_CONV:
      return "invalid conversion to integer";
    case WASMKM_TRAP_UNINIT_ELEM:
      return "uninitialized element";
    case WASMKM_TRAP_INDIRECT_TYPE:
      return "indirect call type mismatch";
    case WASMKM_TRAP_UNDEF_ELEM:
      return "undefined element";
    case WASMKM_TRAP_TABLE_OOB:
      return "out of bounds table access";
    case WASMKM_TRAP_STACK:
      return "call stack exhausted";
    case WASMKM_TRAP_NO_MEMORY:
      return "out of kernel memory";
    default:
      return "unknown trap";
  }
}

const char* InstStateName(uint32_t state) {
  switch (state) {
    case WASMKM_INST_RUNNING:
      return "running";
    case WASMKM_INST_EXITED:
      return "exited";
    case WASMKM_INST_TRAPPED:
      return "trapped";
    case WASMKM_INST_STOPPED:
      return "stopped";
    case WASMKM_INST_FAILED:
      return "failed";
    default:
      return "unknown";
  }
}

const char* AppStateName(uint32_t state) {
  switch (state) {
    case WASMKM_APP_VERIFIED:
      return "verified";
    case WASMKM_APP_ATTACHED:
      return "attached";
    case WASMKM_APP_REFUSED:
      return "refused";
    default:
      return "unknown";
  }
}

}  // namespace wasmctl
