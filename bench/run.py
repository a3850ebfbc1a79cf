#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""wasmkm benchmarks: PolyBench/C kernels and micro-benchmarks on every engine.

Host engines (native and wasm, same C source):
  gcc, clang      native -O2
  wasmkm-host     aotc's generated C, built with the kernel's code generation
                  flags and run in userspace against a shim of the runtime ABI
  wasm2c          Debian's wabt wasm2c + its runtime, gcc -O2
  node            V8, through node:wasi
  wasmtime        the wasmtime package from PyPI (skipped if not reachable)
Guest engines (QEMU TCG, the Debian kernel wasmkm.ko is built against):
  kernel          the app object (.wko) in a wasmkm kernel thread
  native          the same C, gcc -O2 -static, in guest userspace

Every engine must produce the checksums of native gcc, or the run fails.
Called by bench/bench.mk: "make bench" (full) and "make bench-smoke" (MINI,
checksums only, part of make check); see bench/README.md.
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

import ctr
import launches

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HOST_ENGINES = ["gcc", "clang", "wasmkm-host", "wasm2c", "node", "wasmtime"]
GUEST_ENGINES = ["native", "runc", "kernel"]
SIZES = ["MINI", "SMALL", "MEDIUM", "LARGE"]
# Code generation flags of the kernel build that also apply in userspace
# (aotc adds -msse -msse2 -fno-math-errno -ffp-contract=off for app_code.o).
KERNEL_LIKE_CFLAGS = [
    "-O2", "-fno-strict-aliasing", "-fno-common", "-fno-delete-null-pointer-checks",
    "-mno-red-zone", "-msse", "-msse2", "-fno-math-errno", "-ffp-contract=off"
]
WASM_CFLAGS = ["--target=wasm32-wasi", "-O2", "-Wall", "-Werror", "-Wl,--strip-debug"]
NATIVE_CFLAGS = ["-O2", "-Wall", "-Wextra", "-Werror"]


def log(msg):
    print(msg, flush=True)


def sh(cmd, cwd=None, env=None, timeout=None, check=True):
    """Run a command; returns (status, output).  Raises on failure if check."""
    p = subprocess.run(cmd, cwd=cwd, env=env, timeout=timeout, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    if check and p.returncode != 0:
        raise RuntimeError("%s: status %d\n%s" % (" ".join(cmd), p.returncode,
                                                 p.stdout[-3000:]))
    return p.returncode, p.stdout


def first_line(cmd):
    try:
        return sh(cmd, timeout=30)[1].strip().splitlines()[0]
    except Exception:  # pylint: disable=broad-except
        return "unknown"


def pb_sources():
    d = os.path.join(HERE, "polybench")
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".c"))


def parse_lines(text, prefix=""):
    """pb and micro lines (optionally after an engine prefix) -> dicts."""
    pb, micro = {}, {}
    for line in text.splitlines():
        f = line.split()
        if prefix:
            if not f or f[0] != prefix:
                continue
            f = f[1:]
        if len(f) >= 4 and f[0] == "pb":
            # one time per line: the last run (the others warm up)
            ns = [int(x) for x in f[3].split(",") if x.isdigit()] or [0]
            h = f[2] if len(f) == 4 else "mismatch"
            k = pb.setdefault(f[1], {"hash": h, "ns": []})
            if k["hash"] != h:
                k["hash"] = "mismatch"
            k["ns"].append(ns[-1])
        elif len(f) >= 3 and f[0] == "micro":
            try:
                micro[f[1]] = [float(x) for x in f[2:]]
            except ValueError:
                pass
    return pb, micro


def summarize(pb):
    for k in pb.values():
        ns = k["ns"] or [0]
        k["median"] = statistics.median(ns)
        k["min"] = min(ns)
        k["max"] = max(ns)


