// SPDX-License-Identifier: GPL-2.0
// wasmctl list, logs: what is loaded and running, and what it wrote.
#include <linux/wasmkm.h>

#include <cstdio>

#include "aotc/sha256.h"
#include "userspace-cli/args.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"
#include "userspace-cli/resolve.h"
#include "userspace-cli/restart_opts.h"
#include "userspace-cli/trap_text.h"

namespace wasmctl {
namespace {

std::string MemLimit(uint32_t pages) {
  return pages == 0xffffffffu ? "none" : Bytes(uint64_t(pages) * 65536);
}

// "exit 3", "trap: integer divide by zero in 4 fib", "stop", error text.
std::string EndText(const wasmkm_inst_info& i) {
  switch (i.state) {
    case WASMKM_INST_EXITED:
      return "code " + std::to_string(i.exit_code);
    case WASMKM_INST_TRAPPED: {
      std::string s = TrapText(i.trap_kind);
      if (i.trap_func != ~0u) {
        s += " in function " + std::to_string(i.trap_func);
        std::string fn = FieldString(i.trap_func_name, sizeof(i.trap_func_name));
        if (!fn.empty()) s += " " + fn;
      }
      return s;
    }
    case WASMKM_INST_FAILED:
      return FieldString(i.error, sizeof(i.error));
    default:
      return "";
  }
}

// END with restarts: what became of an ended instance's restart, or for a
// restarted running one how the instance before it ended.
std::string EndWithRestart(const wasmkm_inst_info& i) {
  std::string end = EndText(i), r = RestartText(i);
  if (i.state == WASMKM_INST_RUNNING && i.prev_inst_id) {
    wasmkm_inst_info prev{};
    prev.state = i.prev_state;
    prev.exit_code = i.prev_exit_code;
    prev.trap_kind = i.prev_trap_kind;
    prev.trap_func = ~0u;
    std::string how = EndText(prev);
    r = "restart of " + std::to_string(i.prev_inst_id) + (how.empty() ? "" : " after " + how);
  }
  if (r.empty()) return end;
  return end.empty() ? r : end + "; " + r;
}

void ListJson(const std::vector<wasmkm_app_info>& apps, const std::vector<wasmkm_inst_info>& insts,
              uint64_t now) {
  JsonWriter w = NewJson();
  w.BeginObject().Key("apps").BeginArray();
  for (const wasmkm_app_info& a : apps) {
    w.BeginObject().Field("app_id", a.app_id).Field("name", FieldString(a.name, sizeof(a.name)));
    w.Field("module", FieldString(a.module_name, sizeof(a.module_name)));
    w.Field("state", AppStateName(a.state)).Field("instances", a.ninstances);
    w.Key("mem_max_pages");
    if (a.mem_max_pages == 0xffffffffu)
      w.Null();
    else
      w.Uint(a.mem_max_pages);
    w.Field("uid", a.uid).Field("grants", a.ncaps);
    w.Field("wasm_sha256", aotc::HexOf(a.wasm_sha256, 32));
    w.Field("error", FieldString(a.error, sizeof(a.error))).EndObject();
  }
  w.EndArray().Key("instances").BeginArray();
  for (const wasmkm_inst_info& i : insts) {
    uint64_t end = i.end_ns ? i.end_ns : now;
    w.BeginObject().Field("inst_id", i.inst_id).Field("app_id", i.app_id);
    w.Field("app", FieldString(i.app_name, sizeof(i.app_name)));
    w.Field("state", InstStateName(i.state));
    if (i.state == WASMKM_INST_EXITED) w.Field("exit_code", i.exit_code);
    if (i.state == WASMKM_INST_TRAPPED) {
      w.Field("trap_kind", i.trap_kind).Field("trap", TrapText(i.trap_kind));
      w.Field("trap_func", i.trap_func);
      w.Field("trap_func_name", FieldString(i.trap_func_name, sizeof(i.trap_func_name)));
    }
    if (i.state == WASMKM_INST_FAILED) w.Field("error", FieldString(i.error, sizeof(i.error)));
    w.Field("restart", RestartPolicyName(i.restart)).Field("restarts", i.restarts);
    if (i.prev_inst_id) {
      w.Key("last_exit").BeginObject().Field("inst_id", i.prev_inst_id);
      w.Field("state", InstStateName(i.prev_state)).Field("exit_code", i.prev_exit_code);
      w.Field("trap_kind", i.prev_trap_kind).EndObject();
    }
    if (i.state != WASMKM_INST_RUNNING) {
      w.Field("restart_state", RestartStateName(i.restart_state));
      if (i.restart_state == WASMKM_RESTART_PENDING || i.restart_state == WASMKM_RESTART_DONE)
        w.Field("restart_delay_ms", i.restart_delay_ms).Field("next_inst_id", i.next_inst_id);
    }
    w.Field("mem_bytes", uint64_t(i.mem_bytes)).Field("log_bytes", uint64_t(i.log_bytes));
    w.Field("uptime_ns", uint64_t(end > i.start_ns ? end - i.start_ns : 0)).EndObject();
  }
  PrintJson(w.EndArray().EndObject());
}

void PrintTable(const std::vector<wasmkm_app_info>& apps,
                const std::vector<wasmkm_inst_info>& insts, uint64_t now) {
  printf("%-5s %-20s %-36s %-9s %-5s %-7s %-6s %s\n", "APP", "NAME", "MODULE", "STATE", "INSTS",
         "MEM-MAX", "UID", "GRANTS");
  for (const wasmkm_app_info& a : apps) {
    printf("%-5u %-20s %-36s %-9s %-5u %-7s %-6u %u\n", a.app_id,
           FieldString(a.name, sizeof(a.name)).c_str(),
           FieldString(a.module_name, sizeof(a.module_name)).c_str(), AppStateName(a.state),
           a.ninstances, MemLimit(a.mem_max_pages).c_str(), a.uid, a.ncaps);
    if (a.state == WASMKM_APP_REFUSED)
      printf("      refused: %s\n", FieldString(a.error, sizeof(a.error)).c_str());
  }
  printf("\n%-5s %-5s %-20s %-8s %-8s %-8s %-8s %s\n", "INST", "APP", "NAME", "STATE", "MEM",
         "UPTIME", "RESTARTS", "END");
  for (const wasmkm_inst_info& i : insts) {
    uint64_t end = i.end_ns ? i.end_ns : now;
    printf("%-5u %-5u %-20s %-8s %-8s %-8s %-8u %s\n", i.inst_id, i.app_id,
           FieldString(i.app_name, sizeof(i.app_name)).c_str(), InstStateName(i.state),
           Bytes(i.mem_bytes).c_str(), Duration(end > i.start_ns ? end - i.start_ns : 0).c_str(),
           i.restarts, EndWithRestart(i).c_str());
  }
}

}  // namespace

int CmdList(const Args& args) {
  ParsedArgs p;
  std::string error;
  if (!ParseFlags(args, {{"--running", false}, {"--app", true}, {"-h", false}, {"--help", false}},
                  &p, &error))
    return UsageError("list", error);
  if (p.Has("-h") || p.Has("--help")) {
    fputs(CommandUsage("list"), stdout);
    return 0;
  }
  if (!p.positional.empty())
    return UsageError("list", "unexpected argument " + p.positional[0].substr(0, 80));
  Device dev;
  if (!dev.Open(&error)) return Fail("list", error);
  std::vector<wasmkm_app_info> apps;
  std::vector<wasmkm_inst_info> insts;
  int err = dev.ListApps(&apps);
  if (!err) err = dev.ListInsts(&insts);
  if (err) return Fail("list", ErrnoText("listing", err));
  if (p.Has("--app")) {
    uint32_t id;
    if (!FindApp(apps, p.Get("--app"), &id, &error)) return Fail("list", "--app: " + error);
    std::erase_if(apps, [&](const wasmkm_app_info& a) { return a.app_id != id; });
    std::erase_if(insts, [&](const wasmkm_inst_info& i) { return i.app_id != id; });
  }
  if (p.Has("--running")) {
    std::erase_if(insts, [](const wasmkm_inst_info& i) { return i.state != WASMKM_INST_RUNNING; });
    std::erase_if(apps, [&](const wasmkm_app_info& a) {
      for (const wasmkm_inst_info& i : insts)
        if (i.app_id == a.app_id) return false;
      return true;
    });
  }
  uint64_t now = MonotonicNs();
  if (g_opts.json)
    ListJson(apps, insts, now);
  else
    PrintTable(apps, insts, now);
  return 0;
}

int CmdLogs(const Args& args) {
  ParsedArgs p;
  std::string error;
  if (!ParseFlags(args, {{"--follow", false}, {"-f", false}, {"-h", false}, {"--help", false}}, &p,
                  &error))
    return UsageError("logs", error);
  if (p.Has("-h") || p.Has("--help")) {
    fputs(CommandUsage("logs"), stdout);
    return 0;
  }
  if (p.positional.size() != 1) return UsageError("logs", "give one INST (an id or a name)");
  Device dev;
  if (!dev.Open(&error)) return Fail("logs", error);
  uint32_t inst_id;
  if (!ResolveInst(&dev, p.positional[0], &inst_id, &error)) return Fail("logs", error);
  if (int err = CopyLogs(&dev, inst_id, p.Has("--follow") || p.Has("-f")))
    return Fail("logs", ErrnoText("instance " + std::to_string(inst_id), err));
  // After the app's own output, how it ended if it trapped (stderr).
  wasmkm_inst_info info;
  if (!dev.InstInfo(inst_id, &info) && info.state == WASMKM_INST_TRAPPED)
    Note("instance " + std::to_string(inst_id) + " trapped: " + EndText(info));
  return 0;
}

}  // namespace wasmctl
