// SPDX-License-Identifier: GPL-2.0
// Restart policies on the command line and in listings: wasmctl start
// --restart..., the manifest's restart keys, wasmctl list.
#ifndef WASMCTL_RESTART_OPTS_H_
#define WASMCTL_RESTART_OPTS_H_

#include <linux/wasmkm.h>

#include <string>
#include <vector>

#include "userspace-cli/args.h"

namespace wasmctl {

// The flags of start (and load) that set a restart policy.
extern const std::vector<FlagSpec> kRestartFlags;

// "no", "on-failure", "always" -> enum wasmkm_restart_policy.
bool ParseRestartPolicy(const std::string& s, uint32_t* policy, std::string* error);
const char* RestartPolicyName(uint32_t policy);

// --restart POLICY, --restart-delay MS, --restart-max-delay MS,
// --restart-burst N, --restart-interval MS into @s; false with *error naming
// the flag at fault.  Without --restart the others are an error.
bool ApplyRestartFlags(const ParsedArgs& p, wasmkm_start* s, std::string* error);
bool HasRestartFlags(const ParsedArgs& p);

// For an ended instance: "restart in 200 ms", "restarted as 12", "restart
// limit reached", ...; "" when there is nothing to say.
std::string RestartText(const wasmkm_inst_info& i);
const char* RestartStateName(uint32_t state);

}  // namespace wasmctl

#endif  // WASMCTL_RESTART_OPTS_H_
