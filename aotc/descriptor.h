// SPDX-License-Identifier: GPL-2.0
// The app descriptor (struct wasmkm_desc of <linux/wasmkm_object.h>): build
// it from what aotc knows, serialise it little-endian, and parse it back
// (tests and wasmctl) with every offset checked.
#ifndef AOTC_DESCRIPTOR_H_
#define AOTC_DESCRIPTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "aotc/sha256.h"

namespace aotc {

constexpr uint32_t kMachineX86_64 = 62;    // EM_X86_64
constexpr uint32_t kMachineAarch64 = 183;  // EM_AARCH64

struct DescImport {
  std::string module;
  std::string name;
  std::string signature;  // params ':' results, e.g. "iiii:i"
};

struct Descriptor {
  uint32_t flags = 0;  // WASMKM_DESC_F_*
  uint32_t machine = kMachineX86_64;
  uint32_t mem_min_pages = 0;
  uint32_t mem_max_pages = 0xffffffffu;  // WASMKM_NO_MAX
  uint32_t nfuncs = 0;
  Sha256Digest wasm_sha256{};
  Sha256Digest obj_sha256{};
  std::string app_name;     // < 64 bytes
  std::string module_name;  // < 64 bytes
  std::vector<DescImport> imports;
};

// Serialises @d; false with *error if a name does not fit.
bool SerializeDescriptor(const Descriptor& d, std::vector<uint8_t>* out, std::string* error);
// Parses and checks a serialised descriptor (magic, version, sizes, every
// offset and string in bounds, reserved zero).
bool ParseDescriptor(const uint8_t* data, size_t len, Descriptor* d, std::string* error);

// Byte offset of obj_sha256 within struct wasmkm_desc.
size_t DescObjShaOffset();

// "wasm_<sanitised app name>_<first 12 hex of the wasm digest>", < 56 chars:
// the app name lower-cased, anything outside [a-z0-9_] becomes '_', runs of
// '_' collapse, leading/trailing '_' trimmed, cut to fit.
std::string ModuleNameFor(const std::string& app_name, const Sha256Digest& wasm_sha256);

}  // namespace aotc

#endif  // AOTC_DESCRIPTOR_H_
