// SPDX-License-Identifier: GPL-2.0
// Capabilities: the --cap grammar, and which capability each import needs.
#ifndef WASMCTL_CAPS_H_
#define WASMCTL_CAPS_H_

#include <string>
#include <vector>

#include "userspace-cli/app_imports.h"

namespace wasmctl {

// fs:HOST[:GUEST][:ro]: HOST preopened as GUEST (default HOST).
struct CapSpec {
  std::string host;
  std::string guest;
  bool ro = false;
};

// False with *error saying what is wrong with @s and how it should look.
bool ParseCap(const std::string& s, CapSpec* cap, std::string* error);

// What an import needs: "fs" (a file-system grant), "" (nothing), or, for
// what no grant provides, a sentence saying what the calls will return.
std::string ImportNeed(const Import& im);

// Imports the grants cannot satisfy (empty if all can be), each with the
// advice to give.
std::vector<std::string> UnsatisfiedImports(const std::vector<Import>& imports,
                                            const std::vector<CapSpec>& caps);

}  // namespace wasmctl

#endif  // WASMCTL_CAPS_H_
