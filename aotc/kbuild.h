// SPDX-License-Identifier: GPL-2.0
// The Kbuild directory that turns generated C into an app object, and the
// make run that builds it.
#ifndef AOTC_KBUILD_H_
#define AOTC_KBUILD_H_

#include <cstdint>
#include <string>
#include <vector>

namespace aotc {

// Largest native stack frame a generated function may have (the build fails
// otherwise); matches the kernel's own CONFIG_FRAME_WARN on Debian.
inline constexpr int kMaxFrameBytes = 2048;

struct KbuildInput {
  std::string dir;          // where to write
  std::string module_name;  // obj-m name
  std::string app_name;
  std::string arch;         // "x86" or "arm64"
  std::string include_dir;  // holds kmod/include and uapi
  std::vector<uint8_t> desc;
  std::string code_c;
};

// The text of app_main.c and Kbuild (exposed for tests).
std::string AppMainC(const KbuildInput& in);
std::string KbuildFile(const KbuildInput& in);

// Writes app_code.c, app_main.c and Kbuild into in.dir.
bool WriteKbuildDir(const KbuildInput& in, std::string* error);

// Runs argv (argv[0] looked up in PATH), capturing stdout and stderr
// together into *output.  Returns the exit status, or -1 if it could not run.
int RunCapture(const std::vector<std::string>& argv, std::string* output);

}  // namespace aotc

#endif  // AOTC_KBUILD_H_
