// SPDX-License-Identifier: GPL-2.0
// ELF section lookup and the object digest patch.
#include "aotc/obj_digest.h"

#include <linux/wasmkm_object.h>

#include <cstring>

#include "aotc/descriptor.h"
#include "aotc/sha256.h"
#include "aotc/sign.h"

namespace aotc {
namespace {

uint64_t Le(const std::vector<uint8_t>& b, uint64_t off, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; i++) v |= uint64_t(b[off + i]) << (8 * i);
  return v;
}

}  // namespace

bool FindElfSection(const std::vector<uint8_t>& elf, const std::string& name, uint64_t* offset,
                    uint64_t* size, std::string* error) {
  const uint64_t n = elf.size();
  if (n < 64 ||
      memcmp(elf.data(),
             "\x7f"
             "ELF",
             4) != 0 ||
      elf[4] != 2 || elf[5] != 1) {
    *error = "not an ELF64 little-endian object";
    return false;
  }
  uint64_t shoff = Le(elf, 0x28, 8);
  uint64_t shentsize = Le(elf, 0x3a, 2);
  uint64_t shnum = Le(elf, 0x3c, 2);
  uint64_t shstrndx = Le(elf, 0x3e, 2);
  if (shentsize < 64 || shnum == 0 || shstrndx >= shnum || shoff > n ||
      shnum * shentsize > n - shoff) {
    *error = "ELF section headers out of bounds";
    return false;
  }
  auto sh = [&](uint64_t i) { return shoff + i * shentsize; };
  uint64_t stroff = Le(elf, sh(shstrndx) + 0x18, 8);
  uint64_t strsize = Le(elf, sh(shstrndx) + 0x20, 8);
  if (stroff > n || strsize > n - stroff) {
    *error = "ELF section name table out of bounds";
    return false;
  }
  for (uint64_t i = 0; i < shnum; i++) {
    uint64_t nameoff = Le(elf, sh(i), 4);
    if (nameoff >= strsize) continue;
    const char* s = reinterpret_cast<const char*>(elf.data() + stroff + nameoff);
    size_t maxlen = strsize - nameoff;
    if (strnlen(s, maxlen) != name.size() || memcmp(s, name.data(), name.size()) != 0) continue;
    uint64_t off = Le(elf, sh(i) + 0x18, 8);
    uint64_t sz = Le(elf, sh(i) + 0x20, 8);
    if (off > n || sz > n - off) {
      *error = "ELF section " + name + " out of bounds";
      return false;
    }
    *offset = off;
    *size = sz;
    return true;
  }
  *error = "no ELF section " + name;
  return false;
}

bool PatchObjDigest(std::vector<uint8_t>* elf, std::string* error) {
  ModuleSigLayout sig;
  if (ParseModuleSig(*elf, &sig, error) || !error->empty()) {
    *error = "the object is signed: patch its digest before signing it";
    return false;
  }
  uint64_t off = 0, size = 0;
  if (!FindElfSection(*elf, WASMKM_DESC_SECTION, &off, &size, error)) return false;
  if (size < sizeof(struct wasmkm_desc)) {
    *error = std::string("section ") + WASMKM_DESC_SECTION + " is smaller than the descriptor";
    return false;
  }
  uint8_t* field = elf->data() + off + DescObjShaOffset();
  memset(field, 0, 32);
  Sha256Digest d = Sha256Of(elf->data(), elf->size());
  memcpy(field, d.data(), 32);
  return true;
}

bool CheckObjDigest(const std::vector<uint8_t>& obj, std::string* error) {
  ModuleSigLayout sig;
  sig.payload_len = obj.size();
  if (!ParseModuleSig(obj, &sig, error) && !error->empty()) return false;
  std::vector<uint8_t> payload(obj.begin(), obj.begin() + long(sig.payload_len));
  uint64_t off = 0, size = 0;
  if (!FindElfSection(payload, WASMKM_DESC_SECTION, &off, &size, error)) return false;
  if (size < sizeof(struct wasmkm_desc)) {
    *error = std::string("section ") + WASMKM_DESC_SECTION + " is smaller than the descriptor";
    return false;
  }
  uint8_t* field = payload.data() + off + DescObjShaOffset();
  uint8_t stored[32];
  memcpy(stored, field, 32);
  memset(field, 0, 32);
  Sha256Digest d = Sha256Of(payload.data(), payload.size());
  if (memcmp(stored, d.data(), 32) != 0) {
    *error = "object digest mismatch: the object was changed after aotc wrote it";
    return false;
  }
  return true;
}

}  // namespace aotc
