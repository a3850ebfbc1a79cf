# SPDX-License-Identifier: GPL-2.0
"""The launch figures of the guest: start-up, peak memory and image size of
hello and of each PolyBench kernel, native / runc / wasmkm (bench/guest.sh,
bench/micro/launch.c): parsing, Markdown tables and one PNG per figure."""

import os
import statistics

ENGINES = ["native", "runc", "kernel"]
LABELS = {"native": "native", "runc": "runc (container)", "kernel": "wasmkm"}
# figure -> (index in a launch record, unit divisor, unit, title)
FIGURES = {
    "startup": (0, 1e6, "ms", "launch → first instruction of main"),
    "exit": (1, 1e6, "ms", "launch → exit seen"),
    "memory": (2, 1048576, "MiB", "memory.peak of the run's cgroup"),
}


def parse(text, engine):
    """'ENGINE launch NAME FIRST DONE PEAK' lines -> NAME -> [(first, done, peak)]."""
    out = {}
    for line in text.splitlines():
        f = line.split()
        if len(f) == 6 and f[0] == engine and f[1] == "launch":
            try:
                out.setdefault(f[2], []).append(tuple(int(x) for x in f[3:6]))
            except ValueError:
                pass
    return out


def stats(guest, engine, name, fig):
    """(median, min) of one figure for one engine and program, or None."""
    runs = guest.get(engine, {}).get("launch", {}).get(name)
    if not runs:
        return None
    idx, div = FIGURES[fig][0], FIGURES[fig][1]
    v = [r[idx] / div for r in runs]
    return statistics.median(v), min(v)


def names(guest):
    out = []
    for e in ENGINES:
        for n in guest.get(e, {}).get("launch", {}):
            if n not in out:
                out.append(n)
    return out


def figure_table(guest, fig):
    """Rows per program: native median (min), then each engine's median (min) and ratio."""
    progs = names(guest)
    if not progs:
        return ""
    unit = FIGURES[fig][2]
    engines = [e for e in ENGINES if guest.get(e, {}).get("launch")]
    head = ["program"] + ["%s, %s" % (LABELS[e], unit) for e in engines]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for n in progs:
        base = stats(guest, "native", n, fig)
        cells = [n]
        for e in engines:
            s = stats(guest, e, n, fig)
            if not s:
                cells.append("-")
            elif e != "native" and base and base[0] > 0:
                cells.append("%.2f (%.2f) ×%.2f" % (s[0], s[1], s[0] / base[0]))
            else:
                cells.append("%.2f (%.2f)" % s)
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def size_rows(sizes):
    """Image size per program: static binary, OCI bundle, .wasm, .wko."""
    rows = ["| program | native -static | OCI bundle (rootfs + config.json) | .wasm | .wko file |"
            " .wko text+data+bss |", "|---|---|---|---|---|---|"]
    for name in ("hello", "pb"):
        s = sizes.get(name)
        if not s:
            continue
        rows.append("| %s | %s | %s | %s | %s | %s |" % tuple(
            "-" if v is None else str(v) for v in
            (name, s.get("native_static"), s.get("bundle"), s.get("wasm"), s.get("wko"),
             s.get("wko_loaded"))))
    return "\n".join(rows) if len(rows) > 2 else ""


def markdown(guest, sizes):
    out = []
    if not names(guest):
        return out
    out += ["### Native, container and wasmkm: one launch per program (guest)", "",
            "Each row is hello or one PolyBench kernel run as its own process "
            "(`pb -r RUNS KERNEL`), launched by `bench/micro/launch.c`: median (min) "
            "over the repetitions, ×: the median's ratio to native.  runc runs the same "
            "static binary in an OCI bundle (`bench/ctr.py`); wasmkm is "
            "`wasmctl load OBJ --wait` (verify, load the module, start, wait).  "
            "Memory is the `memory.peak` of a fresh cgroup per launch (native: the "
            "process; runc: the container's group, including its `runc init` stage; "
            "wasmkm: the loader `wasmctl` and what the instance charges to it).", ""]
    for fig in ("startup", "exit", "memory"):
        out += ["#### %s" % FIGURES[fig][3].capitalize(), "", figure_table(guest, fig), ""]
    st = size_rows(sizes)
    if st:
        out += ["#### Image size in bytes", "", st, ""]
    return out


def plot(guest, sizes, dest):
    """startup.png, exit.png, memory.png, size.png in DEST; a reason if none."""
    try:
        import matplotlib  # pylint: disable=import-outside-toplevel
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # pylint: disable=import-outside-toplevel
    except ImportError:
        return "matplotlib not installed (Debian package python3-matplotlib)"
    progs = names(guest)
    engines = [e for e in ENGINES if guest.get(e, {}).get("launch")]
    if not progs or not engines:
        return "no launch results"
    width = 0.8 / len(engines)
    for fig in ("startup", "exit", "memory"):
        f, ax = plt.subplots(figsize=(max(10, len(progs) * 0.55), 5))
        for i, e in enumerate(engines):
            xs = [j + (i - (len(engines) - 1) / 2) * width for j in range(len(progs))]
            ys = [(stats(guest, e, n, fig) or (0, 0))[0] for n in progs]
            ax.bar(xs, ys, width, label=LABELS[e])
        ax.set_xticks(range(len(progs)))
        ax.set_xticklabels(progs, rotation=60, ha="right", fontsize=8)
        # the engines differ by one to two orders of magnitude
        ax.set_yscale("log")
        ax.set_ylabel("%s, median (%s, log scale)" % (FIGURES[fig][3], FIGURES[fig][2]))
        ax.set_title("%s, QEMU TCG guest" % FIGURES[fig][3])
        ax.legend(fontsize=8)
        f.tight_layout()
        f.savefig(os.path.join(dest, fig + ".png"), dpi=110)
        plt.close(f)
    kinds = [("native_static", "native -static"), ("bundle", "OCI bundle"), ("wasm", ".wasm"),
             ("wko", ".wko file")]
    progs = [n for n in ("hello", "pb") if n in sizes]
    if progs:
        f, ax = plt.subplots(figsize=(7, 4))
        width = 0.8 / len(kinds)
        for i, (key, label) in enumerate(kinds):
            xs = [j + (i - (len(kinds) - 1) / 2) * width for j in range(len(progs))]
            ax.bar(xs, [(sizes[n].get(key) or 0) / 1024 for n in progs], width, label=label)
        ax.set_xticks(range(len(progs)))
        ax.set_xticklabels(progs)
        ax.set_ylabel("KiB")
        ax.set_title("image size")
        ax.legend(fontsize=8)
        f.tight_layout()
        f.savefig(os.path.join(dest, "size.png"), dpi=110)
        plt.close(f)
    return None
