// SPDX-License-Identifier: GPL-2.0
// aotc command line parsing and help text.
#include "aotc/options.h"

namespace aotc {

const char kAotcUsage[] =
    "usage: aotc APP.wasm -o APP.wko [options]\n"
    "\n"
    "Compiles a WebAssembly module ahead of time into a wasmkm app object (.wko):\n"
    "a kernel module built with Kbuild against the target kernel's headers, that\n"
    "wasmctl loads into a kernel running wasmkm.ko.\n"
    "\n"
    "options:\n"
    "  -o FILE               output object (required)\n"
    "  --kdir DIR            kernel build tree (default: /lib/modules/$(uname -r)/build)\n"
    "  --arch x86|arm64      target architecture (default: this machine's)\n"
    "  --cross-compile PFX   cross toolchain prefix (default for arm64 on another host:\n"
    "                        aarch64-linux-gnu-)\n"
    "  --name NAME           app name (default: the .wasm file name without extension)\n"
    "  --keep-build DIR      build in DIR and keep it (default: a temporary directory)\n"
    "  --include-dir DIR     directory holding kmod/include and uapi (default: next to\n"
    "                        aotc: ../share/wasmkm/include when installed, else the\n"
    "                        source tree)\n"
    "  --symvers FILE        wasmkm.ko's Module.symvers (default when installed:\n"
    "                        ../share/wasmkm/symvers/<kernel release>/Module.symvers\n"
    "                        (DKMS keeps one per kernel), else ../share/wasmkm/\n"
    "                        Module.symvers; in the source tree: kmod/Module.symvers)\n"
    "  --sign-key KEY       sign the object for a kernel that enforces module\n"
    "                        signatures (Secure Boot): KEY is a PEM private key;\n"
    "                        needs --sign-cert (Documentation/secure-boot.md)\n"
    "  --sign-cert CERT      the X.509 certificate (PEM or DER) of --sign-key, the one\n"
    "                        the kernel trusts (enrolled with mokutil --import)\n"
    "  -v, --verbose         show the generated build and Kbuild's output\n"
    "  -h, --help            this text\n"
    "\n"
    "The .wasm may import only the WASI preview1 functions that wasmkm.ko provides\n"
    "(aotc lists them when it refuses an import).  Fixed-width SIMD (v128) is\n"
    "supported; threads, exceptions and the GC proposal are not.\n"
    "For arm64 (Raspberry Pi OS) from an x86-64 machine: --arch arm64 with the\n"
    "aarch64-linux-gnu- cross compiler and the target's kernel headers as --kdir.\n"
    "\n"
    "exit codes:\n"
    "  0  object written\n"
    "  1  the .wasm was refused (invalid, unsupported import or feature)\n"
    "  2  bad command line\n"
    "  3  the kernel module build failed, or files could not be read or written\n"
    "\n"
    "examples:\n"
    "  aotc hello.wasm -o hello.wko\n"
    "  aotc sensor.wasm -o sensor.wko --kdir /usr/src/linux-headers-$(uname -r)\n"
    "  aotc sensor.wasm -o sensor.wko --arch arm64 --kdir ~/rpi/linux-headers-arm64 \\\n"
    "       --symvers ~/rpi/wasmkm/Module.symvers\n"
    "  aotc hello.wasm -o hello.wko --sign-key /root/mok/MOK.priv --sign-cert /root/mok/MOK.der\n";

std::string FileStem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

bool ParseOptions(const std::vector<std::string>& args, Options* o, std::string* error) {
  struct ValueFlag {
    const char* flag;
    std::string* dest;
  };
  const ValueFlag value_flags[] = {
      {"-o", &o->output},
      {"--kdir", &o->kdir},
      {"--arch", &o->arch},
      {"--cross-compile", &o->cross_compile},
      {"--name", &o->name},
      {"--keep-build", &o->keep_build},
      {"--include-dir", &o->include_dir},
      {"--symvers", &o->symvers},
      {"--sign-key", &o->sign_key},
      {"--sign-cert", &o->sign_cert},
  };
  for (size_t i = 0; i < args.size(); i++) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      o->help = true;
      return true;
    }
    if (a == "-v" || a == "--verbose") {
      o->verbose = true;
      continue;
    }
    bool matched = false;
    for (const ValueFlag& f : value_flags) {
      std::string eq = std::string(f.flag) + "=";
      if (a == f.flag) {
        if (i + 1 >= args.size()) {
          *error = std::string("option ") + f.flag + " needs a value";
          return false;
        }
        *f.dest = args[++i];
        matched = true;
      } else if (a.rfind(eq, 0) == 0 && a.size() > 2 && a[1] == '-') {
        *f.dest = a.substr(eq.size());
        matched = true;
      }
      if (matched) break;
    }
    if (matched) continue;
    if (a.size() > 1 && a[0] == '-') {
      *error = "unknown option " + a;
      return false;
    }
    if (!o->input.empty()) {
      *error = "more than one input file (" + o->input + ", " + a + ")";
      return false;
    }
    o->input = a;
  }
  if (o->input.empty()) {
    *error = "no input .wasm file given";
    return false;
  }
  if (o->output.empty()) {
    *error = "no output given (-o APP.wko)";
    return false;
  }
  if (!o->arch.empty() && o->arch != "x86" && o->arch != "arm64") {
    *error = "--arch " + o->arch + ": must be x86 or arm64";
    return false;
  }
  if (o->sign_key.empty() != o->sign_cert.empty()) {
    *error = o->sign_key.empty() ? "--sign-cert needs --sign-key (the certificate's private key)"
                                 : "--sign-key needs --sign-cert (the key's X.509 certificate)";
    return false;
  }
  return true;
}

}  // namespace aotc
