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

// Makes sure the cache directory @dir is one no other user can write:
// created 0700 in one step if missing (parents 0755); if it exists, it must
// be a directory (not a symbolic link) owned by the effective uid and not
// group- or other-writable.  False with *error saying what to do.
bool SecureCacheDir(const std::string& dir, std::string* error);

// True if the cached object @path exists and is safe to load (regular, not
// a symbolic link, ours, not group/other-writable).  False with *error set
// if it exists but is unsafe, with *error empty if it does not exist.
bool CachedObjectOk(const std::string& path, std::string* error);

// Runs argv (argv[0] looked up in PATH) with stdio inherited; exit status,
// or -1 if it could not be started.
int RunInherit(const std::vector<std::string>& argv);

// aotc --sign-key/--sign-cert for the compiled object; both empty: unsigned.
struct SignFiles {
  std::string key;
  std::string cert;
};

// Compiles @wasm_path (app name @app_name) into the cache unless it is
// there; sets *wko to the cached object.  False with *error.  A signed
// object is cached under a key that also covers the key and certificate
// files' contents.
bool CompileCached(const std::string& wasm_path, const std::string& app_name, bool verbose,
                   std::string* wko, std::string* error, const SignFiles& sign = {});

}  // namespace wasmctl

#endif  // WASMCTL_CACHE_H_
