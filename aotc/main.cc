// SPDX-License-Identifier: GPL-2.0
// aotc: compile a .wasm ahead of time into a wasmkm app object.
#include <iostream>
#include <string>
#include <vector>

#include "aotc/compile.h"
#include "aotc/options.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  aotc::Options opts;
  std::string error;
  if (!aotc::ParseOptions(args, &opts, &error)) {
    std::cerr << "aotc: " << error << "\n" << aotc::kAotcUsage;
    return aotc::kExitUsage;
  }
  if (opts.help) {
    std::cout << aotc::kAotcUsage;
    return 0;
  }
  return aotc::Compile(opts);
}
