// SPDX-License-Identifier: GPL-2.0
// Capability grammar and the import -> capability table.
#include "userspace-cli/caps.h"

#include <linux/wasmkm.h>
#include <linux/wasmkm_imports.h>

#include <algorithm>
#include <cstddef>

#include "userspace-cli/cap_dev.h"
#include "userspace-cli/cap_net.h"

namespace wasmctl {

static_assert(sizeof(wasmkm_cap) == WASMKM_CAP_SIZE, "struct wasmkm_cap changed size");
static_assert(offsetof(wasmkm_cap, guest_path) == 16, "struct wasmkm_cap moved guest_path");

// Every kind of grant; a new kind is its file cap_KIND.cc and one line here.
const std::vector<const CapKind*>& CapKinds() {
  static const std::vector<const CapKind*> kinds = {&kCapFs, &kCapNet, &kCapI2c, &kCapGpio};
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

namespace {

struct Known {
  const char* module;
  const char* name;
  const char* cap;  // the capability type it needs, "none" for none
};
#define WASMCTL_KNOWN(mod, name, sig, cap) Known{mod, #name, #cap},
const Known kKnown[] = {WASMKM_IMPORTS(WASMCTL_KNOWN)};
#undef WASMCTL_KNOWN

const Known* FindKnown(const Import& im) {
  for (const Known& k : kKnown)
    if (im.module == k.module && im.name == k.name) return &k;
  return nullptr;
}

}  // namespace

std::string ImportNeed(const Import& im) {
  const Known* k = FindKnown(im);
  if (!k || std::string(k->cap) == "none") return "";
  std::string cap = k->cap;
  if (FindCapKind(cap)) return cap;
  return (cap == "net" ? "sockets" : cap) +
         ", which no capability grants yet: the calls return ENOTSOCK or EBADF";
}

std::vector<std::string> UnsatisfiedImports(const std::vector<Import>& imports,
                                            const std::vector<CapSpec>& caps) {
  std::vector<std::string> out;
  for (const Import& im : imports) {
    std::string need = ImportNeed(im);
    const CapKind* kind = FindCapKind(need);
    if (!kind ||
        std::any_of(caps.begin(), caps.end(), [&](const CapSpec& c) { return c.kind == need; }))
      continue;
    if (need == "fs")
      out.push_back(im.module + "." + im.name +
                    " needs a file-system capability; without one the app sees no directory "
                    "and opening files fails (grant one with --cap fs:HOSTDIR[:GUESTDIR][:ro])");
    else
      out.push_back(im.module + "." + im.name + " needs a " + need +
                    " capability; without one its calls fail (grant one with --cap " + kind->form +
                    ")");
  }
  return out;
}

bool KnownImport(const Import& im) { return im.kind == "func" && FindKnown(im); }

}  // namespace wasmctl
