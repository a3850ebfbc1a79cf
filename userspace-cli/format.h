// SPDX-License-Identifier: GPL-2.0
// Output helpers: JSON strings, durations, sizes.
#ifndef WASMCTL_FORMAT_H_
#define WASMCTL_FORMAT_H_

#include <cstdint>
#include <string>

namespace wasmctl {

std::string JsonString(const std::string& s);
std::string Duration(uint64_t ns);  // "1.5s", "3m02s", "2h05m"
std::string Bytes(uint64_t n);      // "64K", "1.5M"
// A fixed-size kernel string field, up to its first NUL.
std::string FieldString(const char* p, size_t n);
uint64_t MonotonicNs();

}  // namespace wasmctl

#endif  // WASMCTL_FORMAT_H_
