// SPDX-License-Identifier: GPL-2.0
// The file-system grant: --cap fs:HOSTDIR[:GUESTDIR][:ro].
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "userspace-cli/caps.h"

namespace wasmctl {
namespace {

bool ParseFs(const std::string& rest, CapSpec* cap, std::string* error) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t colon = rest.find(':', start);
    parts.push_back(rest.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() > 1 && parts.back() == "ro") {
    cap->ro = true;
    parts.pop_back();
  }
  if (parts.size() > 2 || parts[0].empty() || (parts.size() == 2 && parts[1].empty())) {
    *error = "bad form";
    return false;
  }
  cap->host = parts[0];
  cap->guest = parts.size() == 2 ? parts[1] : parts[0];
  if (cap->guest.size() >= WASMKM_PATH_LEN) {
    *error = "guest path longer than " + std::to_string(WASMKM_PATH_LEN - 1) + " bytes";
    return false;
  }
  cap->key = cap->guest;
  cap->key_name = "guest path";
  cap->source = cap->host;
  return true;
}

// Each grant goes to the kernel as an open directory, resolved here.
bool ResolveFs(const CapSpec& cap, wasmkm_cap* out, std::vector<int>* fds, std::string* error) {
  int fd = open(cap.host.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    *error = "--cap fs:" + cap.host + ": " + strerror(errno) + " (grant an existing directory)";
    return false;
  }
  fds->push_back(fd);
  out->kind = WASMKM_CAP_FS;
  out->flags = cap.ro ? WASMKM_CAP_RO : 0;
  out->dir_fd = fd;
  snprintf(out->guest_path, sizeof(out->guest_path), "%s", cap.guest.c_str());
  return true;
}

}  // namespace

const CapKind kCapFs = {"fs", "fs:HOSTDIR[:GUESTDIR][:ro]", ParseFs, ResolveFs};

}  // namespace wasmctl
