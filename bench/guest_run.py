# SPDX-License-Identifier: GPL-2.0
"""The QEMU guest part: building and staging what the guest runs (guest.sh,
the .wko objects, static binaries, OCI bundles), booting it, parsing its
results and the sizes of what it ran."""

import os
import shutil
import subprocess

import ctr
import launches
import net
from common import (GUEST_ENGINES, HERE, NATIVE_CFLAGS, ROOT, WASM_CFLAGS, log, parse_lines,
                    pb_sources, sh, summarize)


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
    if not pb_only and not args.grow_only:
        net.stage(args, d, w, args.smoke)
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
