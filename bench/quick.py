# SPDX-License-Identifier: GPL-2.0
"""bench/run.py --quick: a stable geometric mean in a few minutes.

A few PolyBench kernels at SMALL size on the host engines that matter for
code generation work (native gcc, aotc's C run in userspace, wasmtime).
Engines take turns, process by process; each process runs every kernel
RUNS times and keeps its fastest run after the first (warm-up).  The table
gives, per kernel, the minimum over processes (the statistic least hurt by a
shared, noisy machine) and the median, both as ratios to gcc, and the spread
(max - min) / min of each engine.  The load average is recorded at the start
of every round.  With --count, valgrind (callgrind) also counts the
instructions of one run of each kernel (a run of RUNS minus a run of 1,
divided by RUNS - 1: set-up and checksum included, start-up excluded) for
the engines that valgrind can follow (gcc, wasmkm-host): the figure to
decide a code generation lever with, since it does not depend on the load.

Results are written to bench/results/quick-DATE.json and .md; an existing
file is never overwritten.
"""

import datetime
import json
import os
import re
import statistics
import subprocess

import common
import host
import report

QUICK_KERNELS = ["gemm", "syr2k", "jacobi-2d", "2mm", "symm", "atax", "durbin", "lu",
                 "covariance", "fdtd-2d", "heat-3d", "seidel-2d"]
QUICK_ENGINES = ["gcc", "wasmkm-host", "wasmtime"]
COUNT_ENGINES = ["gcc", "wasmkm-host"]


def best_after_warmup(text):
    """pb lines -> kernel -> (fastest ns after the first run, hash)."""
    out = {}
    for line in text.splitlines():
        f = line.split()
        if len(f) >= 4 and f[0] == "pb":
            ns = [int(x) for x in f[3].split(",") if x.isdigit()]
            out[f[1]] = (min(ns[1:] or ns or [0]), f[2] if len(f) == 4 else "mismatch")
    return out


def instructions(argv, env, kernel, runs):
    """Instructions of one run of @kernel under callgrind (see the docstring)."""
    def count(r):
        p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] +
                           argv + ["-r", str(r), kernel], env=env, capture_output=True,
                           text=True, check=False)
        m = re.search(r"Collected : (\d+)", p.stderr)
        return int(m.group(1)) if m else None

    one, many = count(1), count(runs)
    return (many - one) / (runs - 1) if one and many else None


def run_quick(args):
    b = host.Builder(args, args.size)
    common.log("bench: building the host engines (%s)" % args.size)
    cmds, skipped = b.commands()
    engines = [e for e in args.engines if cmds.get(e)]
    kernels = args.kernels
    times = {e: {k: [] for k in kernels} for e in engines}
    hashes = {e: {} for e in engines}
    loads = []
    for rnd in range(args.reps):
        loads.append(os.getloadavg()[0])
        order = engines[rnd % len(engines):] + engines[:rnd % len(engines)]
        common.log("bench: quick round %d/%d, load %.2f" % (rnd + 1, args.reps, loads[-1]))
        for e in order:
            argv, env = cmds[e]
            p = subprocess.run(argv + ["-r", str(args.runs)] + kernels, env=env,
                               capture_output=True, text=True, timeout=args.timeout,
                               check=False)
            if p.returncode:
                skipped[e] = "status %d: %s" % (p.returncode, p.stderr[-300:])
            for k, (ns, h) in best_after_warmup(p.stdout).items():
                if k in times[e]:
                    times[e][k].append(ns)
                    if hashes[e].setdefault(k, h) != h:
                        hashes[e][k] = "mismatch"
    loads.append(os.getloadavg()[0])
    counts = {}
    if args.count:
        for e in [e for e in COUNT_ENGINES if e in engines]:
            argv, env = cmds[e]
            common.log("bench: counting instructions (%s)" % e)
            counts[e] = {k: instructions(argv, env, k, 3) for k in kernels}
    return {"times": times, "hashes": hashes, "loads": loads, "counts": counts,
            "skipped": skipped, "engines": engines}


def summary(res):
    """engine -> kernel -> (min ratio, median ratio, spread) against gcc."""
    out = {}
    ref = res["times"].get("gcc", {})
    for e, ks in res["times"].items():
        out[e] = {}
        for k, ns in ks.items():
            if ns and ref.get(k):
                lo, med = min(ns), statistics.median(ns)
                out[e][k] = (lo / min(ref[k]), med / statistics.median(ref[k]),
                             (max(ns) - lo) / lo if lo else 0.0)
    return out


