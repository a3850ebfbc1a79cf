// SPDX-License-Identifier: GPL-2.0
// wasmctl top: a refreshing table of instances.  CPU % is the instance
// thread's CPU time as the scheduler accounts it (LIST's cpu_ns) over the
// interval; host calls per second come from the BPF program's counts.
#include <linux/wasmkm.h>
#include <unistd.h>

#include <cstdio>
#include <map>

#include "userspace-cli/args.h"
#include "userspace-cli/bpf/interval.h"
#include "userspace-cli/bpf/probe.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"
#include "userspace-cli/trap_text.h"

namespace wasmctl {
namespace {

struct Sample {
  uint64_t when_ns = 0;
  std::vector<wasmkm_inst_info> insts;
  std::map<uint32_t, uint64_t> calls;
};

struct Row {
  const wasmkm_inst_info* info;
  double cpu_pct;
  double calls_per_s;
  uint64_t calls;
};

std::vector<Row> Rows(const Sample& prev, const Sample& cur) {
  std::map<uint32_t, const wasmkm_inst_info*> before;
  for (const wasmkm_inst_info& i : prev.insts) before[i.inst_id] = &i;
  std::vector<Row> rows;
  for (const wasmkm_inst_info& i : cur.insts) {
    auto b = before.find(i.inst_id);
    // A new instance: from its start (or the previous sample, if later).
    uint64_t from = b != before.end() ? prev.when_ns : std::max(prev.when_ns, uint64_t(i.start_ns));
    uint64_t to = i.end_ns && i.end_ns < cur.when_ns ? uint64_t(i.end_ns) : cur.when_ns;
    uint64_t cpu0 = b != before.end() ? b->second->cpu_ns : 0;
    uint64_t wall = to > from ? to - from : 0;
    uint64_t cpu = i.cpu_ns > cpu0 ? i.cpu_ns - cpu0 : 0;
    auto c = cur.calls.find(i.inst_id);
    auto pc = prev.calls.find(i.inst_id);
    uint64_t n = c != cur.calls.end() ? c->second : 0;
    uint64_t pn = pc != prev.calls.end() ? pc->second : 0;
    double secs = double(cur.when_ns - prev.when_ns) / 1e9;
    Row r = {&i, wall ? 100.0 * double(cpu) / double(wall) : 0.0,
             secs > 0 && n > pn ? double(n - pn) / secs : 0.0, n};
    if (r.cpu_pct > 100.0) r.cpu_pct = 100.0;  // tick-granular accounting
    rows.push_back(r);
  }
  return rows;
}

std::string TrapOf(const wasmkm_inst_info& i) {
  if (i.state != WASMKM_INST_TRAPPED) return "";
  std::string s = TrapText(i.trap_kind);
  if (i.trap_func != ~0u) {
    s += " in " + std::to_string(i.trap_func);
    std::string fn = FieldString(i.trap_func_name, sizeof(i.trap_func_name));
    if (!fn.empty()) s += " " + fn;
  }
  return s;
}

void PrintJsonSample(const std::vector<Row>& rows, uint64_t interval_ns) {
  JsonWriter w = NewJson();
  w.BeginObject().Field("interval_ns", interval_ns).Key("instances").BeginArray();
  for (const Row& r : rows) {
    const wasmkm_inst_info& i = *r.info;
    w.BeginObject().Field("inst_id", i.inst_id).Field("app_id", i.app_id);
    w.Field("app", FieldString(i.app_name, sizeof(i.app_name)));
    w.Field("state", InstStateName(i.state));
    // Percent of one CPU, rounded; cpu_ns is the running total.
    w.Field("cpu_percent", uint32_t(r.cpu_pct + 0.5)).Field("cpu_ns", uint64_t(i.cpu_ns));
    w.Field("mem_bytes", uint64_t(i.mem_bytes));
    w.Field("calls_per_sec", uint64_t(r.calls_per_s + 0.5)).Field("calls", r.calls);
    if (i.state == WASMKM_INST_TRAPPED) {
      w.Field("trap_kind", i.trap_kind).Field("trap", TrapText(i.trap_kind));
      w.Field("trap_func", i.trap_func);
      w.Field("trap_func_name", FieldString(i.trap_func_name, sizeof(i.trap_func_name)));
    }
    w.EndObject();
  }
  PrintJson(w.EndArray().EndObject());
  fflush(stdout);
}

void PrintTableSample(const std::vector<Row>& rows, bool clear) {
  if (clear) fputs("\033[H\033[2J", stdout);
  printf("%6s  %-16s %-8s %6s %8s %9s  %s\n", "INST", "APP", "STATE", "CPU%", "MEM", "CALLS/S",
         "LAST TRAP");
  for (const Row& r : rows) {
    const wasmkm_inst_info& i = *r.info;
    printf("%6u  %-16.16s %-8s %6.1f %8s %9.0f  %s\n", i.inst_id,
           FieldString(i.app_name, sizeof(i.app_name)).c_str(), InstStateName(i.state), r.cpu_pct,
           Bytes(i.mem_bytes).c_str(), r.calls_per_s, TrapOf(i).c_str());
  }
  fflush(stdout);
}

bool TakeSample(Device* dev, const Probe& probe, Sample* s, int* err) {
  s->calls = probe.InstCalls();
  *err = dev->ListInsts(&s->insts);
  s->when_ns = MonotonicNs();
  return *err == 0;
}

}  // namespace

int CmdTop(const Args& args) {
  ParsedArgs p;
  std::string error;
  if (!ParseFlags(args,
                  {{"-n", true}, {"-d", true}, {"--json", false}, {"-h", false}, {"--help", false}},
                  &p, &error))
    return UsageError("top", error);
  if (p.Has("-h") || p.Has("--help")) {
    fputs(CommandUsage("top"), stdout);
    return 0;
  }
  if (!p.positional.empty())
    return UsageError("top", "unexpected argument " + p.positional[0].substr(0, 80));
  if (p.Has("--json")) g_opts.json = true;
  uint64_t interval = 1000000000;
  if (p.Has("-d") && !ParseSeconds(p.Get("-d"), &interval, &error))
    return UsageError("top", "-d: " + error);
  uint32_t count = 0;  // 0: until Ctrl-C
  if (p.Has("-n") && (!ParseId(p.Get("-n"), "-n COUNT", &count, &error) || count == 0))
    return UsageError("top", "-n: expected a count of refreshes >= 1");
  if (!CheckBpfPrivileges(&error)) return Fail("top", error);
  Device dev;
  if (!dev.Open(&error)) return Fail("top", error);
  Probe probe;
  if (!probe.Open(0, &error)) return Fail("top", error);
  CatchStopSignals();
  bool clear = !g_opts.json && isatty(STDOUT_FILENO);
  Sample prev, cur;
  int err;
  if (!TakeSample(&dev, probe, &prev, &err)) return Fail("top", ErrnoText("listing", err));
  for (uint32_t n = 0; count == 0 || n < count; n++) {
    SleepInterruptible(interval);
    if (StopRequested()) break;
    if (!TakeSample(&dev, probe, &cur, &err)) return Fail("top", ErrnoText("listing", err));
    std::vector<Row> rows = Rows(prev, cur);
    if (g_opts.json)
      PrintJsonSample(rows, cur.when_ns - prev.when_ns);
    else
      PrintTableSample(rows, clear);
    prev = std::move(cur);
    cur = Sample();
  }
  return 0;
}

}  // namespace wasmctl