# ------------------------------------------------------------------ building
class Builder:
    """Builds the PolyBench program for every host engine at one size."""

    def __init__(self, args, size):
        self.args = args
        self.size = size
        self.dir = os.path.join(args.work, "host", size)
        os.makedirs(self.dir, exist_ok=True)
        self.define = "-DPB_" + size

    def path(self, name):
        return os.path.join(self.dir, name)

    def native(self, cc, name, extra=()):
        out = self.path(name)
        sh([cc] + NATIVE_CFLAGS + list(extra) + [self.define, "-o", out] + pb_sources() + ["-lm"])
        return out

    def wasm(self):
        out = self.path("pb.wasm")
        if not os.path.exists(out):
            sh([self.args.wasm_cc] + WASM_CFLAGS + [self.define, "-o", out] + pb_sources())
        return out

    def wasmkm_host(self):
        d = os.path.join(ROOT, "tests", "host", "codegen")
        code = self.path("app_code.c")
        sh([self.args.codegen_gen, self.wasm(), code])
        out = self.path("pb-wasmkm-host")
        sh(["gcc"] + KERNEL_LIKE_CFLAGS +
           ["-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror"] +
           ["-I" + os.path.join(d, "include"), "-I" + d,
            "-I" + os.path.join(ROOT, "kmod", "include"), "-I" + os.path.join(ROOT, "uapi"),
            "-I" + os.path.join(ROOT, "tests", "include"),
            '-DAPP_CODE="%s"' % code, "-o", out,
            os.path.join(d, "runner.c"), os.path.join(d, "shim.c"), "-lm"])
        return out

    def wasm2c(self):
        rt = self.args.wasm2c_rt
        if not os.path.exists(os.path.join(rt, "wasm-rt-impl.c")):
            raise RuntimeError("no wasm2c runtime in %s (Debian package wabt)" % rt)
        sh(["wasm2c", "-n", "app", self.wasm(), "-o", self.path("app.c")])
        out = self.path("pb-wasm2c")
        # The generated code is not warning-clean: no -Werror for it.
        sh(["gcc", "-O2", "-I" + rt, "-I" + self.dir, "-include", "app.h", "-o", out,
            os.path.join(HERE, "engines", "wasm2c-wasi.c"), self.path("app.c"),
            os.path.join(rt, "wasm-rt-impl.c"), "-lm"], cwd=self.dir)
        return out

    def commands(self):
        """engine -> (argv prefix, env) and engine -> skip reason."""
        cmds, skipped = {}, {}
        for engine in self.args.engines:
            try:
                if engine == "gcc":
                    cmds[engine] = ([self.native("gcc", "pb-gcc")], None)
                elif engine == "clang":
                    cmds[engine] = ([self.native(self.args.clang, "pb-clang")], None)
                elif engine == "wasmkm-host":
                    cmds[engine] = ([self.wasmkm_host(), "--"], None)
                elif engine == "wasm2c":
                    cmds[engine] = ([self.wasm2c()], None)
                elif engine == "node":
                    if not shutil.which("node"):
                        raise RuntimeError("node not installed (Debian package nodejs)")
                    cmds[engine] = (["node", "--no-warnings",
                                     os.path.join(HERE, "engines", "node-wasi.mjs"),
                                     self.wasm()], None)
                elif engine == "wasmtime":
                    reason = ensure_wasmtime(self.args)
                    if reason:
                        skipped[engine] = reason
                        continue
                    env = dict(os.environ, PYTHONPATH=self.args.pylib)
                    cmds[engine] = ([sys.executable,
                                     os.path.join(HERE, "engines", "wasmtime-run.py"),
                                     self.wasm()], env)
            except (RuntimeError, OSError) as e:
                cmds[engine] = None
                skipped[engine] = "build failed: " + str(e).strip()[-600:]
        return cmds, skipped


def ensure_wasmtime(args):
    """Install the wasmtime package into args.pylib once; a reason if not possible."""
    env = dict(os.environ, PYTHONPATH=args.pylib)
    probe = [sys.executable, "-c", "import wasmtime"]
    if subprocess.run(probe, env=env, capture_output=True, check=False).returncode == 0:
        return None
    if args.no_pip:
        return "not installed and --no-pip given"
    log("bench: pip install wasmtime (into %s)" % args.pylib)
    try:
        rc, out = sh([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                      "--retries", "0", "--timeout", "15", "--target", args.pylib, "wasmtime"],
                     timeout=300, check=False)
    except subprocess.TimeoutExpired:
        return "PyPI not reachable (pip timed out)"
    if rc != 0:
        last = [l for l in out.strip().splitlines() if l.strip()][-1:] or ["?"]
        return "PyPI not reachable or pip failed: " + last[0]
    if subprocess.run(probe, env=env, capture_output=True, check=False).returncode != 0:
        return "installed wasmtime does not import"
    return None


