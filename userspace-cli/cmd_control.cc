// SPDX-License-Identifier: GPL-2.0
// wasmctl start, stop, unload.
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

namespace wasmctl {
namespace {

// Parses "CMD ID [switches]"; returns -1 on success, else the exit status.
int ParseIdCommand(const char* cmd, const char* what, const Args& args,
                   const std::vector<FlagSpec>& extra, ParsedArgs* p, uint32_t* id) {
  std::string error;
  std::vector<FlagSpec> specs = extra;
  specs.push_back({"-h", false});
  specs.push_back({"--help", false});
  if (!ParseFlags(args, specs, p, &error)) return UsageError(cmd, error);
  if (p->Has("-h") || p->Has("--help")) {
    fputs(CommandUsage(cmd), stdout);
    return 0;
  }
  if (p->positional.size() != 1)
    return UsageError(cmd, std::string("expected one ") + what + " id (see wasmctl list)");
  if (!ParseId(p->positional[0], what, id, &error)) return UsageError(cmd, error);
  return -1;
}

bool OpenDevice(const char* cmd, Device* dev) {
  std::string error;
  if (dev->Open(&error)) return true;
  fprintf(stderr, "wasmctl %s: %s\n", cmd, error.c_str());
  return false;
}

}  // namespace

int CmdStart(const Args& args) {
  ParsedArgs p;
  uint32_t app_id;
  if (int rc = ParseIdCommand("start", "app", args, {{"--wait", false}}, &p, &app_id); rc >= 0)
    return rc;
  Device dev;
  if (!OpenDevice("start", &dev)) return kExitError;
  wasmkm_start s{};
  s.size = sizeof(s);
  s.app_id = app_id;
  if (int err = dev.Ioctl(WASMKM_IOC_START, &s)) {
    std::string hint = err == ENOENT ? " (no such app: see wasmctl list)" : "";
    fprintf(stderr, "wasmctl start: %s%s\n",
            ErrnoText("app " + std::to_string(app_id), err).c_str(), hint.c_str());
    return kExitError;
  }
  printf("instance %u of app %u started\n", s.inst_id, app_id);
  fflush(stdout);
  return p.Has("--wait") ? WaitInstance(&dev, s.inst_id) : 0;
}

int CmdStop(const Args& args) {
  ParsedArgs p;
  uint32_t inst_id;
  if (int rc = ParseIdCommand("stop", "instance", args, {}, &p, &inst_id); rc >= 0) return rc;
  Device dev;
  if (!OpenDevice("stop", &dev)) return kExitError;
  wasmkm_stop s{};
  s.size = sizeof(s);
  s.inst_id = inst_id;
  if (int err = dev.Ioctl(WASMKM_IOC_STOP, &s)) {
    std::string hint = err == ENOENT ? " (no such instance: see wasmctl list)" : "";
    fprintf(stderr, "wasmctl stop: %s%s\n",
            ErrnoText("instance " + std::to_string(inst_id), err).c_str(), hint.c_str());
    return kExitError;
  }
  printf("instance %u stopped\n", inst_id);
  return 0;
}

int CmdUnload(const Args& args) {
  ParsedArgs p;
  uint32_t app_id;
  if (int rc = ParseIdCommand("unload", "app", args, {}, &p, &app_id); rc >= 0) return rc;
  Device dev;
  if (!OpenDevice("unload", &dev)) return kExitError;
  wasmkm_app_info info;
  if (int err = dev.AppInfo(app_id, &info)) {
    std::string hint = err == ENOENT ? " (no such app: see wasmctl list)" : "";
    fprintf(stderr, "wasmctl unload: %s%s\n",
            ErrnoText("app " + std::to_string(app_id), err).c_str(), hint.c_str());
    return kExitError;
  }
  std::string module = FieldString(info.module_name, sizeof(info.module_name));
  wasmkm_unload u{};
  u.size = sizeof(u);
  u.app_id = app_id;
  if (int err = dev.Ioctl(WASMKM_IOC_UNLOAD, &u)) {
    fprintf(stderr, "wasmctl unload: %s\n",
            ErrnoText("app " + std::to_string(app_id), err).c_str());
    return kExitError;
  }
  if (info.state == WASMKM_APP_ATTACHED && !module.empty()) {
    // Other apps may share the code: it stays until the last one goes.
    std::vector<wasmkm_app_info> apps;
    bool shared = false;
    if (dev.ListApps(&apps) == 0)
      for (const wasmkm_app_info& a : apps)
        shared |= FieldString(a.module_name, sizeof(a.module_name)) == module;
    if (shared) {
      printf("app %u unloaded; its code (%s) stays loaded for other apps\n", app_id,
             module.c_str());
      return 0;
    }
    if (syscall(SYS_delete_module, module.c_str(), O_NONBLOCK) != 0 && errno != ENOENT) {
      int err = errno;
      if (err == EPERM) {
        printf("app %u unloaded; removing its code (%s) needs CAP_SYS_MODULE\n", app_id,
               module.c_str());
        return 0;
      }
      if (err == EBUSY || err == EWOULDBLOCK)
        fprintf(stderr,
                "wasmctl unload: app %u forgotten, but module %s is still in use (%s); "
                "run `rmmod %s` once nothing uses it\n",
                app_id, module.c_str(), strerror(err), module.c_str());
      else
        fprintf(stderr, "wasmctl unload: app %u forgotten, but %s\n", app_id,
                ErrnoText("removing module " + module, err).c_str());
      return kExitError;
    }
  }
  printf("app %u (%s) unloaded\n", app_id, module.c_str());
  return 0;
}

}  // namespace wasmctl
