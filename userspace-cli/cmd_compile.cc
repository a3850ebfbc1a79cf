// SPDX-License-Identifier: GPL-2.0
// wasmctl compile: a front for aotc, with its paths checked and made
// absolute first (Kbuild runs in another directory: a relative --symvers
// would pass a check here and fail seconds later inside it).
#include <sys/stat.h>

#include <cstdio>

#include "userspace-cli/cache.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/files.h"

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
  for (size_t i = 0; i < args.size(); i++) {
    std::string a = args[i], flag, value;
    bool joined = false;
    size_t eq = a.find('=');
    if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
      flag = a.substr(0, eq);
      value = a.substr(eq + 1);
      joined = true;
    } else {
      flag = a;
    }
    bool path_flag = flag == "--symvers" || flag == "--kdir" || flag == "--include-dir" ||
                     flag == "--keep-build" || flag == "-o";
    if (!path_flag) {
      struct stat st;
      if (a[0] != '-' && stat(a.c_str(), &st) != 0)
        return Fail("compile", ShortPath(a) + ": no such file (give the .wasm to compile)");
      argv.push_back(a);
      continue;
    }
    if (!joined) {
      if (i + 1 >= args.size()) return UsageError("compile", "option " + flag + " needs a value");
      value = args[++i];
    }
    struct stat st;
    if ((flag == "--symvers" || flag == "--kdir" || flag == "--include-dir") &&
        stat(value.c_str(), &st) != 0)
      return Fail("compile", flag + " " + ShortPath(value) + ": no such " +
                                 (flag == "--symvers" ? "file" : "directory"));
    argv.push_back(flag);
    argv.push_back(AbsolutePath(value));
  }
  int rc = RunInherit(argv);
  if (rc == 127)
    return Fail("compile",
                "aotc is not installed here (wasmctl looks next to itself and in "
                "PATH): install it, or compile on a build host with aotc --kdir");
  return rc < 0 ? kExitError : rc;
}

}  // namespace wasmctl
