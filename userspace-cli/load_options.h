// SPDX-License-Identifier: GPL-2.0
// wasmctl load: its command line, parsed and checked without /dev/wasm.
#ifndef WASMCTL_LOAD_OPTIONS_H_
#define WASMCTL_LOAD_OPTIONS_H_

#include <linux/wasmkm.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "userspace-cli/caps.h"
#include "userspace-cli/restart_opts.h"

namespace wasmctl {

struct LoadOptions {
  std::string file;
  std::string app_name;           // argv[0]: file name without extension
  std::string name;               // --name, else app_name made a valid name
  std::vector<std::string> argv;  // app_name, then --arg values
  std::vector<std::string> env;   // KEY=VALUE
  uint32_t mem_max_pages = 0;     // 0: the object's own limit
  std::vector<CapSpec> caps;      // --cap, after the manifest's
  std::string manifest;           // -m FILE
  RestartSpec restart;            // the manifest's, --restart... over it
  std::string sign_key;           // --sign-key (or the manifest's): aotc signs
  std::string sign_cert;          // --sign-cert: the compiled object
  bool start = true;
  bool wait = false;
  bool rm = false;      // --rm: unload the app when the instance has ended
  bool detach = false;  // --detach: Ctrl-C leaves the instance running
  bool verbose = false;
  bool help = false;
  // wasmkm_load.spec_digest: set by wasmctl apply (userspace-cli/apply_plan.h)
  std::array<uint8_t, WASMKM_SPEC_DIGEST_LEN> spec_digest{};
};

// What wasmctl load did, for wasmctl apply.
struct LoadedApp {
  uint32_t app_id = 0;
  uint32_t inst_id = 0;
};

// wasmctl load with parsed options (o.start set, no --wait, for apply).
// With @out nothing is printed on success and *out says what was made;
// errors go through Fail() as for load.
int LoadApp(LoadOptions o, LoadedApp* out);

bool ParseLoadOptions(const std::vector<std::string>& args, LoadOptions* o, std::string* error);

// wasmctl start APP --arg A --env K=V: the instance's own argv (argv[0] is
// @argv0, the app's name) and env, each replacing the app's whole one; a
// later --env of the same KEY wins.
struct StartOverrides {
  bool has_argv = false;
  bool has_env = false;
  std::vector<std::string> argv;
  std::vector<std::string> env;
};

bool ParseStartOverrides(const std::vector<std::string>& args, const std::vector<std::string>& envs,
                         const std::string& argv0, StartOverrides* o, std::string* error);

}  // namespace wasmctl

#endif  // WASMCTL_LOAD_OPTIONS_H_
