// SPDX-License-Identifier: GPL-2.0
// wasmctl as a function (main.cc calls it; the host tests too).
#ifndef WASMCTL_CLI_H_
#define WASMCTL_CLI_H_

#include <string>
#include <vector>

namespace wasmctl {

// Runs wasmctl with @argv (without the program name); the exit status.
int Run(const std::vector<std::string>& argv);

}  // namespace wasmctl

#endif  // WASMCTL_CLI_H_
