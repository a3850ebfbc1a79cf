// SPDX-License-Identifier: GPL-2.0
// wasmctl list, logs: what is loaded and running, and what it wrote.
#include <linux/wasmkm.h>

#include <cstdio>

#include "aotc/sha256.h"
#include "userspace-cli/args.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"
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

void PrintJson(const std::vector<wasmkm_app_info>& apps, const std::vector<wasmkm_inst_info>& insts,
               uint64_t now) {
  printf("{\"apps\": [");
  for (size_t k = 0; k < apps.size(); k++) {
    const wasmkm_app_info& a = apps[k];
    printf(
        "%s\n  {\"app_id\": %u, \"name\": %s, \"module\": %s, \"state\": \"%s\", "
        "\"instances\": %u, \"mem_max_pages\": %s, \"uid\": %u, \"grants\": %u, "
        "\"wasm_sha256\": \"%s\", \"error\": %s}",
        k ? "," : "", a.app_id, JsonString(FieldString(a.name, sizeof(a.name))).c_str(),
        JsonString(FieldString(a.module_name, sizeof(a.module_name))).c_str(),
        AppStateName(a.state), a.ninstances,
        a.mem_max_pages == 0xffffffffu ? "null" : std::to_string(a.mem_max_pages).c_str(), a.uid,
        a.ncaps, aotc::HexOf(a.wasm_sha256, 32).c_str(),
        JsonString(FieldString(a.error, sizeof(a.error))).c_str());
  }
  printf("],\n \"instances\": [");
  for (size_t k = 0; k < insts.size(); k++) {
    const wasmkm_inst_info& i = insts[k];
    uint64_t end = i.end_ns ? i.end_ns : now;
    printf("%s\n  {\"inst_id\": %u, \"app_id\": %u, \"app\": %s, \"state\": \"%s\", ", k ? "," : "",
           i.inst_id, i.app_id, JsonString(FieldString(i.app_name, sizeof(i.app_name))).c_str(),
           InstStateName(i.state));
    if (i.state == WASMKM_INST_EXITED) printf("\"exit_code\": %d, ", i.exit_code);
    if (i.state == WASMKM_INST_TRAPPED)
      printf("\"trap_kind\": %u, \"trap\": %s, \"trap_func\": %u, \"trap_func_name\": %s, ",
             i.trap_kind, JsonString(TrapText(i.trap_kind)).c_str(), i.trap_func,
             JsonString(FieldString(i.trap_func_name, sizeof(i.trap_func_name))).c_str());
    if (i.state == WASMKM_INST_FAILED)
      printf("\"error\": %s, ", JsonString(FieldString(i.error, sizeof(i.error))).c_str());
    printf("\"mem_bytes\": %llu, \"log_bytes\": %llu, \"uptime_ns\": %llu}",
           (unsigned long long)i.mem_bytes, (unsigned long long)i.log_bytes,
           (unsigned long long)(end > i.start_ns ? end - i.start_ns : 0));
  }
  printf("]}\n");
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
  printf("\n%-5s %-5s %-20s %-8s %-8s %-8s %s\n", "INST", "APP", "NAME", "STATE", "MEM", "UPTIME",
         "END");
  for (const wasmkm_inst_info& i : insts) {
    uint64_t end = i.end_ns ? i.end_ns : now;
    printf("%-5u %-5u %-20s %-8s %-8s %-8s %s\n", i.inst_id, i.app_id,
           FieldString(i.app_name, sizeof(i.app_name)).c_str(), InstStateName(i.state),
           Bytes(i.mem_bytes).c_str(), Duration(end > i.start_ns ? end - i.start_ns : 0).c_str(),
           EndText(i).c_str());
  }
}

}  // namespace

int CmdList(const Args& args) {
  ParsedArgs p;
  std::string error;
  if (!ParseFlags(args, {{"--json", false}, {"-h", false}, {"--help", false}}, &p, &error))
    return UsageError("list", error);
  if (p.Has("-h") || p.Has("--help")) {
    fputs(CommandUsage("list"), stdout);
    return 0;
  }
  if (!p.positional.empty()) return UsageError("list", "unexpected argument " + p.positional[0]);
  Device dev;
  if (!dev.Open(&error)) {
    fprintf(stderr, "wasmctl list: %s\n", error.c_str());
    return kExitError;
  }
  std::vector<wasmkm_app_info> apps;
  std::vector<wasmkm_inst_info> insts;
  int err = dev.ListApps(&apps);
  if (!err) err = dev.ListInsts(&insts);
  if (err) {
    fprintf(stderr, "wasmctl list: %s\n", ErrnoText("listing", err).c_str());
    return kExitError;
  }
  uint64_t now = MonotonicNs();
  if (p.Has("--json"))
    PrintJson(apps, insts, now);
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
  uint32_t inst_id;
  if (p.positional.size() != 1) return UsageError("logs", "expected one instance id");
  if (!ParseId(p.positional[0], "instance", &inst_id, &error)) return UsageError("logs", error);
  Device dev;
  if (!dev.Open(&error)) {
    fprintf(stderr, "wasmctl logs: %s\n", error.c_str());
    return kExitError;
  }
  if (int err = CopyLogs(&dev, inst_id, p.Has("--follow") || p.Has("-f"))) {
    fprintf(stderr, "wasmctl logs: %s\n",
            ErrnoText("instance " + std::to_string(inst_id), err).c_str());
    return kExitError;
  }
  // After the app's own output (stdout), how it ended if it trapped (stderr).
  wasmkm_inst_info info;
  if (!dev.InstInfo(inst_id, &info) && info.state == WASMKM_INST_TRAPPED)
    fprintf(stderr, "wasmctl: instance %u trapped: %s\n", inst_id, EndText(info).c_str());
  return 0;
}

}  // namespace wasmctl
