#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Differential fuzzing of the aotc code generator against wasmtime.

For each seed: random bytes -> `wasm-tools smith` (a valid module, no
imports, every item exported, loops and calls bounded by a fuel global) ->
aotc's code generator -> C compiled natively with warnings as errors (the
host harness of tests/host/codegen) -> every exported function called with
the same arguments, in one instance, as in wasmtime.  Results (exact bits;
NaNs compared by quietness), trap kinds and the final linear memory must
agree.  A divergence is kept in OUT/div-<seed>/ (module, calls, both
outputs); `wasm-tools print` shows the module.

  fuzz_diff.py --gen CODEGEN_GEN --out DIR --seeds N [--first S] [--minutes M]

Prints one line per divergence, the figures, and last
"fuzz-diff: N passed, M failed" (modules compared alike, divergences).
Exit status 1 if any divergence.
"""
import argparse
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
CODEGEN = os.path.join(ROOT, "tests", "host", "codegen")

# Limits both engines share: a table without a declared maximum grows up to
# aotc's capacity (kGrowableTableCapacity in aotc/codegen/codegen.cc), memory up to the
# host shim's 16384 pages.
TABLE_LIMIT = 65536
MEMORY_LIMIT = 16384 << 16

SMITH_FLAGS = [
    "--ensure-termination", "--fuel", "200",
    "--export-everything", "true",
    "--max-imports", "0",
    "--allow-start-export", "true",
    "--min-funcs", "1", "--max-funcs", "12",
    "--max-memories", "1", "--max-memory32-bytes", str(16 << 20),
    "--memory64-enabled", "false",
    "--max-tables", "3", "--max-table-elements", "1000",
    "--max-data-segments", "8", "--max-element-segments", "8",
    "--max-instructions", "400",
    "--relaxed-simd-enabled", "false",
    "--threads-enabled", "false", "--shared-everything-threads-enabled", "false",
    "--tail-call-enabled", "false", "--exceptions-enabled", "false",
    "--gc-enabled", "false", "--custom-page-sizes-enabled", "false",
    "--wide-arithmetic-enabled", "false", "--extended-const-enabled", "false",
    "--custom-descriptors-enabled", "false", "--compact-imports-enabled", "false",
    "--max-type-size", "100",
]

# -fsignaling-nans as aotc's Kbuild file (kmod/include/wasmkm/ops.h, "floats");
# clang ignores it with a warning, so it is left out there.
CFLAGS = ["-O2", "-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror",
          "-ffp-contract=off", "-fno-math-errno"]



def uapi_trap_texts():
    """The trap texts of WASMKM_TRAPS in uapi/linux/wasmkm.h, by kind name,
    and WASMKM_TRAP_KIND_MAX."""
    with open(os.path.join(ROOT, "uapi", "linux", "wasmkm.h")) as f:
        text = f.read()
    kind_max = re.search(r"WASMKM_TRAP_KIND_MAX\s*=\s*(\d+)", text)
    return (dict(re.findall(r'X\((\w+),\s*\d+,\s*"([^"]*)"\)', text)),
            int(kind_max.group(1)) if kind_max else -1)


UAPI_TRAPS, UAPI_TRAP_MAX = uapi_trap_texts()

# wasmtime trap codes -> our trap kinds, whose texts come from uapi (the host
# shim's and the kernel's texts are the same list).  An index past a table's
# end is "undefined element" for call_indirect and "out of bounds table
# access" elsewhere; wasmtime reports both as one code.
TRAP_KIND = {
    "STACK_OVERFLOW": "STACK",
    "MEMORY_OUT_OF_BOUNDS": "MEM_OOB",
    "TABLE_OUT_OF_BOUNDS": "TABLE_OOB",
    "INDIRECT_CALL_TO_NULL": "UNINIT_ELEM",
    "BAD_SIGNATURE": "INDIRECT_TYPE",
    "INTEGER_OVERFLOW": "INT_OVERFLOW",
    "INTEGER_DIVISION_BY_ZERO": "DIV_ZERO",
    "BAD_CONVERSION_TO_INTEGER": "INVALID_CONV",
    "UNREACHABLE": "UNREACHABLE",
}
# A kind renamed or dropped in uapi fails here, before any comparison.
_missing = sorted(set(TRAP_KIND.values()) - set(UAPI_TRAPS))
if len(UAPI_TRAPS) != UAPI_TRAP_MAX or _missing:
    sys.exit("fuzz_diff.py: uapi/linux/wasmkm.h WASMKM_TRAPS lacks %s (found %s)"
             % (", ".join(_missing) or "entries", ", ".join(sorted(UAPI_TRAPS))))
TRAP_TEXT = {code: UAPI_TRAPS[kind] for code, kind in TRAP_KIND.items()}
SAME_TRAP = {UAPI_TRAPS["UNDEF_ELEM"]: UAPI_TRAPS["TABLE_OOB"]}

I32 = [0, 1, -1, 2, 7, 31, 32, 64, 255, 65535, 65536, -2147483648, 2147483647, 0x12345678]
I64 = [0, 1, -1, 63, 64, 1 << 32, -(1 << 63), (1 << 63) - 1, 0x123456789abcdef]
F32 = ["0", "-0", "1", "-1", "0.5", "inf", "-inf", "nan", "3.4e38", "1e-45", "16777217", "-2.5"]
F64 = ["0", "-0", "1", "-1", "0.5", "inf", "-inf", "1.7e308", "5e-324", "9007199254740993",
       "bits:0x7ff4000000000000", "bits:0x7ff8000000000000", "bits:0xfff8000000000001"]


def f64_value(text):
    if text.startswith("bits:"):
        return struct.unpack("<d", struct.pack("<Q", int(text[5:], 16)))[0]
    return float(text)


def pick_args(rng, params):
    """Arguments as (runner text, wasmtime value) pairs; None if unsupported."""
    out = []
    for p in params:
        if p == "i32":
            v = rng.choice(I32) if rng.random() < 0.8 else rng.randrange(-2**31, 2**31)
            out.append(("i32:%d" % v, v))
        elif p == "i64":
            v = rng.choice(I64) if rng.random() < 0.8 else rng.randrange(-2**63, 2**63)
            out.append(("i64:%d" % v, v))
        elif p == "f32":
            # a quiet NaN only: wasmtime's Python API passes f32 through a
            # C double, which would quiet a signalling one
            t = rng.choice(F32)
            out.append(("f32:" + t, float(t)))
        elif p == "f64":
            t = rng.choice(F64)
            out.append(("f64:" + t, f64_value(t)))
        elif p in ("funcref", "externref"):
            out.append(("ref:null", None))
        else:
            return None
    return out


def fmt_result(ty, v):
    if ty == "i32":
        return "i32:%d" % v
    if ty == "i64":
        return "i64:%d" % v
    if ty == "f32":
        return "f32:bits:0x%08x" % struct.unpack("<I", struct.pack("<f", v))[0]
    if ty == "f64":
        return "f64:bits:0x%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]
    return "ref:" + ("null" if v is None else "nonnull")


def hexname(name):
    """How the runner prints a name: the bytes it was given, made printable."""
    return "x:" + name.encode().hex()


def trap_text(e):
    code = getattr(e, "trap_code", None)
    name = code.name if code is not None else None
    if name in TRAP_TEXT:
        return "trap: " + TRAP_TEXT[name]
    return "trap: other (%s)" % str(e).splitlines()[0]


def run_reference(wasmtime, wasm, calls):
    """Outputs of wasmtime: a list of result lines and the memory bytes."""
    cfg = wasmtime.Config()
    cfg.wasm_simd = True
    cfg.wasm_bulk_memory = True
    cfg.wasm_reference_types = True
    cfg.wasm_multi_value = True
    engine = wasmtime.Engine(cfg)
    store = wasmtime.Store(engine)
    store.set_limits(memory_size=MEMORY_LIMIT, table_elements=TABLE_LIMIT)
    module = wasmtime.Module(engine, wasm)
    try:
        inst = wasmtime.Instance(store, module, [])
    except wasmtime.Trap as e:
        return ["instantiate => " + trap_text(e)], b""
    exports = inst.exports(store)
    lines = []
    for name, args, results in calls:
        try:
            r = exports[name](store, *[a[1] for a in args])
            if len(results) == 0:
                r = []
            elif len(results) == 1:
                r = [r]
            lines.append("%s => %s" % (hexname(name), " ".join(fmt_result(t, v)
                                                         for t, v in zip(results, r))))
        except wasmtime.Trap as e:
            lines.append("%s => %s" % (hexname(name), trap_text(e)))
    mem = b""
    for _, ext in exports.items() if hasattr(exports, "items") else []:
        if isinstance(ext, wasmtime.Memory):
            mem = bytes(ext.read(store, 0, ext.data_len(store)))
            break
    return lines, mem


def normalise(line):
    """A runner result line without the trapping function's name."""
    if " => trap: " in line:
        head, trap = line.split(" => trap: ", 1)
        trap = trap.split(" in ")[0]
        return "%s => trap: %s" % (head, SAME_TRAP.get(trap, trap))
    return line


