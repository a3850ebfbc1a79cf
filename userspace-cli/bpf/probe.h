// SPDX-License-Identifier: GPL-2.0
// The BPF side of wasmctl top and trace: loads wasmkm.bpf.c (its skeleton),
// attaches it to the wasmkm tracepoints and reads its maps.
#ifndef WASMCTL_BPF_PROBE_H_
#define WASMCTL_BPF_PROBE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "userspace-cli/bpf/wasmkm_events.h"

struct wasmkm_bpf;

namespace wasmctl {

// The import name of host-call function id @fn ("fd_write"), or "fn<N>".
std::string HostFnName(uint32_t fn);

// False with *error naming CAP_BPF and CAP_PERFMON if the caller lacks them
// (Probe::Open() checks it too; commands call it first, to say so first).
bool CheckBpfPrivileges(std::string* error);

class Probe {
 public:
  ~Probe();
  // Loads and attaches the program; instances of @target_app (0: none)
  // that start from now on are traced.  False with *error saying what to
  // do (privileges: CAP_BPF and CAP_PERFMON; tracefs; wasmkm.ko).
  bool Open(uint32_t target_app, std::string* error);
  // Times the host calls of instance @inst_id from now on.
  bool AddTarget(uint32_t inst_id);
  // Host calls per instance since Open().
  std::map<uint32_t, uint64_t> InstCalls() const;
  // Per function id, over the targets.
  std::vector<wasmkm_fn_stats> FnStats() const;

 private:
  wasmkm_bpf* skel_ = nullptr;
};

}  // namespace wasmctl

#endif  // WASMCTL_BPF_PROBE_H_
