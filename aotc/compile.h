// SPDX-License-Identifier: GPL-2.0
// The aotc pipeline: .wasm -> checks -> C -> Kbuild -> .wko.
#ifndef AOTC_COMPILE_H_
#define AOTC_COMPILE_H_

#include "aotc/options.h"

namespace aotc {

enum ExitCode {
  kExitOk = 0,
  kExitRefused = 1,  // the .wasm: invalid, unsupported import or feature
  kExitUsage = 2,
  kExitBuild = 3,  // Kbuild failed, or I/O
};

// Runs the whole pipeline, printing diagnostics to stderr.
int Compile(const Options& opts);

}  // namespace aotc

#endif  // AOTC_COMPILE_H_