# ------------------------------------------------------------------- running
def run_host(args, size, reps, warmup):
    """Rounds of one process per engine, engines in turn, so that a change in
    the machine's load hits every engine alike.  Each process runs every
    kernel warmup + 1 times and keeps the last (JIT tiers are warm)."""
    b = Builder(args, size)
    log("bench: building the host engines (%s)" % size)
    cmds, skipped = b.commands()
    engines = [e for e in args.engines if cmds.get(e)]
    res = {e: {"status": 0, "kernels": {}, "seconds": 0.0} for e in engines}
    for rnd in range(reps):
        log("bench: host round %d/%d (%s): %s" % (rnd + 1, reps, size, " ".join(engines)))
        order = engines[rnd % len(engines):] + engines[:rnd % len(engines)] if engines else []
        for engine in order:
            r = res[engine]
            if r["status"]:
                continue
            argv, env = cmds[engine]
            t = time.time()
            p = subprocess.run(argv + ["-r", str(warmup + 1)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, timeout=args.timeout,
                               check=False)
            r["seconds"] = round(r["seconds"] + time.time() - t, 1)
            pb, _ = parse_lines(p.stdout)
            for k, v in pb.items():
                acc = r["kernels"].setdefault(k, {"hash": v["hash"], "ns": []})
                if v["hash"] != acc["hash"]:
                    acc["hash"] = "mismatch"
                acc["ns"].append(v["ns"][-1] if v["ns"] else 0)
            if p.returncode != 0:
                r["status"] = p.returncode
                r["error"] = (p.stderr or p.stdout)[-600:]
    for r in res.values():
        summarize(r["kernels"])
    return res, skipped


def wko(args, wasm, out):
    sh([args.aotc, wasm, "-o", out, "--kdir", args.kdir, "--symvers", args.symvers])


def stage_guest(args, size, reps, pb_only):
    """Build everything the guest runs into WORK/guest (mounted at /bench)."""
    d = os.path.join(args.work, "guest")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    w = os.path.join(args.work, "guest-build")
    os.makedirs(w, exist_ok=True)
    define = "-DPB_" + size
    micro = os.path.join(HERE, "micro")
    log("bench: building the guest objects (%s)" % size)
    if not pb_only:
        sh([args.wasm_cc] + WASM_CFLAGS + ["-o", os.path.join(w, "grow.wasm"),
                                           os.path.join(micro, "grow.c")])
        wko(args, os.path.join(w, "grow.wasm"), os.path.join(d, "grow.wko"))
    if not args.grow_only:
        sh([args.wasm_cc] + WASM_CFLAGS + [define, "-o", os.path.join(w, "pb.wasm")] +
           pb_sources())
        wko(args, os.path.join(w, "pb.wasm"), os.path.join(d, "pb.wko"))
        sh(["gcc"] + NATIVE_CFLAGS + ["-static", define, "-o", os.path.join(d, "pb-native")] +
           pb_sources() + ["-lm"])
        # hello, the launcher and the container bundles (ctr.py)
        hello = os.path.join(micro, "hello.c")
        sh([args.wasm_cc] + WASM_CFLAGS + ["-o", os.path.join(w, "hello.wasm"), hello])
        wko(args, os.path.join(w, "hello.wasm"), os.path.join(d, "hello.wko"))
        for name in ("hello", "launch"):
            sh(["gcc"] + NATIVE_CFLAGS + ["-static", "-o", os.path.join(d, name + "-native"),
                                          os.path.join(micro, name + ".c")])
        os.rename(os.path.join(d, "launch-native"), os.path.join(d, "launch"))
        ctr.make_bundle(os.path.join(d, "ctr"), "pb", os.path.join(d, "pb-native"))
        ctr.make_bundle(os.path.join(d, "ctr"), "hello", os.path.join(d, "hello-native"))
    if not pb_only and not args.grow_only:
        hostcall_flags = ["-DHOSTCALL_FILE"] if args.fs_cap else []
        for name, extra in (("hostcall", hostcall_flags), ("start", ["-nostartfiles"]),
                            ("idle", ["-nostartfiles", "-DIDLE"])):
            src = os.path.join(micro, "hostcall.c" if name == "hostcall" else "start.c")
            sh([args.wasm_cc] + WASM_CFLAGS + extra + ["-o", os.path.join(w, name + ".wasm"), src])
            wko(args, os.path.join(w, name + ".wasm"), os.path.join(d, name + ".wko"))
        for name in ("hostcall", "start-native", "startlat"):
            src = os.path.join(micro, ("hostcall" if name == "hostcall" else name) + ".c")
            out = os.path.join(d, "hostcall-native" if name == "hostcall" else name)
            sh(["gcc"] + NATIVE_CFLAGS + ["-static", "-I" + os.path.join(ROOT, "uapi"), "-o", out,
                                          src])
    shutil.copy(os.path.join(HERE, "guest.sh"), os.path.join(d, "guest.sh"))
    with open(os.path.join(d, "bench.conf"), "w", encoding="utf-8") as f:
        f.write("PB_REPS=%d\nPB_RUNS=%d\nPB_ONLY=%d\nHOSTCALL_N=%d\nSTART_N=%d\nIDLE_K=%d\n" %
                (reps, 1 if args.smoke else 2, 1 if pb_only else 0, args.hostcall_n,
                 args.start_n, args.idle_k))
        f.write("FS_CAP=%s\nFS_FILE=%s\n" % (args.fs_cap, args.fs_file))
        f.write("GROW_ONLY=%d\n" % (1 if args.grow_only else 0))
        f.write("LAUNCH_EACH=%d\n" % (0 if args.smoke else 1))
    return d, w


def loaded_size(path):
    """text + data + bss: what the module loader allocates for an object."""
    try:
        out = sh(["size", path])[1].splitlines()[-1].split()
        return int(out[3])
    except (RuntimeError, OSError, IndexError, ValueError):
        return None


def native_dynamic(name, size, w):
    out = os.path.join(w, name + "-native-dynamic")
    try:
        sh(["gcc"] + NATIVE_CFLAGS + ["-DPB_" + size, "-o", out] + pb_sources() + ["-lm"])
        sh(["strip", out])
    except (RuntimeError, OSError):
        return None
    return os.path.getsize(out)


def run_guest(args, size, reps, pb_only):
    d, w = stage_guest(args, size, reps, pb_only)
    out = os.path.join(args.work, "vm")
    log("bench: booting the guest (%s x%d)" % (size, reps))
    p = subprocess.run([os.path.join(ROOT, "tests", "vm", "run.sh"), "--kernel", args.vm_kernel,
                        "--kmod", args.kmod, "--wasmctl", args.guest_wasmctl, "--bench", d,
                        "--out", out, "--timeout", str(args.vm_timeout), "bench"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    text = ""
    if os.path.exists(os.path.join(out, "result.txt")):
        with open(os.path.join(out, "result.txt"), encoding="utf-8", errors="replace") as f:
            text = f.read()
    res = {}
    for engine in GUEST_ENGINES:
        pb, micro = parse_lines(text, engine)
        summarize(pb)
        res[engine] = {"status": p.returncode, "kernels": pb, "micro": micro,
                       "launch": launches.parse(text, engine)}
    if p.returncode != 0:
        for engine in GUEST_ENGINES:
            res[engine]["error"] = p.stdout[-1500:]
    sizes = {}
    for name in ("pb", "hello", "hostcall", "start"):
        wasm = name + ".wasm"
        if os.path.exists(os.path.join(w, wasm)) and os.path.exists(os.path.join(d, name + ".wko")):
            native = os.path.join(d, name + "-native")
            src = os.path.join(HERE, "polybench") if name == "pb" else None
            sizes[name] = {"wasm": os.path.getsize(os.path.join(w, wasm)),
                           "wko": os.path.getsize(os.path.join(d, name + ".wko")),
                           "wko_loaded": loaded_size(os.path.join(d, name + ".wko")),
                           "native_static": os.path.getsize(native),
                           "native_dynamic": native_dynamic(name, size, w) if src else None}
            if os.path.isdir(os.path.join(d, "ctr", name)):
                sizes[name]["bundle"] = ctr.bundle_size(os.path.join(d, "ctr", name))
    return res, sizes, p.stdout


# ---------------------------------------------------------------- checksums
def check(results, reference, label):
    """Compare every engine's checksums with the reference; lines and counts."""
    passed, failed, lines = 0, 0, []
    for engine, r in results.items():
        bad = []
        if r.get("status"):
            bad.append("exit status %s" % r["status"])
        for k, ref in reference.items():
            got = r["kernels"].get(k, {}).get("hash")
            if got != ref:
                bad.append("%s: %s, want %s" % (k, got or "missing", ref))
        if not reference:
            bad.append("no reference checksums")
        if bad:
            failed += 1
            lines.append("FAIL %s %s: %s" % (label, engine, "; ".join(bad[:5])))
            if r.get("error"):
                lines.append("  " + r["error"].strip().replace("\n", "\n  ")[-800:])
        else:
            passed += 1
            lines.append("PASS %s %s: %d checksums" % (label, engine, len(reference)))
    return passed, failed, lines


# ------------------------------------------------------------------ reports
def geomean(v):
    v = [x for x in v if x > 0]
    return math.exp(sum(math.log(x) for x in v) / len(v)) if v else float("nan")


def ratios(results, base):
    """engine -> kernel -> (median ratio, min ratio, max ratio) against base's median."""
    out = {}
    ref = results.get(base, {}).get("kernels", {})
    for engine, r in results.items():
        out[engine] = {}
        for k, v in r.get("kernels", {}).items():
            b = ref.get(k, {}).get("median")
            if b:
                out[engine][k] = (v["median"] / b, v["min"] / b, v["max"] / b)
    return out


def table(results, base, engines, kernels):
    rat = ratios(results, base)
    engines = [e for e in engines if e in results and e != base]
    head = ["kernel", base + " (µs)"] + engines
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for k in kernels:
        b = results[base]["kernels"].get(k)
        cells = [k, "%.0f" % (b["median"] / 1000) if b else "-"]
        for e in engines:
            r = rat[e].get(k)
            cells.append("%.2f (%.2f–%.2f)" % r if r else "-")
        rows.append("| " + " | ".join(cells) + " |")
    cells = ["**geomean**", ""]
    for e in engines:
        cells.append("**%.2f**" % geomean([rat[e][k][0] for k in kernels if k in rat[e]]))
    rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def plot(results, base, engines, kernels, path, title):
    try:
        import matplotlib  # pylint: disable=import-outside-toplevel
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # pylint: disable=import-outside-toplevel
    except ImportError:
        return "matplotlib not installed (Debian package python3-matplotlib)"
    rat = ratios(results, base)
    engines = [e for e in engines if e in results and e != base]
    fig, ax = plt.subplots(figsize=(max(10, len(kernels) * 0.55), 5))
    width = 0.8 / max(1, len(engines))
    for i, e in enumerate(engines):
        xs = [j + (i - (len(engines) - 1) / 2) * width for j in range(len(kernels))]
        ys = [rat[e].get(k, (0, 0, 0))[0] for k in kernels]
        lo = [max(0, y - rat[e].get(k, (0, 0, 0))[1]) for y, k in zip(ys, kernels)]
        hi = [max(0, rat[e].get(k, (0, 0, 0))[2] - y) for y, k in zip(ys, kernels)]
        ax.bar(xs, ys, width, yerr=[lo, hi], capsize=1, error_kw={"elinewidth": 0.5},
               label="%s (geomean %.2f)" % (e, geomean([y for y in ys if y > 0])))
    # Outliers of a noisy machine would flatten the bars: clip the whiskers.
    top = max([rat[e][k][0] for e in engines for k in kernels if k in rat[e]] or [1.0])
    ax.set_ylim(0, max(2.0, 1.25 * top))
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_xticks(range(len(kernels)))
    ax.set_xticklabels(kernels, rotation=60, ha="right", fontsize=8)
    ax.set_ylabel("time / %s (median; whiskers: min-max, clipped)" % base)
    ax.set_title(title)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return None


def machine(args):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    debian = "unknown"
    if os.path.exists("/etc/debian_version"):
        with open("/etc/debian_version", encoding="utf-8") as f:
            debian = f.read().strip()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "kernel": platform.release(),
        "debian": debian,
        "load_average": os.getloadavg()[0],
        "gcc": first_line(["gcc", "--version"]),
        "clang": first_line([args.clang, "--version"]),
        "wasm_cc": first_line([args.wasm_cc, "--version"]),
        "node": first_line(["node", "--version"]) if shutil.which("node") else "missing",
        "wasm2c": "wabt " + first_line(["wasm2c", "--version"]),
    }


def micro_table(guest):
    k = guest.get("kernel", {}).get("micro", {})
    n = guest.get("native", {}).get("micro", {})
    if not k and not n:
        return ""

    def val(d, key, unit=1.0):
        v = d.get(key)
        if not v:
            return "-"
        if len(v) >= 3:
            return "%.1f (%.1f–%.1f)" % (v[0] / unit, v[1] / unit, v[2] / unit)
        return "%.1f" % (v[0] / unit)

    wlog = "fd_write_1B_file" if "fd_write_1B_file" in k else "fd_write_1B_log"
    rows = [
        "| measurement | wasmkm (kernel thread) | native (guest userspace) |",
        "|---|---|---|",
        "| clock_time_get, ns per call | %s | %s (syscall) |" %
        (val(k, "clock_time_get"), val(n, "clock_time_get")),
        "| 1-byte fd_write, ns per call | %s (%s) | %s (write(2) to a tmpfs file) |" %
        (val(k, wlog), "to a file" if wlog.endswith("file") else "to the instance log",
         val(n, "fd_write_1B_file")),
        "| start, object loaded → first instruction, µs | %s | %s (fork+exec → main) |" %
        (val(k, "start_warm_first", 1000), val(n, "start_native_first", 1000)),
        "| start → exit seen, µs | %s | %s |" %
        (val(k, "start_warm_done", 1000), val(n, "start_native_done", 1000)),
        "| cold: load + start → first instruction, µs | %s | |" %
        val(k, "start_cold_first", 1000),
        "| cold: load + start → exit seen, µs | %s | |" % val(k, "start_cold_done", 1000),
    ]
    for total in (16, 32, 64):
        key = "grow_%dMiB_step1MiB" % total
        if key in k:
            rows.append("| malloc 1 MiB at a time up to %d MiB (memory.grow), ms | %s | |" %
                        (total, val(k, key, 1e6)))
    if "grow_64MiB_step64MiB" in k:
        rows.append("| one malloc of 64 MiB, ms | %s | |" % val(k, "grow_64MiB_step64MiB", 1e6))
    for key, label in (("idle_total_bytes", "kernel memory (slab + vmalloc + linear memory)"),
                       ("idle_slab_bytes", "slab"),
                       ("idle_vmalloc_bytes", "vmalloc (log, stack)"),
                       ("idle_linear_bytes", "linear memory (vmap'ed pages)"),
                       ("idle_kernel_stack_bytes", "of which kernel stack")):
        if key in k:
            rows.append("| idle instance: %s, KiB | %.1f | |" % (label, k[key][0] / 1024))
    return "\n".join(rows)


def size_table(sizes):
    if not sizes:
        return ""
    rows = ["| program | .wasm | .wko file | .wko text+data+bss | native -static | "
            "native dynamic, stripped |", "|---|---|---|---|---|---|"]

    def num(v):
        return "-" if v is None else str(v)

    for name, s in sizes.items():
        rows.append("| %s | %s | %s | %s | %s | %s |" %
                    (name, num(s["wasm"]), num(s["wko"]), num(s.get("wko_loaded")),
                     num(s["native_static"]), num(s.get("native_dynamic"))))
    return "\n".join(rows)


def markdown(data):
    m = data["machine"]
    c = data["config"]
    out = ["# wasmkm benchmark results", ""]
    out.append("Taken %s on %s (%d CPUs, load average %.2f at the start), Debian %s, "
               "Linux %s; %s; %s; node %s; %s." %
               (m["date"], m["cpu"], m["cpus"], m["load_average"], m["debian"], m["kernel"],
                m["gcc"], m["clang"], m["node"], m["wasm2c"]))
    out.append("")
    out.append("Command: `%s`" % c["command"])
    out.append("")
    kernels = data.get("kernels", [])
    if data.get("host"):
        out.append("## PolyBench on the host (%s, median of %d runs)" % (c["size"], c["reps"]))
        out.append("")
        out.append("Each run is a process of its own, after one warm-up run of the kernel in "
                   "the same process; the engines take turns, run by run.")
        out.append("")
        out.append("Time relative to native gcc -O2 (lower is better), median (min–max); the "
                   "first column is gcc's median in µs.")
        out.append("")
        out.append(table(data["host"], "gcc", HOST_ENGINES, kernels))
        out.append("")
        for e, why in data.get("host_skipped", {}).items():
            out.append("- %s skipped: %s" % (e, why))
        out.append("")
    if data.get("guest"):
        out.append("## In the QEMU guest (TCG, %s, median of %d runs)" %
                   (c["guest_size"], c["guest_reps"]))
        out.append("")
        out.append("Time relative to native gcc -O2 -static in guest userspace; runc runs that "
                   "binary in a container; wasmkm runs the same C compiled to wasm, then by aotc "
                   "to a kernel module object.  Each kernel is a launch of its own (one process "
                   "or instance), after a warm-up run in it; native, runc and kernel take turns, "
                   "launch by launch.  TCG emulation distorts absolute times and some ratios.")
        out.append("")
        out.append(table(data["guest"], "native", GUEST_ENGINES, kernels))
        out.append("")
        mt = micro_table(data["guest"])
        if mt:
            out.append("### Micro-benchmarks (guest; median (min–max))")
            out.append("")
            out.append(mt)
            out.append("")
        st = size_table(data.get("sizes", {}))
        if st:
            out.append("### Sizes in bytes (%s)" % c["guest_size"])
            out.append("")
            out.append(st)
            out.append("")
    if data.get("guest"):
        out += launches.markdown(data["guest"], data.get("sizes", {}))
    for note in data.get("notes", []):
        out.append("- " + note)
    return "\n".join(out).rstrip() + "\n"


def update_readme(md):
    """The Markdown report, one heading level down, between the README's markers."""
    path = os.path.join(HERE, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    begin, end = "<!-- results:begin -->", "<!-- results:end -->"
    if begin not in text or end not in text:
        return
    body = md.split("\n", 2)[2]  # without the title
    body = re.sub(r"(?m)^#", "##", body)
    text = text[:text.index(begin) + len(begin)] + "\n" + body + text[text.index(end):]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_reports(data, dest, smoke):
    os.makedirs(dest, exist_ok=True)
    with open(os.path.join(dest, "latest.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    md = markdown(data)
    with open(os.path.join(dest, "latest.md"), "w", encoding="utf-8") as f:
        f.write(md)
    if smoke:
        log("bench: smoke results in %s" % dest)
        return
    # Earlier results stay: every full run also goes to full-DATE.{json,md}.
    import quick  # pylint: disable=import-outside-toplevel
    dated = quick.dated_path(dest, "full", ".json")
    with open(dated, "x", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    with open(dated[:-5] + ".md", "x", encoding="utf-8") as f:
        f.write(md)
    c = data["config"]
    for part, base, engines, title in (
            ("host", "gcc", HOST_ENGINES, "PolyBench %s on the host" % c["size"]),
            ("guest", "native", GUEST_ENGINES,
             "PolyBench %s in the QEMU TCG guest" % c["guest_size"])):
        if data.get(part):
            why = plot(data[part], base, engines, data["kernels"],
                       os.path.join(dest, "ratio-%s.png" % part), title)
            if why:
                log("bench: no plots: " + why)
                break
    if data.get("guest"):
        why = launches.plot(data["guest"], data.get("sizes", {}), dest)
        if why:
            log("bench: no launch plots: " + why)
    update_readme(md)
    log("bench: results in %s (latest.json, latest.md, ratio-*.png, startup.png, exit.png, "
        "memory.png, size.png)" % dest)


def grow_only(args):
    """The guest's memory.grow benchmark alone: its table, saved in a dated file."""
    import quick  # pylint: disable=import-outside-toplevel
    guest, _, out = run_guest(args, "MINI", 1, False)
    k = guest["kernel"].get("micro", {})
    m = machine(args)
    rows = [r for r in micro_table(guest).splitlines() if r.startswith("|--") or "malloc" in r]
    md = ("# memory.grow in the QEMU guest\n\nTaken %s, load average %.2f; `%s`.\n\n"
          "| measurement | wasmkm (kernel thread) | |\n%s\n" %
          (m["date"], m["load_average"], args.command, "\n".join(rows)))
    os.makedirs(args.results, exist_ok=True)
    path = quick.dated_path(args.results, "grow" + ("-" + args.label if args.label else ""), ".md")
    with open(path, "x", encoding="utf-8") as f:
        f.write(md)
    log(md)
    log("bench: results in %s" % path)
    ok = guest["kernel"]["status"] == 0 and any(x.startswith("grow_") for x in k)
    if not ok:
        log(out[-3000:])
    log("bench: %d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


# --------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="MINI, one run, checksums only")
    ap.add_argument("--quick", action="store_true",
                    help="host only: a few kernels, SMALL, gcc/wasmkm-host/wasmtime (quick.py)")
    ap.add_argument("--count", action="store_true",
                    help="--quick: also count instructions with valgrind")
    ap.add_argument("--runs", type=int, default=6, help="--quick: runs per kernel per process")
    ap.add_argument("--kernels", default="", help="--quick: comma-separated kernels")
    ap.add_argument("--label", default="", help="--quick: a word in the result file name")
    ap.add_argument("--size", choices=SIZES)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--guest-size", default="MEDIUM", choices=SIZES)
    ap.add_argument("--guest-reps", type=int, default=3)
    ap.add_argument("--no-guest", action="store_true")
    ap.add_argument("--grow-only", action="store_true",
                    help="guest only: the memory.grow benchmark (bench/micro/grow.c)")
    ap.add_argument("--no-host", action="store_true")
    ap.add_argument("--no-pip", action="store_true", help="do not install wasmtime from PyPI")
    ap.add_argument("--engines")
    ap.add_argument("--work", help="build directory")
    ap.add_argument("--results", default=os.path.join(HERE, "results"))
    ap.add_argument("--pylib", help="where pip installs wasmtime [WORK/pylib]")
    ap.add_argument("--aotc")
    ap.add_argument("--kdir")
    ap.add_argument("--symvers")
    ap.add_argument("--codegen-gen")
    ap.add_argument("--vm-kernel")
    ap.add_argument("--kmod")
    ap.add_argument("--guest-wasmctl")
    ap.add_argument("--wasm-cc", default="clang-16")
    ap.add_argument("--clang", default="clang-16")
    ap.add_argument("--wasm2c-rt", default="/usr/share/wabt/wasm2c")
    ap.add_argument("--timeout", type=int, default=1800)
    ap.add_argument("--vm-timeout", type=int, default=1800)
    ap.add_argument("--hostcall-n", type=int, default=100000)
    ap.add_argument("--start-n", type=int, default=50)
    ap.add_argument("--idle-k", type=int, default=50)
    ap.add_argument("--command", default="make bench")
    ap.add_argument("--report-only", metavar="JSON",
                    help="only write the Markdown, plots and README table from JSON")
    ap.add_argument("--fs-cap", default="fs:/tmp/hc:/hc",
                    help="grant for the wasm fd_write to a file (guest tmpfs)")
    ap.add_argument("--fs-file", default="/hc/wasm.out", help="the file, as the app sees it")
    ap.add_argument("--no-fs", action="store_true",
                    help="wasm fd_write to the instance log instead of a file")
    args = ap.parse_args()
    args.size_given, args.engines_given = bool(args.size), bool(args.engines)
    args.size = args.size or "MEDIUM"
    args.engines = args.engines or ",".join(HOST_ENGINES)
    args.kernels = [k for k in args.kernels.split(",") if k]
    if args.report_only:
        with open(args.report_only, encoding="utf-8") as f:
            data = json.load(f)
        write_reports(data, args.results, False)
        return 0
    needed = ("work", "codegen_gen") if args.quick else (
        "work", "aotc", "kdir", "symvers", "codegen_gen", "vm_kernel", "kmod", "guest_wasmctl")
    for name in needed:
        if not getattr(args, name):
            ap.error("--%s is required" % name.replace("_", "-"))
    args.engines = [e for e in args.engines.split(",") if e]
    if args.no_fs:
        args.fs_cap = args.fs_file = ""
    args.work = os.path.abspath(args.work)
    args.pylib = os.path.abspath(args.pylib or os.path.join(args.work, "pylib"))
    os.makedirs(args.work, exist_ok=True)
    if args.quick:
        import quick  # pylint: disable=import-outside-toplevel
        return quick.main(args)
    if args.grow_only:
        return grow_only(args)
    if args.smoke:
        args.size = args.guest_size = "MINI"
        args.reps = args.guest_reps = 1
        args.hostcall_n, args.start_n, args.idle_k = 1000, 3, 3

    passed = failed = 0
    notes = []
    data = {"config": {"size": args.size, "reps": args.reps, "guest_size": args.guest_size,
                       "guest_reps": args.guest_reps, "command": args.command}}
    data["machine"] = machine(args)

    reference = {}
    if not args.no_host:
        host, skipped = run_host(args, args.size, args.reps, 0 if args.smoke else 1)
        data["host"], data["host_skipped"] = host, skipped
        if "gcc" in host and host["gcc"]["status"] == 0:
            reference = {k: v["hash"] for k, v in host["gcc"]["kernels"].items()}
        p, f, lines = check(host, reference, "host")
        passed, failed = passed + p, failed + f
        for line in lines:
            log(line)
        for e, why in skipped.items():
            if why.startswith("build failed"):
                failed += 1
                log("FAIL host %s: %s" % (e, why))
            else:
                log("SKIP host %s: %s" % (e, why))
                notes.append("%s skipped: %s" % (e, why))
    if not args.no_guest:
        guest, sizes, out = run_guest(args, args.guest_size, args.guest_reps, False)
        data["guest"], data["sizes"] = guest, sizes
        ref = reference if args.guest_size == args.size else {}
        if not ref:
            # the guest's native run is the reference at a size the host did not run
            ref = {k: v["hash"] for k, v in guest["native"]["kernels"].items()}
        p, f, lines = check(guest, ref, "guest")
        passed, failed = passed + p, failed + f
        for line in lines:
            log(line)
        if f:
            log(out[-3000:])
        if "fd_write_1B_log" in guest["kernel"].get("micro", {}):
            notes.append("fd_write from wasm went to the instance log (no file-system "
                         "capability used); native wrote to a tmpfs file.")
    data["notes"] = notes
    kernels = []
    for r in list(data.get("host", {}).values()) + list(data.get("guest", {}).values()):
        for k in r.get("kernels", {}):
            if k not in kernels:
                kernels.append(k)
    data["kernels"] = kernels

    dest = os.path.join(args.work, "results") if args.smoke else args.results
    write_reports(data, dest, args.smoke)
    log("bench: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
