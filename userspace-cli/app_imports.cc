// SPDX-License-Identifier: GPL-2.0
// Reading an app's imports from a .wasm or a .wko.
#include "userspace-cli/app_imports.h"

#include <elf.h>
#include <linux/wasmkm_object.h>

#include <cstring>

#include "userspace-cli/files.h"

namespace wasmctl {
namespace {

// A bounds-checked reader of the wasm binary format.
struct Reader {
  const std::string& b;
  size_t pos;
  size_t end;
  bool ok = true;

  uint32_t U32() {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos >= end) return Fail();
      uint8_t c = uint8_t(b[pos++]);
      v |= uint32_t(c & 0x7f) << shift;
      if (!(c & 0x80)) return v;
    }
    return Fail();
  }
  uint8_t Byte() { return pos < end ? uint8_t(b[pos++]) : uint8_t(Fail()); }
  std::string Name() {
    uint32_t n = U32();
    if (!ok || n > end - pos) return Fail(), "";
    std::string s = b.substr(pos, n);
    pos += n;
    return s;
  }
  void Limits() {
    uint8_t flags = Byte();
    U32();
    if (flags & 1) U32();
  }
  uint32_t Fail() {
    ok = false;
    pos = end;
    return 0;
  }
};

}  // namespace

bool ReadWasmImports(const std::string& b, std::vector<Import>* out, std::string* error) {
  if (b.size() < 8 || b.compare(0, 4, std::string("\0asm", 4)) != 0) {
    *error = "not a WebAssembly binary";
    return false;
  }
  Reader r{b, 8, b.size()};
  while (r.ok && r.pos < r.end) {
    uint8_t id = r.Byte();
    uint32_t size = r.U32();
    if (!r.ok || size > r.end - r.pos) break;
    if (id != 2) {
      r.pos += size;
      continue;
    }
    Reader s{b, r.pos, r.pos + size};
    uint32_t n = s.U32();
    for (uint32_t i = 0; s.ok && i < n; i++) {
      Import im;
      im.module = s.Name();
      im.name = s.Name();
      switch (s.Byte()) {
        case 0:
          im.kind = "func";
          s.U32();
          break;
        case 1:
          im.kind = "table";
          s.Byte();
          s.Limits();
          break;
        case 2:
          im.kind = "memory";
          s.Limits();
          break;
        case 3:
          im.kind = "global";
          s.Byte();
          s.Byte();
          break;
        case 4:
          im.kind = "tag";
          s.Byte();
          s.U32();
          break;
        default:
          s.Fail();
      }
      if (s.ok) out->push_back(im);
    }
    if (!s.ok) break;
    return true;
  }
  if (!r.ok) {
    *error = "truncated or malformed WebAssembly binary";
    return false;
  }
  return true;  // no import section
}

bool ReadWkoImports(const std::string& b, std::vector<Import>* out, std::string* error) {
  Elf64_Ehdr eh;
  if (b.size() < sizeof(eh) || b.compare(0, SELFMAG, ELFMAG) != 0) {
    *error = "not an ELF object";
    return false;
  }
  memcpy(&eh, b.data(), sizeof(eh));
  if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_shentsize != sizeof(Elf64_Shdr) ||
      eh.e_shoff > b.size() || eh.e_shnum > (b.size() - eh.e_shoff) / sizeof(Elf64_Shdr) ||
      eh.e_shstrndx >= eh.e_shnum) {
    *error = "bad ELF section table";
    return false;
  }
  auto shdr = [&](size_t i) {
    Elf64_Shdr sh;
    memcpy(&sh, b.data() + eh.e_shoff + i * sizeof(sh), sizeof(sh));
    return sh;
  };
  Elf64_Shdr strs = shdr(eh.e_shstrndx);
  for (size_t i = 0; i < eh.e_shnum; i++) {
    Elf64_Shdr sh = shdr(i);
    if (strs.sh_offset > b.size() || sh.sh_name >= b.size() - strs.sh_offset) continue;
    if (strcmp(b.c_str() + strs.sh_offset + sh.sh_name, WASMKM_DESC_SECTION) != 0) continue;
    wasmkm_desc d;
    if (sh.sh_offset > b.size() || sh.sh_size > b.size() - sh.sh_offset || sh.sh_size < sizeof(d))
      break;
    memcpy(&d, b.data() + sh.sh_offset, sizeof(d));
    std::string desc = b.substr(sh.sh_offset, sh.sh_size);
    uint64_t tab = d.imports, n = d.nimports, st = d.strtab, sts = d.strtab_size;
    if (d.magic != WASMKM_DESC_MAGIC || tab + n * sizeof(wasmkm_desc_import) > desc.size() ||
        st + sts > desc.size() || sts == 0 || desc[st + sts - 1] != 0)
      break;
    auto str = [&](uint32_t off) { return off < sts ? std::string(desc.c_str() + st + off) : ""; };
    for (uint64_t k = 0; k < n; k++) {
      wasmkm_desc_import im;
      memcpy(&im, desc.data() + tab + k * sizeof(im), sizeof(im));
      out->push_back({str(im.module), str(im.name), im.kind == WASMKM_IMPORT_FUNC ? "func" : "?"});
    }
    return true;
  }
  *error = "no valid " WASMKM_DESC_SECTION " descriptor (not a wasmkm app object)";
  return false;
}

bool ReadImportsOf(const std::string& path, const std::string& b, std::vector<Import>* out,
                   std::string* error) {
  bool ok = b.compare(0, 4, std::string("\0asm", 4)) == 0 ? ReadWasmImports(b, out, error)
                                                          : ReadWkoImports(b, out, error);
  if (!ok) *error = path + ": " + *error + " (give a .wasm or a .wko from aotc)";
  return ok;
}

bool ReadAppImports(const std::string& path, std::vector<Import>* out, std::string* error) {
  std::string b;
  if (!ReadUserFile(path, kMaxAppFile, "a .wasm or .wko file", &b, error)) return false;
  return ReadImportsOf(path, b, out, error);
}

}  // namespace wasmctl
