// SPDX-License-Identifier: GPL-2.0
// Test-only front end for the code generator: read and validate a .wasm with
// libwabt, run GenerateC, write app_code.c.  Usage: codegen-gen in.wasm out.c
#include <wabt/binary-reader-ir.h>
#include <wabt/binary-reader.h>
#include <wabt/error-formatter.h>
#include <wabt/ir.h>
#include <wabt/validator.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "aotc/codegen/codegen.h"

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
  wabt::Features features;
  features.enable_mutable_globals();
  features.enable_sign_extension();
  features.enable_sat_float_to_int();
  features.enable_bulk_memory();
  features.enable_multi_value();
  features.enable_reference_types();
  features.enable_simd();
  features.enable_relaxed_simd();
  wabt::ReadBinaryOptions ropts(features, nullptr, true, true, false);
  wabt::Errors errors;
  wabt::Module module;
  if (wabt::Failed(
          wabt::ReadBinaryIr(argv[1], data.data(), data.size(), ropts, &errors, &module)) ||
      wabt::Failed(wabt::ValidateModule(&module, &errors, wabt::ValidateOptions(features)))) {
    std::cerr << wabt::FormatErrorsToString(errors, wabt::Location::Type::Binary);
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
  std::string error;
  if (!aotc::GenerateC(module, opts, &res, &error)) {
    std::cerr << argv[1] << ": " << error << "\n";
    return 1;
  }
  std::ofstream out(argv[2]);
  out << res.code_c;
  return out.good() ? 0 : 1;
}
