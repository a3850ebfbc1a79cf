// SPDX-License-Identifier: GPL-2.0
// The imports of an app, read from its .wasm (import section) or its .wko
// (the descriptor aotc wrote), without loading anything.
#ifndef WASMCTL_APP_IMPORTS_H_
#define WASMCTL_APP_IMPORTS_H_

#include <string>
#include <vector>

namespace wasmctl {

struct Import {
  std::string module;
  std::string name;
  std::string kind;  // "func", "table", "memory", "global", "tag"
};

// False with *error naming the file and what is wrong with it.
bool ReadWasmImports(const std::string& bytes, std::vector<Import>* out, std::string* error);
bool ReadWkoImports(const std::string& bytes, std::vector<Import>* out, std::string* error);
// Either, by the magic of @bytes (read from @path, named in errors).
bool ReadImportsOf(const std::string& path, const std::string& bytes, std::vector<Import>* out,
                   std::string* error);
// The same, reading @path (a directory, empty or missing file is an error).
bool ReadAppImports(const std::string& path, std::vector<Import>* out, std::string* error);

}  // namespace wasmctl

#endif  // WASMCTL_APP_IMPORTS_H_
