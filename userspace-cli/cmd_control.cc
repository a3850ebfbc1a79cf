// SPDX-License-Identifier: GPL-2.0
// wasmctl start, stop, unload, rm, prune.
#include <fcntl.h>
#include <linux/wasmkm.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "userspace-cli/args.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"
#include "userspace-cli/load_options.h"
#include "userspace-cli/resolve.h"
#include "userspace-cli/restart_opts.h"
#include "userspace-cli/trap_text.h"

namespace wasmctl {
namespace {

// Parses "CMD [switches] ARG..." with -h; returns -1 to go on, else the exit
// status (help printed or usage error).
int ParseCommand(const char* cmd, const Args& args, const std::vector<FlagSpec>& extra,
                 ParsedArgs* p) {
  std::string error;
  std::vector<FlagSpec> specs = extra;
  specs.push_back({"-h", false});
  specs.push_back({"--help", false});
  if (!ParseFlags(args, specs, p, &error)) return UsageError(cmd, error);
  if (p->Has("-h") || p->Has("--help")) {
    fputs(CommandUsage(cmd), stdout);
    return 0;
  }
  return -1;
}

int OpenDevice(const char* cmd, Device* dev) {
  std::string error;
  return dev->Open(&error) ? 0 : Fail(cmd, error);
}

std::string AppLabel(const wasmkm_app_info& a) {
  return "app " + std::to_string(a.app_id) + " (" + FieldString(a.name, sizeof(a.name)) + ")";
}

bool HasRunning(const std::vector<wasmkm_inst_info>& insts, uint32_t app_id) {
  for (const wasmkm_inst_info& i : insts)
    if (i.app_id == app_id && i.state == WASMKM_INST_RUNNING) return true;
  return false;
}

void PrintRemoved(const std::vector<uint32_t>& ids) {
  if (!g_opts.json) return;
  JsonWriter w = NewJson();
  w.BeginObject().Key("unloaded").BeginArray();
  for (uint32_t id : ids) w.Uint(id);
  PrintJson(w.EndArray().EndObject());
}

}  // namespace

int UnloadApp(const char* cmd, Device* dev, uint32_t app_id) {
  std::string what = "app " + std::to_string(app_id);
  wasmkm_app_info info;
  if (int err = dev->AppInfo(app_id, &info)) return Fail(cmd, ErrnoText(what, err));
  std::string module = FieldString(info.module_name, sizeof(info.module_name));
  what = AppLabel(info);
  wasmkm_unload u{};
  u.size = sizeof(u);
  u.app_id = app_id;
  if (int err = dev->Ioctl(WASMKM_IOC_UNLOAD, &u)) return Fail(cmd, ErrnoText(what, err));
  if (info.state == WASMKM_APP_ATTACHED && !module.empty()) {
    // Other apps may share the code: it stays until the last one goes.
    std::vector<wasmkm_app_info> apps;
    bool shared = false;
    if (dev->ListApps(&apps) == 0)
      for (const wasmkm_app_info& a : apps)
        shared |= FieldString(a.module_name, sizeof(a.module_name)) == module;
    if (shared) {
      Note(what + " unloaded; its code (" + module + ") stays loaded for other apps");
      return 0;
    }
    if (syscall(SYS_delete_module, module.c_str(), O_NONBLOCK) != 0 && errno != ENOENT) {
      int err = errno;
      if (err == EPERM) {
        Note(what + " unloaded; removing its code (module " + module +
             ") needs root (CAP_SYS_MODULE): sudo rmmod " + module);
        return 0;
      }
      if (err == EBUSY || err == EWOULDBLOCK)
        return Fail(cmd, what + " forgotten, but module " + module +
                             " is still in use: run `rmmod " + module + "` once nothing uses it");
      return Fail(cmd, what + " forgotten, but " + ErrnoText("removing module " + module, err));
    }
  }
  Note(what + " unloaded");
  return 0;
}

int CmdStart(const Args& args) {
  ParsedArgs p;
  std::vector<FlagSpec> specs = {
      {"--wait", false}, {"--rm", false}, {"--detach", false}, {"--arg", true}, {"--env", true}};
  specs.insert(specs.end(), kRestartFlags.begin(), kRestartFlags.end());
  if (int rc = ParseCommand("start", args, specs, &p); rc >= 0) return rc;
  if (p.positional.size() != 1) return UsageError("start", "give one APP (an id or a name)");
  if ((p.Has("--rm") || p.Has("--detach")) && !p.Has("--wait"))
    return UsageError("start", "--rm and --detach go with --wait");
  Device dev;
  if (int rc = OpenDevice("start", &dev)) return rc;
  uint32_t app_id;
  std::string error;
  if (!ResolveApp(&dev, p.positional[0], &app_id, &error)) return Fail("start", error);
  StartOverrides ov;
  if (p.Has("--arg") || p.Has("--env")) {
    // argv[0] is the app's name, as load gives it.
    wasmkm_app_info info;
    if (int err = dev.AppInfo(app_id, &info))
      return Fail("start", ErrnoText("app " + std::to_string(app_id), err));
    if (!ParseStartOverrides(p.flags["--arg"], p.flags["--env"],
                             FieldString(info.name, sizeof(info.name)), &ov, &error))
      return Fail("start", error);
  }
  std::string argv = NulBlob(ov.argv), env = NulBlob(ov.env);
  wasmkm_start s{};
  s.size = sizeof(s);
  s.app_id = app_id;
  if (ov.has_argv) {
    s.flags |= WASMKM_START_ARGV;
    s.argv = reinterpret_cast<uintptr_t>(argv.data());
    s.argv_len = uint32_t(argv.size());
  }
  if (ov.has_env) {
    s.flags |= WASMKM_START_ENV;
    s.env = reinterpret_cast<uintptr_t>(env.data());
    s.env_len = uint32_t(env.size());
  }
  RestartSpec restart;
  if (!ParseRestartFlags(p, &restart, "", &error)) return UsageError("start", error);
  SetRestart(restart, &s);
  if (p.Has("--wait")) HoldStopSignals();
  if (int err = dev.Ioctl(WASMKM_IOC_START, &s)) {
    if (s.restart && err == E2BIG)
      return Fail("start", "app " + std::to_string(app_id) +
                               ": this wasmkm.ko has no restart policies: update it");
    // An older wasmkm.ko refuses the longer struct (E2BIG) or the flags.
    if (s.flags && (err == E2BIG || err == EINVAL))
      return Fail("start", "app " + std::to_string(app_id) +
                               ": this wasmkm.ko does not take --arg/--env on start: update "
                               "it, or load the app again with them");
    return Fail("start", ErrnoText("app " + std::to_string(app_id), err));
  }
  if (g_opts.json && !p.Has("--wait")) {
    JsonWriter w = NewJson();
    PrintJson(w.BeginObject().Field("app_id", app_id).Field("inst_id", s.inst_id).EndObject());
  }
  Note("instance " + std::to_string(s.inst_id) + " of app " + std::to_string(app_id) + " started");
  if (!p.Has("--wait")) return 0;
  WaitOptions o;
  o.detach = p.Has("--detach");
  o.rm = p.Has("--rm");
  return WaitInstance(&dev, s.inst_id, app_id, o);
}

int CmdStop(const Args& args) {
  ParsedArgs p;
  if (int rc = ParseCommand("stop", args, {}, &p); rc >= 0) return rc;
  if (p.positional.size() != 1) return UsageError("stop", "give one INST (an id or a name)");
  Device dev;
  if (int rc = OpenDevice("stop", &dev)) return rc;
  uint32_t inst_id;
  std::string error;
  if (!ResolveInst(&dev, p.positional[0], &inst_id, &error)) return Fail("stop", error);
  std::string what = "instance " + std::to_string(inst_id);
  wasmkm_inst_info info;
  if (int err = dev.InstInfo(inst_id, &info)) return Fail("stop", ErrnoText(what, err));
  // Stopping what has ended is a mistake worth saying (a script's stale id),
  // unless it is to be restarted or was: the stop ends its restarts for good.
  bool chain =
      info.restart_state == WASMKM_RESTART_PENDING || info.restart_state == WASMKM_RESTART_DONE;
  if (info.state != WASMKM_INST_RUNNING && !chain)
    return Fail("stop", what + " has already ended (" + InstStateName(info.state) +
                            "): nothing to stop (wasmctl rm " + std::to_string(info.app_id) +
                            " forgets its app)");
  wasmkm_stop s{};
  s.size = sizeof(s);
  s.inst_id = inst_id;
  if (int err = dev.Ioctl(WASMKM_IOC_STOP, &s)) return Fail("stop", ErrnoText(what, err));
  if (g_opts.json) {
    JsonWriter w = NewJson();
    PrintJson(w.BeginObject().Field("inst_id", inst_id).Field("state", "stopped").EndObject());
  }
  Note(what + (chain ? " stopped, and its restarts" : " stopped"));
  return 0;
}

// unload APP... | --all: every app, running or not.
// rm [-f] APP...: only apps with no running instance, unless -f.
// prune: every app of the caller's with no running instance.
static int RemoveApps(const char* cmd, const Args& args) {
  std::string c = cmd;
  ParsedArgs p;
  std::vector<FlagSpec> specs;
  if (c == "unload") specs.push_back({"--all", false});
  if (c == "rm") specs.push_back({"-f", false});
  if (int rc = ParseCommand(cmd, args, specs, &p); rc >= 0) return rc;
  bool all = p.Has("--all") || c == "prune";
  if (all && !p.positional.empty())
    return UsageError(cmd, c == "prune" ? "takes no APP" : "give APPs or --all, not both");
  if (!all && p.positional.empty()) return UsageError(cmd, "give an APP (an id or a name)");
  Device dev;
  if (int rc = OpenDevice(cmd, &dev)) return rc;
  std::vector<wasmkm_app_info> apps;
  std::vector<wasmkm_inst_info> insts;
  int err = dev.ListApps(&apps);
  if (!err) err = dev.ListInsts(&insts);
  if (err) return Fail(cmd, ErrnoText("listing", err));
  std::vector<uint32_t> ids;
  std::string error;
  if (all) {
    // Others' apps only for root: the kernel would refuse them anyway.
    for (const wasmkm_app_info& a : apps)
      if (geteuid() == 0 || a.uid == geteuid()) ids.push_back(a.app_id);
  } else {
    for (const std::string& arg : p.positional) {
      uint32_t id;
      if (!FindApp(apps, arg, &id, &error)) return Fail(cmd, error);
      ids.push_back(id);
    }
  }
  bool force = c == "unload" || p.Has("-f");
  std::vector<uint32_t> removed;
  int rc = 0;
  for (uint32_t id : ids) {
    if (!force && HasRunning(insts, id)) {
      if (c == "prune") continue;
      rc = Fail(cmd, "app " + std::to_string(id) +
                         " has a running instance: stop it first, or use rm -f to stop it");
      continue;
    }
    if (int r = UnloadApp(cmd, &dev, id))
      rc = r;
    else
      removed.push_back(id);
  }
  if (all && ids.empty()) Note("no apps to unload");
  PrintRemoved(removed);
  return rc;
}

int CmdUnload(const Args& args) { return RemoveApps("unload", args); }
int CmdRm(const Args& args) { return RemoveApps("rm", args); }
int CmdPrune(const Args& args) { return RemoveApps("prune", args); }

}  // namespace wasmctl
