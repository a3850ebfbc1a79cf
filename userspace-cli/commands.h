// SPDX-License-Identifier: GPL-2.0
// wasmctl subcommands.  Each takes the arguments after its name and returns
// the process exit status; they print through output.h.
#ifndef WASMCTL_COMMANDS_H_
#define WASMCTL_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "userspace-cli/output.h"

namespace wasmctl {

using Args = std::vector<std::string>;

// Exit statuses of wasmctl itself (--wait returns the app's instead).
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
// --wait: a trap ends wasmctl with 128 + trap kind, a stop with 143, an
// instance that failed to start with 125, SIGINT/SIGTERM with 128 + signal.
constexpr int kExitTrapBase = 128;
constexpr int kExitStopped = 143;
constexpr int kExitFailed = 125;

int CmdLoad(const Args& args);
int CmdStart(const Args& args);
int CmdStop(const Args& args);
int CmdList(const Args& args);
int CmdLogs(const Args& args);
int CmdUnload(const Args& args);
int CmdRm(const Args& args);
int CmdPrune(const Args& args);
int CmdCompile(const Args& args);
int CmdInspect(const Args& args);
int CmdVersion(const Args& args);
int CmdTop(const Args& args);
int CmdTrace(const Args& args);
int CmdApply(const Args& args);

// The usage text of a command, or nullptr.
const char* CommandUsage(const std::string& cmd);

class Device;
// Copies the instance's log until it ends (follow) or up to now: its
// stdout to stdout, its stderr to stderr.  Returns 0 or an errno value.
int CopyLogs(Device* dev, uint32_t inst_id, bool follow);

// --wait: wasmctl owns the instance it started.
struct WaitOptions {
  bool detach = false;  // SIGINT/SIGTERM leave it running
  bool rm = false;      // unload its app when it has ended
};
// Follows the instance to its end, says how it ended, returns the exit
// status for --wait.  SIGINT/SIGTERM stop the instance (a second one ends
// wasmctl without waiting for the stop) unless o.detach.
int WaitInstance(Device* dev, uint32_t inst_id, uint32_t app_id, const WaitOptions& o);
// Called before START with --wait: SIGINT/SIGTERM stay pending from then on
// until WaitInstance() takes them, so a signal between START and the wait
// stops the instance instead of ending wasmctl and leaving it running.
void HoldStopSignals();

// Forgets app @app_id and removes its kernel module unless another app
// shares it.  0, or an exit status after printing the error for @cmd.
int UnloadApp(const char* cmd, Device* dev, uint32_t app_id);

}  // namespace wasmctl

#endif  // WASMCTL_COMMANDS_H_
