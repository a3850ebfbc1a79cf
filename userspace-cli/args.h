// SPDX-License-Identifier: GPL-2.0
// wasmctl argument parsing: a small flag parser shared by all subcommands,
// and the value parsers (--mem-max sizes, --env pairs).
#ifndef WASMCTL_ARGS_H_
#define WASMCTL_ARGS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace wasmctl {

struct FlagSpec {
  const char* name;  // "--arg"
  bool takes_value;
};

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> flags;  // values ("" for switches)
  bool Has(const std::string& f) const { return flags.count(f) != 0; }
  std::string Get(const std::string& f) const {
    auto it = flags.find(f);
    return it == flags.end() || it->second.empty() ? "" : it->second.back();
  }
};

// Parses args against @specs ("--flag value" or "--flag=value"); "--" ends
// flags.  False with *error naming the unknown flag or missing value.
bool ParseFlags(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs,
                ParsedArgs* out, std::string* error);

// "64M", "1G", "65536", "512K", "2P" (pages) -> 64 KiB pages, rounded up.
// Suffixes K, M, G (binary, optional trailing "iB"/"B"), or P for pages.
bool ParseMemMax(const std::string& s, uint32_t* pages, std::string* error);

// "KEY=VALUE": KEY non-empty, no '=' in KEY, no NUL.
bool ParseEnv(const std::string& s, std::string* error);

// Unsigned decimal id (app or instance).
bool ParseId(const std::string& s, const char* what, uint32_t* id, std::string* error);

// File name without directory and last extension ("dir/app.wasm" -> "app").
std::string FileStem(const std::string& path);

// Strings to a NUL-separated blob (each string followed by NUL).
std::string NulBlob(const std::vector<std::string>& items);

}  // namespace wasmctl

#endif  // WASMCTL_ARGS_H_
