// SPDX-License-Identifier: GPL-2.0
// The aotc pipeline.
#include "aotc/compile.h"

#include <linux/wasmkm_object.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "aotc/codegen/codegen.h"
#include "aotc/descriptor.h"
#include "aotc/import_check.h"
#include "aotc/kbuild.h"
#include "aotc/obj_digest.h"
#include "aotc/sha256.h"
#include "aotc/sign.h"
#include "aotc/wasm_module.h"

namespace fs = std::filesystem;

namespace aotc {
namespace {

bool ReadFile(const std::string& path, std::vector<uint8_t>* out, std::string* error) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    *error = path + ": cannot open: " + strerror(errno);
    return false;
  }
  out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  if (f.bad()) {
    *error = path + ": read error";
    return false;
  }
  return true;
}

std::string HostArch() {
  struct utsname u;
  if (uname(&u) == 0 && std::string(u.machine) == "aarch64") return "arm64";
  return "x86";
}

std::string KernelRelease() {
  struct utsname u;
  return uname(&u) == 0 ? u.release : "";
}

// The release of the kernel a build tree is for, as modules built there
// record it (UTS_RELEASE; Debian's include/config/kernel.release differs),
// or "" if the tree does not say.
std::string KdirRelease(const std::string& kdir) {
  std::ifstream f(fs::path(kdir) / "include" / "generated" / "utsrelease.h");
  const std::string key = "#define UTS_RELEASE \"";
  for (std::string line; std::getline(f, line);) {
    if (line.rfind(key, 0) != 0) continue;
    size_t end = line.find('"', key.size());
    if (end != std::string::npos) return line.substr(key.size(), end - key.size());
  }
  return "";
}

// Defaults for --include-dir and --symvers, relative to the aotc binary.
void ResolveDefaults(Options* o) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  fs::path dir = ec ? fs::path(".") : exe.parent_path();
  fs::path share = dir / ".." / "share" / "wasmkm";
  bool installed = fs::is_directory(share, ec);
  fs::path src = dir / ".." / "..";
  if (o->include_dir.empty())
    o->include_dir = fs::weakly_canonical(installed ? share / "include" : src, ec).string();
  if (o->kdir.empty()) o->kdir = "/lib/modules/" + KernelRelease() + "/build";
  if (o->symvers.empty()) {
    // Installed: the symbols of the wasmkm.ko built for the target kernel
    // (DKMS keeps one per kernel), else the one installed with aotc.
    fs::path symvers = src / "kmod" / "Module.symvers";
    if (installed) {
      std::string release = KdirRelease(o->kdir);
      fs::path per_kernel = share / "symvers" / release / "Module.symvers";
      symvers = !release.empty() && fs::is_regular_file(per_kernel, ec) ? per_kernel
                                                                        : share / "Module.symvers";
    }
    o->symvers = fs::weakly_canonical(symvers, ec).string();
  }
  if (o->arch.empty()) o->arch = HostArch();
  if (o->cross_compile.empty() && o->arch != HostArch())
    o->cross_compile = o->arch == "arm64" ? "aarch64-linux-gnu-" : "x86_64-linux-gnu-";
  if (o->name.empty()) o->name = FileStem(o->input);
}

bool CheckPaths(const Options& o, std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(fs::path(o.include_dir) / "kmod" / "include" / "wasmkm", ec) ||
      !fs::is_directory(fs::path(o.include_dir) / "uapi" / "linux", ec)) {
    *error = "--include-dir " + o.include_dir +
             ": no kmod/include/wasmkm and uapi/linux below it (give the wasmkm source tree or "
             "share/wasmkm/include)";
    return false;
  }
  if (!fs::is_regular_file(o.symvers, ec)) {
    *error = "--symvers " + o.symvers +
             ": missing; build wasmkm.ko first: make kmod (or give its Module.symvers)";
    return false;
  }
  if (!fs::exists(fs::path(o.kdir) / "Makefile", ec)) {
    *error = "--kdir " + o.kdir +
             ": not a kernel build tree (no Makefile); install the kernel headers "
             "(linux-headers-$(uname -r)) or pass --kdir";
    return false;
  }
  return true;
}

