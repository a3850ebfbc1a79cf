// SPDX-License-Identifier: GPL-2.0
// Capabilities: the --cap grammar, and which capability each import needs.
#ifndef WASMCTL_CAPS_H_
#define WASMCTL_CAPS_H_

#include <linux/wasmkm.h>

#include <string>
#include <vector>

#include "userspace-cli/app_imports.h"

namespace wasmctl {

// One grant, as --cap KIND:... gives it.  The kind's parser fills the fields
// of its kind; the kernel's struct is made from it at load (CapKind::resolve).
struct CapSpec {
  std::string kind;  // the prefix before the first ':' ("fs")
  // Two grants of one kind with the same key cannot both be given (the later
  // source replaces the earlier, two from one source are refused): fs, the
  // guest path.  key_name says what the key is, for messages ("guest path").
  std::string key;
  std::string key_name;
  std::string source;  // what the grant names on the host, for messages
  // fs:HOST[:GUEST][:ro]: HOST preopened as GUEST (default HOST).
  std::string host;
  std::string guest;
  bool ro = false;
  // Kinds that need no host descriptor fill their uapi struct when parsing.
  wasmkm_cap uapi{};
};

// A kind of grant: a file userspace-cli/cap_KIND.cc defines one, and the
// table in caps.cc lists it.
struct CapKind {
  const char* prefix;  // "fs": --cap fs:...
  const char* form;    // for errors: "fs:HOSTDIR[:GUESTDIR][:ro]"
  // @rest: what follows "prefix:".  False with *error saying what is wrong
  // (ParseCap adds where the text came from and the expected form).
  bool (*parse)(const std::string& rest, CapSpec* cap, std::string* error);
  // At load, in wasmctl: the kernel's struct for @cap.  A descriptor it
  // opens goes to *fds (wasmctl closes them after LOAD).  False with *error
  // naming the grant and what to do.
  bool (*resolve)(const CapSpec& cap, wasmkm_cap* out, std::vector<int>* fds, std::string* error);
};

extern const CapKind kCapFs;   // cap_fs.cc
extern const CapKind kCapNet;  // cap_net.cc

// Every kind, in the order errors list their forms.
const std::vector<const CapKind*>& CapKinds();

// The kind of @cap (nullptr for a CapSpec that ParseCap did not make).
const CapKind* FindCapKind(const std::string& prefix);

// False with *error saying what is wrong with @s and how it should look;
// @origin says where @s came from ("--cap", "sensor.toml:3: caps").
bool ParseCap(const std::string& s, CapSpec* cap, std::string* error,
              const std::string& origin = "--cap");

// What an import needs: "fs" (a file-system grant), "net" (a net: grant), "" (nothing), or, for
// what no grant provides, a sentence saying what the calls will return.
std::string ImportNeed(const Import& im);

// Imports the grants cannot satisfy (empty if all can be), each with the
// advice to give.  A warning, not a refusal: an app may open files only on
// some paths (issue: apps that never take them still run).
std::vector<std::string> UnsatisfiedImports(const std::vector<Import>& imports,
                                            const std::vector<CapSpec>& caps);

// False for an import wasmkm.ko does not provide (aotc refuses the module):
// not a function, or not in <linux/wasmkm_imports.h>.
bool KnownImport(const Import& im);

}  // namespace wasmctl

#endif  // WASMCTL_CAPS_H_
