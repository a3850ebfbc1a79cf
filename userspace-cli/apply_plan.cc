// SPDX-License-Identifier: GPL-2.0
// wasmctl apply: reading a directory of manifests, spec digests, the plan.
#include "userspace-cli/apply_plan.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>

#include "aotc/sha256.h"
#include "userspace-cli/app_imports.h"
#include "userspace-cli/caps.h"
#include "userspace-cli/files.h"
#include "userspace-cli/format.h"
#include "userspace-cli/manifest.h"
#include "userspace-cli/resolve.h"
#include "userspace-cli/wko_info.h"

namespace wasmctl {

const std::array<const char*, 6> kSpecParts = {"code",   "args",           "env",
                                               "grants", "restart policy", "memory limit"};

namespace {

constexpr size_t kPartBytes = 5;
static_assert(1 + kSpecParts.size() * kPartBytes <= WASMKM_SPEC_DIGEST_LEN);

// Length-prefixed, so that ["ab"] and ["a", "b"] differ.
void Add(aotc::Sha256* h, const std::string& s) {
  uint64_t n = s.size();
  h->Update(&n, sizeof(n));
  h->Update(s.data(), s.size());
}

void AddNumbers(aotc::Sha256* h, std::initializer_list<uint32_t> v) {
  for (uint32_t x : v) h->Update(&x, sizeof(x));
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// Every grant resolvable now (a directory that exists, ...), each error
// naming the manifest line of the grant.
bool CheckGrants(const Manifest& m, std::string* error) {
  for (size_t i = 0; i < m.caps.size(); i++) {
    CapSpec cap;
    if (!ParseCap(m.caps[i], &cap, error, m.caps_origin[i])) return false;
    const CapKind* kind = FindCapKind(cap.kind);
    wasmkm_cap out{};
    std::vector<int> fds;
    bool ok = kind && kind->resolve(cap, &out, &fds, error);
    for (int fd : fds) close(fd);
    if (!ok) {
      *error = m.caps_origin[i] + ": " + (kind ? *error : "unknown capability kind " + cap.kind);
      return false;
    }
  }
  return true;
}

// The object readable and loadable here (what load checks before LOAD).
bool CheckObject(const Manifest& m, const std::string& path, std::string* bytes,
                 std::string* error) {
  std::string e;
  if (!ReadUserFile(path, kMaxAppFile, "a .wasm or .wko file", bytes, &e)) {
    *error = m.file_origin + ": " + e;
    return false;
  }
  std::vector<Import> imports;
  if (!ReadImportsOf(path, *bytes, &imports, &e)) {
    *error = m.file_origin + ": " + e;
    return false;
  }
  for (const Import& im : imports)
    if (!KnownImport(im)) {
      *error = m.file_origin + ": " + path + " imports " + im.module + "." + im.name +
               ", which wasmkm.ko does not provide (see wasmctl inspect " + path + ")";
      return false;
    }
  if (bytes->size() >= 4 && memcmp(bytes->data(), "\0asm", 4) == 0) return true;
  WkoInfo wi;
  if (!ReadWkoInfo(*bytes, &wi, &e)) {
    *error = m.file_origin + ": " + path + ": " + e;
    return false;
  }
  std::string mismatch = WkoMismatch(path, wi);
  if (!mismatch.empty()) {
    *error = m.file_origin + ": " + mismatch;
    return false;
  }
  return true;
}

bool ReadOne(const std::string& dir, const std::string& file, Declared* d, std::string* error) {
  d->manifest = dir + "/" + file;
  Manifest m;
  if (!ReadManifest(d->manifest, &m, error)) return false;
  if (!m.file) {
    *error = d->manifest +
             ": no file key: name the app's object, e.g. file = \"sensor.wasm\" (from the "
             "manifest's directory)";
    return false;
  }
  std::string object = m.file->front() == '/' ? *m.file : dir + "/" + *m.file;
  std::vector<std::string> args = {object, "-m", d->manifest};
  if (!m.name) {
    std::string stem = file.substr(0, file.size() - 5);
    if (!ValidAppName(stem)) {
      *error = d->manifest +
               ": no name key, and the file name is no app name: add name = \"...\" (1 to 63 "
               "letters, digits, '.', '_' or '-')";
      return false;
    }
    args.insert(args.end(), {"--name", stem});
  }
  if (!ParseLoadOptions(args, &d->load, error)) {
    if (error->rfind(d->manifest, 0) != 0) *error = d->manifest + ": " + *error;
    return false;
  }
  std::string bytes;
  if (!CheckGrants(m, error) || !CheckObject(m, object, &bytes, error)) return false;
  d->load.spec_digest = ComputeSpecDigest(d->load, bytes);
  return true;
}

}  // namespace

SpecDigest ComputeSpecDigest(const LoadOptions& o, const std::string& object) {
  std::array<aotc::Sha256, kSpecParts.size()> h;
  h[0].Update(object.data(), object.size());
  for (const std::string& a : o.argv) Add(&h[1], a);
  for (const std::string& e : o.env) Add(&h[2], e);
  for (const CapSpec& c : o.caps) {
    Add(&h[3], c.kind);
    Add(&h[3], c.key);
    Add(&h[3], c.host);
    Add(&h[3], c.guest);
    AddNumbers(&h[3], {c.ro});
    h[3].Update(&c.uapi, sizeof(c.uapi));
  }
  const RestartSpec& r = o.restart;
  AddNumbers(&h[4], {r.policy, r.delay_ms, r.delay_max_ms, r.burst, r.interval_ms});
  AddNumbers(&h[5], {o.mem_max_pages});
  SpecDigest d{};
  d[0] = kSpecFormat;
  for (size_t i = 0; i < h.size(); i++) {
    aotc::Sha256Digest part = h[i].Final();
    memcpy(&d[1 + i * kPartBytes], part.data(), kPartBytes);
  }
  return d;
}

bool IsApplied(const uint8_t* d) { return d[0] == kSpecFormat; }

std::string ChangedParts(const uint8_t* old_digest, const SpecDigest& now) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < kSpecParts.size(); i++)
    if (memcmp(old_digest + 1 + i * kPartBytes, &now[1 + i * kPartBytes], kPartBytes))
      parts.push_back(kSpecParts[i]);
  return Join(parts);
}

