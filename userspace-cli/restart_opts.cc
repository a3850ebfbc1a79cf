// SPDX-License-Identifier: GPL-2.0
// Restart policies on the command line and in listings (see restart_opts.h).
#include "userspace-cli/restart_opts.h"

#include <charconv>

namespace wasmctl {

const std::vector<FlagSpec> kRestartFlags = {{"--restart", true},
                                             {"--restart-delay", true},
                                             {"--restart-max-delay", true},
                                             {"--restart-burst", true},
                                             {"--restart-interval", true}};

bool ParseRestartPolicy(const std::string& s, uint32_t* policy, std::string* error) {
  if (s == "no") {
    *policy = WASMKM_RESTART_NO;
  } else if (s == "on-failure") {
    *policy = WASMKM_RESTART_ON_FAILURE;
  } else if (s == "always") {
    *policy = WASMKM_RESTART_ALWAYS;
  } else {
    *error = "restart policy '" + s.substr(0, 40) + "': expected no, on-failure or always";
    return false;
  }
  return true;
}

const char* RestartPolicyName(uint32_t policy) {
  switch (policy) {
    case WASMKM_RESTART_ON_FAILURE:
      return "on-failure";
    case WASMKM_RESTART_ALWAYS:
      return "always";
    default:
      return "no";
  }
}

const char* RestartStateName(uint32_t state) {
  switch (state) {
    case WASMKM_RESTART_PENDING:
      return "pending";
    case WASMKM_RESTART_DONE:
      return "done";
    case WASMKM_RESTART_LIMIT:
      return "limit";
    case WASMKM_RESTART_FAILED:
      return "failed";
    case WASMKM_RESTART_CANCELLED:
      return "cancelled";
    default:
      return "none";
  }
}

static bool ParseMs(const ParsedArgs& p, const char* flag, uint32_t max, uint32_t* out,
                    std::string* error) {
  if (!p.Has(flag)) return true;
  std::string v = p.Get(flag);
  uint32_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n == 0 || n > max) {
    *error = std::string(flag) + " " + v.substr(0, 40) + ": expected a whole number from 1 to " +
             std::to_string(max);
    return false;
  }
  *out = n;
  return true;
}

bool HasRestartFlags(const ParsedArgs& p) {
  for (const FlagSpec& f : kRestartFlags)
    if (p.Has(f.name)) return true;
  return false;
}

bool ApplyRestartFlags(const ParsedArgs& p, wasmkm_start* s, std::string* error) {
  if (!HasRestartFlags(p)) return true;
  if (!p.Has("--restart")) {
    *error = "--restart-* flags go with --restart on-failure or --restart always";
    return false;
  }
  if (!ParseRestartPolicy(p.Get("--restart"), &s->restart, error)) {
    *error = "--restart: " + *error;
    return false;
  }
  for (const FlagSpec& f : kRestartFlags)
    if (s->restart == WASMKM_RESTART_NO && std::string(f.name) != "--restart" && p.Has(f.name)) {
      *error = std::string(f.name) + " goes with --restart on-failure or always";
      return false;
    }
  // The kernel's bounds (uapi/linux/wasmkm.h), checked here to name the flag.
  if (!ParseMs(p, "--restart-delay", 3600000, &s->restart_delay_ms, error) ||
      !ParseMs(p, "--restart-max-delay", 3600000, &s->restart_delay_max_ms, error) ||
      !ParseMs(p, "--restart-burst", 1000, &s->restart_burst, error) ||
      !ParseMs(p, "--restart-interval", 86400000, &s->restart_interval_ms, error))
    return false;
  if (s->restart_delay_max_ms && s->restart_delay_ms > s->restart_delay_max_ms) {
    *error = "--restart-delay is over --restart-max-delay";
    return false;
  }
  return true;
}

std::string RestartText(const wasmkm_inst_info& i) {
  switch (i.restart_state) {
    case WASMKM_RESTART_PENDING:
      return "restart in " + std::to_string(i.restart_delay_ms) + " ms";
    case WASMKM_RESTART_DONE:
      return "restarted as " + std::to_string(i.next_inst_id);
    case WASMKM_RESTART_LIMIT:
      return "not restarted: restart burst limit reached";
    case WASMKM_RESTART_FAILED:
      return "restart failed (see dmesg)";
    case WASMKM_RESTART_CANCELLED:
      return "restart cancelled";
    default:
      return "";
  }
}

}  // namespace wasmctl
