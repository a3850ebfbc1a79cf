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
  runc            that static binary in an OCI bundle, run by runc

Every engine must produce the checksums of native gcc, or the run fails.
Called by bench/bench.mk: "make bench" (full) and "make bench-smoke" (MINI,
checksums only, part of make check); see bench/README.md.

This file holds the command line; the work is in modules named after it:
common.py (flags, commands, output lines), host.py (host engines),
guest_run.py (the QEMU guest), ctr.py (OCI bundles), launches.py (start-up,
memory and size of each launch), report.py (checksums, tables, plots),
quick.py (--quick).
"""

import argparse
import json
import os
import sys

import guest_run
import net
import host as host_engines
import report
from common import HERE, HOST_ENGINES, SIZES, log, machine


def grow_only(args):
    """The guest's memory.grow benchmark alone: its table, saved in a dated file."""
    import quick  # pylint: disable=import-outside-toplevel
    guest, _, out = guest_run.run_guest(args, "MINI", 1, False)
    k = guest["kernel"].get("micro", {})
    m = machine(args)
    rows = [r for r in report.micro_table(guest).splitlines() if r.startswith("|--") or "malloc" in r]
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
    ap.add_argument("--net-only", action="store_true",
                    help="guest only: the network benchmark (bench/net.py)")
    ap.add_argument("--net-reps", type=int, default=0,
                    help="rounds of the network benchmark [--guest-reps]")
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
        report.write_reports(data, args.results, False)
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
    if args.net_only:
        return net.net_only(args)
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
        host, skipped = host_engines.run_host(args, args.size, args.reps, 0 if args.smoke else 1)
        data["host"], data["host_skipped"] = host, skipped
        if "gcc" in host and host["gcc"]["status"] == 0:
            reference = {k: v["hash"] for k, v in host["gcc"]["kernels"].items()}
        p, f, lines = report.check(host, reference, "host")
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
        guest, sizes, out = guest_run.run_guest(args, args.guest_size, args.guest_reps, False)
        data["guest"], data["sizes"] = guest, sizes
        ref = reference if args.guest_size == args.size else {}
        if not ref:
            # the guest's native run is the reference at a size the host did not run
            ref = {k: v["hash"] for k, v in guest["native"]["kernels"].items()}
        p, f, lines = report.check(guest, ref, "guest")
        passed, failed = passed + p, failed + f
        for line in lines:
            log(line)
        if f:
            log(out[-3000:])
        nres = net.parse(net.read_result(args))
        data["net"] = nres
        p, f, lines = net.check(nres, 1 if args.smoke else max(1, args.net_reps or args.guest_reps))
        passed, failed = passed + p, failed + f
        for line in lines:
            log(line)
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
    report.write_reports(data, dest, args.smoke)
    log("bench: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())
