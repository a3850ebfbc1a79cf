// SPDX-License-Identifier: GPL-2.0
// wasmctl compile: a front for aotc.
#include <cstdio>

#include "userspace-cli/cache.h"
#include "userspace-cli/commands.h"

namespace wasmctl {

int CmdCompile(const Args& args) {
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      fputs(CommandUsage("compile"), stdout);
      return 0;
    }
  }
  if (args.empty()) return UsageError("compile", "no FILE.wasm given");
  std::vector<std::string> argv = {FindAotc()};
  argv.insert(argv.end(), args.begin(), args.end());
  int rc = RunInherit(argv);
  return rc < 0 ? kExitError : rc;
}

}  // namespace wasmctl