bool WriteAtomically(const std::string& path, const std::vector<uint8_t>& data,
                     std::string* error) {
  std::string tmp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data.data()), std::streamsize(data.size()));
    f.close();
    if (!f) {
      *error = tmp + ": cannot write: " + strerror(errno);
      unlink(tmp.c_str());
      return false;
    }
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    *error = path + ": cannot write: " + strerror(errno);
    unlink(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace

int Compile(const Options& opts_in) {
  Options o = opts_in;
  ResolveDefaults(&o);
  std::string error;

  std::vector<uint8_t> wasm;
  if (!ReadFile(o.input, &wasm, &error)) {
    std::cerr << "aotc: " << error << "\n";
    return kExitBuild;
  }
  wabt::Module module;
  if (!ReadWasm(o.input, wasm, &module, &error)) {
    std::cerr << "aotc: " << error << "\n";
    return kExitRefused;
  }
  Descriptor desc;
  if (!CheckImports(module, o.input, &desc.imports, &error)) {
    std::cerr << "aotc: " << error << "\n";
    return kExitRefused;
  }
  CodegenOptions copts;
  copts.app_name = o.name;
  CodegenResult code;
  if (!GenerateC(module, copts, &code, &error)) {
    std::cerr << "aotc: " << o.input << ": " << error << "\n";
    return kExitRefused;
  }
  if (!CheckPaths(o, &error)) {
    std::cerr << "aotc: " << error << "\n";
    return kExitBuild;
  }
  // An unreadable or mismatched key fails before the build, not after it.
  std::vector<uint8_t> probe(1);
  if (!o.sign_key.empty() && !SignObject(&probe, o.sign_key, o.sign_cert, &error)) {
    std::cerr << "aotc: " << error << "\n";
    return kExitBuild;
  }

  desc.wasm_sha256 = Sha256Of(wasm.data(), wasm.size());
  desc.app_name = o.name;
  if (desc.app_name.size() >= 64) {
    std::cerr << "aotc: app name \"" << o.name << "\" is longer than 63 bytes: pass --name\n";
    return kExitUsage;
  }
  desc.module_name = ModuleNameFor(o.name, desc.wasm_sha256);
  desc.machine = o.arch == "arm64" ? kMachineAarch64 : kMachineX86_64;
  MemoryLimits mem = MemoryLimitsOf(module);
  if (mem.present) {
    desc.flags |= WASMKM_DESC_F_MEMORY;
    desc.mem_min_pages = mem.min_pages;
    desc.mem_max_pages = mem.max_pages;
  }
  if (ExportsStart(module)) desc.flags |= WASMKM_DESC_F_START;
  desc.nfuncs = code.nfuncs;

  KbuildInput kb;
  if (!SerializeDescriptor(desc, &kb.desc, &error)) {
    std::cerr << "aotc: " << error << "\n";
    return kExitRefused;
  }
  kb.module_name = desc.module_name;
  kb.app_name = o.name;
  kb.arch = o.arch;
  kb.include_dir = o.include_dir;
  kb.code_c = std::move(code.code_c);

  std::error_code ec;
  bool temp = o.keep_build.empty();
  if (temp) {
    std::string tmpl = (fs::temp_directory_path(ec) / "aotc-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
      std::cerr << "aotc: cannot create a build directory in " << tmpl << ": " << strerror(errno)
                << "\n";
      return kExitBuild;
    }
    kb.dir = tmpl;
  } else {
    fs::create_directories(o.keep_build, ec);
    kb.dir = fs::absolute(o.keep_build, ec).string();
  }
  auto cleanup = [&] {
    if (temp) fs::remove_all(kb.dir, ec);
  };
  if (!WriteKbuildDir(kb, &error)) {
    std::cerr << "aotc: " << error << "\n";
    cleanup();
    return kExitBuild;
  }
  // No BTF for app objects: nothing reads it, and it needs pahole (and, on
  // kernels whose headers ship vmlinux, a matching one).
  std::vector<std::string> make = {"make", "-C", o.kdir, "M=" + kb.dir};
  make.push_back("KBUILD_EXTRA_SYMBOLS=" + o.symvers);
  make.push_back("CONFIG_DEBUG_INFO_BTF_MODULES=");
  if (o.arch != HostArch() || !o.cross_compile.empty())
    make.push_back(std::string("ARCH=") + o.arch);
  if (!o.cross_compile.empty()) make.push_back("CROSS_COMPILE=" + o.cross_compile);
  make.push_back("modules");
  if (o.verbose) {
    std::cerr << "aotc: build directory " << kb.dir << "\naotc:";
    for (const std::string& a : make) std::cerr << " " << a;
    std::cerr << "\n";
  }
  std::string out;
  int rc = RunCapture(make, &out);
  if (o.verbose || rc != 0) std::cerr << out;
  if (rc != 0) {
    std::cerr << "aotc: " << o.input << ": kernel module build failed (make exit " << rc
              << "); rerun with --keep-build DIR -v to inspect the generated sources\n";
    cleanup();
    return kExitBuild;
  }
  std::vector<uint8_t> ko;
  std::string ko_path = kb.dir + "/" + kb.module_name + ".ko";
  // The digest first: the signature covers it (aotc/sign.h).
  if (!ReadFile(ko_path, &ko, &error) || !PatchObjDigest(&ko, &error) ||
      (!o.sign_key.empty() && !SignObject(&ko, o.sign_key, o.sign_cert, &error)) ||
      !WriteAtomically(o.output, ko, &error)) {
    std::cerr << "aotc: " << ko_path << ": " << error << "\n";
    cleanup();
    return kExitBuild;
  }
  cleanup();
  if (o.verbose)
    std::cerr << "aotc: wrote " << o.output << " (module " << kb.module_name << ", " << desc.nfuncs
              << " functions)\n";
  return kExitOk;
}

}  // namespace aotc