bool ReadDeclarations(const std::string& dir, std::vector<Declared>* out, std::string* error) {
  out->clear();
  std::unique_ptr<DIR, int (*)(DIR*)> d(opendir(dir.c_str()), closedir);
  if (!d) {
    *error = dir + ": " + strerror(errno) + " (give a directory of *.toml manifests)";
    return false;
  }
  std::vector<std::string> files;
  while (struct dirent* e = readdir(d.get())) {
    std::string n = e->d_name;
    if (n[0] != '.' && n.size() > 5 && n.compare(n.size() - 5, 5, ".toml") == 0) files.push_back(n);
  }
  std::sort(files.begin(), files.end());
  std::vector<Declared> decls(files.size());
  std::map<std::string, std::string> names;  // name -> manifest
  for (size_t i = 0; i < files.size(); i++) {
    if (!ReadOne(dir, files[i], &decls[i], error)) return false;
    auto [it, fresh] = names.emplace(decls[i].load.name, decls[i].manifest);
    if (!fresh) {
      *error = decls[i].manifest + ": name " + decls[i].load.name + " is already declared by " +
               it->second + ": give each app its own name";
      return false;
    }
  }
  *out = std::move(decls);
  return true;
}

const char* ActionName(Action::Kind k) {
  switch (k) {
    case Action::kStart:
      return "start";
    case Action::kRestart:
      return "restart";
    case Action::kKeep:
      return "keep";
    case Action::kPrune:
      return "prune";
  }
  return "?";
}

std::vector<Action> PlanApply(const std::vector<Declared>& decls,
                              const std::vector<wasmkm_app_info>& apps,
                              const std::vector<wasmkm_inst_info>& insts, bool prune) {
  // Applied apps by name, in id order.
  std::map<std::string, std::vector<const wasmkm_app_info*>> applied;
  for (const wasmkm_app_info& a : apps)
    if (IsApplied(a.spec_digest)) applied[FieldString(a.name, sizeof(a.name))].push_back(&a);
  std::vector<Action> plan;
  std::map<std::string, const Declared*> declared;
  for (const Declared& d : decls) declared[d.load.name] = &d;
  if (prune)
    for (const auto& [name, list] : applied)
      if (!declared.count(name)) {
        Action a;
        a.kind = Action::kPrune;
        a.name = name;
        a.reason = "no longer declared";
        for (const wasmkm_app_info* app : list) a.old_apps.push_back(app->app_id);
        plan.push_back(a);
      }
  for (const Declared& d : decls) {
    Action a;
    a.kind = Action::kStart;
    a.name = d.load.name;
    a.decl = &d;
    auto it = applied.find(d.load.name);
    if (it == applied.end()) {
      plan.push_back(a);
      continue;
    }
    const std::vector<const wasmkm_app_info*>& list = it->second;
    for (const wasmkm_app_info* app : list) a.old_apps.push_back(app->app_id);
    std::string changed = ChangedParts(list[0]->spec_digest, d.load.spec_digest);
    if (list.size() > 1 || !changed.empty() || list[0]->state != WASMKM_APP_ATTACHED) {
      a.kind = Action::kRestart;
      a.reason = list.size() > 1                         ? std::to_string(list.size()) + " loaded"
                 : list[0]->state != WASMKM_APP_ATTACHED ? "not attached"
                                                         : changed + " changed";
      plan.push_back(a);
      continue;
    }
    a.old_apps.clear();
    a.app_id = list[0]->app_id;
    // Live: running, or ended with a restart still to come.
    for (const wasmkm_inst_info& i : insts)
      if (i.app_id == a.app_id &&
          (i.state == WASMKM_INST_RUNNING || i.restart_state == WASMKM_RESTART_PENDING))
        a.inst_id = i.inst_id;
    if (a.inst_id) {
      a.kind = Action::kKeep;
    } else {
      a.reason = "not running";
    }
    plan.push_back(a);
  }
  return plan;
}

}  // namespace wasmctl
