// SPDX-License-Identifier: GPL-2.0
// Reading a .wko's target from its ELF header and .modinfo.
#include "userspace-cli/wko_info.h"

#include <elf.h>
#include <sys/utsname.h>

#include <cstring>

namespace wasmctl {
namespace {

std::string ArchOfMachine(uint16_t m) {
  switch (m) {
    case EM_X86_64:
      return "x86-64";
    case EM_AARCH64:
      return "arm64";
    default:
      return "ELF machine " + std::to_string(m);
  }
}

std::string AotcArch(const std::string& arch) { return arch == "x86-64" ? "x86" : arch; }

}  // namespace

bool ReadWkoInfo(const std::string& b, WkoInfo* info, std::string* error) {
  Elf64_Ehdr eh;
  if (b.size() < sizeof(eh) || b.compare(0, SELFMAG, ELFMAG) != 0 || b[EI_CLASS] != ELFCLASS64) {
    *error = "not a 64-bit ELF object (a .wko from aotc)";
    return false;
  }
  memcpy(&eh, b.data(), sizeof(eh));
  *info = WkoInfo{};
  info->arch = ArchOfMachine(eh.e_machine);
  if (eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shoff > b.size() ||
      eh.e_shnum > (b.size() - eh.e_shoff) / sizeof(Elf64_Shdr) || eh.e_shstrndx >= eh.e_shnum)
    return true;  // no usable section table: arch only
  auto shdr = [&](size_t i) {
    Elf64_Shdr sh;
    memcpy(&sh, b.data() + eh.e_shoff + i * sizeof(sh), sizeof(sh));
    return sh;
  };
  Elf64_Shdr strs = shdr(eh.e_shstrndx);
  if (strs.sh_offset > b.size()) return true;
  for (size_t i = 0; i < eh.e_shnum; i++) {
    Elf64_Shdr sh = shdr(i);
    if (sh.sh_name >= b.size() - strs.sh_offset) continue;
    const char* name = b.c_str() + strs.sh_offset + sh.sh_name;
    if (strcmp(name, ".modinfo") != 0) continue;
    if (sh.sh_offset > b.size() || sh.sh_size > b.size() - sh.sh_offset) break;
    std::string mi = b.substr(sh.sh_offset, sh.sh_size);
    for (size_t p = 0; p < mi.size();) {
      size_t end = mi.find('\0', p);
      if (end == std::string::npos) end = mi.size();
      std::string kv = mi.substr(p, end - p);
      if (kv.rfind("vermagic=", 0) == 0) info->release = kv.substr(9, kv.find(' ') - 9);
      p = end + 1;
    }
    break;
  }
  return true;
}

std::string HostArch() {
  struct utsname u;
  if (uname(&u) != 0) return "";
  std::string m = u.machine;
  return m == "x86_64" ? "x86-64" : m == "aarch64" ? "arm64" : m;
}

std::string HostRelease() {
  struct utsname u;
  return uname(&u) == 0 ? u.release : "";
}

std::string WkoMismatch(const std::string& file, const WkoInfo& info) {
  std::string host = HostArch();
  if (!host.empty() && info.arch != host)
    return file + " is built for " + info.arch + ", this machine is " + host +
           ": rebuild it with aotc --arch " + AotcArch(host) +
           " --kdir <this kernel's headers>, or load the .wasm";
  std::string rel = HostRelease();
  if (!info.release.empty() && !rel.empty() && info.release != rel)
    return file + " is built for kernel " + info.release + ", this one is " + rel +
           ": rebuild it with aotc --kdir <headers of " + rel + ">, or load the .wasm";
  return "";
}

}  // namespace wasmctl
