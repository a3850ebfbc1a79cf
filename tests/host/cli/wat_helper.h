// SPDX-License-Identifier: GPL-2.0
// Test helper: WAT text -> .wasm bytes with wat2wasm, at test time.
#ifndef TESTS_HOST_CLI_WAT_HELPER_H_
#define TESTS_HOST_CLI_WAT_HELPER_H_

#include <cstdint>
#include <string>
#include <vector>

namespace clitest {

// A fresh temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Writes @text to @path.
bool WriteText(const std::string& path, const std::string& text);
// Runs wat2wasm (with extra @flags) on @wat; false and *error on failure.
bool WatToWasm(const std::string& wat, std::vector<uint8_t>* wasm, std::string* error,
               const std::string& flags = "");

}  // namespace clitest

#endif  // TESTS_HOST_CLI_WAT_HELPER_H_
