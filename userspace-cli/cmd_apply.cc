// SPDX-License-Identifier: GPL-2.0
// wasmctl apply DIR: make the loaded apps what DIR's manifests declare
// (userspace-cli/apply_plan.h).  Every manifest is read and checked before
// anything changes; then each action runs in turn, and one that fails is
// reported and the others still run (a box that boots should get every app
// that can run).
#include <cstdio>

#include "userspace-cli/apply_plan.h"
#include "userspace-cli/args.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"
#include "userspace-cli/restart_opts.h"

namespace wasmctl {
namespace {

// Starts one more instance of loaded app @a.app_id, as its declaration says.
bool StartLoaded(Device* dev, Action* a, std::string* error) {
  wasmkm_start s{};
  s.size = sizeof(s);
  s.app_id = a->app_id;
  SetRestart(a->decl->load.restart, &s);
  if (int err = dev->Ioctl(WASMKM_IOC_START, &s)) {
    *error = ErrnoText("starting app " + std::to_string(a->app_id) + " failed", err);
    return false;
  }
  a->inst_id = s.inst_id;
  return true;
}

// Carries out @a; false with *error saying what failed.
bool Run(Device* dev, Action* a, std::string* error) {
  FailCapture capture;  // load's and unload's messages: into *error
  auto failed = [&](const std::string& what) {
    *error = capture.message().empty() ? what + " failed" : capture.message();
    return false;
  };
  for (uint32_t id : a->old_apps)
    if (UnloadApp("apply", dev, id) != 0) return failed("unloading app " + std::to_string(id));
  if (a->kind == Action::kPrune || a->kind == Action::kKeep) return true;
  if (a->app_id) return StartLoaded(dev, a, error);
  LoadedApp out;
  if (LoadApp(a->decl->load, &out) != 0) return failed("loading " + a->decl->load.file);
  a->app_id = out.app_id;
  a->inst_id = out.inst_id;
  return true;
}

std::string Line(const Action& a) {
  std::string s = std::string(ActionName(a.kind)) + " " + a.name;
  return a.reason.empty() ? s : s + " (" + a.reason + ")";
}

}  // namespace

int CmdApply(const Args& args) {
  ParsedArgs p;
  std::string error;
  if (!ParseFlags(args,
                  {{"--prune", false}, {"--dry-run", false}, {"-h", false}, {"--help", false}}, &p,
                  &error))
    return UsageError("apply", error);
  if (p.Has("-h") || p.Has("--help")) {
    fputs(CommandUsage("apply"), stdout);
    return 0;
  }
  if (p.positional.size() != 1)
    return UsageError(
        "apply", p.positional.empty() ? "no DIR given (a directory of *.toml)" : "give one DIR");
  bool dry_run = p.Has("--dry-run");
  std::vector<Declared> decls;
  if (!ReadDeclarations(p.positional[0], &decls, &error))
    return Fail("apply", error + "; nothing was changed");
  Device dev;
  if (!dev.Open(&error)) return Fail("apply", error);
  std::vector<wasmkm_app_info> apps;
  std::vector<wasmkm_inst_info> insts;
  if (int err = dev.ListApps(&apps)) return Fail("apply", ErrnoText("listing apps", err));
  if (int err = dev.ListInsts(&insts)) return Fail("apply", ErrnoText("listing instances", err));
  for (const Declared& d : decls)
    for (const wasmkm_app_info& a : apps)
      if (!IsApplied(a.spec_digest) && FieldString(a.name, sizeof(a.name)) == d.load.name)
        Warn("apply", "app " + std::to_string(a.app_id) + " is also named " + d.load.name +
                          " but was not loaded by apply: it is left alone");
  std::vector<Action> plan = PlanApply(decls, apps, insts, p.Has("--prune"));
  int status = 0;
  JsonWriter w = NewJson();
  w.BeginArray();
  for (Action& a : plan) {
    std::string err;
    bool ok = dry_run || Run(&dev, &a, &err);
    if (g_opts.json) {
      w.BeginObject().Field("action", ActionName(a.kind)).Field("name", a.name);
      if (!a.reason.empty()) w.Field("reason", a.reason);
      if (a.decl) w.Field("manifest", a.decl->manifest);
      if (a.app_id && a.kind != Action::kPrune) w.Field("app_id", a.app_id);
      if (a.inst_id) w.Field("inst_id", a.inst_id);
      if (!ok) w.Field("error", err);
      w.EndObject();
    } else {
      printf("%s\n", Line(a).c_str());
      fflush(stdout);
    }
    if (!ok) {
      status = 1;
      if (!g_opts.json)
        Fail("apply", a.name + (a.decl ? " (" + a.decl->manifest + ")" : "") + ": " + err);
    }
  }
  if (g_opts.json) PrintJson(w.EndArray());
  return status;
}

}  // namespace wasmctl
