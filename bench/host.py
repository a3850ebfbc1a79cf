# SPDX-License-Identifier: GPL-2.0
"""The host engines: building the PolyBench program for each, and running
them in turn (run.py, quick.py)."""

import os
import shutil
import subprocess
import sys
import time

from common import (HERE, KERNEL_LIKE_CFLAGS, NATIVE_CFLAGS, ROOT, WASM_CFLAGS, log,
                    parse_lines, pb_sources, sh, summarize)


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
