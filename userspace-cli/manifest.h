// SPDX-License-Identifier: GPL-2.0
// App manifests: a TOML file with the same settings as the load flags.
//
//   # sensor.toml
//   args = ["--interval", "5"]
//   env = ["MODE=fast", "UNIT=C"]
//   mem-max = "16M"
//   caps = ["fs:/data", "fs:/etc/sensor:/config:ro"]
//
// Only these keys, with strings and arrays of strings (mem-max may also be
// an integer number of bytes), are accepted; anything else is an error that
// names the file and line.
#ifndef WASMCTL_MANIFEST_H_
#define WASMCTL_MANIFEST_H_

#include <optional>
#include <string>
#include <vector>

namespace wasmctl {

struct Manifest {
  std::optional<std::vector<std::string>> args;
  std::vector<std::string> env;
  std::vector<std::string> caps;
  std::optional<std::string> mem_max;
};

// Parses @text (from file @name, for messages).
bool ParseManifest(const std::string& text, const std::string& name, Manifest* m,
                   std::string* error);
bool ReadManifest(const std::string& path, Manifest* m, std::string* error);

}  // namespace wasmctl

#endif  // WASMCTL_MANIFEST_H_
