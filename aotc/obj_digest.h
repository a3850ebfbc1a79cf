// SPDX-License-Identifier: GPL-2.0
// The object digest: SHA-256 of the .wko bytes with the descriptor's
// obj_sha256 field zeroed; wasmkm.ko recomputes it the same way.  Of a
// signed object only the bytes before the module signature trailer count
// (aotc/sign.h): the digest is patched before signing, and kmod/verify.c
// strips the trailer before it recomputes the digest.
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
// A signed object is refused: patching it would void its signature.
bool PatchObjDigest(std::vector<uint8_t>* elf, std::string* error);

// True if @obj (signed or not) carries the digest of its bytes before any
// signature trailer, as kmod/verify.c checks it; false with *error.
bool CheckObjDigest(const std::vector<uint8_t>& obj, std::string* error);

}  // namespace aotc

#endif  // AOTC_OBJ_DIGEST_H_
