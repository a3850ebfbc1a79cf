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

// A restart policy as the manifest and the flags give it (0: the default).
struct RestartSpec {
  uint32_t policy = WASMKM_RESTART_NO;
  uint32_t delay_ms = 0;
  uint32_t delay_max_ms = 0;
  uint32_t burst = 0;
  uint32_t interval_ms = 0;
};

// Manifest keys "restart-delay", "restart-max-delay", "restart-burst",
// "restart-interval" (and the flags of the same names): the largest value.
uint32_t RestartNumberMax(const std::string& key);
uint32_t* RestartNumber(RestartSpec* r, const std::string& key);

// The flags over @r (a manifest's, or none), then checked as a whole; false
// with *error naming the flag (or @origin, the manifest's file:line).
bool ParseRestartFlags(const ParsedArgs& p, RestartSpec* r, const std::string& origin,
                       std::string* error);
void SetRestart(const RestartSpec& r, wasmkm_start* s);

// "no", "on-failure", "always" -> enum wasmkm_restart_policy.
bool ParseRestartPolicy(const std::string& s, uint32_t* policy, std::string* error);
const char* RestartPolicyName(uint32_t policy);

bool HasRestartFlags(const ParsedArgs& p);

// For an ended instance: "restart in 200 ms", "restarted as 12", "restart
// limit reached", ...; "" when there is nothing to say.
std::string RestartText(const wasmkm_inst_info& i);
const char* RestartStateName(uint32_t state);

}  // namespace wasmctl

#endif  // WASMCTL_RESTART_OPTS_H_
