// SPDX-License-Identifier: GPL-2.0
// wasmctl load command line.
#include "userspace-cli/load_options.h"

#include <linux/wasmkm.h>

#include <algorithm>

#include "userspace-cli/args.h"
#include "userspace-cli/manifest.h"
#include "userspace-cli/resolve.h"

namespace wasmctl {

bool ParseLoadOptions(const std::vector<std::string>& args, LoadOptions* o, std::string* error) {
  *o = LoadOptions{};
  ParsedArgs p;
  std::vector<FlagSpec> specs = {{"--arg", true},       {"--name", true},     {"--rm", false},
                                 {"--detach", false},   {"--env", true},      {"--cap", true},
                                 {"-m", true},          {"--manifest", true}, {"--mem-max", true},
                                 {"--no-start", false}, {"--wait", false},    {"-v", false},
                                 {"--verbose", false},  {"-h", false},        {"--help", false},
                                 {"--sign-key", true},  {"--sign-cert", true}};
  specs.insert(specs.end(), kRestartFlags.begin(), kRestartFlags.end());
  if (!ParseFlags(args, specs, &p, error)) return false;
  if (p.Has("-h") || p.Has("--help")) {
    o->help = true;
    return true;
  }
  if (p.positional.size() != 1) {
    *error = p.positional.empty() ? "no FILE given (a .wko or .wasm)"
                                  : "more than one FILE given (" + p.positional[1].substr(0, 80) +
                                        "): app arguments go with --arg";
    return false;
  }
  o->file = p.positional[0];
  o->app_name = FileStem(o->file);
  if (o->app_name.empty() || o->app_name.size() >= WASMKM_NAME_LEN) {
    *error = "FILE " + o->file.substr(0, 80) +
             ": its name must be 1 to 63 bytes without the extension (or give --name)";
    return false;
  }
  // The app's name for listings and NAME arguments: --name, else a safe form
  // of the file name.
  if (p.Has("--name")) {
    o->name = p.Get("--name");
    if (!ValidAppName(o->name)) {
      *error = "--name " + o->name.substr(0, 80) +
               ": 1 to 63 letters, digits, '.', '_' or '-', not all digits";
      return false;
    }
  } else {
    for (char c : o->app_name)
      o->name += isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
    if (!ValidAppName(o->name)) o->name = "app-" + o->name;
  }
  // The manifest first; flags override it: --arg replaces its args, --env
  // a variable of the same name, --cap a grant of the same guest path.
  Manifest m;
  o->manifest = p.Has("--manifest") ? p.Get("--manifest") : p.Get("-m");
  if (!o->manifest.empty() && !ReadManifest(o->manifest, &m, error)) return false;
  if (m.name && !p.Has("--name")) {
    o->name = *m.name;
    if (!ValidAppName(o->name)) {
      *error = m.name_origin + ": " + o->name.substr(0, 80) +
               ": 1 to 63 letters, digits, '.', '_' or '-', not all digits";
      return false;
    }
  }
  o->restart = m.restart;
  if (!ParseRestartFlags(p, &o->restart, m.restart_origin, error)) return false;
  o->argv = {o->app_name};
  const std::vector<std::string>* args_from = p.Has("--arg") ? &p.flags["--arg"]
                                              : m.args       ? &*m.args
                                                             : nullptr;
  if (args_from) o->argv.insert(o->argv.end(), args_from->begin(), args_from->end());
  std::vector<std::string> env = m.env;
  if (p.Has("--env")) env.insert(env.end(), p.flags["--env"].begin(), p.flags["--env"].end());
  for (size_t i = 0; i < env.size(); i++) {
    const std::string& e = env[i];
    if (!ParseEnv(e, error)) {
      if (i < m.env_origin.size()) *error = m.env_origin[i] + ": " + *error;
      return false;
    }
    std::string key = e.substr(0, e.find('='));
    std::erase_if(o->env, [&](const std::string& x) { return x.substr(0, x.find('=')) == key; });
    o->env.push_back(e);
  }
  // A flag replaces the manifest's grant of the same guest path; two grants
  // of one guest path from the same source are refused (one would be lost).
  std::vector<std::string> caps = m.caps;
  if (p.Has("--cap")) caps.insert(caps.end(), p.flags["--cap"].begin(), p.flags["--cap"].end());
  size_t from_manifest = m.caps.size();
  std::vector<bool> by_flag;  // per o->caps entry
  for (size_t i = 0; i < caps.size(); i++) {
    CapSpec cap;
    bool flag = i >= from_manifest;
    std::string origin = flag ? "--cap" : m.caps_origin[i];
    if (!ParseCap(caps[i], &cap, error, origin)) return false;
    for (size_t k = 0; k < o->caps.size(); k++) {
      if (o->caps[k].kind != cap.kind || o->caps[k].key != cap.key) continue;
      if (by_flag[k] == flag) {
        *error = origin + " " + caps[i].substr(0, 300) + ": " + cap.key_name + " " + cap.key +
                 " is already granted (by " + o->caps[k].source + "): give each " + cap.key_name +
                 " once";
        return false;
      }
      o->caps.erase(o->caps.begin() + long(k));  // the flag overrides the manifest
      by_flag.erase(by_flag.begin() + long(k));
      break;
    }
    o->caps.push_back(cap);
    by_flag.push_back(flag);
  }
  // Directories first: descriptor 3 + i is grant i, and wasi-libc looks for
  // preopened directories from 3 on until the first descriptor that is none.
  std::stable_partition(o->caps.begin(), o->caps.end(),
                        [](const CapSpec& c) { return c.kind == "fs"; });
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
  if (!mem_max.empty() && !ParseMemMax(mem_max, &o->mem_max_pages, error)) {
    if (!p.Has("--mem-max")) *error = m.mem_max_origin + ": " + *error;
    return false;
  }
  // Signing: a flag overrides the manifest's key; key and certificate go together.
  o->sign_key = p.Has("--sign-key") ? p.Get("--sign-key") : m.sign_key.value_or("");
  o->sign_cert = p.Has("--sign-cert") ? p.Get("--sign-cert") : m.sign_cert.value_or("");
  if (o->sign_key.empty() != o->sign_cert.empty()) {
    bool key = !o->sign_key.empty();
    const std::string& origin = key ? (p.Has("--sign-key") ? "--sign-key" : m.sign_key_origin)
                                    : (p.Has("--sign-cert") ? "--sign-cert" : m.sign_cert_origin);
    *error = origin + " needs " +
             (key ? "--sign-cert (or sign-cert in the manifest)"
                  : "--sign-key (or sign-key in the manifest)");
    return false;
  }
  o->start = !p.Has("--no-start");
  o->wait = p.Has("--wait");
  o->rm = p.Has("--rm");
  o->detach = p.Has("--detach");
  o->verbose = p.Has("-v") || p.Has("--verbose");
  if (o->wait && !o->start) {
    *error = "--wait and --no-start exclude each other";
    return false;
  }
  if ((o->rm || o->detach) && !o->wait) {
    *error = "--rm and --detach go with --wait";
    return false;
  }
  return true;
}

bool ParseStartOverrides(const std::vector<std::string>& args, const std::vector<std::string>& envs,
                         const std::string& argv0, StartOverrides* o, std::string* error) {
  *o = StartOverrides{};
  o->has_argv = !args.empty();
  o->has_env = !envs.empty();
  if (o->has_argv) {
    o->argv = {argv0};
    o->argv.insert(o->argv.end(), args.begin(), args.end());
  }
  for (const std::string& e : envs) {
    if (!ParseEnv(e, error)) return false;
    std::string key = e.substr(0, e.find('='));
    std::erase_if(o->env, [&](const std::string& x) { return x.substr(0, x.find('=')) == key; });
    o->env.push_back(e);
  }
  // The kernel's limit, said before asking it (it would answer E2BIG).
  if (NulBlob(o->argv).size() > WASMKM_ARGS_MAX) {
    *error = "--arg: arguments exceed " + std::to_string(WASMKM_ARGS_MAX) +
             " bytes (with NULs): pass fewer or shorter arguments";
    return false;
  }
  if (NulBlob(o->env).size() > WASMKM_ARGS_MAX) {
    *error = "--env: environment exceeds " + std::to_string(WASMKM_ARGS_MAX) +
             " bytes (with NULs): pass fewer or shorter variables";
    return false;
  }
  return true;
}

}  // namespace wasmctl
