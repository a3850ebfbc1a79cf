// SPDX-License-Identifier: GPL-2.0
// The object digest: SHA-256 of the .wko bytes with the descriptor's
// obj_sha256 field zeroed; wasmkm.ko recomputes it the same way.
#ifndef AOTC_OBJ_DIGEST_H_
#define AOTC_OBJ_DIGEST_H_

#include <cstdint>
#include <string>
#include <vector>

namespace aotc {

// Finds section @name in an ELF64 little-endian object; false with *error if
// the file is not one or lacks the section.
bool FindElfSection(const std::vector<uint8_t>& elf, const std::string& name, uint64_t* offset,
                    uint64_t* size, std::string* error);

// Locates the descriptor section, zeroes obj_sha256, hashes the file and
// stores the digest in place.
bool PatchObjDigest(std::vector<uint8_t>* elf, std::string* error);

}  // namespace aotc

#endif  // AOTC_OBJ_DIGEST_H_
