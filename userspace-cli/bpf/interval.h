// SPDX-License-Identifier: GPL-2.0
// wasmctl top / trace: waiting out an interval that SIGINT or SIGTERM ends
// early, and the -d SECONDS value.
#ifndef WASMCTL_BPF_INTERVAL_H_
#define WASMCTL_BPF_INTERVAL_H_

#include <cstdint>
#include <string>

namespace wasmctl {

// From now on SIGINT and SIGTERM end the wait instead of wasmctl.
void CatchStopSignals();
// True once SIGINT or SIGTERM came.
bool StopRequested();
// Sleeps @ns nanoseconds, or less if a stop signal comes.
void SleepInterruptible(uint64_t ns);
// "2", "0.5" -> nanoseconds, within (0, 1 day]; false with *error.
bool ParseSeconds(const std::string& s, uint64_t* ns, std::string* error);

}  // namespace wasmctl

#endif  // WASMCTL_BPF_INTERVAL_H_
