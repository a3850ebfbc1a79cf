// SPDX-License-Identifier: GPL-2.0
// App manifests: a TOML file (parsed by toml++) with the same settings as
// the load flags.
//
//   # sensor.toml
//   args = ["--interval", "5"]
//   env = ["MODE=fast", "UNIT=C"]
//   mem-max = "16M"            # or a number of bytes: 16777216
//   caps = ["fs:/data", "fs:/etc/sensor:/config:ro"]
//   name = "sensor"            # the app's name (as --name)
//   restart = "on-failure"     # no, on-failure, always (as --restart)
//   restart-delay = 200        # ms; also restart-max-delay, restart-burst,
//                              # restart-interval (Documentation/restart-policies.md)
//   file = "sensor.wasm"       # the object (.wasm or .wko), for wasmctl apply;
//                              # relative to the manifest's directory
//   sign-key = "/root/mok/MOK.priv"   # sign the compiled object (as --sign-key,
//   sign-cert = "/root/mok/MOK.der"   # --sign-cert; Documentation/secure-boot.md);
//                              # a relative path is relative to the manifest
//
// Any TOML string form is accepted ('literal', "basic", multi-line).  Other
// keys or types are errors; every error names file:line and the key.
#ifndef WASMCTL_MANIFEST_H_
#define WASMCTL_MANIFEST_H_

#include <optional>
#include <string>
#include <vector>

#include "userspace-cli/restart_opts.h"

namespace wasmctl {

struct Manifest {
  std::optional<std::vector<std::string>> args;
  std::vector<std::string> env;
  std::vector<std::string> env_origin;  // "FILE:LINE: env", per entry
  std::vector<std::string> caps;
  std::vector<std::string> caps_origin;  // "FILE:LINE: caps", per entry
  std::optional<std::string> mem_max;
  std::string mem_max_origin;
  std::optional<std::string> name;
  std::string name_origin;
  RestartSpec restart;
  std::string restart_origin;           // "FILE:LINE" of the first restart key
  std::optional<std::string> sign_key;  // resolved against the manifest's directory
  std::string sign_key_origin;          // "FILE:LINE: sign-key"
  std::optional<std::string> sign_cert;
  std::string sign_cert_origin;
  std::optional<std::string> file;  // as written (wasmctl apply resolves it)
  std::string file_origin;
};

// Parses @text (from file @name, for messages).
bool ParseManifest(const std::string& text, const std::string& name, Manifest* m,
                   std::string* error);
bool ReadManifest(const std::string& path, Manifest* m, std::string* error);

}  // namespace wasmctl

#endif  // WASMCTL_MANIFEST_H_
