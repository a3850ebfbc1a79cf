// SPDX-License-Identifier: GPL-2.0
// What a .wko was built for: its ELF machine and the kernel release in its
// .modinfo vermagic, so that a mismatch is named before the kernel refuses it.
#ifndef WASMCTL_WKO_INFO_H_
#define WASMCTL_WKO_INFO_H_

#include <cstdint>
#include <string>

namespace wasmctl {

struct WkoInfo {
  std::string arch;     // "x86-64", "arm64", or "ELF machine N"
  std::string release;  // "6.1.0-57-amd64", "" if no vermagic
};

// False with *error if @bytes is not an ELF relocatable object.
bool ReadWkoInfo(const std::string& bytes, WkoInfo* info, std::string* error);
// This machine's architecture in the same words.
std::string HostArch();
// The running kernel's release (uname -r).
std::string HostRelease();
// "", or why a .wko built for @info cannot load here and what to do.
std::string WkoMismatch(const std::string& file, const WkoInfo& info);

}  // namespace wasmctl

#endif  // WASMCTL_WKO_INFO_H_
