// SPDX-License-Identifier: GPL-2.0
// Serialising and parsing the app descriptor.
#include "aotc/descriptor.h"

#include <linux/wasmkm_object.h>

#include <cstddef>
#include <cstring>

namespace aotc {
namespace {

void PutLe32(std::vector<uint8_t>* b, size_t off, uint32_t v) {
  for (int i = 0; i < 4; i++) (*b)[off + i] = uint8_t(v >> (8 * i));
}

uint32_t GetLe32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

#define DESC_OFF(field) offsetof(struct wasmkm_desc, field)

bool ReadString(const uint8_t* data, uint32_t strtab, uint32_t strtab_size, uint32_t off,
                std::string* s, std::string* error) {
  if (off >= strtab_size) {
    *error = "descriptor: string offset " + std::to_string(off) + " outside the string table";
    return false;
  }
  const char* p = reinterpret_cast<const char*>(data + strtab + off);
  const void* nul = memchr(p, 0, strtab_size - off);
  if (!nul) {
    *error = "descriptor: string at offset " + std::to_string(off) + " is not NUL-terminated";
    return false;
  }
  s->assign(p, static_cast<const char*>(nul) - p);
  return true;
}

bool ReadFixedName(const uint8_t* p, std::string* s, const char* what, std::string* error) {
  const void* nul = memchr(p, 0, 64);
  if (!nul) {
    *error = std::string("descriptor: ") + what + " is not NUL-terminated";
    return false;
  }
  s->assign(reinterpret_cast<const char*>(p), static_cast<const uint8_t*>(nul) - p);
  return true;
}

}  // namespace

size_t DescObjShaOffset() { return DESC_OFF(obj_sha256); }

bool SerializeDescriptor(const Descriptor& d, std::vector<uint8_t>* out, std::string* error) {
  static_assert(sizeof(struct wasmkm_desc) % 4 == 0);
  if (d.app_name.size() >= 64 || d.module_name.size() >= 64) {
    *error = "descriptor: app name or module name longer than 63 bytes (use --name)";
    return false;
  }
  std::string strtab(1, '\0');  // offset 0: the empty string
  auto add = [&strtab](const std::string& s) {
    uint32_t off = uint32_t(strtab.size());
    strtab += s;
    strtab += '\0';
    return off;
  };
  const size_t imports_off = sizeof(struct wasmkm_desc);
  const size_t imports_size = d.imports.size() * sizeof(struct wasmkm_desc_import);
  const size_t strtab_off = imports_off + imports_size;
  std::vector<uint32_t> offs;
  for (const DescImport& imp : d.imports) {
    offs.push_back(add(imp.module));
    offs.push_back(add(imp.name));
    offs.push_back(add(imp.signature));
  }
  size_t total = (strtab_off + strtab.size() + 7) & ~size_t(7);
  if (total > WASMKM_DESC_MAX) {
    *error = "descriptor: larger than WASMKM_DESC_MAX (too many imports)";
    return false;
  }
  out->assign(total, 0);
  std::vector<uint8_t>& b = *out;
  PutLe32(&b, DESC_OFF(magic), WASMKM_DESC_MAGIC);
  PutLe32(&b, DESC_OFF(version), WASMKM_DESC_VERSION);
  PutLe32(&b, DESC_OFF(total_size), uint32_t(total));
  PutLe32(&b, DESC_OFF(flags), d.flags);
  PutLe32(&b, DESC_OFF(machine), d.machine);
  PutLe32(&b, DESC_OFF(mem_min_pages), d.mem_min_pages);
  PutLe32(&b, DESC_OFF(mem_max_pages), d.mem_max_pages);
  PutLe32(&b, DESC_OFF(nfuncs), d.nfuncs);
  memcpy(&b[DESC_OFF(wasm_sha256)], d.wasm_sha256.data(), 32);
  memcpy(&b[DESC_OFF(obj_sha256)], d.obj_sha256.data(), 32);
  memcpy(&b[DESC_OFF(app_name)], d.app_name.data(), d.app_name.size());
  memcpy(&b[DESC_OFF(module_name)], d.module_name.data(), d.module_name.size());
  PutLe32(&b, DESC_OFF(nimports), uint32_t(d.imports.size()));
  PutLe32(&b, DESC_OFF(imports), uint32_t(imports_off));
  PutLe32(&b, DESC_OFF(strtab), uint32_t(strtab_off));
  PutLe32(&b, DESC_OFF(strtab_size), uint32_t(strtab.size()));
  for (size_t i = 0; i < d.imports.size(); i++) {
    size_t e = imports_off + i * sizeof(struct wasmkm_desc_import);
    PutLe32(&b, e + offsetof(struct wasmkm_desc_import, kind), WASMKM_IMPORT_FUNC);
    PutLe32(&b, e + offsetof(struct wasmkm_desc_import, module), offs[3 * i]);
    PutLe32(&b, e + offsetof(struct wasmkm_desc_import, name), offs[3 * i + 1]);
    PutLe32(&b, e + offsetof(struct wasmkm_desc_import, signature), offs[3 * i + 2]);
  }
  memcpy(&b[strtab_off], strtab.data(), strtab.size());
  return true;
}

bool ParseDescriptor(const uint8_t* data, size_t len, Descriptor* d, std::string* error) {
  if (len < sizeof(struct wasmkm_desc)) {
    *error = "descriptor: shorter than struct wasmkm_desc";
    return false;
  }
  if (GetLe32(data + DESC_OFF(magic)) != WASMKM_DESC_MAGIC) {
    *error = "descriptor: bad magic (not a wasmkm app object)";
    return false;
  }
  if (GetLe32(data + DESC_OFF(version)) != WASMKM_DESC_VERSION) {
    *error = "descriptor: version " + std::to_string(GetLe32(data + DESC_OFF(version))) +
             ", expected " + std::to_string(WASMKM_DESC_VERSION) + " (recompile with this aotc)";
    return false;
  }
  uint32_t total = GetLe32(data + DESC_OFF(total_size));
  if (total > len || total < sizeof(struct wasmkm_desc) || total > WASMKM_DESC_MAX) {
    *error = "descriptor: total_size " + std::to_string(total) + " out of bounds";
    return false;
  }
  for (size_t i = 0; i < 8; i++) {
    if (GetLe32(data + DESC_OFF(reserved) + 4 * i) != 0) {
      *error = "descriptor: reserved field not zero";
      return false;
    }
  }
  d->flags = GetLe32(data + DESC_OFF(flags));
  d->machine = GetLe32(data + DESC_OFF(machine));
  d->mem_min_pages = GetLe32(data + DESC_OFF(mem_min_pages));
  d->mem_max_pages = GetLe32(data + DESC_OFF(mem_max_pages));
  d->nfuncs = GetLe32(data + DESC_OFF(nfuncs));
  memcpy(d->wasm_sha256.data(), data + DESC_OFF(wasm_sha256), 32);
  memcpy(d->obj_sha256.data(), data + DESC_OFF(obj_sha256), 32);
  if (!ReadFixedName(data + DESC_OFF(app_name), &d->app_name, "app_name", error) ||
      !ReadFixedName(data + DESC_OFF(module_name), &d->module_name, "module_name", error))
    return false;
  uint32_t nimports = GetLe32(data + DESC_OFF(nimports));
  uint32_t imports = GetLe32(data + DESC_OFF(imports));
  uint32_t strtab = GetLe32(data + DESC_OFF(strtab));
  uint32_t strtab_size = GetLe32(data + DESC_OFF(strtab_size));
  if (strtab > total || strtab_size > total - strtab) {
    *error = "descriptor: string table out of bounds";
    return false;
  }
  if (imports > total ||
      uint64_t(nimports) * sizeof(struct wasmkm_desc_import) > uint64_t(total - imports)) {
    *error = "descriptor: import table out of bounds";
    return false;
  }
  d->imports.clear();
  for (uint32_t i = 0; i < nimports; i++) {
    const uint8_t* e = data + imports + i * sizeof(struct wasmkm_desc_import);
    if (GetLe32(e) != WASMKM_IMPORT_FUNC) {
      *error = "descriptor: import " + std::to_string(i) + " has an unknown kind";
      return false;
    }
    DescImport imp;
    if (!ReadString(data, strtab, strtab_size, GetLe32(e + 4), &imp.module, error) ||
        !ReadString(data, strtab, strtab_size, GetLe32(e + 8), &imp.name, error) ||
        !ReadString(data, strtab, strtab_size, GetLe32(e + 12), &imp.signature, error))
      return false;
    d->imports.push_back(imp);
  }
  return true;
}

std::string ModuleNameFor(const std::string& app_name, const Sha256Digest& wasm_sha256) {
  std::string s;
  for (char c : app_name) {
    char l = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (!ok) l = '_';
    if (l == '_' && (s.empty() || s.back() == '_')) continue;
    s += l;
  }
  // "wasm_" + name + "_" + 12 hex < 56 => name <= 37
  if (s.size() > 37) s.resize(37);
  while (!s.empty() && s.back() == '_') s.pop_back();
  if (s.empty()) s = "app";
  return "wasm_" + s + "_" + HexOf(wasm_sha256.data(), 6);
}

}  // namespace aotc
