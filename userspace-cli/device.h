// SPDX-License-Identifier: GPL-2.0
// /dev/wasm: opening it and the ioctls of <linux/wasmkm.h>, with errors
// explained for the user.
#ifndef WASMCTL_DEVICE_H_
#define WASMCTL_DEVICE_H_

#include <linux/wasmkm.h>

#include <string>
#include <vector>

namespace wasmctl {

class Device {
 public:
  ~Device();
  // Opens /dev/wasm (or $WASMKM_DEVICE); false with *error saying what to do.
  bool Open(std::string* error);
  // Each returns 0 or an errno value.
  int Ioctl(unsigned long req, void* arg);
  // Once: EINTR (a signal) is returned, not retried.
  int IoctlOnce(unsigned long req, void* arg);
  int ListApps(std::vector<wasmkm_app_info>* apps);
  int ListInsts(std::vector<wasmkm_inst_info>* insts);
  int AppInfo(uint32_t app_id, wasmkm_app_info* info);
  int InstInfo(uint32_t inst_id, wasmkm_inst_info* info);

 private:
  int fd_ = -1;
};

// "<what>: <what the errno means here and what to do>" for an errno from
// /dev/wasm or a syscall.
std::string ErrnoText(const std::string& what, int err);

}  // namespace wasmctl

#endif  // WASMCTL_DEVICE_H_
