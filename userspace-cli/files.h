// SPDX-License-Identifier: GPL-2.0
// Reading the files a user names (apps, manifests): a directory, an empty,
// missing or oversized file is an error that says so, never an exception.
#ifndef WASMCTL_FILES_H_
#define WASMCTL_FILES_H_

#include <cstddef>
#include <string>

namespace wasmctl {

constexpr size_t kMaxAppFile = 256u << 20;     // .wasm or .wko
constexpr size_t kMaxManifestFile = 1u << 20;  // TOML

// Reads regular file @path (at most @max bytes) into *out.  False with
// *error: "PATH: ..." saying what is wrong and, where it helps, what to give.
// @what names the expected content ("a .wasm or .wko file").
bool ReadUserFile(const std::string& path, size_t max, const char* what, std::string* out,
                  std::string* error);

// @path, shortened for a one-line message if it is very long.
std::string ShortPath(const std::string& path);

// @path made absolute against the current directory (unchanged if empty or
// already absolute).
std::string AbsolutePath(const std::string& path);

}  // namespace wasmctl

#endif  // WASMCTL_FILES_H_
