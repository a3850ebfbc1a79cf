// SPDX-License-Identifier: GPL-2.0
// wasmctl trace INST|APP: per WASI function call counts, errors and log2
// latency histograms of an instance's (or an app's instances') host calls,
// for -d SECONDS or until Ctrl-C, from the BPF program (bpf/wasmkm.bpf.c).
#include <linux/wasmkm.h>

#include <cctype>
#include <cstdio>

#include "userspace-cli/args.h"
#include "userspace-cli/bpf/interval.h"
#include "userspace-cli/bpf/probe.h"
#include "userspace-cli/commands.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"
#include "userspace-cli/resolve.h"

namespace wasmctl {
namespace {

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Bucket b holds latencies in [2^b, 2^(b+1)) ns (bucket 0: [0, 2)).
uint64_t BucketLow(uint32_t b) { return b ? uint64_t(1) << b : 0; }
uint64_t BucketHigh(uint32_t b) { return (uint64_t(1) << (b + 1)) - 1; }

void PrintHistogram(const wasmkm_fn_stats& s) {
  uint32_t first = WASMKM_BPF_BUCKETS, last = 0;
  uint64_t max = 0;
  for (uint32_t b = 0; b < WASMKM_BPF_BUCKETS; b++) {
    if (!s.hist[b]) continue;
    first = std::min(first, b);
    last = b;
    max = std::max(max, uint64_t(s.hist[b]));
  }
  if (first == WASMKM_BPF_BUCKETS) return;
  printf("%24s : %-9s distribution\n", "nsecs", "count");
  for (uint32_t b = first; b <= last; b++) {
    int bar = int(s.hist[b] * 40 / max);
    printf("%10llu -> %-10llu : %-9llu |%-40s|\n", (unsigned long long)BucketLow(b),
           (unsigned long long)BucketHigh(b), (unsigned long long)s.hist[b],
           std::string(size_t(bar), '*').c_str());
  }
}

void PrintText(const std::string& target, const std::vector<wasmkm_fn_stats>& stats, uint64_t ns) {
  printf("host calls of %s over %s\n", target.c_str(), Duration(ns).c_str());
  bool any = false;
  for (uint32_t fn = 0; fn < stats.size(); fn++) {
    const wasmkm_fn_stats& s = stats[fn];
    if (!s.calls) continue;
    any = true;
    uint64_t timed = 0;
    for (uint64_t h : s.hist) timed += h;
    printf("\n%s: %llu calls, %llu errors, average %s\n", HostFnName(fn).c_str(),
           (unsigned long long)s.calls, (unsigned long long)s.errors,
           timed ? (std::to_string(s.total_ns / timed) + " ns").c_str() : "-");
    PrintHistogram(s);
  }
  if (!any) printf("no host calls\n");
}

void PrintJsonStats(const std::string& target, const std::vector<wasmkm_fn_stats>& stats,
                    uint64_t ns) {
  JsonWriter w = NewJson();
  w.BeginObject().Field("target", target).Field("duration_ns", ns);
  w.Key("functions").BeginArray();
  for (uint32_t fn = 0; fn < stats.size(); fn++) {
    const wasmkm_fn_stats& s = stats[fn];
    if (!s.calls) continue;
    w.BeginObject().Field("fn", fn).Field("name", HostFnName(fn));
    w.Field("calls", uint64_t(s.calls)).Field("errors", uint64_t(s.errors));
    w.Field("total_ns", uint64_t(s.total_ns)).Key("hist").BeginArray();
    for (uint32_t b = 0; b < WASMKM_BPF_BUCKETS; b++) {
      if (!s.hist[b]) continue;
      w.BeginObject().Field("lo_ns", BucketLow(b)).Field("hi_ns", BucketHigh(b));
      w.Field("count", uint64_t(s.hist[b])).EndObject();
    }
    w.EndArray().EndObject();
  }
  PrintJson(w.EndArray().EndObject());
}

}  // namespace

int CmdTrace(const Args& args) {
  ParsedArgs p;
  std::string error;
  if (!ParseFlags(
          args,
          {{"-d", true}, {"--app", false}, {"--json", false}, {"-h", false}, {"--help", false}}, &p,
          &error))
    return UsageError("trace", error);
  if (p.Has("-h") || p.Has("--help")) {
    fputs(CommandUsage("trace"), stdout);
    return 0;
  }
  if (p.positional.size() != 1) return UsageError("trace", "expected one INST or APP");
  if (p.Has("--json")) g_opts.json = true;
  uint64_t duration = 0;  // 0: until Ctrl-C
  if (p.Has("-d") && !ParseSeconds(p.Get("-d"), &duration, &error))
    return UsageError("trace", "-d: " + error);
  const std::string& arg = p.positional[0];
  // A number is an instance id, a name (or --app) an app: all its
  // instances, those running now and those started while tracing.
  bool app = p.Has("--app") || !AllDigits(arg);
  if (!CheckBpfPrivileges(&error)) return Fail("trace", error);
  Device dev;
  if (!dev.Open(&error)) return Fail("trace", error);
  uint32_t id = 0;
  if (app ? !ResolveApp(&dev, arg, &id, &error) : !ResolveInst(&dev, arg, &id, &error))
    return Fail("trace", error);
  Probe probe;
  if (!probe.Open(app ? id : 0, &error)) return Fail("trace", error);
  std::string target = (app ? "app " : "instance ") + std::to_string(id);
  if (app) {
    std::vector<wasmkm_inst_info> insts;
    int err = dev.ListInsts(&insts);
    if (err) return Fail("trace", ErrnoText("listing", err));
    for (const wasmkm_inst_info& i : insts)
      if (i.app_id == id && !probe.AddTarget(i.inst_id))
        return Fail("trace", "cannot fill the BPF target map");
  } else if (!probe.AddTarget(id)) {
    return Fail("trace", "cannot fill the BPF target map");
  }
  CatchStopSignals();
  Note("tracing the host calls of " + target +
       (duration ? " for " + Duration(duration) : std::string(", Ctrl-C to end")));
  uint64_t start = MonotonicNs();
  if (duration)
    SleepInterruptible(duration);
  else
    while (!StopRequested()) SleepInterruptible(3600ull * 1000000000);
  uint64_t ns = MonotonicNs() - start;
  std::vector<wasmkm_fn_stats> stats = probe.FnStats();
  if (g_opts.json)
    PrintJsonStats(target, stats, ns);
  else
    PrintText(target, stats, ns);
  return 0;
}

}  // namespace wasmctl
