# SPDX-License-Identifier: GPL-2.0
"""The network benchmark (issue 15): in ONE QEMU guest, the same echo and
HTTP servers as wasmkm apps (examples/echo_server.c, examples/httpd.c) and
as native programs (the same C built over the tiny WASI shim in
bench/net/shim: every __wasi_* call one or two system calls), driven in
turns by one load generator in guest userspace (bench/net/netload.c).

Measured per engine: echo requests/s and p50/p99 latency for 64-byte
messages over NET_CLIENTS concurrent connections, 64 KiB-message
throughput over one connection (MB/s of payload, each message echoed back
whole before the next), and HTTP GET requests/s (a new connection per
request, as httpd answers "Connection: close").

  make bench-net        NET_REPS rounds; bench/results/net-DATE.{md,json}
  make bench-smoke      (bench/run.py --smoke) a MINI round in the same
                        guest as the other benchmarks: checks only that
                        every run completed with the bytes right
"""

import json
import os
import shutil
import statistics
import subprocess

from common import HERE, NATIVE_CFLAGS, ROOT, WASM_CFLAGS, log, machine, sh

NET_DIR = os.path.join(HERE, "net")
ENGINES = ["native", "kernel"]
KINDS = ["echo", "bulk", "http"]
# (clients, echo requests per client, 64 KiB messages, http requests per client, file bytes)
SIZES = {"smoke": (4, 10, 4, 3, 4096), "full": (16, 200, 64, 20, 16384)}


def stage(args, d, w, smoke):
    """Build the servers, netload and net.sh into the guest directory d."""
    clients, echo_reqs, bulk_reqs, http_reqs, http_len = SIZES["smoke" if smoke else "full"]
    reps = 1 if smoke else max(1, getattr(args, "net_reps", 0) or args.guest_reps)
    shim = ["-D_GNU_SOURCE", "-I" + os.path.join(NET_DIR, "shim")]
    for name, native in (("echo_server", "echo-native"), ("httpd", "httpd-native")):
        src = os.path.join(ROOT, "examples", name + ".c")
        wasm = os.path.join(w, name + ".wasm")
        sh([args.wasm_cc] + WASM_CFLAGS + ["-o", wasm, src])
        sh([args.aotc, wasm, "-o", os.path.join(d, name + ".wko"), "--kdir", args.kdir,
            "--symvers", args.symvers])
        sh(["gcc"] + NATIVE_CFLAGS + shim + ["-static", "-o", os.path.join(d, native), src])
    sh(["gcc"] + NATIVE_CFLAGS + ["-D_GNU_SOURCE", "-static", "-pthread", "-o",
                                  os.path.join(d, "netload"), os.path.join(NET_DIR, "netload.c")])
    shutil.copy(os.path.join(NET_DIR, "net.sh"), os.path.join(d, "net.sh"))
    with open(os.path.join(d, "net.conf"), "w", encoding="utf-8") as f:
        f.write("NET_REPS=%d\nNET_CLIENTS=%d\nNET_ECHO_REQS=%d\nNET_BULK_REQS=%d\n"
                "NET_HTTP_REQS=%d\nNET_HTTP_LEN=%d\n" %
                (reps, clients, echo_reqs, bulk_reqs, http_reqs, http_len))
    return {"reps": reps, "clients": clients, "echo_reqs": echo_reqs, "bulk_reqs": bulk_reqs,
            "http_reqs": http_reqs, "http_len": http_len}


def parse(text):
    """ENGINE net KIND REQS BYTES NS P50 P99 OK lines -> {engine: {kind: [run, ...]}}."""
    res = {e: {k: [] for k in KINDS} for e in ENGINES}
    for line in text.splitlines():
        f = line.split()
        if len(f) != 9 or f[1] != "net" or f[0] not in res or f[2] not in KINDS:
            continue
        try:
            reqs, nbytes, ns, p50, p99, ok = (int(x) for x in f[3:])
        except ValueError:
            continue
        res[f[0]][f[2]].append({"reqs": reqs, "bytes": nbytes, "ns": ns, "p50_ns": p50,
                                "p99_ns": p99, "ok": ok == 1})
    return res


def check(res, reps):
    """Every engine and kind ran reps times with the bytes right: (passed, failed, lines)."""
    passed = failed = 0
    lines = []
    for e in ENGINES:
        for k in KINDS:
            runs = res[e][k]
            if len(runs) == reps and all(r["ok"] for r in runs):
                passed += 1
                lines.append("PASS guest net %s %s (%d runs)" % (e, k, reps))
            else:
                failed += 1
                lines.append("FAIL guest net %s %s: %d of %d runs, %d with wrong bytes" %
                             (e, k, len(runs), reps, sum(1 for r in runs if not r["ok"])))
    return passed, failed, lines


