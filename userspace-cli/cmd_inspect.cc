// SPDX-License-Identifier: GPL-2.0
// wasmctl inspect: an app's imports and the capabilities they need.
#include <cstdio>

#include "userspace-cli/app_imports.h"
#include "userspace-cli/args.h"
#include "userspace-cli/caps.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/format.h"

namespace wasmctl {

int CmdInspect(const Args& args) {
  ParsedArgs p;
  std::string error;
  if (!ParseFlags(args, {{"--json", false}, {"-h", false}, {"--help", false}}, &p, &error))
    return UsageError("inspect", error);
  if (p.Has("-h") || p.Has("--help")) {
    fputs(CommandUsage("inspect"), stdout);
    return 0;
  }
  if (p.positional.size() != 1) return UsageError("inspect", "give one FILE (.wasm or .wko)");
  std::vector<Import> imports;
  if (!ReadAppImports(p.positional[0], &imports, &error)) {
    fprintf(stderr, "wasmctl inspect: %s\n", error.c_str());
    return kExitError;
  }
  bool fs = false;
  if (p.Has("--json")) {
    printf("{\"imports\": [");
    for (size_t i = 0; i < imports.size(); i++) {
      const Import& im = imports[i];
      std::string need = ImportNeed(im);
      fs |= need == "fs";
      printf("%s\n  {\"module\": %s, \"name\": %s, \"kind\": \"%s\", \"needs\": %s}", i ? "," : "",
             JsonString(im.module).c_str(), JsonString(im.name).c_str(), im.kind.c_str(),
             need.empty() ? "null" : JsonString(need).c_str());
    }
    printf("],\n \"capabilities\": [%s]}\n", fs ? "\"fs\"" : "");
    return 0;
  }
  printf("%s: %zu imports\n", p.positional[0].c_str(), imports.size());
  for (const Import& im : imports) {
    std::string need = ImportNeed(im);
    fs |= need == "fs";
    printf("  %-6s %s.%s%s%s\n", im.kind.c_str(), im.module.c_str(), im.name.c_str(),
           need.empty() ? "" : "  needs: ",
           need == "fs" ? "fs (--cap fs:HOSTDIR[:GUESTDIR][:ro])" : need.c_str());
  }
  printf("capabilities to grant: %s\n", fs ? "fs (at least one directory)" : "none");
  return 0;
}

}  // namespace wasmctl
