# SPDX-License-Identifier: GPL-2.0
"""What the bench modules share: engines, compiler flags, running a command,
the programs' output lines, the machine's description."""

import datetime
import os
import platform
import shutil
import statistics
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HOST_ENGINES = ["gcc", "clang", "wasmkm-host", "wasm2c", "node", "wasmtime"]
GUEST_ENGINES = ["native", "runc", "kernel"]
SIZES = ["MINI", "SMALL", "MEDIUM", "LARGE"]
# Code generation flags of the kernel build that also apply in userspace
# (aotc adds -msse -msse2 -fno-math-errno -ffp-contract=off -fsignaling-nans for app_code.o).
KERNEL_LIKE_CFLAGS = [
    "-O2", "-fno-strict-aliasing", "-fno-common", "-fno-delete-null-pointer-checks",
    "-mno-red-zone", "-msse", "-msse2", "-fno-math-errno", "-ffp-contract=off", "-fsignaling-nans"
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
