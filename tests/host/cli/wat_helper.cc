// SPDX-License-Identifier: GPL-2.0
// Test helper: wat2wasm at test time.
#include "tests/host/cli/wat_helper.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "aotc/kbuild.h"

namespace clitest {

TempDir::TempDir() {
  std::string tmpl = std::filesystem::temp_directory_path().string() + "/cli_test-XXXXXX";
  if (mkdtemp(tmpl.data())) path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

bool WriteText(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  return bool(f);
}

bool WatToWasm(const std::string& wat, std::vector<uint8_t>* wasm, std::string* error,
               const std::string& flags) {
  TempDir dir;
  std::string in = dir.path() + "/m.wat", out = dir.path() + "/m.wasm";
  if (!WriteText(in, wat)) {
    *error = "cannot write " + in;
    return false;
  }
  std::vector<std::string> argv = {"wat2wasm", in, "-o", out};
  if (!flags.empty()) argv.push_back(flags);
  std::string output;
  if (aotc::RunCapture(argv, &output) != 0) {
    *error = "wat2wasm failed: " + output;
    return false;
  }
  std::ifstream f(out, std::ios::binary);
  wasm->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace clitest
