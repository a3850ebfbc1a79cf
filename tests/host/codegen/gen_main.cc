// SPDX-License-Identifier: GPL-2.0
// Test-only front end for the code generator: read and validate a .wasm with
// aotc's reader, run GenerateC, write app_code.c.  Usage: codegen-gen in.wasm out.c
#include <wabt/ir.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "aotc/codegen/codegen.h"
#include "aotc/wasm_module.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: " << argv[0] << " in.wasm out.c [--no-yield] [--no-merge]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    std::cerr << argv[1] << ": cannot read\n";
    return 1;
  }
  // The same reader, features and validation as aotc itself.
  wabt::Module module;
  std::string error;
  if (!aotc::ReadWasm(argv[1], std::vector<uint8_t>(data.begin(), data.end()), &module, &error)) {
    std::cerr << error << "\n";
    return 1;
  }
  aotc::CodegenOptions opts;
  opts.app_name = argv[1];
  for (int i = 3; i < argc; i++) {
    if (std::string(argv[i]) == "--no-yield") opts.yield_points = false;
    // Every access checked on its own, as before bounds-check merging.
    if (std::string(argv[i]) == "--no-merge") opts.merge_bounds_checks = false;
  }
  aotc::CodegenResult res;
  if (!aotc::GenerateC(module, opts, &res, &error)) {
    std::cerr << argv[1] << ": " << error << "\n";
    return 1;
  }
  std::ofstream out(argv[2]);
  out << res.code_c;
  return out.good() ? 0 : 1;
}
