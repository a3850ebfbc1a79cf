// SPDX-License-Identifier: GPL-2.0
// wasmctl load: object (compiled on the fly from .wasm) -> LOAD ioctl ->
// finit_module -> START.
#include <fcntl.h>
#include <linux/wasmkm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "userspace-cli/app_imports.h"
#include "userspace-cli/args.h"
#include "userspace-cli/cache.h"
#include "userspace-cli/caps.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/files.h"
#include "userspace-cli/format.h"
#include "userspace-cli/load_options.h"
#include "userspace-cli/wko_info.h"

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

// The kernel's module signature check (kernel/module/signing.c) refuses an
// unsigned object on a kernel that enforces signatures with EKEYREJECTED, a
// bad signature with EKEYREJECTED or EBADMSG, a key it does not trust with
// ENOKEY.  wasmkm.ko's own attach refusals also use EKEYREJECTED, but then
// APP_INFO holds its reason (@wasmkm_reason).
std::string SigningAdvice(int err, const std::string& wasmkm_reason) {
  if (!wasmkm_reason.empty() || (err != EKEYREJECTED && err != EBADMSG && err != ENOKEY)) return "";
  return "the kernel refused the object's module signature: this kernel requires signed "
         "modules (Secure Boot or module.sig_enforce=1); sign the object with a key it trusts: "
         "aotc APP.wasm -o APP.wko --sign-key KEY.pem --sign-cert CERT.der, or wasmctl load "
         "APP.wasm --sign-key KEY.pem --sign-cert CERT.der (Documentation/secure-boot.md)";
}

