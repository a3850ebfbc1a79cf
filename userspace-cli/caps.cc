// SPDX-License-Identifier: GPL-2.0
// Capability grammar and the import -> capability table.
#include "userspace-cli/caps.h"

#include <linux/wasmkm.h>
#include <linux/wasmkm_imports.h>

#include "userspace-cli/cap_net.h"

namespace wasmctl {

bool ParseCap(const std::string& s, CapSpec* cap, std::string* error, const std::string& origin) {
  const std::string form = " (expected fs:HOSTDIR[:GUESTDIR][:ro])";
  const std::string at = origin + " " + s.substr(0, 300);
  if (s.rfind("net:", 0) == 0) {
    *cap = CapSpec{};
    cap->net = true;
    cap->guest = s;
    if (ParseNetCap(s.substr(4), &cap->net_cap, error)) return true;
    *error = at + ": " + *error + " (expected " + kNetCapForm + ")";
    return false;
  }
  if (s.rfind("fs:", 0) != 0) {
    *error = at + ": unknown capability kind (expected fs:HOSTDIR[:GUESTDIR][:ro] or " +
             kNetCapForm + ")";
    return false;
  }
  std::vector<std::string> parts;
  size_t start = 3;
  for (;;) {
    size_t colon = s.find(':', start);
    parts.push_back(s.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  *cap = CapSpec{};
  if (parts.size() > 1 && parts.back() == "ro") {
    cap->ro = true;
    parts.pop_back();
  }
  if (parts.size() > 2 || parts[0].empty() || (parts.size() == 2 && parts[1].empty())) {
    *error = at + ": bad form" + form;
    return false;
  }
  cap->host = parts[0];
  cap->guest = parts.size() == 2 ? parts[1] : parts[0];
  if (cap->guest.size() >= WASMKM_PATH_LEN) {
    *error = at + ": guest path longer than " + std::to_string(WASMKM_PATH_LEN - 1) + " bytes";
    return false;
  }
  return true;
}

std::string ImportNeed(const Import& im) {
  if (im.module != WASMKM_WASI_MODULE) return "";
  if (im.name.rfind("path_", 0) == 0) return "fs";
  if (im.name.rfind("sock_", 0) == 0) return "net";
  return "";
}

std::vector<std::string> UnsatisfiedImports(const std::vector<Import>& imports,
                                            const std::vector<CapSpec>& caps) {
  std::vector<std::string> out;
  bool fs = false, net = false;
  for (const CapSpec& c : caps) (c.net ? net : fs) = true;
  for (const Import& im : imports) {
    if (ImportNeed(im) == "net" && !net)
      out.push_back(im.module + "." + im.name +
                    " needs a net: capability; without one the app has no socket and the call "
                    "returns ENOTSOCK or EBADF (grant one with --cap " +
                    kNetCapForm + ")");
    if (ImportNeed(im) == "fs" && !fs)
      out.push_back(im.module + "." + im.name +
                    " needs a file-system capability; without one the app sees no directory "
                    "and opening files fails (grant one with --cap fs:HOSTDIR[:GUESTDIR][:ro])");
  }
  return out;
}

bool KnownImport(const Import& im) {
  struct Known {
    const char* module;
    const char* name;
  };
#define WASMCTL_KNOWN(mod, name, sig) Known{mod, #name},
  static const Known kKnown[] = {WASMKM_IMPORTS(WASMCTL_KNOWN)};
#undef WASMCTL_KNOWN
  if (im.kind != "func") return false;
  for (const Known& k : kKnown)
    if (im.module == k.module && im.name == k.name) return true;
  return false;
}

}  // namespace wasmctl
