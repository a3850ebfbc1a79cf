// SPDX-License-Identifier: GPL-2.0
// wasmctl: load, start, stop, inspect and unload wasmkm apps.
#include <string>
#include <vector>

#include "userspace-cli/cli.h"

int main(int argc, char** argv) {
  return wasmctl::Run(std::vector<std::string>(argv + 1, argv + argc));
}