// What to do after finit_module(2) failed with @err.
std::string FinitAdvice(int err, const std::string& module) {
  switch (err) {
    case EEXIST:
      return "a kernel module named " + module +
             " is already loaded but not attached: rmmod it, then load again";
    case EPERM:
    case EACCES:
      return "loading new code needs root (CAP_SYS_MODULE); with module signing enforced, "
             "sign the .wko";
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
  if (!ParseLoadOptions(args, &o, &error)) {
    // A manifest's error names its file and line: no pointer to --help.
    if (!o.manifest.empty() &&
        (error.rfind(o.manifest + ":", 0) == 0 || error.rfind("manifest ", 0) == 0))
      return Fail("load", error, kExitUsage);
    return UsageError("load", error);
  }
  if (o.help) {
    fputs(CommandUsage("load"), stdout);
    return 0;
  }
  return LoadApp(std::move(o), nullptr);
}

int LoadApp(LoadOptions o, LoadedApp* out) {
  std::string error;
  std::string wko = o.file;
  std::string bytes;
  if (!ReadUserFile(o.file, kMaxAppFile, "a .wasm or .wko file", &bytes, &error))
    return Fail("load", error);
  // Refuse what cannot work before anything reaches the kernel.
  std::vector<Import> imports;
  if (!ReadImportsOf(o.file, bytes, &imports, &error)) return Fail("load", error);
  for (const Import& im : imports)
    if (!KnownImport(im))
      return Fail("load", o.file + " imports " + im.module + "." + im.name +
                              ", which wasmkm.ko does not provide (see wasmctl inspect " + o.file +
                              ")");
  bool wasm = IsWasm(o.file);
  if (!wasm && !o.sign_key.empty())
    return Fail("load", o.file +
                            " is a compiled object: --sign-key signs a .wasm compiled here; "
                            "sign a .wko when compiling it (aotc --sign-key KEY --sign-cert "
                            "CERT)");
  if (!wasm) {
    WkoInfo wi;
    if (!ReadWkoInfo(bytes, &wi, &error)) return Fail("load", o.file + ": " + error);
    std::string mismatch = WkoMismatch(o.file, wi);
    if (!mismatch.empty()) return Fail("load", mismatch);
  }
  // Apps that open files only on some paths still run without a grant.
  for (const std::string& m : UnsatisfiedImports(imports, o.caps)) Warn("load", m);
  struct stat in;
  if (o.wait && fstat(STDIN_FILENO, &in) == 0 && (S_ISFIFO(in.st_mode) || S_ISREG(in.st_mode)))
    Warn("load", "the app's stdin is empty: wasmctl does not pass its own stdin to the app");
  // Each grant goes to the kernel as its kind makes it (an fs grant: an open directory).
  std::vector<wasmkm_cap> caps(o.caps.size());
  std::vector<int> dirfds;
  auto close_dirs = [&] {
    for (int fd : dirfds) close(fd);
    dirfds.clear();
  };
  // fs grants first: a socket's fd_prestat_get is EBADF, which ends wasi-libc's preopen scan.
  std::stable_partition(o.caps.begin(), o.caps.end(),
                        [](const CapSpec& c) { return c.kind != "net"; });
  for (size_t i = 0; i < o.caps.size(); i++) {
    caps[i] = o.caps[i].uapi;
    const CapKind* kind = FindCapKind(o.caps[i].kind);
    if (!kind || !kind->resolve(o.caps[i], &caps[i], &dirfds, &error)) {
      close_dirs();
      return Fail("load", kind ? error : "--cap: unknown capability kind " + o.caps[i].kind);
    }
  }
  // Fail on a missing /dev/wasm before spending time in aotc.
  Device dev;
  if (!dev.Open(&error)) {
    close_dirs();
    return Fail("load", error);
  }
  if (wasm && !CompileCached(o.file, o.app_name, o.verbose, &wko, &error,
                             SignFiles{o.sign_key, o.sign_cert})) {
    close_dirs();
    return Fail("load", error);
  }
  int obj = open(wko.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (obj < 0) {
    int err = errno;
    close_dirs();
    return Fail("load", wko + ": " + strerror(err));
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
  snprintf(l.name, sizeof(l.name), "%s", o.name.c_str());
  memcpy(l.spec_digest, o.spec_digest.data(), sizeof(l.spec_digest));
  int err = dev.Ioctl(WASMKM_IOC_LOAD, &l);
  close_dirs();
  // The same code already loaded: the new app shares it, no finit_module.
  bool existing = !err && l.attached;
  std::string module = FieldString(l.module_name, sizeof(l.module_name));
  if (err) {
    std::string ktext = FieldString(l.error, sizeof(l.error));
    close(obj);
    return Fail("load", ErrnoText(wko + ": refused by wasmkm.ko", err) +
                            (ktext.empty() ? "" : ": " + ktext));
  }
  if (!existing) {
    std::string params = "wasmkm_app=" + std::to_string(l.app_id);
    if (syscall(SYS_finit_module, obj, params.c_str(), 0) != 0) {
      int ferr = errno;
      wasmkm_app_info info;
      std::string reason;
      if (dev.AppInfo(l.app_id, &info) == 0) reason = FieldString(info.error, sizeof(info.error));
      wasmkm_unload u{};
      u.size = sizeof(u);
      u.app_id = l.app_id;
      dev.Ioctl(WASMKM_IOC_UNLOAD, &u);
      close(obj);
      std::string signing = SigningAdvice(ferr, reason);
      if (!signing.empty())
        return Fail("load", wko + ": loading module " + module + " failed: " + strerror(ferr) +
                                ": " + signing);
      return Fail("load", wko + ": loading module " + module + " failed: " + strerror(ferr) +
                              (reason.empty() ? "" : ": " + reason) + " (" +
                              FinitAdvice(ferr, module) + ")");
    }
  }
  close(obj);
  std::string app = "app " + std::to_string(l.app_id) + " (" + o.name + ")";
  if (!o.start) {
    if (g_opts.json) {
      JsonWriter w = NewJson();
      w.BeginObject().Field("app_id", l.app_id).Field("name", o.name).Field("module", module);
      PrintJson(w.Field("existing", existing).EndObject());
    }
    Note(app + " loaded");
    return 0;
  }
  wasmkm_start s{};
  s.size = sizeof(s);
  s.app_id = l.app_id;
  SetRestart(o.restart, &s);
  if (o.wait) HoldStopSignals();
  if (int serr = dev.Ioctl(WASMKM_IOC_START, &s))
    return Fail("load", app + " loaded, but " + ErrnoText("starting it failed", serr));
  if (out) {
    *out = {l.app_id, s.inst_id};
    return 0;
  }
  if (g_opts.json && !o.wait) {
    JsonWriter w = NewJson();
    w.BeginObject().Field("app_id", l.app_id).Field("name", o.name).Field("module", module);
    PrintJson(w.Field("existing", existing).Field("inst_id", s.inst_id).EndObject());
  }
  Note(app + " loaded, instance " + std::to_string(s.inst_id) + " started");
  if (!o.wait) return 0;
  WaitOptions wo;
  wo.detach = o.detach;
  wo.rm = o.rm;
  return WaitInstance(&dev, s.inst_id, l.app_id, wo);
}

}  // namespace wasmctl
