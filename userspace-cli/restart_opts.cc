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

uint32_t RestartNumberMax(const std::string& key) {
  if (key == "restart-burst") return 1000;
  if (key == "restart-interval") return 86400000;
  return 3600000;  // the delays
}

uint32_t* RestartNumber(RestartSpec* r, const std::string& key) {
  if (key == "restart-delay") return &r->delay_ms;
  if (key == "restart-max-delay") return &r->delay_max_ms;
  if (key == "restart-burst") return &r->burst;
  if (key == "restart-interval") return &r->interval_ms;
  return nullptr;
}

bool HasRestartFlags(const ParsedArgs& p) {
  for (const FlagSpec& f : kRestartFlags)
    if (p.Has(f.name)) return true;
  return false;
}

bool ParseRestartFlags(const ParsedArgs& p, RestartSpec* r, const std::string& origin,
                       std::string* error) {
  if (p.Has("--restart") && !ParseRestartPolicy(p.Get("--restart"), &r->policy, error)) {
    *error = "--restart: " + *error;
    return false;
  }
  for (const FlagSpec& f : kRestartFlags) {
    std::string key = std::string(f.name).substr(2);
    uint32_t* field = RestartNumber(r, key);
    if (!field || !p.Has(f.name)) continue;
    std::string v = p.Get(f.name);
    uint32_t n = 0, max = RestartNumberMax(key);
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n == 0 || n > max) {
      *error = std::string(f.name) + " " + v.substr(0, 40) +
               ": expected a whole number from 1 to " + std::to_string(max);
      return false;
    }
    *field = n;
  }
  std::string where = origin.empty() ? "" : origin + ": ";
  bool numbers = r->delay_ms || r->delay_max_ms || r->burst || r->interval_ms;
  if (r->policy == WASMKM_RESTART_NO && numbers) {
    *error = where + "restart-* numbers go with restart on-failure or always";
    return false;
  }
  if (r->delay_max_ms && r->delay_ms > r->delay_max_ms) {
    *error = where + "restart-delay is over restart-max-delay";
    return false;
  }
  return true;
}

void SetRestart(const RestartSpec& r, wasmkm_start* s) {
  s->restart = r.policy;
  s->restart_delay_ms = r.delay_ms;
  s->restart_delay_max_ms = r.delay_max_ms;
  s->restart_burst = r.burst;
  s->restart_interval_ms = r.interval_ms;
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
