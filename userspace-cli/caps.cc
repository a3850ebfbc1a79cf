// SPDX-License-Identifier: GPL-2.0
// Capability grammar and the import -> capability table.
#include "userspace-cli/caps.h"

#include <linux/wasmkm.h>
#include <linux/wasmkm_imports.h>

#include <cstddef>

#include "userspace-cli/cap_net.h"

namespace wasmctl {

static_assert(sizeof(wasmkm_cap) == WASMKM_CAP_SIZE, "struct wasmkm_cap changed size");
static_assert(offsetof(wasmkm_cap, guest_path) == 16, "struct wasmkm_cap moved guest_path");

// Every kind of grant; a new kind is its file cap_KIND.cc and one line here.
const std::vector<const CapKind*>& CapKinds() {
  static const std::vector<const CapKind*> kinds = {&kCapFs, &kCapNet};
  return kinds;
}

const CapKind* FindCapKind(const std::string& prefix) {
  for (const CapKind* k : CapKinds())
    if (prefix == k->prefix) return k;
  return nullptr;
}

bool ParseCap(const std::string& s, CapSpec* cap, std::string* error, const std::string& origin) {
  const std::string at = origin + " " + s.substr(0, 300);
  size_t colon = s.find(':');
  const CapKind* kind = colon == std::string::npos ? nullptr : FindCapKind(s.substr(0, colon));
  if (!kind) {
    std::string forms;
    for (const CapKind* k : CapKinds())
      forms += (forms.empty() ? "" : " or ") + std::string(k->form);
    *error = at + ": unknown capability kind (expected " + forms + ")";
    return false;
  }
  *cap = CapSpec{};
  cap->kind = kind->prefix;
  std::string what;
  if (!kind->parse(s.substr(colon + 1), cap, &what)) {
    *error = at + ": " + what + " (expected " + kind->form + ")";
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
  for (const CapSpec& c : caps) (c.kind == "net" ? net : fs) = true;
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
