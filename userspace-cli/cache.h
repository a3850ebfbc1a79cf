// SPDX-License-Identifier: GPL-2.0
// The compiled-object cache: a .wasm is compiled by aotc once per kernel
// release, machine and ABI version.
#ifndef WASMCTL_CACHE_H_
#define WASMCTL_CACHE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "aotc/sha256.h"

namespace wasmctl {

// Hex SHA-256 over the wasm digest, kernel release, machine and ABI version
// (each field length-prefixed so that no two inputs collide).
std::string CacheKey(const aotc::Sha256Digest& wasm_sha256, const std::string& release,
                     const std::string& machine, uint32_t abi_version);

// $WASMKM_CACHE, else /var/cache/wasmkm for root, else $XDG_CACHE_HOME/wasmkm,
// else $HOME/.cache/wasmkm.  Null pointers mean unset.
std::string CacheDirFor(const char* wasmkm_cache, const char* xdg_cache_home, const char* home,
                        bool root);

// aotc next to the running wasmctl if it is there, else "aotc" (PATH).
std::string FindAotc();

// Runs argv (argv[0] looked up in PATH) with stdio inherited; exit status,
// or -1 if it could not be started.
int RunInherit(const std::vector<std::string>& argv);

// Compiles @wasm_path (app name @app_name) into the cache unless it is
// there; sets *wko to the cached object.  False with *error.
bool CompileCached(const std::string& wasm_path, const std::string& app_name, bool verbose,
                   std::string* wko, std::string* error);

}  // namespace wasmctl

#endif  // WASMCTL_CACHE_H_