def is_nan(tok):
    if tok.startswith("f32:bits:"):
        b = int(tok[9:], 16)
        return (b >> 23) & 0xff == 0xff and b & 0x7fffff, (b >> 22) & 1
    if tok.startswith("f64:bits:"):
        b = int(tok[9:], 16)
        return (b >> 52) & 0x7ff == 0x7ff and b & ((1 << 52) - 1), (b >> 51) & 1
    return False, 0


def same(ref, got):
    if ref == got:
        return True
    a, b = ref.split(" "), got.split(" ")
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x == y:
            continue
        nx, qx = is_nan(x)
        ny, qy = is_nan(y)
        # a NaN's payload may differ (the spec allows any arithmetic NaN);
        # f32 results reach Python through a C double, which quiets them
        if not (nx and ny and (qx == qy or x.startswith("f32:"))):
            return False
    return True


def one_seed(args, wasmtime, seed, stats):
    rng = random.Random(seed)
    d = os.path.join(args.out, "work")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    wasm = os.path.join(d, "m.wasm")
    with open(os.path.join(d, "in.bin"), "wb") as f:
        f.write(rng.randbytes(rng.randrange(4096, 65536)))
    simd = ["--simd-enabled", "true" if seed % 2 else "false"]
    r = subprocess.run([args.wasm_tools, "smith", *SMITH_FLAGS, *simd, "-o", wasm,
                        os.path.join(d, "in.bin")], capture_output=True, text=True)
    if r.returncode:
        stats["smith-failed"] += 1
        return None
    stats["tried"] += 1
    r = subprocess.run([args.gen, wasm, os.path.join(d, "app_code.c")],
                       capture_output=True, text=True)
    if r.returncode:
        if "not supported" in r.stderr or "is too large" in r.stderr:
            stats["unsupported"] += 1
            return None
        return "codegen refused a valid module: " + r.stderr.strip()[:300]
    snan = [] if "clang" in os.path.basename(args.cc) else ["-fsignaling-nans"]
    r = subprocess.run([args.cc, *CFLAGS, *snan, "-I" + os.path.join(CODEGEN, "include"), "-I" + CODEGEN,
                        "-I" + os.path.join(ROOT, "tests", "include"),
                        "-I" + os.path.join(ROOT, "kmod", "include"),
                        "-I" + os.path.join(ROOT, "uapi"),
                        '-DAPP_CODE="%s"' % os.path.join(d, "app_code.c"),
                        "-o", os.path.join(d, "run"), os.path.join(CODEGEN, "runner.c"),
                        os.path.join(CODEGEN, "shim.c")], capture_output=True, text=True)
    if r.returncode:
        err = [ln for ln in r.stderr.splitlines() if "error" in ln]
        return "generated C does not compile: " + (err[0] if err else r.stderr[:300])
    wat = subprocess.run([args.wasm_tools, "print", wasm], capture_output=True, text=True).stdout
    if re.search(r"\(global [^\n]*v128", wat):
        # the Python API aborts on an exported v128 global
        stats["reference-failed"] += 1
        return None
    module = wasmtime.Module(wasmtime.Engine(), open(wasm, "rb").read())
    funcs = []
    for ex in module.exports:
        ty = ex.type
        if isinstance(ty, wasmtime.FuncType):
            params = [str(p) for p in ty.params]
            results = [str(p) for p in ty.results]
            if "v128" not in params + results:
                funcs.append((ex.name, params, results))
    calls = []
    for _ in range(max(8, 4 * len(funcs)) if funcs else 0):
        name, params, results = rng.choice(funcs)
        a = pick_args(rng, params)
        if a is not None:
            calls.append((name, a, results))
    with open(os.path.join(d, "calls"), "w") as f:
        for name, a, _ in calls:
            f.write(" ".join([hexname(name)] + [x[0] for x in a]) + "\n")
    try:
        ref, ref_mem = run_reference(wasmtime, open(wasm, "rb").read(), calls)
    except (wasmtime.WasmtimeError, NotImplementedError, TypeError) as e:
        # e.g. a v128 global, which the Python API cannot hold
        stats["reference-failed"] += 1
        print("seed %d: wasmtime: %s" % (seed, str(e).splitlines()[0]), flush=True)
        return None
    stats["calls"] += len(calls)
    try:
        r = subprocess.run([os.path.join(d, "run"), "--calls", os.path.join(d, "calls"),
                            os.path.join(d, "mem")], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "generated code did not finish in 60 s"
    got = r.stdout.splitlines()
    if r.returncode == 100 and got and got[0].endswith("(instantiate)"):
        got = ["instantiate => " + got[0][:-len(" (instantiate)")]]
    elif r.returncode:
        return "runner failed (status %d): %s" % (r.returncode, (r.stderr or r.stdout)[:300])
    else:
        got, mem_line = got[:-1], got[-1:]
        if ref_mem and os.path.exists(os.path.join(d, "mem")):
            if open(os.path.join(d, "mem"), "rb").read() != ref_mem:
                ref.append("memory differs")
                got.append("memory: " + " ".join(mem_line))
    got = [normalise(x) for x in got]
    ref = [normalise(x) for x in ref]
    with open(os.path.join(d, "ref.out"), "w") as f:
        f.write("\n".join(ref) + "\n")
    with open(os.path.join(d, "aotc.out"), "w") as f:
        f.write("\n".join(got) + "\n")
    for i, (x, y) in enumerate(zip(ref, got)):
        if not same(x, y):
            return "call %d: wasmtime '%s', aotc '%s'" % (i + 1, x, y)
    if len(ref) != len(got):
        return "wasmtime gave %d results, aotc %d" % (len(ref), len(got))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gen", required=True, help="the test front end of the code generator")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seeds", type=int, default=50)
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--minutes", type=float, default=0, help="stop after this long (0: no limit)")
    ap.add_argument("--wasm-tools", default="wasm-tools")
    ap.add_argument("--cc", default=os.environ.get("CC", "gcc"))
    args = ap.parse_args()
    try:
        import wasmtime
    except ImportError:
        print("fuzz-diff: the wasmtime Python package is missing (scripts/install-deps.sh)")
        return 2
    args.out = os.path.abspath(args.out)
    os.makedirs(args.out, exist_ok=True)
    stats = {"tried": 0, "unsupported": 0, "smith-failed": 0, "calls": 0,
             "reference-failed": 0}
    divergences = 0
    start = time.time()
    for seed in range(args.first, args.first + args.seeds):
        if args.minutes and time.time() - start > args.minutes * 60:
            break
        why = one_seed(args, wasmtime, seed, stats)
        if why:
            divergences += 1
            keep = os.path.join(args.out, "div-%d" % seed)
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(os.path.join(args.out, "work"), keep)
            print("DIVERGENCE seed %d: %s (kept in %s)" % (seed, why, keep), flush=True)
    print("fuzz-diff: %d modules tried (%d unsupported, %d not run by wasmtime), %d calls, "
          "%d divergences, %.0f s"
          % (stats["tried"], stats["unsupported"], stats["reference-failed"], stats["calls"],
             divergences,
             time.time() - start))
    compared = stats["tried"] - stats["unsupported"] - stats["reference-failed"] - divergences
    print("fuzz-diff: %d passed, %d failed" % (compared, divergences))
    return 1 if divergences else 0


if __name__ == "__main__":
    sys.exit(main())
