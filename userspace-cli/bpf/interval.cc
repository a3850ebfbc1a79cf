// SPDX-License-Identifier: GPL-2.0
// wasmctl top / trace: intervals that a signal ends (see interval.h).
#include "userspace-cli/bpf/interval.h"

#include <signal.h>
#include <time.h>

#include <cerrno>
#include <cstdlib>

namespace wasmctl {
namespace {

volatile sig_atomic_t g_stop = 0;

void OnStop(int) { g_stop = 1; }

}  // namespace

void CatchStopSignals() {
  struct sigaction sa = {};
  sa.sa_handler = OnStop;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool StopRequested() { return g_stop != 0; }

void SleepInterruptible(uint64_t ns) {
  timespec ts = {time_t(ns / 1000000000), long(ns % 1000000000)};
  // Without SA_RESTART, a signal ends nanosleep with EINTR and the rest.
  while (!g_stop && nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

bool ParseSeconds(const std::string& s, uint64_t* ns, std::string* error) {
  char* end = nullptr;
  errno = 0;
  double v = s.empty() ? 0 : strtod(s.c_str(), &end);
  if (s.empty() || *end || errno || !(v > 0) || v > 86400) {
    *error = "expected seconds in (0, 86400], e.g. 2 or 0.5, got '" + s.substr(0, 40) + "'";
    return false;
  }
  *ns = uint64_t(v * 1e9);
  if (*ns == 0) *ns = 1;
  return true;
}

}  // namespace wasmctl
