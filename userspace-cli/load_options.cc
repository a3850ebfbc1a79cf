// SPDX-License-Identifier: GPL-2.0
// wasmctl load command line.
#include "userspace-cli/load_options.h"

#include <linux/wasmkm.h>

#include "userspace-cli/args.h"
#include "userspace-cli/manifest.h"

namespace wasmctl {

bool ParseLoadOptions(const std::vector<std::string>& args, LoadOptions* o, std::string* error) {
  ParsedArgs p;
  if (!ParseFlags(args,
                  {{"--arg", true},
                   {"--env", true},
                   {"--cap", true},
                   {"-m", true},
                   {"--manifest", true},
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
  // The manifest first; flags override it: --arg replaces its args, --env
  // a variable of the same name, --cap a grant of the same guest path.
  Manifest m;
  o->manifest = p.Has("--manifest") ? p.Get("--manifest") : p.Get("-m");
  if (!o->manifest.empty() && !ReadManifest(o->manifest, &m, error)) return false;
  o->argv = {o->app_name};
  const std::vector<std::string>* args_from = p.Has("--arg") ? &p.flags["--arg"]
                                              : m.args       ? &*m.args
                                                             : nullptr;
  if (args_from) o->argv.insert(o->argv.end(), args_from->begin(), args_from->end());
  std::vector<std::string> env = m.env;
  if (p.Has("--env")) env.insert(env.end(), p.flags["--env"].begin(), p.flags["--env"].end());
  for (const std::string& e : env) {
    if (!ParseEnv(e, error)) return false;
    std::string key = e.substr(0, e.find('='));
    std::erase_if(o->env, [&](const std::string& x) { return x.substr(0, x.find('=')) == key; });
    o->env.push_back(e);
  }
  std::vector<std::string> caps = m.caps;
  if (p.Has("--cap")) caps.insert(caps.end(), p.flags["--cap"].begin(), p.flags["--cap"].end());
  for (const std::string& c : caps) {
    CapSpec cap;
    if (!ParseCap(c, &cap, error)) return false;
    std::erase_if(o->caps, [&](const CapSpec& x) { return x.guest == cap.guest; });
    o->caps.push_back(cap);
  }
  if (o->caps.size() > WASMKM_CAPS_MAX) {
    *error = "--cap: at most " + std::to_string(WASMKM_CAPS_MAX) + " capabilities";
    return false;
  }
  if (NulBlob(o->argv).size() > WASMKM_ARGS_MAX) {
    *error = "--arg: arguments exceed " + std::to_string(WASMKM_ARGS_MAX) + " bytes";
    return false;
  }
  if (NulBlob(o->env).size() > WASMKM_ARGS_MAX) {
    *error = "--env: environment exceeds " + std::to_string(WASMKM_ARGS_MAX) + " bytes";
    return false;
  }
  std::string mem_max = p.Has("--mem-max") ? p.Get("--mem-max") : m.mem_max.value_or("");
  if (!mem_max.empty() && !ParseMemMax(mem_max, &o->mem_max_pages, error)) return false;
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
