// SPDX-License-Identifier: GPL-2.0
// Trap and state texts; the trap texts are WASMKM_TRAPS of <linux/wasmkm.h>.
#include "userspace-cli/trap_text.h"

#include <linux/wasmkm.h>

namespace wasmctl {

const char* TrapText(uint32_t kind) {
  switch (kind) {
    case WASMKM_TRAP_NONE:
      return "no trap";
#define WASMCTL_TRAP_TEXT(name, number, text) \
  case WASMKM_TRAP_##name:                    \
    return text;
      WASMKM_TRAPS(WASMCTL_TRAP_TEXT)
#undef WASMCTL_TRAP_TEXT
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