def markdown(data):
    res, s = data["result"], summary(data["result"])
    engines = [e for e in res["engines"] if e != "gcc"]
    out = ["# wasmkm quick benchmark", "",
           "Taken %s on %s (%d CPUs), load average %s (start of each round, then the end)." %
           (data["machine"]["date"], data["machine"]["cpu"], data["machine"]["cpus"],
            " ".join("%.2f" % x for x in res["loads"])), "",
           "Command: `%s`; %s, %d processes per engine (engines in turn), each running every "
           "kernel %d times and keeping its fastest run after the first." %
           (data["command"], data["size"], data["reps"], data["runs"]), "",
           "Time relative to native gcc -O2 (lower is better): **minimum** over the processes "
           "against gcc's minimum, then the median against gcc's median, then the spread "
           "(max - min) / min of the engine's own times.", "",
           "| kernel | gcc min (µs) | " +
           " | ".join("%s min / median / spread" % e for e in engines) + " |",
           "|---|---|" + "---|" * len(engines)]
    for k in data["kernels"]:
        g = res["times"].get("gcc", {}).get(k)
        cells = [k, "%.1f" % (min(g) / 1000) if g else "-"]
        for e in engines:
            r = s.get(e, {}).get(k)
            cells.append("%.2f / %.2f / %.0f%%" % (r[0], r[1], 100 * r[2]) if r else "-")
        out.append("| " + " | ".join(cells) + " |")
    cells = ["**geomean**", ""]
    for e in engines:
        v = list(s.get(e, {}).values())
        cells.append("**%.2f** / %.2f" % (report.geomean([x[0] for x in v]),
                                          report.geomean([x[1] for x in v])))
    out.append("| " + " | ".join(cells) + " |")
    if res["counts"]:
        out += ["", "Instructions per run (callgrind; set-up and checksum included), and the "
                "ratio to gcc:", "", "| kernel | " + " | ".join(res["counts"]) + " |",
                "|---|" + "---|" * len(res["counts"])]
        gc = res["counts"].get("gcc", {})
        for k in data["kernels"]:
            cells = [k]
            for e, c in res["counts"].items():
                v = c.get(k)
                cells.append("-" if not v else "%.3g (%.2f)" % (v, v / gc[k]) if gc.get(k)
                             else "%.3g" % v)
            out.append("| " + " | ".join(cells) + " |")
        if "wasmkm-host" in res["counts"] and gc:
            wc = res["counts"]["wasmkm-host"]
            out.append("| **geomean** | | **%.3f** |" % report.geomean(
                [wc[k] / gc[k] for k in data["kernels"] if wc.get(k) and gc.get(k)]))
    for e, why in res["skipped"].items():
        out.append("- %s: %s" % (e, why))
    return "\n".join(out).rstrip() + "\n"


def dated_path(dest, stem, ext):
    """bench/results/STEM-DATE[-N].EXT that does not exist yet."""
    base = os.path.join(dest, "%s-%s" % (stem, datetime.datetime.now(
        datetime.timezone.utc).strftime("%Y%m%d-%H%M")))
    n, path = 1, base + ext
    while os.path.exists(path):
        n += 1
        path = "%s-%d%s" % (base, n, ext)
    return path


def main(args):
    """Called by run.py's main for --quick; returns the exit status."""
    if not args.size_given:
        args.size = "SMALL"
    if not args.engines_given:
        args.engines = QUICK_ENGINES
    args.kernels = args.kernels or QUICK_KERNELS
    data = {"kind": "quick", "size": args.size, "reps": args.reps, "runs": args.runs,
            "kernels": args.kernels, "command": args.command, "label": args.label,
            "machine": common.machine(args)}
    data["result"] = run_quick(args)
    bad = [(e, k) for e, hs in data["result"]["hashes"].items() for k, h in hs.items()
           if h != data["result"]["hashes"].get("gcc", {}).get(k)]
    md = markdown(data)
    os.makedirs(args.results, exist_ok=True)
    path = dated_path(args.results, "quick" + ("-" + args.label if args.label else ""), ".json")
    with open(path, "x", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    with open(path[:-5] + ".md", "x", encoding="utf-8") as f:
        f.write(md)
    print(md)
    common.log("bench: quick results in %s (.md beside it)" % path)
    for e, k in bad:
        common.log("FAIL host %s: %s checksum differs from gcc's" % (e, k))
    return 1 if bad else 0
