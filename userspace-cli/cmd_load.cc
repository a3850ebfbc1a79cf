// SPDX-License-Identifier: GPL-2.0
// wasmctl load: object (compiled on the fly from .wasm) -> LOAD ioctl ->
// finit_module -> START.
#include <fcntl.h>
#include <linux/wasmkm.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "userspace-cli/app_imports.h"
#include "userspace-cli/args.h"
#include "userspace-cli/cache.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"
#include "userspace-cli/load_options.h"

namespace wasmctl {
namespace {

bool IsWasm(const std::string& path) {
  char magic[4] = {};
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool wasm = read(fd, magic, 4) == 4 && memcmp(magic, "\0asm", 4) == 0;
  close(fd);
  return wasm;
}

// What to do after finit_module(2) failed with @err.
std::string FinitAdvice(int err, const std::string& module) {
  switch (err) {
    case EEXIST:
      return "a kernel module named " + module +
             " is already loaded but not attached: rmmod it, then load again";
    case EPERM:
    case EACCES:
      return "needs root or CAP_SYS_MODULE; with module signing enforced, sign the .wko";
    case ENOEXEC:
      return "the object does not fit the running kernel: recompile it with aotc --kdir "
             "for this kernel";
    case ENOENT:
      return "unknown symbol: the object was built against another wasmkm.ko; recompile it";
    case EKEYREJECTED:
    case EBADMSG:
      return "signature rejected: sign the .wko with a key the kernel trusts";
    default:
      return "see dmesg";
  }
}

}  // namespace

int CmdLoad(const Args& args) {
  LoadOptions o;
  std::string error;
  if (!ParseLoadOptions(args, &o, &error)) return UsageError("load", error);
  if (o.help) {
    fputs(CommandUsage("load"), stdout);
    return 0;
  }
  std::string wko = o.file;
  if (access(o.file.c_str(), R_OK) != 0) {
    fprintf(stderr, "wasmctl load: %s: %s\n", o.file.c_str(), strerror(errno));
    return kExitError;
  }
  // Refuse what the grants cannot satisfy before anything reaches the kernel.
  std::vector<Import> imports;
  if (!ReadAppImports(o.file, &imports, &error)) {
    fprintf(stderr, "wasmctl load: %s\n", error.c_str());
    return kExitError;
  }
  std::vector<std::string> missing = UnsatisfiedImports(imports, o.caps);
  if (!missing.empty()) {
    fprintf(stderr, "wasmctl load: %s cannot run with the capabilities granted:\n", o.file.c_str());
    for (const std::string& m : missing) fprintf(stderr, "  %s\n", m.c_str());
    return kExitError;
  }
  // Each grant goes to the kernel as an open directory, resolved here.
  std::vector<wasmkm_cap> caps(o.caps.size());
  std::vector<int> dirfds;
  auto close_dirs = [&] {
    for (int fd : dirfds) close(fd);
  };
  for (size_t i = 0; i < o.caps.size(); i++) {
    int fd = open(o.caps[i].host.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      fprintf(stderr, "wasmctl load: --cap fs:%s: %s\n", o.caps[i].host.c_str(), strerror(errno));
      close_dirs();
      return kExitError;
    }
    dirfds.push_back(fd);
    caps[i].kind = WASMKM_CAP_FS;
    caps[i].flags = o.caps[i].ro ? WASMKM_CAP_RO : 0;
    caps[i].dir_fd = fd;
    snprintf(caps[i].guest_path, sizeof(caps[i].guest_path), "%s", o.caps[i].guest.c_str());
  }
  // Fail on a missing /dev/wasm before spending time in aotc.
  Device dev;
  if (!dev.Open(&error)) {
    fprintf(stderr, "wasmctl load: %s\n", error.c_str());
    close_dirs();
    return kExitError;
  }
  if (IsWasm(o.file) && !CompileCached(o.file, o.app_name, o.verbose, &wko, &error)) {
    fprintf(stderr, "wasmctl load: %s\n", error.c_str());
    close_dirs();
    return kExitError;
  }
  int obj = open(wko.c_str(), O_RDONLY | O_CLOEXEC);
  if (obj < 0) {
    fprintf(stderr, "wasmctl load: %s: %s\n", wko.c_str(), strerror(errno));
    close_dirs();
    return kExitError;
  }
  std::string argv = NulBlob(o.argv), env = NulBlob(o.env);
  wasmkm_load l{};
  l.size = sizeof(l);
  l.obj_fd = obj;
  l.mem_max_pages = o.mem_max_pages;
  l.argv = reinterpret_cast<uintptr_t>(argv.data());
  l.argv_len = uint32_t(argv.size());
  l.env = reinterpret_cast<uintptr_t>(env.data());
  l.env_len = uint32_t(env.size());
  l.caps = reinterpret_cast<uintptr_t>(caps.data());
  l.ncaps = uint32_t(caps.size());
  int err = dev.Ioctl(WASMKM_IOC_LOAD, &l);
  close_dirs();
  // The same code already loaded: the new app shares it, no finit_module.
  bool existing = !err && l.attached;
  std::string module = FieldString(l.module_name, sizeof(l.module_name));
  if (err) {
    std::string ktext = FieldString(l.error, sizeof(l.error));
    fprintf(stderr, "wasmctl load: %s: %s%s%s\n", wko.c_str(),
            ErrnoText("refused by wasmkm.ko", err).c_str(), ktext.empty() ? "" : ": ",
            ktext.c_str());
    close(obj);
    return kExitError;
  }
  if (!existing) {
    std::string params = "wasmkm_app=" + std::to_string(l.app_id);
    if (syscall(SYS_finit_module, obj, params.c_str(), 0) != 0) {
      int ferr = errno;
      wasmkm_app_info info;
      std::string reason;
      if (dev.AppInfo(l.app_id, &info) == 0) reason = FieldString(info.error, sizeof(info.error));
      fprintf(stderr, "wasmctl load: %s: loading module %s failed: %s%s%s\n  (%s)\n", wko.c_str(),
              module.c_str(), strerror(ferr), reason.empty() ? "" : ": ", reason.c_str(),
              FinitAdvice(ferr, module).c_str());
      wasmkm_unload u{};
      u.size = sizeof(u);
      u.app_id = l.app_id;
      dev.Ioctl(WASMKM_IOC_UNLOAD, &u);
      close(obj);
      return kExitError;
    }
  }
  close(obj);
  if (!o.start) {
    if (o.json)
      printf("{\"app_id\": %u, \"module\": %s, \"existing\": %s}\n", l.app_id,
             JsonString(module).c_str(), existing ? "true" : "false");
    else
      printf("app %u (%s) loaded\n", l.app_id, module.c_str());
    return 0;
  }
  wasmkm_start s{};
  s.size = sizeof(s);
  s.app_id = l.app_id;
  if (int serr = dev.Ioctl(WASMKM_IOC_START, &s)) {
    fprintf(stderr, "wasmctl load: app %u (%s) loaded, but %s\n", l.app_id, module.c_str(),
            ErrnoText("starting it failed", serr).c_str());
    return kExitError;
  }
  if (o.json)
    printf("{\"app_id\": %u, \"module\": %s, \"existing\": %s, \"inst_id\": %u}\n", l.app_id,
           JsonString(module).c_str(), existing ? "true" : "false", s.inst_id);
  else
    printf("app %u (%s) loaded, instance %u started\n", l.app_id, module.c_str(), s.inst_id);
  fflush(stdout);
  return o.wait ? WaitInstance(&dev, s.inst_id) : 0;
}

}  // namespace wasmctl