def _rate(r, kind):
    """Requests/s, or MB/s (10^6 bytes of payload each way) for bulk."""
    per_s = 1e9 / r["ns"]
    return r["bytes"] * per_s / 1e6 if kind == "bulk" else r["reqs"] * per_s


def table(res):
    """Markdown rows: best (max rate = min time) and median of each engine, ratio."""
    rows = ["| measurement | native best | native median | wasmkm best | wasmkm median "
            "| wasmkm / native (medians) |", "|---|---:|---:|---:|---:|---:|"]
    units = {"echo": "echo 64 B, requests/s", "bulk": "echo 64 KiB, MB/s",
             "http": "HTTP GET, requests/s"}
    for k in KINDS:
        cells, med = [], {}
        for e in ENGINES:
            rates = [_rate(r, k) for r in res[e][k] if r["ok"]]
            if rates:
                med[e] = statistics.median(rates)
                fmt = "%.1f" if k == "bulk" else "%.0f"
                cells += [fmt % max(rates), fmt % med[e]]
            else:
                cells += ["-", "-"]
        ratio = "%.2f" % (med["kernel"] / med["native"]) if len(med) == 2 else "-"
        rows.append("| %s | %s | %s |" % (units[k], " | ".join(cells), ratio))
        if k == "bulk":
            continue
        for q in ("p50_ns", "p99_ns"):
            cells = []
            for e in ENGINES:
                v = [r[q] / 1e3 for r in res[e][k] if r["ok"]]
                cells += ["%.0f" % min(v), "%.0f" % statistics.median(v)] if v else ["-", "-"]
            a = [r[q] for r in res["kernel"][k] if r["ok"]]
            b = [r[q] for r in res["native"][k] if r["ok"]]
            ratio = "%.2f" % (statistics.median(a) / statistics.median(b)) if a and b else "-"
            rows.append("| %s %s, us | %s | %s |" % (k, q[:3], " | ".join(cells), ratio))
    return "\n".join(rows)


def net_only(args):
    """make bench-net: the network benchmark alone in one guest; dated results."""
    import quick  # pylint: disable=import-outside-toplevel
    d = os.path.join(args.work, "guest")
    w = os.path.join(args.work, "guest-build")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    os.makedirs(w, exist_ok=True)
    log("bench: building the network benchmark")
    conf = stage(args, d, w, args.smoke)
    shutil.copy(os.path.join(HERE, "guest.sh"), os.path.join(d, "guest.sh"))
    with open(os.path.join(d, "bench.conf"), "w", encoding="utf-8") as f:
        f.write("NET_ONLY=1\n")
    m = machine(args)
    out = os.path.join(args.work, "vm")
    log("bench: booting the guest (network, %d rounds)" % conf["reps"])
    p = subprocess.run([os.path.join(ROOT, "tests", "vm", "run.sh"), "--kernel", args.vm_kernel,
                        "--kmod", args.kmod, "--wasmctl", args.guest_wasmctl, "--bench", d,
                        "--out", out, "--timeout", str(args.vm_timeout), "bench"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    m["load_average_after"] = os.getloadavg()[0]
    text = read_result(args)
    res = parse(text)
    passed, failed, lines = check(res, conf["reps"])
    for line in lines:
        log(line)
    if failed:
        log(p.stdout[-3000:])
    md = ("# Network: echo and HTTP servers, native vs wasmkm, one QEMU guest\n\n"
          "Taken %s on %s (%d CPUs), host load average %.2f before and %.2f after; "
          "QEMU TCG (no KVM): absolute figures are the emulator's, only the ratios "
          "compare.  `%s`.\n\n%d rounds, engines in turns; %d concurrent clients x %d "
          "echo requests of 64 B; %d messages of 64 KiB on one connection; %d clients x "
          "%d HTTP GETs of a %d-byte file, a new connection each.  Native servers: the "
          "same C over bench/net/shim.\n\n%s\n" %
          (m["date"], m["cpu"], m["cpus"], m["load_average"], m["load_average_after"],
           args.command, conf["reps"], conf["clients"], conf["echo_reqs"], conf["bulk_reqs"],
           conf["clients"], conf["http_reqs"], conf["http_len"], table(res)))
    dest = os.path.join(args.work, "results") if args.smoke else args.results
    os.makedirs(dest, exist_ok=True)
    path = quick.dated_path(dest, "net" + ("-" + args.label if args.label else ""), ".md")
    with open(path, "x", encoding="utf-8") as f:
        f.write(md)
    with open(path[:-3] + ".json", "x", encoding="utf-8") as f:
        json.dump({"machine": m, "config": conf, "net": res}, f, indent=1)
    log(md)
    log("bench: results in %s" % path)
    log("bench: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def read_result(args):
    path = os.path.join(args.work, "vm", "result.txt")
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()
