// SPDX-License-Identifier: GPL-2.0
// SHA-256 (FIPS 180-4), shared by aotc (digests in the app descriptor) and
// wasmctl (cache keys).
#ifndef AOTC_SHA256_H_
#define AOTC_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aotc {

using Sha256Digest = std::array<uint8_t, 32>;

class Sha256 {
 public:
  Sha256();
  void Update(const void* data, size_t len);
  Sha256Digest Final();

 private:
  void Block(const uint8_t* p);
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

Sha256Digest Sha256Of(const void* data, size_t len);
std::string HexOf(const uint8_t* data, size_t len);
inline std::string HexOf(const Sha256Digest& d) { return HexOf(d.data(), d.size()); }

}  // namespace aotc

#endif  // AOTC_SHA256_H_
