# SPDX-License-Identifier: GPL-2.0
"""Reports: checksums against the reference, ratio tables, plots, the
Markdown file, the table in bench/README.md."""

import json
import math
import os
import re

import launches
from common import GUEST_ENGINES, HERE, HOST_ENGINES, log


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
    # Only a run into bench/results replaces the README's table.
    if os.path.abspath(dest) == os.path.join(HERE, "results"):
        update_readme(md)
    log("bench: results in %s (latest.json, latest.md, ratio-*.png, startup.png, exit.png, "
        "memory.png, size.png)" % dest)
