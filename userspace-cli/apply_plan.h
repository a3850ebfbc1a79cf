// SPDX-License-Identifier: GPL-2.0
// wasmctl apply: a directory of manifests read and checked as a whole, and
// the plan that reconciles the loaded apps with it (what cmd_apply.cc
// carries out).  Nothing here touches /dev/wasm.
//
// The kernel keeps, per app, the spec digest wasmctl gave at LOAD
// (wasmkm_load.spec_digest).  apply sets it on every app it loads; an app
// whose digest is all zeros was loaded by hand and apply never touches it.
// The digest is a format byte (1), then for each part of the declaration
// (kSpecParts: the object's bytes, args, env, grants, restart policy,
// memory limit) the first 5 bytes of the SHA-256 of that part, so that a
// later apply can say what changed.
#ifndef WASMCTL_APPLY_PLAN_H_
#define WASMCTL_APPLY_PLAN_H_

#include <linux/wasmkm.h>

#include <array>
#include <string>
#include <vector>

#include "userspace-cli/load_options.h"

namespace wasmctl {

using SpecDigest = std::array<uint8_t, WASMKM_SPEC_DIGEST_LEN>;

constexpr uint8_t kSpecFormat = 1;
// The parts of a declaration, in digest order, as apply names them.
extern const std::array<const char*, 6> kSpecParts;

// One manifest of the directory, checked, ready for LoadApp().
struct Declared {
  std::string manifest;  // its path, for messages
  LoadOptions load;      // with load.spec_digest set
};

// The digest of @o (the parsed manifest) and @object, the object's bytes.
SpecDigest ComputeSpecDigest(const LoadOptions& o, const std::string& object);
// "args, env" for the parts that differ; "" if none does.
std::string ChangedParts(const uint8_t* old_digest, const SpecDigest& now);
// True if @d was set by apply (its format byte is known).
bool IsApplied(const uint8_t* d);

// Reads every DIR/*.toml (names starting with '.' skipped), in name order:
// each parsed as wasmctl load -m reads it, plus file = "OBJECT" (relative
// to DIR) and a name (default: the manifest's file name without .toml);
// the object readable, its imports known, each grant resolvable, no name
// twice.  False with *error naming the file, line and key of the first
// fault; then *out is left empty.
bool ReadDeclarations(const std::string& dir, std::vector<Declared>* out, std::string* error);

struct Action {
  enum Kind { kStart, kRestart, kKeep, kPrune } kind = kStart;
  std::string name;
  std::string reason;              // "args changed", "not running", ...
  const Declared* decl = nullptr;  // kStart, kRestart, kKeep
  std::vector<uint32_t> old_apps;  // kRestart, kPrune: what goes first
  uint32_t app_id = 0;             // kKeep, or kStart of a loaded app
  uint32_t inst_id = 0;            // kKeep: the running instance
};
const char* ActionName(Action::Kind k);

// What to do, in order: prunes (with @prune), then each declaration in turn.
// An app of a declared name is kept if apply loaded it, its digest matches
// and it has an instance running or waiting to restart; started again if
// only the last is false; else restarted (stop, unload, load, start).
std::vector<Action> PlanApply(const std::vector<Declared>& decls,
                              const std::vector<wasmkm_app_info>& apps,
                              const std::vector<wasmkm_inst_info>& insts, bool prune);

}  // namespace wasmctl

#endif  // WASMCTL_APPLY_PLAN_H_
