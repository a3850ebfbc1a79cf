// SPDX-License-Identifier: GPL-2.0
// wasmctl subcommands.  Each takes the arguments after its name and returns
// the process exit status.
#ifndef WASMCTL_COMMANDS_H_
#define WASMCTL_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace wasmctl {

using Args = std::vector<std::string>;

// Exit statuses of wasmctl itself (--wait returns the app's instead).
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
// --wait: a trap ends wasmctl with 128 + trap kind, a stop with 143, an
// instance that failed to start with 125.
constexpr int kExitTrapBase = 128;
constexpr int kExitStopped = 143;
constexpr int kExitFailed = 125;

int CmdLoad(const Args& args);
int CmdStart(const Args& args);
int CmdStop(const Args& args);
int CmdList(const Args& args);
int CmdLogs(const Args& args);
int CmdUnload(const Args& args);
int CmdCompile(const Args& args);
int CmdInspect(const Args& args);

// Prints "wasmctl CMD: error" and the command's usage to stderr; kExitUsage.
int UsageError(const char* cmd, const std::string& error);
// The usage text of a command, or nullptr.
const char* CommandUsage(const std::string& cmd);

class Device;
// Copies the instance's log to stdout until it ends (follow) or up to now.
// Returns 0 or an errno value.
int CopyLogs(Device* dev, uint32_t inst_id, bool follow);
// Follows the instance to its end, prints its end state, returns the exit
// status for --wait.
int WaitInstance(Device* dev, uint32_t inst_id);

}  // namespace wasmctl

#endif  // WASMCTL_COMMANDS_H_
