// SPDX-License-Identifier: GPL-2.0
// wasmctl top / trace: loading the BPF program and reading its maps.
#include "userspace-cli/bpf/probe.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/capability.h>
#include <linux/wasmkm_imports.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "wasmkm.skel.h"

namespace wasmctl {
namespace {

#define WASMCTL_FN_NAME(mod, name, sig, cap) #name,
const char* const kFnNames[] = {WASMKM_IMPORTS(WASMCTL_FN_NAME)};
#undef WASMCTL_FN_NAME

// libbpf's own messages only with WASMCTL_BPF_DEBUG set: ours say what to do.
int LibbpfPrint(enum libbpf_print_level level, const char* fmt, va_list ap) {
  if (!getenv("WASMCTL_BPF_DEBUG")) return 0;
  return vfprintf(stderr, fmt, ap);
}

bool HasCap(const __user_cap_data_struct* d, int cap) {
  return d[cap / 32].effective & (1u << (cap % 32));
}

// Loading a tracing program needs CAP_BPF and CAP_PERFMON (CAP_SYS_ADMIN
// implies both).  Checked first, so that the error names them.
bool BpfPrivileged() {
  __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
  if (syscall(SYS_capget, &hdr, data) != 0) return geteuid() == 0;
  if (HasCap(data, CAP_SYS_ADMIN)) return true;
  return HasCap(data, CAP_BPF) && HasCap(data, CAP_PERFMON);
}

bool TracefsHasWasmkm() {
  struct stat st;
  return stat("/sys/kernel/tracing/events/wasmkm", &st) == 0 ||
         stat("/sys/kernel/debug/tracing/events/wasmkm", &st) == 0;
}

}  // namespace

std::string HostFnName(uint32_t fn) {
  if (fn < sizeof(kFnNames) / sizeof(kFnNames[0])) return kFnNames[fn];
  return "fn" + std::to_string(fn);
}

bool CheckBpfPrivileges(std::string* error) {
  if (BpfPrivileged()) return true;
  *error = "needs CAP_BPF and CAP_PERFMON (or root) to load its BPF program; run it as root";
  return false;
}

Probe::~Probe() { wasmkm_bpf__destroy(skel_); }

bool Probe::Open(uint32_t target_app, std::string* error) {
  static_assert(sizeof(kFnNames) / sizeof(kFnNames[0]) <= WASMKM_BPF_FN_MAX);
  if (!CheckBpfPrivileges(error)) return false;
  if (!TracefsHasWasmkm()) {
    *error =
        "no wasmkm tracepoints: load wasmkm.ko, and mount tracefs "
        "(mount -t tracefs nodev /sys/kernel/tracing)";
    return false;
  }
  libbpf_set_print(LibbpfPrint);
  skel_ = wasmkm_bpf__open();
  if (!skel_) {
    *error = std::string("cannot open the BPF program: ") + strerror(errno);
    return false;
  }
  skel_->rodata->target_app = target_app;
  int err = wasmkm_bpf__load(skel_);
  if (!err) err = wasmkm_bpf__attach(skel_);
  if (err) {
    err = err < 0 ? -err : err;
    *error = std::string("cannot load the BPF program: ") + strerror(err);
    if (err == EPERM || err == EACCES)
      *error += " (needs CAP_BPF and CAP_PERFMON, or root)";
    else if (err == EINVAL || err == ENOTSUP)
      *error += " (the kernel needs CONFIG_BPF_SYSCALL and CONFIG_BPF_EVENTS)";
    error->append("; WASMCTL_BPF_DEBUG=1 shows libbpf's log");
    return false;
  }
  return true;
}

bool Probe::AddTarget(uint32_t inst_id) {
  uint8_t one = 1;
  return bpf_map__update_elem(skel_->maps.targets, &inst_id, sizeof(inst_id), &one, sizeof(one),
                              BPF_ANY) == 0;
}

std::map<uint32_t, uint64_t> Probe::InstCalls() const {
  std::map<uint32_t, uint64_t> out;
  int fd = bpf_map__fd(skel_->maps.inst_calls);
  uint32_t key, next;
  uint32_t* prev = nullptr;
  while (bpf_map_get_next_key(fd, prev, &next) == 0) {
    uint64_t v;
    if (bpf_map_lookup_elem(fd, &next, &v) == 0) out[next] = v;
    key = next;
    prev = &key;
  }
  return out;
}

std::vector<wasmkm_fn_stats> Probe::FnStats() const {
  std::vector<wasmkm_fn_stats> out(WASMKM_BPF_FN_MAX);
  int fd = bpf_map__fd(skel_->maps.fn_stats);
  for (uint32_t fn = 0; fn < WASMKM_BPF_FN_MAX; fn++)
    if (bpf_map_lookup_elem(fd, &fn, &out[fn]) != 0) out[fn] = {};
  return out;
}

}  // namespace wasmctl
