// SPDX-License-Identifier: GPL-2.0
// Following an instance's log and reporting how it ended.
#include <linux/wasmkm.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"
#include "userspace-cli/trap_text.h"

namespace wasmctl {

int CopyLogs(Device* dev, uint32_t inst_id, bool follow) {
  std::vector<char> buf(WASMKM_LOG_SIZE);
  uint64_t pos = 0;
  for (;;) {
    wasmkm_logs l{};
    l.size = sizeof(l);
    l.inst_id = inst_id;
    l.pos = pos;
    l.buf = reinterpret_cast<uintptr_t>(buf.data());
    l.buf_len = uint32_t(buf.size());
    l.flags = follow ? WASMKM_LOGS_WAIT : 0;
    if (int err = dev->Ioctl(WASMKM_IOC_LOGS, &l)) return err;
    if (l.dropped) {
      fflush(stdout);
      fprintf(stderr, "wasmctl: [%llu log bytes dropped: the ring keeps the newest %u]\n",
              (unsigned long long)l.dropped, WASMKM_LOG_SIZE);
    }
    if (l.len > 0) {
      fwrite(buf.data(), 1, l.len, stdout);
      fflush(stdout);
    }
    pos = l.next;
    if (l.len == 0 && (!follow || l.state != WASMKM_INST_RUNNING)) return 0;
  }
}

int WaitInstance(Device* dev, uint32_t inst_id) {
  if (int err = CopyLogs(dev, inst_id, true)) {
    fprintf(stderr, "wasmctl: %s\n", ErrnoText("following the log", err).c_str());
    return kExitError;
  }
  wasmkm_inst_info info;
  if (int err = dev->InstInfo(inst_id, &info)) {
    fprintf(stderr, "wasmctl: %s\n", ErrnoText("instance " + std::to_string(inst_id), err).c_str());
    return kExitError;
  }
  switch (info.state) {
    case WASMKM_INST_EXITED:
      fprintf(stderr, "instance %u exited with code %d\n", inst_id, info.exit_code);
      return info.exit_code & 0xff;
    case WASMKM_INST_TRAPPED: {
      std::string fn = FieldString(info.trap_func_name, sizeof(info.trap_func_name));
      if (info.trap_func == ~0u)
        fprintf(stderr, "instance %u trapped: %s\n", inst_id, TrapText(info.trap_kind));
      else
        fprintf(stderr, "instance %u trapped: %s in function %u %s\n", inst_id,
                TrapText(info.trap_kind), info.trap_func, fn.empty() ? "(no name)" : fn.c_str());
      return kExitTrapBase + int(info.trap_kind);
    }
    case WASMKM_INST_STOPPED:
      fprintf(stderr, "instance %u stopped\n", inst_id);
      return kExitStopped;
    case WASMKM_INST_FAILED:
      fprintf(stderr, "instance %u failed: %s\n", inst_id,
              FieldString(info.error, sizeof(info.error)).c_str());
      return kExitFailed;
    default:
      fprintf(stderr, "instance %u is %s\n", inst_id, InstStateName(info.state));
      return kExitError;
  }
}

}  // namespace wasmctl
