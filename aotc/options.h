// SPDX-License-Identifier: GPL-2.0
// aotc command line.
#ifndef AOTC_OPTIONS_H_
#define AOTC_OPTIONS_H_

#include <string>
#include <vector>

namespace aotc {

struct Options {
  std::string input;          // app.wasm
  std::string output;         // -o app.wko
  std::string kdir;           // --kdir (default: /lib/modules/$(uname -r)/build)
  std::string arch;           // --arch x86|arm64 (default: the host's)
  std::string cross_compile;  // --cross-compile (arm64 default aarch64-linux-gnu-)
  std::string name;           // --name (default: input file stem)
  std::string keep_build;     // --keep-build DIR
  std::string include_dir;    // --include-dir DIR
  std::string symvers;        // --symvers FILE
  std::string sign_key;       // --sign-key KEY.pem (aotc/sign.h)
  std::string sign_cert;      // --sign-cert CERT (PEM or DER)
  bool verbose = false;
  bool help = false;
};

extern const char kAotcUsage[];

// Parses argv[1..]; false with *error naming the bad flag.
bool ParseOptions(const std::vector<std::string>& args, Options* o, std::string* error);

// The app name from a path: file name without directory and last extension.
std::string FileStem(const std::string& path);

}  // namespace aotc

#endif  // AOTC_OPTIONS_H_
