// SPDX-License-Identifier: GPL-2.0
// Capabilities: the --cap grammar, and which capability each import needs.
#ifndef WASMCTL_CAPS_H_
#define WASMCTL_CAPS_H_

#include <linux/wasmkm.h>

#include <string>
#include <vector>

#include "userspace-cli/app_imports.h"

namespace wasmctl {

// fs:HOST[:GUEST][:ro]: HOST preopened as GUEST (default HOST).
// net:...: a socket (cap_net.h); guest is then "net:..." itself, so that
// the same grant given twice is found like a guest path given twice.
struct CapSpec {
  std::string host;
  std::string guest;
  bool ro = false;
  bool net = false;
  wasmkm_cap_net net_cap{};
};

// False with *error saying what is wrong with @s and how it should look;
// @origin says where @s came from ("--cap", "sensor.toml:3: caps").
bool ParseCap(const std::string& s, CapSpec* cap, std::string* error,
              const std::string& origin = "--cap");

// What an import needs: "fs" (a file-system grant), "net" (a net: grant), "" (nothing), or, for
// what no grant provides, a sentence saying what the calls will return.
std::string ImportNeed(const Import& im);

// Imports the grants cannot satisfy (empty if all can be), each with the
// advice to give.  A warning, not a refusal: an app may open files only on
// some paths (issue: apps that never take them still run).
std::vector<std::string> UnsatisfiedImports(const std::vector<Import>& imports,
                                            const std::vector<CapSpec>& caps);

// False for an import wasmkm.ko does not provide (aotc refuses the module):
// not a function, or not in <linux/wasmkm_imports.h>.
bool KnownImport(const Import& im);

}  // namespace wasmctl

#endif  // WASMCTL_CAPS_H_
