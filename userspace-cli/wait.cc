// SPDX-License-Identifier: GPL-2.0
// Following an instance's log, owning it while waiting (signals), and
// reporting how it ended.
#include <linux/wasmkm.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"
#include "userspace-cli/trap_text.h"

namespace wasmctl {
namespace {

volatile sig_atomic_t g_stop_signal = 0;

// SIGINT and SIGTERM are blocked in every thread and taken by this one with
// sigwait(): no race with the blocking LOGS read, which ends by itself when
// the instance ends.  The first signal stops the instance (STOP returns once
// its thread has ended), a second one ends wasmctl at once.
void SignalThread(sigset_t set, Device* dev, uint32_t inst_id, bool detach) {
  for (int n = 0;; n++) {
    int sig;
    if (sigwait(&set, &sig) != 0) return;
    if (detach) {
      Note("detached: instance " + std::to_string(inst_id) + " keeps running (wasmctl stop " +
           std::to_string(inst_id) + ")");
      _exit(128 + sig);
    }
    if (n > 0) {
      Note("not waiting for instance " + std::to_string(inst_id) + " to stop");
      _exit(128 + sig);
    }
    g_stop_signal = sig;
    Note("stopping instance " + std::to_string(inst_id) + " (again to not wait)");
    std::thread([dev, inst_id] {
      wasmkm_stop s{};
      s.size = sizeof(s);
      s.inst_id = inst_id;
      dev->Ioctl(WASMKM_IOC_STOP, &s);
    }).detach();
  }
}

}  // namespace

int CopyLogs(Device* dev, uint32_t inst_id, bool follow) {
  std::vector<char> buf(WASMKM_LOG_SIZE);
  uint64_t pos = 0;
  uint32_t streams = WASMKM_LOGS_STREAMS;
  bool skip_partial = false;
  for (;;) {
    wasmkm_logs l{};
    l.size = sizeof(l);
    l.inst_id = inst_id;
    l.pos = pos;
    l.buf = reinterpret_cast<uintptr_t>(buf.data());
    l.buf_len = uint32_t(buf.size());
    l.flags = streams | (follow ? WASMKM_LOGS_WAIT : 0);
    int err = dev->Ioctl(WASMKM_IOC_LOGS, &l);
    if (err == EINVAL && streams) {
      streams = 0;  // an older wasmkm.ko: both streams mixed, on stdout
      continue;
    }
    if (err) return err;
    const char* data = buf.data();
    size_t len = l.len;
    if (l.dropped) {
      Note("[" + std::to_string(l.dropped) + " log bytes dropped: the kernel keeps the newest " +
           std::to_string(WASMKM_LOG_SIZE / 1024) + " KiB]");
      skip_partial = pos > 0 || l.dropped > 0;
    }
    // After a gap, start at a line start, not in the middle of one.
    if (skip_partial && len) {
      const char* nl = static_cast<const char*>(memchr(data, '\n', len));
      size_t skip = nl ? size_t(nl - data) + 1 : len;
      data += skip;
      len -= skip;
      skip_partial = !nl;
    }
    if (len > 0) {
      FILE* out = l.stream == 2 ? stderr : stdout;
      fwrite(data, 1, len, out);
      fflush(out);
    }
    pos = l.next;
    if (l.len == 0 && (!follow || l.state != WASMKM_INST_RUNNING)) return 0;
  }
}

void HoldStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int WaitInstance(Device* dev, uint32_t inst_id, uint32_t app_id, const WaitOptions& o) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  HoldStopSignals();
  std::thread(SignalThread, set, dev, inst_id, o.detach).detach();
  std::string inst = "instance " + std::to_string(inst_id);
  if (int err = CopyLogs(dev, inst_id, true))
    return Fail("", ErrnoText("following the log of " + inst, err));
  wasmkm_inst_info info;
  if (int err = dev->InstInfo(inst_id, &info)) return Fail("", ErrnoText(inst, err));
  int rc;
  std::string how;
  switch (info.state) {
    case WASMKM_INST_EXITED:
      how = "exited with code " + std::to_string(info.exit_code);
      rc = info.exit_code & 0xff;
      break;
    case WASMKM_INST_TRAPPED: {
      std::string fn = FieldString(info.trap_func_name, sizeof(info.trap_func_name));
      how = std::string("trapped: ") + TrapText(info.trap_kind);
      if (info.trap_func != ~0u)
        how += " in function " + std::to_string(info.trap_func) + " " +
               (fn.empty() ? "(no name)" : fn);
      rc = kExitTrapBase + int(info.trap_kind);
      break;
    }
    case WASMKM_INST_STOPPED:
      how = "stopped";
      rc = g_stop_signal ? 128 + g_stop_signal : kExitStopped;
      break;
    case WASMKM_INST_FAILED:
      how = "failed: " + FieldString(info.error, sizeof(info.error));
      rc = kExitFailed;
      break;
    default:
      how = std::string("is ") + InstStateName(info.state);
      rc = kExitError;
  }
  if (g_opts.json) {
    JsonWriter w = NewJson();
    w.BeginObject().Field("inst_id", inst_id).Field("app_id", app_id);
    w.Field("state", InstStateName(info.state));
    if (info.state == WASMKM_INST_EXITED) w.Field("exit_code", info.exit_code);
    if (info.state == WASMKM_INST_TRAPPED) w.Field("trap", TrapText(info.trap_kind));
    w.Field("status", int32_t(rc)).Field("ended", how);
    PrintJson(w.EndObject());
  } else if (info.state == WASMKM_INST_EXITED) {
    Note(inst + " " + how);
  } else {
    fflush(stdout);
    fprintf(stderr, "wasmctl: %s %s\n", inst.c_str(), how.c_str());
  }
  if (o.rm) {
    if (int urc = UnloadApp("", dev, app_id)) return rc ? rc : urc;
  }
  return rc;
}

}  // namespace wasmctl
