// SPDX-License-Identifier: GPL-2.0
// wasmctl inspect: an app's imports and the capabilities they need; for a
// .wko also what it was built for; with -m, the grants of a manifest and the
// descriptor each becomes.
#include <algorithm>
#include <cstdio>

#include "userspace-cli/app_imports.h"
#include "userspace-cli/args.h"
#include "userspace-cli/caps.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/files.h"
#include "userspace-cli/format.h"
#include "userspace-cli/manifest.h"
#include "userspace-cli/wko_info.h"

namespace wasmctl {

namespace {

// The manifest's grants in descriptor order (grant i is descriptor 3 + i:
// directories first, as wasmctl load orders them), each as its text.
bool ManifestGrants(const std::string& path, std::vector<std::string>* out, std::string* error) {
  Manifest m;
  if (!ReadManifest(path, &m, error)) return false;
  std::vector<std::pair<CapSpec, std::string>> caps;
  for (size_t i = 0; i < m.caps.size(); i++) {
    CapSpec cap;
    if (!ParseCap(m.caps[i], &cap, error, m.caps_origin[i])) return false;
    caps.emplace_back(cap, m.caps[i]);
  }
  std::stable_partition(caps.begin(), caps.end(),
                        [](const auto& c) { return c.first.kind == "fs"; });
  for (const auto& c : caps) out->push_back(c.second);
  return true;
}

}  // namespace

int CmdInspect(const Args& args) {
  ParsedArgs p;
  std::string error;
  if (!ParseFlags(args, {{"-h", false}, {"--help", false}, {"-m", true}, {"--manifest", true}}, &p,
                  &error))
    return UsageError("inspect", error);
  if (p.Has("-h") || p.Has("--help")) {
    fputs(CommandUsage("inspect"), stdout);
    return 0;
  }
  if (p.positional.size() != 1) return UsageError("inspect", "give one FILE (.wasm or .wko)");
  const std::string& file = p.positional[0];
  std::string bytes;
  if (!ReadUserFile(file, kMaxAppFile, "a .wasm or .wko file", &bytes, &error))
    return Fail("inspect", error);
  std::string manifest = p.Has("--manifest") ? p.Get("--manifest") : p.Get("-m");
  std::vector<std::string> grants;
  if (!manifest.empty() && !ManifestGrants(manifest, &grants, &error))
    return Fail("inspect", error);
  std::vector<Import> imports;
  if (!ReadImportsOf(file, bytes, &imports, &error)) return Fail("inspect", error);
  bool wko = bytes.compare(0, 4, std::string("\0asm", 4)) != 0;
  WkoInfo wi;
  if (wko && !ReadWkoInfo(bytes, &wi, &error)) return Fail("inspect", file + ": " + error);
  bool fs = false, net = false;
  std::vector<std::string> unknown;
  for (const Import& im : imports) {
    fs |= ImportNeed(im) == "fs";
    net |= ImportNeed(im) == "net";
    if (!KnownImport(im)) unknown.push_back(im.module + "." + im.name);
  }
  if (g_opts.json) {
    JsonWriter w = NewJson();
    w.BeginObject().Field("file", file);
    if (wko) w.Field("arch", wi.arch).Field("kernel", wi.release);
    w.Key("imports").BeginArray();
    for (const Import& im : imports) {
      std::string need = ImportNeed(im);
      w.BeginObject().Field("module", im.module).Field("name", im.name).Field("kind", im.kind);
      w.Key("needs");
      if (need.empty())
        w.Null();
      else
        w.String(need);
      w.Field("provided", KnownImport(im)).EndObject();
    }
    w.EndArray().Key("capabilities").BeginArray();
    if (fs) w.String("fs");
    if (net) w.String("net");
    w.EndArray().Key("unknown_imports").BeginArray();
    for (const std::string& u : unknown) w.String(u);
    w.EndArray();
    if (!manifest.empty()) {
      w.Key("grants").BeginArray();
      for (size_t i = 0; i < grants.size(); i++)
        w.BeginObject().Field("fd", uint64_t(3 + i)).Field("cap", grants[i]).EndObject();
      w.EndArray();
    }
    PrintJson(w.EndObject());
  } else {
    printf("%s: %zu imports\n", file.c_str(), imports.size());
    if (wko)
      printf("built for: %s, kernel %s\n", wi.arch.c_str(),
             wi.release.empty() ? "(unknown)" : wi.release.c_str());
    for (const Import& im : imports) {
      std::string need = ImportNeed(im);
      if (!KnownImport(im)) need = "NOT PROVIDED by wasmkm.ko";
      printf("  %-6s %s.%s%s%s\n", im.kind.c_str(), im.module.c_str(), im.name.c_str(),
             need.empty() ? "" : "  needs: ",
             need == "fs"    ? "fs (--cap fs:HOSTDIR[:GUESTDIR][:ro])"
             : need == "net" ? "net (--cap net:tcp-listen:ADDR:PORT, tcp-connect, udp)"
                             : need.c_str());
    }
    std::string grant = fs ? "fs (at least one directory)" : "";
    if (net) grant += std::string(fs ? ", " : "") + "net (a socket)";
    printf("capabilities to grant: %s\n", grant.empty() ? "none" : grant.c_str());
    if (!manifest.empty()) {
      printf("grants of %s (descriptor: grant):%s\n", manifest.c_str(),
             grants.empty() ? " none" : "");
      for (size_t i = 0; i < grants.size(); i++) printf("  %zu: %s\n", 3 + i, grants[i].c_str());
    }
  }
  if (!unknown.empty()) {
    std::string list;
    for (const std::string& u : unknown) list += (list.empty() ? "" : ", ") + u;
    return Fail("inspect", file + " imports " + list +
                               ", which wasmkm.ko does not provide: aotc will refuse it "
                               "(remove the import, or provide it from within the module)");
  }
  if (wko) {
    std::string mismatch = WkoMismatch(file, wi);
    if (!mismatch.empty()) Warn("inspect", mismatch);
  }
  return 0;
}

}  // namespace wasmctl
