// SPDX-License-Identifier: GPL-2.0
// wasmctl load command line.
#include "userspace-cli/load_options.h"

#include <linux/wasmkm.h>

#include "userspace-cli/args.h"

namespace wasmctl {

bool ParseLoadOptions(const std::vector<std::string>& args, LoadOptions* o, std::string* error) {
  ParsedArgs p;
  if (!ParseFlags(args,
                  {{"--arg", true},
                   {"--env", true},
                   {"--mem-max", true},
                   {"--no-start", false},
                   {"--wait", false},
                   {"--json", false},
                   {"-v", false},
                   {"--verbose", false},
                   {"-h", false},
                   {"--help", false}},
                  &p, error))
    return false;
  if (p.Has("-h") || p.Has("--help")) {
    o->help = true;
    return true;
  }
  if (p.positional.size() != 1) {
    *error = p.positional.empty() ? "no FILE given (a .wko or .wasm)"
                                  : "more than one FILE given (" + p.positional[1] + ")";
    return false;
  }
  o->file = p.positional[0];
  o->app_name = FileStem(o->file);
  if (o->app_name.empty() || o->app_name.size() >= WASMKM_NAME_LEN) {
    *error = "FILE " + o->file + ": its name must be 1 to 63 bytes without the extension";
    return false;
  }
  o->argv = {o->app_name};
  if (p.Has("--arg"))
    for (const std::string& a : p.flags["--arg"]) o->argv.push_back(a);
  if (p.Has("--env")) {
    for (const std::string& e : p.flags["--env"]) {
      if (!ParseEnv(e, error)) return false;
      o->env.push_back(e);
    }
  }
  if (NulBlob(o->argv).size() > WASMKM_ARGS_MAX) {
    *error = "--arg: arguments exceed " + std::to_string(WASMKM_ARGS_MAX) + " bytes";
    return false;
  }
  if (NulBlob(o->env).size() > WASMKM_ARGS_MAX) {
    *error = "--env: environment exceeds " + std::to_string(WASMKM_ARGS_MAX) + " bytes";
    return false;
  }
  if (p.Has("--mem-max") && !ParseMemMax(p.Get("--mem-max"), &o->mem_max_pages, error))
    return false;
  o->start = !p.Has("--no-start");
  o->wait = p.Has("--wait");
  o->json = p.Has("--json");
  o->verbose = p.Has("-v") || p.Has("--verbose");
  if (o->wait && !o->start) {
    *error = "--wait and --no-start exclude each other";
    return false;
  }
  return true;
}

}  // namespace wasmctl
