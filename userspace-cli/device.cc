// SPDX-License-Identifier: GPL-2.0
// /dev/wasm access.
#include "userspace-cli/device.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace wasmctl {

Device::~Device() {
  if (fd_ >= 0) close(fd_);
}

bool Device::Open(std::string* error) {
  const char* path = getenv("WASMKM_DEVICE");
  if (!path || !*path) path = WASMKM_DEVICE;
  fd_ = open(path, O_RDWR | O_CLOEXEC);
  if (fd_ >= 0) return true;
  int err = errno;
  if (err == ENOENT || err == ENODEV || err == ENXIO)
    *error =
        std::string(path) + ": " + strerror(err) + ": is wasmkm.ko loaded? (sudo insmod wasmkm.ko)";
  else if (err == EACCES || err == EPERM)
    *error = std::string(path) + ": " + strerror(err) + ": ask root for access to " + path +
             " (loading new code also needs CAP_SYS_MODULE)";
  else
    *error = std::string(path) + ": " + strerror(err);
  return false;
}

int Device::IoctlOnce(unsigned long req, void* arg) {
  return ioctl(fd_, req, arg) == 0 ? 0 : errno;
}

int Device::Ioctl(unsigned long req, void* arg) {
  for (;;) {
    if (ioctl(fd_, req, arg) == 0) return 0;
    if (errno != EINTR) return errno;
  }
}

int Device::ListApps(std::vector<wasmkm_app_info>* apps) {
  for (uint32_t cap = 16;; cap *= 4) {
    apps->assign(cap, wasmkm_app_info{});
    wasmkm_list l{};
    l.size = sizeof(l);
    l.entry_size = sizeof(wasmkm_app_info);
    l.capacity = cap;
    l.entries = reinterpret_cast<uintptr_t>(apps->data());
    if (int err = Ioctl(WASMKM_IOC_LIST_APPS, &l)) return err;
    if (l.count <= cap) {
      apps->resize(l.count);
      return 0;
    }
  }
}

int Device::ListInsts(std::vector<wasmkm_inst_info>* insts) {
  for (uint32_t cap = 16;; cap *= 4) {
    insts->assign(cap, wasmkm_inst_info{});
    wasmkm_list l{};
    l.size = sizeof(l);
    l.entry_size = sizeof(wasmkm_inst_info);
    l.capacity = cap;
    l.entries = reinterpret_cast<uintptr_t>(insts->data());
    if (int err = Ioctl(WASMKM_IOC_LIST_INSTS, &l)) return err;
    if (l.count <= cap) {
      insts->resize(l.count);
      return 0;
    }
  }
}

int Device::AppInfo(uint32_t app_id, wasmkm_app_info* info) {
  *info = wasmkm_app_info{};
  wasmkm_app_query q{};
  q.size = sizeof(q);
  q.app_id = app_id;
  q.info = reinterpret_cast<uintptr_t>(info);
  q.info_size = sizeof(*info);
  return Ioctl(WASMKM_IOC_APP_INFO, &q);
}

int Device::InstInfo(uint32_t inst_id, wasmkm_inst_info* info) {
  std::vector<wasmkm_inst_info> all;
  if (int err = ListInsts(&all)) return err;
  for (const wasmkm_inst_info& i : all) {
    if (i.inst_id == inst_id) {
      *info = i;
      return 0;
    }
  }
  return ENOENT;
}

std::string ErrnoText(const std::string& what, int err) {
  // The kernel's errno, said as what it means here and what to do.
  switch (err) {
    case ENOENT:
      return what + ": not found (see wasmctl list)";
    case EPERM:
    case EACCES:
      return what + ": permission denied: only its owner or root (CAP_SYS_ADMIN) may do this";
    case ENOTTY:
      return what +
             ": wasmkm.ko does not know this request (wasmctl and wasmkm.ko versions differ)";
    case EPROTO:
      return what +
             ": ABI version mismatch: recompile the app with the aotc that matches wasmkm.ko";
    case ENOEXEC:
      return what + ": not a valid app object for this kernel: recompile it with aotc (see dmesg)";
    case ENOMEM:
      return what + ": out of kernel memory (or the memory.max of your cgroup)";
    case EINVAL:
      return what + ": refused as invalid by wasmkm.ko (wasmctl and wasmkm.ko versions differ?)";
    case EBUSY:
      return what + ": busy: try again when it has ended";
    case EDQUOT:
      return what +
             ": per-user limit of wasmkm.ko reached (module parameters max_apps, "
             "max_instances): unload or prune apps first";
    case ETXTBSY:
      return what + ": the object file is open for writing: close it, then load it again";
    case ENOSPC:
      return what + ": wasmkm.ko ran out of ids: reload the module";
    case EINTR:
      return what + ": interrupted";
    default: {
      std::string s = strerror(err);
      if (!s.empty()) s[0] = char(tolower(static_cast<unsigned char>(s[0])));
      return what + ": " + s;
    }
  }
}

}  // namespace wasmctl
